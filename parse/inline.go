package parse

import (
	"bytes"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"golang.org/x/net/html"
)

// textSink receives the plain text of a unit: a strings.Builder, or a
// folder that folds white space as it goes.
type textSink interface {
	WriteString(string) (int, error)
	WriteByte(byte) error
}

// inline writes the words a reader sees in n's inline content to b, with
// code, URLs and images masked and shortcodes reduced to their names, and
// collects n's anchors.
func (s *segmenter) inline(n ast.Node, b textSink, a *Anchors) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			s.text(c.Segment.Start, c.Segment.Stop, b, a)
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte('\n')
			}
		case *ast.String:
			b.WriteString(unsafeString(c.Value))
		case *ast.CodeSpan:
			b.WriteString(maskToken)
			a.Code = append(a.Code, s.codeSpanText(c))
		case *ast.Link:
			s.inline(c, b, a)
			a.Links = append(a.Links, s.unmask(string(c.Destination), c.Pos()))
		case *ast.Image:
			s.inline(c, b, a)
			b.WriteString(maskToken)
			a.Images = append(a.Images, s.unmask(string(c.Destination), c.Pos()))
		case *ast.AutoLink:
			b.WriteString(maskToken)
			a.Links = append(a.Links, string(c.URL(s.src)))
		case *ast.RawHTML:
			s.rawHTML(c, b, a)
		case *east.FootnoteLink:
			b.WriteString(maskToken)
		case *east.TaskCheckBox:
		default:
			s.inline(c, b, a)
		}
	}
}

// text writes src[start:end], replacing shortcode tags with their names,
// and records the visible ranges.
func (s *segmenter) text(start, end int, b textSink, a *Anchors) {
	i := sort.Search(len(s.tags), func(i int) bool { return s.tags[i].end > start })
	for ; i < len(s.tags) && s.tags[i].start < end; i++ {
		t := s.tags[i]
		if t.start > start {
			b.WriteString(unsafeString(s.src[start:t.start]))
			s.span(start, t.start)
		}
		if t.start >= start && !t.closing {
			b.WriteString("{{" + t.name + "}}")
			a.Shortcodes = append(a.Shortcodes, t.name)
		}
		start = max(start, t.end)
	}
	if start < end {
		b.WriteString(unsafeString(s.src[start:end]))
		s.span(start, end)
	}
}

// span records a visible range of the unit being built.
func (s *segmenter) span(start, end int) {
	if n := len(s.spans); n > 0 && s.spans[n-1].End == start {
		s.spans[n-1].End = end
		return
	}
	s.spans = append(s.spans, Span{start, end})
}

func (s *segmenter) codeSpanText(c *ast.CodeSpan) string {
	// Most code spans are one text segment: a slice of the page, no copy.
	if t, ok := c.FirstChild().(*ast.Text); ok && t.NextSibling() == nil && t.Segment.Padding == 0 {
		return s.str[t.Segment.Start:t.Segment.Stop]
	}
	var b bytes.Buffer
	for t := c.FirstChild(); t != nil; t = t.NextSibling() {
		if t, ok := t.(*ast.Text); ok {
			b.Write(t.Segment.Value(s.src))
		}
	}
	return b.String()
}

// unmask restores shortcode tags that were masked inside a link
// destination, searching the tags after the link's position.
func (s *segmenter) unmask(dest string, pos int) string {
	if !strings.Contains(dest, string(maskByte)) || pos < 0 {
		return dest
	}
	i := sort.Search(len(s.tags), func(i int) bool { return s.tags[i].start >= pos })
	for ; i < len(s.tags) && strings.Contains(dest, string(maskByte)); i++ {
		t := s.tags[i]
		run := strings.Repeat(string(maskByte), t.end-t.start)
		if !strings.Contains(dest, run) {
			break
		}
		dest = strings.Replace(dest, run, string(s.src[t.start:t.end]), 1)
	}
	return dest
}

// rawHTML handles inline HTML: tags are markup (masked), <br> is a line
// break, link targets are anchors.
func (s *segmenter) rawHTML(c *ast.RawHTML, b textSink, a *Anchors) {
	for i := 0; i < c.Segments.Len(); i++ {
		seg := c.Segments.At(i)
		raw := seg.Value(s.src)
		if hasTagPrefix(raw, "<br") {
			b.WriteByte('\n')
		}
		// Most inline tags (<kbd>, </sup>) carry no target: skip the tokenizer.
		if !bytes.Contains(raw, []byte("href")) && !bytes.Contains(raw, []byte("src")) {
			continue
		}
		z := html.NewTokenizer(bytes.NewReader(raw))
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				break
			}
			if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
				_, hasAttr := z.TagName()
				t := tagAttrAnchors(z, hasAttr)
				a.Links = append(a.Links, t.Links...)
				a.Images = append(a.Images, t.Images...)
			}
		}
	}
}

// hasTagPrefix reports whether raw starts with the tag prefix, in any case,
// followed by the end of the name.
func hasTagPrefix(raw []byte, prefix string) bool {
	if len(raw) < len(prefix) || !strings.EqualFold(string(raw[:len(prefix)]), prefix) {
		return false
	}
	return len(raw) == len(prefix) || !isLatinLetter(rune(raw[len(prefix)]))
}
