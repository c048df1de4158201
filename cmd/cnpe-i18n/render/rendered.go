package render

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"golang.org/x/net/html"
)

// GitHubHTML renders a comment as GitHub does: CommonMark with the GFM
// extensions (tables, strikethrough, autolinks, task lists), raw HTML kept
// (GitHub keeps the tags comments use and sanitizes the rest afterwards).
func GitHubHTML(comment string) (string, error) {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(ghtml.WithUnsafe()))
	var b bytes.Buffer
	err := md.Convert([]byte(comment), &b)
	return b.String(), err
}

var (
	visibleEscape = regexp.MustCompile("\\\\[!-/:-@\\[-`{-~]")
	// markdownLeft is Markdown syntax of the comment's own that a reader
	// would see as text: a list item or a heading swallowed by an HTML
	// block. (Page text is shown as its Markdown, tags and bold marks
	// included, so those prove nothing.)
	markdownLeft = regexp.MustCompile(`(?m)^\s*[-*] \*\*|^#{1,6} `)
)

// RenderProblems renders a comment made by Comment as GitHub would and
// lists what does not show as intended: a backslash escape left visible
// (escapes are not processed inside an HTML block), Markdown of the
// comment's own shown as text (a line swallowed by an HTML block that a
// blank line should have ended), an object replacement character (a code
// placeholder instead of the code). Tests of every caller check comments
// with it; nil means it renders as intended.
func RenderProblems(comment string) []string {
	out, err := GitHubHTML(comment)
	if err != nil {
		return []string{err.Error()}
	}
	doc, err := html.Parse(strings.NewReader(out))
	if err != nil {
		return []string{err.Error()}
	}
	var problems []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			t := n.Data
			if m := visibleEscape.FindString(t); m != "" {
				problems = append(problems, fmt.Sprintf("visible escape %q in %q", m, excerptAround(t, m)))
			}
			if strings.ContainsRune(t, '\uFFFC') {
				problems = append(problems, fmt.Sprintf("placeholder U+FFFC in %q", excerptAround(t, "\uFFFC")))
			}
			if m := markdownLeft.FindString(t); m != "" {
				problems = append(problems, fmt.Sprintf("Markdown shown as text %q in %q", m, excerptAround(t, m)))
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return problems
}

func excerptAround(text, m string) string {
	i := strings.Index(text, m)
	r := []rune(text[:i])
	from := string(r[max(len(r)-40, 0):])
	rest := []rune(text[i:])
	return from + string(rest[:min(len(rest), 40)])
}
