package parse

import (
	"bytes"
	"strings"
	gosync "sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// markdown is the parser Hugo configures by default: CommonMark, GFM,
// footnotes and heading attributes ({#id}).
var markdown = goldmark.New(
	goldmark.WithParser(parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(inlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	)),
	// GFM but for extension.Linkify, whose parser is in inlineParsers.
	goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList, extension.Footnote),
	goldmark.WithParserOptions(parser.WithAttribute()),
)

// maskedBufs are buffers for the masked copy of a page (segmentBody);
// one larger than maxPooledMask is left to the garbage collector.
var maskedBufs = gosync.Pool{New: func() any { return new([]byte) }}

const maxPooledMask = 1 << 20

// segmenter walks one page's AST and collects its units.
type segmenter struct {
	doc     *Document
	src     []byte // the page as read
	str     string // the same bytes as a string: unit texts are slices of it
	tags    []shortcode
	units   []Unit
	tables  int
	nextTag int    // the first tag in tags not yet placed
	scratch folder // reused for each unit's plain text
	spans   []Span // visible ranges of the unit being built

	spanSlab   []Span    // spans kept by units (keepSpans)
	anchorSlab []Anchors // anchors kept by units (anchorsOrNil)
	htmlText   []byte    // reused for each run of text in an HTML block
}

type blockContext struct {
	quote bool // inside a block quote
}

// segmentBody appends the units of the page's body to units (the front
// matter fields), in document order.
func segmentBody(doc *Document, fm FrontMatterBlock, units []Unit) []Unit {
	src := doc.Src
	// The masked copy lives only while the page is parsed: the AST's
	// segments index into it, but every text kept is copied out of src.
	bp := maskedBufs.Get().(*[]byte)
	masked := append((*bp)[:0], src...)
	defer func() {
		if cap(masked) <= maxPooledMask {
			*bp = masked[:0]
			maskedBufs.Put(bp)
		}
	}()
	// The front matter (or BOM) is blanked, not cut, so that offsets in the
	// AST are offsets in the file.
	for i := 0; i < fm.End; i++ {
		if masked[i] != '\n' {
			masked[i] = ' '
		}
	}
	if fm.End == 0 && doc.BOM {
		copy(masked, "   ")
	}
	s := segmenters.Get().(*segmenter)
	defer s.release()
	*s = segmenter{doc: doc, src: src, str: string(src), tags: scanShortcodes(src, fm.End),
		scratch: folder{buf: s.scratch.buf[:0]}, spans: s.spans[:0], htmlText: s.htmlText[:0]}
	// About one unit in three lines on real sites (kubernetes/website: 0.34);
	// the slice lives as long as the document, so a guess on the low side
	// that grows now and then costs less than one on the high side.
	s.units = append(make([]Unit, 0, len(units)+doc.Lines.Count()*3/8+16), units...)
	maskShortcodes(masked, s.tags)
	root := markdown.Parser().Parse(text.NewReader(masked))
	s.blocks(root, blockContext{})
	s.shortcodesBefore(len(src) + 1)
	return s.units
}

// segmenters keep their scratch buffers from page to page: each page's
// would otherwise grow them from nothing, unit after unit.
var segmenters = gosync.Pool{New: func() any { return new(segmenter) }}

// maxPooledScratch is the largest scratch buffer a pooled segmenter keeps.
const maxPooledScratch = 64 << 10

// release returns s to segmenters with its scratch buffers only: what the
// units keep (texts, slabs) is not reused.
func (s *segmenter) release() {
	keep := segmenter{scratch: folder{buf: s.scratch.buf[:0]}, spans: s.spans[:0], htmlText: s.htmlText[:0]}
	if cap(keep.scratch.buf) > maxPooledScratch || cap(keep.htmlText) > maxPooledScratch || cap(keep.spans) > maxPooledScratch/16 {
		return
	}
	*s = keep
	segmenters.Put(s)
}

func (s *segmenter) blocks(parent ast.Node, ctx blockContext) {
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		s.block(n, ctx)
	}
}

func (s *segmenter) block(n ast.Node, ctx blockContext) {
	switch n := n.(type) {
	case *ast.Heading:
		u := s.inlineUnit(Heading, n)
		if u == nil {
			return
		}
		u.Level = n.Level
		if id, ok := n.AttributeString("id"); ok {
			if b, ok := id.([]byte); ok {
				u.Section = string(b)
			}
		}
		if u.Section == "" {
			u.Section = Slug(strings.ReplaceAll(u.Plain, maskToken, ""))
		}
	case *ast.Paragraph, *ast.TextBlock:
		kind := Paragraph
		switch {
		case isListItem(n.Parent()):
			kind = ListItem
		case ctx.quote:
			kind = Blockquote
		}
		s.inlineUnit(kind, n)
	case *ast.Blockquote:
		s.blocks(n, blockContext{quote: true})
	case *ast.FencedCodeBlock:
		s.codeUnit(n, string(n.Language(s.src)))
	case *ast.CodeBlock:
		s.codeUnit(n, "")
	case *ast.HTMLBlock:
		s.htmlBlock(n)
	case *east.Table:
		s.table(n)
	case *ast.ThematicBreak:
	default:
		s.blocks(n, ctx)
	}
}

