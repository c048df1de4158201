// Package parse splits a Markdown page into translation units.
//
//	doc, err := parse.Parse("content/en/about.md", src)
//	if err != nil {
//		return err // an *parse.Error naming file, line and column
//	}
//	for _, u := range doc.Units {
//		fmt.Println(u.ID, u.Kind, u.Line, u.Fingerprint)
//	}
//
// Pages are parsed with goldmark (CommonMark with GFM tables,
// strikethrough, autolinks, task lists and footnotes), the parser Hugo
// uses. Front matter may be YAML (---), TOML (+++) or JSON ({). Hugo
// shortcodes are structure: a shortcode alone on its line is a unit of its
// own and the Markdown between paired shortcodes is segmented as usual.
//
// Every unit has a stable ID (section slug, kind and ordinal), its byte span
// and line range in the file, its text and two fingerprints: Fingerprint
// changes only when a translator has something to re-translate, and
// FullFingerprint changes with anything the page shows.
package parse

import (
	"bytes"
	"fmt"
	"slices"
	"unicode/utf8"
)

// DefaultMaxBytes is the largest page Parse accepts when Config.MaxBytes is 0.
const DefaultMaxBytes = 8 << 20

// DefaultTranslatableKeys are the front matter keys whose values are
// translated. A key matches by its full dotted path or its last element.
var DefaultTranslatableKeys = []string{"title", "linkTitle", "description", "summary"}

// Config controls parsing. The zero value is ready to use.
type Config struct {
	// TranslatableKeys are front matter keys (full dotted paths such as
	// "params.subtitle", or last elements such as "caption") translated in
	// addition to DefaultTranslatableKeys.
	TranslatableKeys []string
	// MaxBytes is the size limit of a page; 0 means DefaultMaxBytes.
	MaxBytes int
	// FrontMatterOnly skips the body: Units holds the front matter fields
	// only. For a quick pass over many pages.
	FrontMatterOnly bool
	// Memo, when set, keeps the front matter units of the pages parsed,
	// for other pages (versions of them) with the same front matter. It
	// changes no result, so it is no part of the configuration's identity.
	Memo *Memo `json:"-"`
}

// Document is a parsed page.
type Document struct {
	Path string
	// Src is the page as read; spans index into it.
	Src []byte
	// BOM reports a UTF-8 byte order mark at the start of Src.
	BOM bool
	// CRLF reports that the page's first line ends with \r\n.
	CRLF bool
	// FrontMatter describes the front matter block; Format is NoFrontMatter without one.
	FrontMatter FrontMatterBlock
	// Units are ordered by position and do not overlap.
	Units []Unit
	// Lines maps byte offsets to lines and columns.
	Lines *Lines
}

// FrontMatterBlock is the position of a page's front matter.
type FrontMatterBlock struct {
	Format Format
	// Start and End span the block including its delimiters.
	Start, End int
	// BodyStart and BodyEnd span the content between the delimiters.
	BodyStart, BodyEnd int
}

// Field returns the front matter unit with the dotted key path, or nil.
func (d *Document) Field(key string) *Unit {
	for i := range d.Units {
		u := &d.Units[i]
		if u.Kind != FrontMatter {
			break
		}
		if u.Key == key {
			return u
		}
	}
	return nil
}

// HasBody reports whether the page has any unit outside its front matter.
func (d *Document) HasBody() bool {
	for _, u := range d.Units {
		if u.Kind != FrontMatter {
			return true
		}
	}
	return false
}

// BodyIndexes returns the indexes of the units outside the front matter,
// in order: what alignment and the source diff work on.
func (d *Document) BodyIndexes() []int {
	var idx []int
	for i, u := range d.Units {
		if u.Kind != FrontMatter {
			idx = append(idx, i)
		}
	}
	return idx
}

// Parse parses a page with the zero Config.
func Parse(path string, src []byte) (*Document, error) {
	return Config{}.Parse(path, src)
}

// Parse splits src, the content of the page at path, into units. It fails
// only for input that is not a text page (binary, invalid UTF-8, larger than
// the limit) and for front matter that does not parse; the error is an
// *Error naming path and position.
func (c Config) Parse(path string, src []byte) (*Document, error) {
	if err := c.check(path, src); err != nil {
		return nil, err
	}
	doc := &Document{Path: path, Src: src, Lines: NewLines(src)}
	start := 0
	if bytes.HasPrefix(src, bom) {
		doc.BOM = true
		start = len(bom)
	}
	if i := bytes.IndexByte(src, '\n'); i > 0 && src[i-1] == '\r' {
		doc.CRLF = true
	}
	fm, units, err := c.frontMatter(doc, start)
	if err != nil {
		return nil, err
	}
	doc.FrontMatter = fm
	if c.FrontMatterOnly {
		doc.Units = units
		assignIDs(doc.Units)
		return doc, nil
	}
	if err := checkMarkdown(doc, fm.End); err != nil {
		return nil, err
	}
	doc.Units = segmentBody(doc, fm, units)
	// Units come out in document order but for footnote definitions,
	// which goldmark moves to the end.
	if !slices.IsSortedFunc(doc.Units, func(a, b Unit) int { return a.Start - b.Start }) {
		slices.SortStableFunc(doc.Units, func(a, b Unit) int { return a.Start - b.Start })
	}
	assignIDs(doc.Units)
	return doc, nil
}

var bom = []byte("\xef\xbb\xbf")

func (c Config) check(path string, src []byte) error {
	limit := c.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	if len(src) > limit {
		return &Error{Path: path, Err: fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(src), limit)}
	}
	head := src[:min(len(src), 8000)]
	if i := bytes.IndexByte(head, 0); i >= 0 {
		lines := NewLines(src)
		line, col := lines.Position(i)
		return &Error{Path: path, Line: line, Col: col, Err: fmt.Errorf("%w: NUL byte", ErrBinary)}
	}
	if !utf8.Valid(src) {
		i := firstInvalid(src)
		line, col := NewLines(src).Position(i)
		return &Error{Path: path, Line: line, Col: col, Err: fmt.Errorf("%w: byte 0x%02x at offset %d", ErrInvalidUTF8, src[i], i)}
	}
	return nil
}

func firstInvalid(src []byte) int {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(src)
}

func (c Config) translatable(path []string) bool {
	if len(path) == 0 {
		return false
	}
	full := joinKey(path)
	last := path[len(path)-1]
	for i := len(path) - 1; i >= 0 && isIndex(last); i-- {
		last = path[i]
	}
	for _, set := range [][]string{DefaultTranslatableKeys, c.TranslatableKeys} {
		for _, k := range set {
			if k == full || k == last {
				return true
			}
		}
	}
	return false
}
