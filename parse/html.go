package parse

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
)

// blockTags end a run of text inside an HTML block: each run between them
// is one unit (a <td> is a table cell, a <p> or <h4> an html unit).
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "body": true,
	"caption": true, "center": true, "dd": true, "details": true, "div": true, "dl": true,
	"dt": true, "figcaption": true, "figure": true, "footer": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "header": true, "hr": true, "html": true,
	"li": true, "main": true, "nav": true, "ol": true, "p": true, "pre": true, "section": true,
	"summary": true, "table": true, "tbody": true, "td": true, "tfoot": true, "th": true,
	"thead": true, "tr": true, "ul": true, "iframe": true, "form": true, "fieldset": true,
}

// htmlRun is text between block tags of an HTML block.
type htmlRun struct {
	start, end int // byte span in the file, from the first to the last visible byte
	plain      folder
	anchors    Anchors
	text       bool // holds visible text
	cell       bool // inside <td> or <th>
	spans      []Span
	row, col   int
}

// htmlBlock turns an HTML block into units: one per run of visible text
// (table cells of an HTML table become table_cell units, so that rewriting
// the table in Markdown changes markup only), or a single untranslatable
// html unit when the block shows no text.
func (s *segmenter) htmlBlock(n *ast.HTMLBlock) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return
	}
	start := lines.At(0).Start
	end := lines.At(lines.Len() - 1).Stop
	if n.HasClosure() {
		end = max(end, n.ClosureLine.Stop)
	}
	end = trimEnd(s.src, start, end)
	raw := s.src[start:end]
	var (
		emitted bool
		tags    string
		anchors Anchors
	)
	if !isComment(raw) {
		emitted, tags, anchors = s.htmlRuns(start, s.blankBlockTags(start, end))
	}
	if emitted {
		return
	}
	text := s.lfText(start, end)
	s.add(Unit{
		Kind:        HTML,
		Start:       start,
		End:         end,
		Text:        text,
		Plain:       "",
		Fingerprint: hash("html:" + tags),
		Anchors:     s.anchorsOrNil(anchors),
	})
}

// blankBlockTags is src[start:end] with the block shortcode tags in it
// blanked: they are units of their own (shortcodesBefore), never HTML text,
// even where the HTML tokenizer would read across them.
func (s *segmenter) blankBlockTags(start, end int) []byte {
	raw := s.src[start:end]
	copied := false
	for _, t := range s.tags[s.nextTag:] {
		if t.start >= end {
			break
		}
		if !t.block || t.end <= start {
			continue
		}
		if !copied {
			raw, copied = bytes.Clone(raw), true
		}
		for p := max(t.start, start); p < min(t.end, end); p++ {
			if raw[p-start] != '\n' && raw[p-start] != '\r' {
				raw[p-start] = ' '
			}
		}
	}
	return raw
}