func isListItem(n ast.Node) bool {
	_, ok := n.(*ast.ListItem)
	return ok
}

// inlineUnit adds a unit for a block whose lines hold inline Markdown.
func (s *segmenter) inlineUnit(kind Kind, n ast.Node) *Unit {
	lines := n.Lines()
	if lines.Len() == 0 {
		return nil
	}
	start, end := lines.At(0).Start, lines.At(lines.Len()-1).Stop
	raw := s.joinLines(lines)
	if strings.TrimSpace(raw) == "" && kind != Heading {
		return nil
	}
	// The plain text is built in a reused buffer; a unit without markup
	// has the same plain text as its text and needs no copy.
	s.scratch = folder{buf: s.scratch.buf[:0]}
	s.spans = s.spans[:0]
	var anchors Anchors
	s.inline(n, &s.scratch, &anchors)
	plain := raw
	if string(s.scratch.buf) != raw {
		plain = string(s.scratch.buf)
	}
	u := Unit{
		Kind:         kind,
		Start:        start,
		End:          trimEnd(s.src, start, end),
		Text:         raw,
		Translatable: hasWords(plain),
		Plain:        plain,
		Fingerprint:  hash(plain),
		Anchors:      s.anchorsOrNil(anchors),
		Spans:        s.keepSpans(s.spans),
	}
	return s.add(u)
}

func (s *segmenter) add(u Unit) *Unit {
	s.shortcodesBefore(u.Start)
	// Shortcode tags inside this unit (a code block shows them as text)
	// are part of it.
	for s.nextTag < len(s.tags) && s.tags[s.nextTag].start < u.End {
		s.nextTag++
	}
	return s.append(u)
}

func (s *segmenter) append(u Unit) *Unit {
	u.Line = s.doc.Lines.Line(u.Start)
	u.EndLine = s.doc.Lines.Line(max(u.Start, u.End-1))
	s.units = append(s.units, u)
	return &s.units[len(s.units)-1]
}

// joinLines returns the text of a block's line segments from the original
// source, with \n line endings and trailing white space trimmed.
func (s *segmenter) joinLines(lines *text.Segments) string {
	// Lines that follow each other in the file with \n endings and no
	// markers between them are a slice of the page's text: no copy.
	first, last := lines.At(0), lines.At(lines.Len()-1)
	contiguous := true
	for i := 0; i+1 < lines.Len() && contiguous; i++ {
		a, b := lines.At(i), lines.At(i+1)
		contiguous = a.Stop == b.Start && a.Padding == 0 && b.Padding == 0 &&
			a.Stop >= 2 && s.src[a.Stop-1] == '\n' && s.src[a.Stop-2] != '\r' && s.src[a.Stop-2] != ' ' && s.src[a.Stop-2] != '\t'
	}
	if contiguous && first.Padding == 0 {
		return trimSpaceRight(s.str[first.Start:last.Stop])
	}
	var b strings.Builder
	b.Grow(last.Stop - first.Start + lines.Len())
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		v := seg.Value(s.src)
		v = v[:len(trimSpaceRight(unsafeString(v)))]
		if i > 0 {
			b.WriteByte('\n')
		}
		b.Write(v)
	}
	return trimSpaceRight(b.String())
}

// trimSpaceRight is strings.TrimRight(s, " \t\r\n") without the cut set
// built at each call.
func trimSpaceRight(s string) string {
	i := len(s)
	for i > 0 && isSpaceByte(s[i-1]) {
		i--
	}
	return s[:i]
}

func trimEnd(src []byte, start, end int) int {
	for end > start && isSpaceByte(src[end-1]) {
		end--
	}
	return end
}

func (s *segmenter) codeUnit(n ast.Node, lang string) {
	lines := n.Lines()
	var start, end int
	if lines.Len() > 0 {
		start, end = lines.At(0).Start, lines.At(lines.Len()-1).Stop
	} else {
		start = max(n.Pos(), 0)
		end = start
		if i := bytes.IndexByte(s.src[start:], '\n'); i >= 0 {
			end = start + i
		} else {
			end = len(s.src)
		}
	}
	body := strings.TrimRight(s.codeText(lines), "\n")
	s.add(Unit{
		Kind:        Code,
		Key:         lang,
		Start:       start,
		End:         trimEnd(s.src, start, end),
		Text:        body,
		Plain:       maskToken,
		Fingerprint: hash("code:" + lang),
		Anchors:     &Anchors{Code: []string{body}},
	})
}

