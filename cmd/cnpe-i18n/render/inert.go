package render

import (
	"fmt"
	"regexp"
	"strings"
)

var (
	unescapedBacktick = regexp.MustCompile("(^|[^\\\\])`")
	htmlTag           = regexp.MustCompile(`<(/?[a-zA-Z]+)[\s/>]`)
	mention           = regexp.MustCompile(`@[\w-]`)
	reference         = regexp.MustCompile(`(^|[^&\w])#\d|(?i)\bGH-\d`)
	linkTarget        = regexp.MustCompile(`\]\(([^)]*)\)`)
)

// LiveMarkup lists what in a comment made by Comment could act as markup
// from the repository: no marker first, a mention, an issue reference
// (#1, GH-1), an HTML comment, a link to anything but https, HTML other than the comment's own
// tags, an unescaped backtick. Tests of every caller check comments with
// it; nil means inert.
func LiveMarkup(comment string) []string {
	var out []string
	if !strings.HasPrefix(comment, CommentMarker+"\n") {
		out = append(out, "the comment does not start with the marker")
	}
	body := strings.TrimPrefix(comment, CommentMarker)
	for _, re := range []*regexp.Regexp{mention, reference} {
		if m := re.FindString(body); m != "" {
			out = append(out, fmt.Sprintf("comment contains a live %q", m))
		}
	}
	for _, bad := range []string{"<!--", "](javascript"} {
		if strings.Contains(body, bad) {
			out = append(out, fmt.Sprintf("comment contains live %q", bad))
		}
	}
	// Links go to https only.
	for _, m := range linkTarget.FindAllStringSubmatch(body, -1) {
		if !strings.HasPrefix(m[1], "https://") {
			out = append(out, fmt.Sprintf("link to %q", m[1]))
		}
	}
	// No unescaped backtick: page text cannot open or close a code span.
	if unescapedBacktick.MatchString(body) {
		out = append(out, "comment contains an unescaped backtick")
	}
	// Tags in the comment are ours only.
	for _, tag := range htmlTag.FindAllStringSubmatch(body, -1) {
		switch strings.TrimPrefix(tag[1], "/") {
		case "details", "summary", "b", "del", "ins", "code", "sub":
		default:
			out = append(out, fmt.Sprintf("unexpected tag <%s>", tag[1]))
		}
	}
	return out
}
