package glossary

import (
	"bytes"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// text is the visible text of one or more units as the page renders it,
// normalized (NFKC, so full-width Latin and half-width kana fold; ’ as
// '), in two spellings of equal length: Latin lower-cased (norm) and as
// written (cased), with the file offset of every byte (offset).
//
// Between the spans of a unit, a gap holding a line break or a space
// reads as one space, except between two CJK characters, where a soft
// line break renders as nothing; a gap holding a code span reads as
// codeMark, so no term runs across code; units are separated by a line
// feed.
type text struct {
	norm  string
	cased string
	segs  []segment // the offsets, in order of at
	src   []byte    // the file the offsets are in (unitText)
}

// segment maps the bytes of norm from at on (to the next segment) to
// the file: bytes copied as they are (ASCII, and the runes NFKC keeps),
// each at the offset of its rune's first byte (copied), or a rune folded
// or a gap, every byte at from.
type segment struct {
	at, from int32
	copied   bool
}

// offset is the file offset of norm's byte at (0 <= at < len(norm)).
func (t text) offset(at int) int {
	k := sort.Search(len(t.segs), func(k int) bool { return int(t.segs[k].at) > at }) - 1
	sg := t.segs[k]
	if !sg.copied {
		return int(sg.from)
	}
	// cased has the file's bytes here: back to the rune's first.
	start := at
	for start > int(sg.at) && !utf8.RuneStart(t.cased[start]) {
		start--
	}
	return int(sg.from) + start - int(sg.at)
}

// codeMark stands for a code span or other masked text inside a unit.
const codeMark = '\uFFFC'

type textBuilder struct {
	norm, cased strings.Builder
	segs        []segment
}

// segment starts a segment at the end of norm, unless the last one goes
// on into it (copied bytes that follow copied bytes in the file).
func (b *textBuilder) segment(from int, copied bool) {
	at := int32(b.norm.Len())
	if n := len(b.segs); n > 0 && copied {
		if last := b.segs[n-1]; last.copied && last.from+(at-last.at) == int32(from) {
			return
		}
	}
	b.segs = append(b.segs, segment{at, int32(from), copied})
}

func (b *textBuilder) add(s, c string, at int) {
	if len(c) != len(s) {
		c = s
	}
	if s == "" {
		return
	}
	b.segment(at, false)
	b.norm.WriteString(s)
	b.cased.WriteString(c)
}

func (b *textBuilder) last() rune {
	r, _ := utf8.DecodeLastRuneInString(b.norm.String())
	return r
}

func (b *textBuilder) text() text {
	return text{norm: b.norm.String(), cased: b.cased.String(), segs: b.segs}
}

// spans adds the spans of one unit.
func (b *textBuilder) spans(src []byte, spans []parse.Span) {
	inCode := false
	for k, sp := range spans {
		if k > 0 && spans[k-1].End < sp.Start {
			b.gap(src, spans[k-1].End, sp.Start)
			// Text inside inline HTML <code> is code too.
			g := src[spans[k-1].End:sp.Start]
			if i := bytes.LastIndex(g, []byte("<code")); i >= 0 && !bytes.Contains(g[i:], []byte("</code>")) {
				inCode = true
			} else if bytes.Contains(g, []byte("</code>")) {
				inCode = false
			}
		}
		if inCode {
			continue
		}
		b.runes(src, sp.Start, sp.End)
	}
}

// tooltipText matches a Hugo glossary_tooltip shortcode tag with a text
// argument, which the page renders as that text: {{< glossary_tooltip
// text="노드" term_id="node" >}} reads 노드. Submatch 1 is the text.
var tooltipText = regexp.MustCompile(`\{\{[<%]\s*glossary_tooltip\s[^}]*?\btext="([^"]*)"[^}]*?[>%]\}\}`)

// tooltipLocs is tooltipText.FindAllSubmatchIndex(b, -1), with no
// regular expression run on bytes that do not name the shortcode (most).
func tooltipLocs(b []byte) [][]int {
	if !bytes.Contains(b, []byte("glossary_tooltip")) {
		return nil
	}
	return tooltipText.FindAllSubmatchIndex(b, -1)
}

// unitText is the text of one unit as the page renders it: its spans,
// with the text of glossary tooltips that open or close it (outside its
// spans) too. A unit that is nothing but tooltips (a list item or table
// cell) has no spans: its text is theirs.
func unitText(src []byte, u *parse.Unit) text {
	var b textBuilder
	if n := u.End - u.Start; n > 0 && n <= len(src) {
		b.norm.Grow(n)
		b.cased.Grow(n)
	}
	// A segment per span and gap at most, mostly fewer: runs merge.
	b.segs = make([]segment, 0, 2*len(u.Spans)+2)
	if len(u.Spans) == 0 {
		b.tooltips(src, u.Start, u.End, false)
		t := b.text()
		t.src = src
		return t
	}
	b.tooltips(src, u.Start, u.Spans[0].Start, false)
	b.spans(src, u.Spans)
	b.tooltips(src, u.Spans[len(u.Spans)-1].End, u.End, true)
	t := b.text()
	t.src = src
	return t
}

// tooltips adds the text of the glossary tooltips in src[start:end],
// outside a unit's spans: the gap between a tooltip and the unit's
// text renders as gap does, the bytes beyond the unit not at all.
func (b *textBuilder) tooltips(src []byte, start, end int, after bool) {
	if start < 0 || end > len(src) || start >= end {
		return
	}
	locs := tooltipLocs(src[start:end])
	for k, l := range locs {
		if after || k > 0 {
			from := start
			if k > 0 {
				from = start + locs[k-1][1]
			}
			b.plainGap(src, from, start+l[0])
		}
		b.runes(src, start+l[2], start+l[3])
	}
	if n := len(locs); n > 0 && !after {
		b.plainGap(src, start+locs[n-1][1], end)
	}
}

// runes adds src[start:end] as written. ASCII and the scripts NFKC
// leaves alone (see foldRune) are copied as they are, the rest folded.
func (b *textBuilder) runes(src []byte, start, end int) {
	end = min(end, len(src))
	for i := start; i < end; {
		c := src[i]
		if c < utf8.RuneSelf {
			i = b.ascii(src, i, end)
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			i++
			continue
		}
		if keptByNFKC(r) {
			i = b.kept(src, i, end)
			continue
		}
		b.add(foldRune(r, true), foldRune(r, false), i)
		i += size
	}
}

// kept adds the run of runes NFKC leaves alone (keptByNFKC) that starts
// at src[i], as they are, and returns where it stops before end. Those
// runes are all of three bytes.
func (b *textBuilder) kept(src []byte, i, end int) int {
	j := i + 3
	for j+3 <= end && src[j] >= utf8.RuneSelf {
		if r, _ := utf8.DecodeRune(src[j:]); !keptByNFKC(r) {
			break
		}
		j += 3
	}
	b.segment(i, true)
	b.norm.Write(src[i:j])
	b.cased.Write(src[i:j])
	return j
}

// ascii adds the run of ASCII bytes at src[i:end] (a tab reads as a
// space, and norm has the letters in lower case) and returns where it
// stops.
func (b *textBuilder) ascii(src []byte, i, end int) int {
	j := i
	for j < end && src[j] < utf8.RuneSelf && src[j] != '\t' {
		j++
	}
	if j == i { // a tab
		b.add(" ", " ", i)
		return i + 1
	}
	b.segment(i, true)
	b.cased.Write(src[i:j])
	from := i
	for k := i; k < j; k++ {
		if c := src[k]; 'A' <= c && c <= 'Z' {
			b.norm.Write(src[from:k])
			b.norm.WriteByte(c + 'a' - 'A')
			from = k + 1
		}
	}
	b.norm.Write(src[from:j])
	return j
}

// gap adds what the bytes between two spans of a unit render as: the
// text of a glossary tooltip in them as text, the rest as plainGap.
func (b *textBuilder) gap(src []byte, start, end int) {
	if end > len(src) {
		return
	}
	locs := tooltipLocs(src[start:end])
	at := start
	for _, l := range locs {
		b.plainGap(src, at, start+l[0])
		b.runes(src, start+l[2], start+l[3])
		at = start + l[1]
	}
	b.plainGap(src, at, end)
}

// plainGap adds what bytes with no tooltip render as.
func (b *textBuilder) plainGap(src []byte, start, end int) {
	if start >= end {
		return
	}
	g := src[start:end]
	switch {
	case bytes.IndexByte(g, '`') >= 0:
		b.add(string(codeMark), string(codeMark), start)
	case bytes.ContainsAny(g, " \t\r\n<"):
		next, _ := utf8.DecodeRune(src[end:])
		if isCJK(b.last()) && isCJK(next) && !bytes.ContainsAny(g, " \t<") {
			return // a soft line break inside CJK text renders as nothing
		}
		b.add(" ", " ", start)
	}
}

// isCJK reports a rune of a script written without spaces.
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || r == 'ー' ||
		r >= 0x3000 && r <= 0x303F || r >= 0xFF01 && r <= 0xFF60
}