// codeText is the text of a code block's lines with \r\n line endings
// made \n. Lines that follow each other in the file without a CR are a
// slice of the page's text, with no copy.
func (s *segmenter) codeText(lines *text.Segments) string {
	if lines.Len() == 0 {
		return ""
	}
	first, last := lines.At(0), lines.At(lines.Len()-1)
	contiguous := first.Padding == 0
	for i := 0; i+1 < lines.Len() && contiguous; i++ {
		a, b := lines.At(i), lines.At(i+1)
		contiguous = a.Stop == b.Start && b.Padding == 0
	}
	if contiguous && bytes.IndexByte(s.src[first.Start:last.Stop], '\r') < 0 {
		return s.str[first.Start:last.Stop]
	}
	var b strings.Builder
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(bytes.ReplaceAll(seg.Value(s.src), []byte("\r\n"), []byte("\n")))
	}
	return b.String()
}

// lfText is src[start:end] with \r\n line endings made \n: a slice of
// the page's text when it holds no CR.
func (s *segmenter) lfText(start, end int) string {
	if bytes.IndexByte(s.src[start:end], '\r') < 0 {
		return s.str[start:end]
	}
	return string(bytes.ReplaceAll(s.src[start:end], []byte("\r\n"), []byte("\n")))
}

func (s *segmenter) table(t *east.Table) {
	s.tables++
	row := 0
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		col := 0
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			if u := s.inlineUnit(TableCell, c); u != nil {
				u.cell = &cellPos{table: s.tables, row: row, col: col}
			}
			col++
		}
		row++
	}
}

// shortcodesBefore adds a unit for each block shortcode tag before off
// that opens a shortcode (closing tags carry nothing).
func (s *segmenter) shortcodesBefore(off int) {
	for ; s.nextTag < len(s.tags) && s.tags[s.nextTag].start < off; s.nextTag++ {
		t := s.tags[s.nextTag]
		if !t.block || t.closing {
			continue
		}
		plain := "{{" + t.name + "}}"
		s.append(Unit{
			Kind:        Shortcode,
			Key:         t.name,
			Start:       t.start,
			End:         t.end,
			Text:        s.lfText(t.start, t.end),
			Plain:       plain,
			Fingerprint: hash(plain),
			Anchors:     &Anchors{Shortcodes: []string{t.name}},
		})
	}
}

// hasWords reports whether plain text holds anything but masked parts
// and spaces: strings.Trim(plain, maskToken+" ") != "", without building
// the cut set on every call.
func hasWords(plain string) bool {
	for i := 0; i < len(plain); {
		switch {
		case plain[i] == ' ':
			i++
		case strings.HasPrefix(plain[i:], maskToken):
			i += len(maskToken)
		default:
			return true
		}
	}
	return false
}

// slabSize is how many spans or anchors a segmenter allocates at once,
// after an array of n: units keep parts of one shared array instead of
// one allocation each. Arrays start small, for short pages, and double.
func slabSize(n int) int { return min(max(2*n, 8), 128) }

// keepSpans returns a copy of spans (nil for none) that the unit keeps.
// The copy is cut from a shared array with its capacity capped, so that
// an append by a user copies instead of writing into the next unit's.
func (s *segmenter) keepSpans(spans []Span) []Span {
	n := len(spans)
	if n == 0 {
		return nil
	}
	if cap(s.spanSlab)-len(s.spanSlab) < n {
		s.spanSlab = make([]Span, 0, max(slabSize(cap(s.spanSlab)), n))
	}
	i := len(s.spanSlab)
	s.spanSlab = append(s.spanSlab, spans...)
	return s.spanSlab[i : i+n : i+n]
}

// anchorsOrNil returns a pointer to a copy of a, from a shared array, or
// nil when a is empty.
func (s *segmenter) anchorsOrNil(a Anchors) *Anchors {
	if a.IsZero() {
		return nil
	}
	if len(s.anchorSlab) == cap(s.anchorSlab) {
		s.anchorSlab = make([]Anchors, 0, slabSize(cap(s.anchorSlab)))
	}
	s.anchorSlab = append(s.anchorSlab, a)
	return &s.anchorSlab[len(s.anchorSlab)-1]
}

// hasReferenceLink reports whether a link or image target of the unit
// does not appear in its text.
func hasReferenceLink(raw string, a Anchors) bool {
	for _, l := range a.Links {
		if !strings.Contains(raw, l) {
			return true
		}
	}
	for _, l := range a.Images {
		if !strings.Contains(raw, l) {
			return true
		}
	}
	return false
}
