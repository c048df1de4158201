package render

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
	"github.com/cnpe-i18n/cnpe-i18n/translations"
)

// CommentMarker starts every comment so that a bot finds and updates its
// own comment instead of adding one per push.
const CommentMarker = "<!-- cnpe-i18n:status -->"

// MaxCommentBytes is GitHub's limit on a comment (65,536 characters). The
// comment is kept under it in bytes, which is stricter for non-ASCII text
// and what "head -c" counts.
const MaxCommentBytes = 65536

// Linker makes links to translation lines.
type Linker struct {
	// Base is https://github.com/OWNER/REPO/blob/SHA/. Without an https
	// base there are no links: paths are printed as code, since a
	// relative link to a directory named "javascript:alert(1)" is a
	// script.
	Base string
}

var (
	githubRepo = regexp.MustCompile(`^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$`)
	githubSHA  = regexp.MustCompile(`^[0-9a-fA-F]{7,64}$`)
	httpsHost  = regexp.MustCompile(`^https://[A-Za-z0-9.-]+(:[0-9]+)?$`)
)

// GitHubLinker links to a commit of a repository on GitHub (the Actions
// variables GITHUB_SERVER_URL, GITHUB_REPOSITORY and GITHUB_SHA), and
// makes no links when any of them is unknown or malformed.
func GitHubLinker(server, repo, sha string) Linker {
	if server == "" {
		server = "https://github.com"
	}
	if !httpsHost.MatchString(server) || !githubRepo.MatchString(repo) || !githubSHA.MatchString(sha) {
		return Linker{}
	}
	return Linker{Base: server + "/" + repo + "/blob/" + sha + "/"}
}

// Line returns the URL of lines from–to of the file at path (no line for
// from 0), or "" without an https base.
func (l Linker) Line(path string, from, to int) string {
	if !strings.HasPrefix(l.Base, "https://") {
		return ""
	}
	u := l.Base + EscapePath(path)
	if from > 0 {
		u += fmt.Sprintf("#L%d", from)
		if to > from {
			u += fmt.Sprintf("-L%d", to)
		}
	}
	return u
}

// Link is text, escaped, linked to lines from–to of path; without an https
// base it is the text and the path as code.
func (l Linker) Link(text, path string, from, to int) string {
	if u := l.Line(path, from, to); u != "" {
		return "[" + EscapeMD(text) + "](" + u + ")"
	}
	return EscapeMD(text) + " (<code>" + EscapeMD(path) + "</code>)"
}

// EscapePath makes a slash-separated repository path a URI path: every
// segment percent-encoded, with the characters that would end the path or
// start a scheme (":", "?", "#", "(", ")") encoded too.
func EscapePath(path string) string {
	segs := strings.Split(path, "/")
	for i, s := range segs {
		segs[i] = strings.NewReplacer(":", "%3A", "(", "%28", ")", "%29").Replace(url.PathEscape(s))
	}
	return strings.Join(segs, "/")
}

// Comment renders the report as a pull-request comment: a marker,
// a summary, then per language and page the units that need work with the
// source's word diff and links to the translation lines. Everything quoted
// from the repository is escaped. Past limit characters, pages are left
// out and counted.
func Comment(r *isync.Report, l Linker, limit int) string {
	var head strings.Builder
	head.WriteString(CommentMarker + "\n")
	incomplete := r.History.IncompleteHistory()
	if incomplete {
		// First, so that no one reads what follows as an all-clear.
		head.WriteString(":warning: **" + EscapeMD(r.History.Message) + "**\n\n")
	}
	head.WriteString("## Translation status\n\n")
	stale, pagesN := 0, 0
	for _, p := range r.Pages {
		if len(p.Units) > 0 || p.State != isync.PageCurrent {
			pagesN++
		}
		stale += len(p.Units)
	}
	var nonCurrent []translations.Entry
	for _, e := range r.Strings {
		if e.State != translations.Current {
			nonCurrent = append(nonCurrent, e)
		}
	}
	scope := "The site"
	if r.Since != nil {
		scope = "This change"
	}
	if pagesN == 0 && len(nonCurrent) == 0 {
		if incomplete {
			head.WriteString("What " + strings.ToLower(scope) + " does to translations cannot be told from this clone.\n")
		} else {
			head.WriteString(scope + " leaves every translation in step. :white_check_mark:\n")
		}
		return head.String()
	}
	fmt.Fprintf(&head, "%s affects **%d** translated units on **%d** pages", scope, stale, pagesN)
	if len(nonCurrent) > 0 {
		fmt.Fprintf(&head, " and **%d** UI strings", len(nonCurrent))
	}
	head.WriteString(".\n")

	var sections []string
	for _, lang := range r.Languages {
		var pages []isync.PageReport
		for _, p := range r.Pages {
			if p.Lang == lang && (len(p.Units) > 0 || p.State != isync.PageCurrent) {
				pages = append(pages, p)
			}
		}
		if len(pages) > 0 {
			sections = append(sections, fmt.Sprintf("\n### %s\n", EscapeMD(lang)))
			for _, p := range pages {
				sections = append(sections, pageSection(p, l))
			}
		}
		var strs []string
		for _, e := range nonCurrent {
			if e.Lang == lang {
				strs = append(strs, fmt.Sprintf("- **%s** %s %s\n", e.State, l.Link(e.Key, e.File, e.Line, e.Line), stringDetail(e)))
			}
		}
		if len(strs) > 0 {
			sections = append(sections, fmt.Sprintf("\n<details><summary>%s UI strings: %d</summary>\n\n%s\n</details>\n", EscapeMD(lang), len(strs), strings.Join(strs, "")))
		}
	}
	footer := "\n<sub>Generated by cnpe-i18n. Run <code>cnpe-i18n diff PATH</code> locally for a page's details.</sub>\n"
	out := head.String()
	budget := limit - len(out) - len(footer) - 200
	used, left := 0, 0
	for i, s := range sections {
		n := len(s)
		if used+n > budget {
			left = len(sections) - i
			break
		}
		out += s
		used += n
	}
	if left > 0 {
		out += fmt.Sprintf("\n**%d more sections not shown** (the comment is limited to %d bytes); run `cnpe-i18n status --since` locally or see the job log for everything.\n", left, limit)
	}
	return out + footer
}