// htmlRuns emits the runs of text of an HTML block. It also returns the
// block's tag names and anchors, for a block without text.
func (s *segmenter) htmlRuns(base int, raw []byte) (emitted bool, tagNames string, all Anchors) {
	z := html.NewTokenizer(bytes.NewReader(raw))
	var names strings.Builder
	var (
		off      int
		run      *htmlRun
		stack    []string
		skipping string // inside <script> or <style>
		table    = -1
		row, col = -1, 0
	)
	flush := func() {
		if run != nil && run.text {
			s.emitRun(run, table)
			emitted = true
		}
		run = nil
	}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tok := z.Raw()
		tokStart, tokEnd := base+off, base+off+len(tok)
		off += len(tok)
		switch tt {
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			nameBytes, hasAttr := z.TagName()
			name := string(nameBytes)
			var tagAnchors Anchors
			if tt != html.EndTagToken {
				names.WriteString("<" + name + ">")
				tagAnchors = tagAttrAnchors(z, hasAttr)
				all.Links = append(all.Links, tagAnchors.Links...)
				all.Images = append(all.Images, tagAnchors.Images...)
			}
			if skipping != "" {
				if tt == html.EndTagToken && name == skipping {
					skipping = ""
				}
				continue
			}
			if tt == html.StartTagToken && (name == "script" || name == "style") {
				flush()
				skipping = name
				continue
			}
			if blockTags[name] {
				flush()
				switch {
				case tt == html.StartTagToken && name == "table":
					s.tables++
					table, row = s.tables, -1
				case tt == html.StartTagToken && name == "tr":
					row++
					col = 0
				case tt == html.EndTagToken && (name == "td" || name == "th"):
					col++
				}
				if tt == html.StartTagToken {
					stack = append(stack, name)
				} else if tt == html.EndTagToken {
					stack = popTag(stack, name)
				}
				continue
			}
			if run == nil {
				run = s.newRun(tokStart, stack, row, col)
			}
			run.end = tokEnd
			if name == "br" {
				run.plain.WriteByte('\n')
			}
			run.anchors.Links = append(run.anchors.Links, tagAnchors.Links...)
			run.anchors.Images = append(run.anchors.Images, tagAnchors.Images...)
		case html.TextToken:
			if skipping != "" {
				continue
			}
			lead := len(tok) - len(bytes.TrimLeft(tok, " \t\r\n"))
			trail := len(tok) - len(bytes.TrimRight(tok, " \t\r\n"))
			if lead == len(tok) {
				if run != nil {
					run.plain.WriteByte(' ')
				}
				continue
			}
			if run == nil {
				run = s.newRun(tokStart+lead, stack, row, col)
			}
			run.end = tokEnd - trail
			run.text = true
			// The text is collected in a reused buffer: UnescapeString
			// returns its argument when there is nothing to unescape, and
			// the folder copies what it is given.
			b := bytes.NewBuffer(s.htmlText[:0])
			saved := s.spans
			s.spans = run.spans
			s.text(tokStart, tokEnd, b, &run.anchors)
			run.spans, s.spans = s.spans, saved
			run.plain.WriteString(html.UnescapeString(unsafeString(b.Bytes())))
			s.htmlText = b.Bytes()
		default: // comments, doctype
			flush()
		}
	}
	flush()
	return emitted, names.String(), all
}

func (s *segmenter) newRun(start int, stack []string, row, col int) *htmlRun {
	r := &htmlRun{start: start, end: start, row: row, col: col}
	for i := len(stack) - 1; i >= 0; i-- {
		if stack[i] == "td" || stack[i] == "th" {
			r.cell = true
			break
		}
		if stack[i] == "table" {
			break
		}
	}
	return r
}

func (s *segmenter) emitRun(r *htmlRun, table int) {
	text := s.lfText(r.start, r.end)
	plain := r.plain.String()
	kind := HTML
	if r.cell && table >= 0 {
		kind = TableCell
	}
	u := s.add(Unit{
		Kind:         kind,
		Start:        r.start,
		End:          r.end,
		Text:         text,
		Translatable: true,
		Plain:        plain,
		Fingerprint:  hash(plain),
		Anchors:      s.anchorsOrNil(r.anchors),
		Spans:        r.spans,
	})
	if kind == TableCell {
		u.cell = &cellPos{table: table, row: max(r.row, 0), col: r.col}
	}
}

func popTag(stack []string, name string) []string {
	for i := len(stack) - 1; i >= 0; i-- {
		if stack[i] == name {
			return stack[:i]
		}
	}
	return stack
}

// tagAttrAnchors returns the link and image targets among the attributes
// of the tokenizer's current tag.
func tagAttrAnchors(z *html.Tokenizer, hasAttr bool) Anchors {
	var a Anchors
	for hasAttr {
		var key, val []byte
		key, val, hasAttr = z.TagAttr()
		switch string(key) {
		case "href":
			a.Links = append(a.Links, string(val))
		case "src":
			a.Images = append(a.Images, string(val))
		}
	}
	return a
}

// isComment reports whether an HTML block is one comment, which shows no
// text and needs no tokenizer.
func isComment(raw []byte) bool {
	return bytes.HasPrefix(raw, []byte("<!--")) && bytes.Index(raw, []byte("-->")) == len(raw)-3
}