// normString normalizes a glossary form the way text is.
func normString(s string, lower bool) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteString(foldRune(r, lower))
	}
	return b.String()
}

func foldRune(r rune, lower bool) string {
	switch r {
	case '\u2019', '\u2018':
		return "'"
	case '\u00a0', '\t':
		return " "
	case '\u2010', '\u2011':
		return "-"
	}
	if r < utf8.RuneSelf {
		if lower {
			return string(unicode.ToLower(r))
		}
		return string(r)
	}
	if keptByNFKC(r) {
		return string(r)
	}
	if k := wideIndex(r); k >= 0 {
		return wideFolds[k][b2i(lower)]
	}
	return nfkcFold(r, lower)
}

// wideFolds are foldRune's answers, cased and lower, for the runes
// wideIndex numbers: CJK punctuation (、。「」) and full-width forms
// (（）：), which Japanese and Chinese text is full of.
var wideFolds = func() (out [0x100 + 0xF0][2]string) {
	for r := rune(0x3000); r < 0x10000; r++ {
		if k := wideIndex(r); k >= 0 {
			out[k] = [2]string{nfkcFold(r, false), nfkcFold(r, true)}
		}
	}
	return out
}()

// wideIndex numbers U+3000-U+30FF and U+FF00-U+FFEF; -1 for other runes.
func wideIndex(r rune) int {
	switch {
	case r >= 0x3000 && r < 0x3100:
		return int(r - 0x3000)
	case r >= 0xFF00 && r < 0xFFF0:
		return 0x100 + int(r-0xFF00)
	}
	return -1
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// nfkcFold is foldRune for a rune past ASCII that NFKC may change.
func nfkcFold(r rune, lower bool) string {
	s := norm.NFKC.String(string(r))
	if lower && unicode.Is(unicode.Latin, r) {
		s = strings.ToLower(s)
	}
	return s
}

// keptByNFKC reports Hangul syllables, CJK ideographs and kana: NFKC
// leaves them as they are, and they have no case. Each is of three bytes
// in UTF-8.
func keptByNFKC(r rune) bool {
	return r >= 0xAC00 && r <= 0xD7A3 || r >= 0x4E00 && r <= 0x9FFF || r >= 0x3041 && r <= 0x3096 || r >= 0x30A1 && r <= 0x30FC
}
