package glossary

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"golang.org/x/text/unicode/norm"
)

// text is the visible text of one or more units as the page renders it,
// normalized (NFKC, so full-width Latin and half-width kana fold; ’ as
// '), in two spellings of equal length: Latin lower-cased (norm) and as
// written (cased), with the file offset of every byte.
//
// Between the spans of a unit, a gap holding a line break or a space
// reads as one space, except between two CJK characters, where a soft
// line break renders as nothing; a gap holding a code span reads as
// codeMark, so no term runs across code; units are separated by a line
// feed.
type text struct {
	norm  string
	cased string
	off   []int
}

// codeMark stands for a code span or other masked text inside a unit.
const codeMark = '\uFFFC'

type textBuilder struct {
	norm, cased strings.Builder
	off         []int
}

func (b *textBuilder) add(s, c string, at int) {
	if len(c) != len(s) {
		c = s
	}
	b.norm.WriteString(s)
	b.cased.WriteString(c)
	for range len(s) {
		b.off = append(b.off, at)
	}
}

func (b *textBuilder) last() rune {
	r, _ := utf8.DecodeLastRuneInString(b.norm.String())
	return r
}

func (b *textBuilder) text() text {
	return text{norm: b.norm.String(), cased: b.cased.String(), off: b.off}
}

func normalize(src []byte, spans []parse.Span) text {
	var b textBuilder
	b.spans(src, spans)
	return b.text()
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
		for i := sp.Start; i < sp.End && i < len(src); {
			r, size := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && size <= 1 {
				i++
				continue
			}
			b.add(foldRune(r, true), foldRune(r, false), i)
			i += size
		}
	}
}

// gap adds what the bytes between two spans of a unit render as.
func (b *textBuilder) gap(src []byte, start, end int) {
	if end > len(src) {
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
	if r >= 0xAC00 && r <= 0xD7A3 || r >= 0x4E00 && r <= 0x9FFF || r >= 0x3041 && r <= 0x3096 || r >= 0x30A1 && r <= 0x30FC {
		return string(r) // Hangul syllables, CJK ideographs and kana: NFKC leaves them as they are
	}
	s := norm.NFKC.String(string(r))
	if lower && unicode.Is(unicode.Latin, r) {
		s = strings.ToLower(s)
	}
	return s
}