func stringDetail(e translations.Entry) string {
	switch e.State {
	case translations.Stale:
		return fmt.Sprintf("source is now “%s”", EscapeMD(Excerpt(e.Source, 120)))
	case translations.Missing:
		return fmt.Sprintf("source “%s”", EscapeMD(Excerpt(e.Source, 120)))
	}
	return EscapeMD(e.Why)
}

// pageSection is one page: a summary line and, collapsed when long, its
// units.
func pageSection(p isync.PageReport, l Linker) string {
	name := p.Translation
	if name == "" {
		name = p.Source
	}
	var counts []string
	for _, st := range []isync.UnitState{isync.UnitStale, isync.UnitNew, isync.UnitObsolete, isync.UnitUntranslated, isync.UnitMechanical} {
		if n := p.Count(st); n > 0 {
			counts = append(counts, fmt.Sprintf("%d %s", n, st))
		}
	}
	summary := fmt.Sprintf("<b>%s</b> — %s", EscapeMD(name), p.State)
	if len(counts) > 0 {
		summary += ": " + strings.Join(counts, ", ")
	}
	if p.Words > 0 {
		summary += fmt.Sprintf(" (%d words)", p.Words)
	}
	if p.State == isync.PageMissing {
		return fmt.Sprintf("- %s: needs a translation or a stub (<code>cnpe-i18n stub</code>)\n", summary)
	}
	if len(p.Units) == 0 {
		return "- " + summary + "\n"
	}
	var b strings.Builder
	open := ""
	if len(p.Units) <= 3 {
		open = " open"
	}
	fmt.Fprintf(&b, "\n<details%s><summary>%s</summary>\n\n", open, summary)
	for _, u := range p.Units {
		switch u.State {
		case isync.UnitNew, isync.UnitUntranslated:
			fmt.Fprintf(&b, "- **%s** source %s: %s\n", u.State, l.Link(fmt.Sprintf("line %d", u.SourceLine), p.Source, u.SourceLine, u.SourceLine), EscapeMD(Excerpt(u.SourceAfter, 400)))
		case isync.UnitObsolete:
			fmt.Fprintf(&b, "- **%s** %s: the source removed “%s”\n", u.State, l.Link(lineRange(u), p.Translation, u.Line, u.EndLine), EscapeMD(Excerpt(u.SourceBefore, 300)))
		default:
			fmt.Fprintf(&b, "- **%s** %s: %s\n", u.State, l.Link(lineRange(u), p.Translation, u.Line, u.EndLine), markdownDiff(u.Words, 600))
		}
	}
	b.WriteString("\n</details>\n")
	return b.String()
}

func lineRange(u isync.UnitReport) string {
	if u.EndLine > u.Line {
		return fmt.Sprintf("lines %d–%d", u.Line, u.EndLine)
	}
	return fmt.Sprintf("line %d", u.Line)
}

// markdownDiff renders a word diff with <del> and <ins>, every run
// escaped, cut at about limit characters of text.
func markdownDiff(edits []change.Edit, limit int) string {
	var b strings.Builder
	n := 0
	for _, e := range edits {
		text := CollapseSpace(e.Text)
		if n+utf8.RuneCountInString(text) > limit {
			if e.Op == change.Equal {
				b.WriteString(EscapeMD(Excerpt(text, max(limit-n, 10))))
			} else {
				b.WriteString(" …")
			}
			break
		}
		n += utf8.RuneCountInString(text)
		switch e.Op {
		case change.Delete:
			b.WriteString("<del>" + EscapeMD(text) + "</del>")
		case change.Insert:
			b.WriteString("<ins>" + EscapeMD(text) + "</ins>")
		default:
			b.WriteString(EscapeMD(text))
		}
	}
	return b.String()
}

// EscapeMD makes text from the repository inert in a GitHub comment: no
// HTML tags or comments (< > & are entities), no Markdown syntax (every
// punctuation mark that could start a link, emphasis, code span, table or
// heading is backslash-escaped), no line breaks, and no @-mentions or
// #-references (a zero-width space follows @ and #, and splits GH-123).
func EscapeMD(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		if r == '-' && i >= 2 && i+1 < len(rs) && unicode.IsDigit(rs[i+1]) &&
			unicode.ToUpper(rs[i-2]) == 'G' && unicode.ToUpper(rs[i-1]) == 'H' {
			b.WriteString("\u200b") // GH-123 is an issue reference
		}
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		case '@', '#':
			b.WriteString("&#" + fmt.Sprint(int(r)) + ";\u200b")
		case '\\', '`', '*', '_', '[', ']', '(', ')', '+', '-', '!', '|', '~', '{', '}', '=', ':', '$':
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
