package parse

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// field is a front matter leaf before it becomes a Unit.
type field struct {
	path       []string
	value      string // decoded value (scalars) or raw text (lists, tables)
	start, end int    // byte span of the value in the file
	keyLine    int    // line of the key
	scalar     bool
	alias      bool // a YAML alias: the value is the anchor's, not at the span
}

// frontMatter finds the front matter block at offset start and turns its
// fields into units.
func (c Config) frontMatter(doc *Document, start int) (FrontMatterBlock, []Unit, error) {
	rest := doc.Src[start:]
	var (
		fm     FrontMatterBlock
		fields func(*Document, FrontMatterBlock) ([]field, error)
		err    error
	)
	switch {
	case delimLine(rest, "---"):
		fm, err = fencedBlock(doc, start, "---", YAML)
		fields = yamlFields
	case delimLine(rest, "+++"):
		fm, err = fencedBlock(doc, start, "+++", TOML)
		fields = tomlFields
	case len(rest) > 0 && rest[0] == '{':
		fm, err = jsonBlock(doc, start)
		fields = jsonFields
	default:
		return FrontMatterBlock{Start: start, End: start, BodyStart: start, BodyEnd: start}, nil, nil
	}
	if err != nil {
		return fm, nil, err
	}
	units, err := c.frontMatterUnits(doc, fm, fields)
	if err != nil {
		return fm, nil, err
	}
	return fm, units, nil
}

// frontMatterUnits are the units of the front matter fields, kept in and
// taken from c.Memo when set.
func (c Config) frontMatterUnits(doc *Document, fm FrontMatterBlock, fields func(*Document, FrontMatterBlock) ([]field, error)) ([]Unit, error) {
	head := doc.Src[:fm.End]
	if c.Memo != nil {
		if units, ok := c.Memo.get(head, c.TranslatableKeys); ok {
			return units, nil
		}
	}
	fs, err := fields(doc, fm)
	if err != nil {
		return nil, err
	}
	units := c.fieldUnits(doc, fs)
	if c.Memo != nil {
		c.Memo.put(head, c.TranslatableKeys, units)
	}
	return units, nil
}

// fieldUnits turns front matter fields into units.
func (c Config) fieldUnits(doc *Document, fields []field) []Unit {
	src := doc.Src
	units := make([]Unit, 0, len(fields))
	for _, f := range fields {
		u := Unit{
			Kind:         FrontMatter,
			Key:          joinKey(f.path),
			Section:      "front_matter",
			Start:        f.start,
			End:          f.end,
			Line:         doc.Lines.Line(f.start),
			EndLine:      doc.Lines.Line(max(f.start, f.end-1)),
			Text:         f.value,
			Translatable: c.translatable(f.path) && f.scalar,
		}
		if u.Translatable && !f.alias {
			start, end := f.start, f.end
			if end-start >= 2 && (src[start] == '"' || src[start] == '\'') && src[end-1] == src[start] {
				start, end = start+1, end-1
			}
			u.Spans = []Span{{start, end}}
		}
		plain := foldSpace(f.value)
		u.Plain = plain
		u.Fingerprint = hash(plain)
		// fullHash keeps nothing of its argument: no copy is needed.
		u.full = fullHash(unsafeString(src[f.start:f.end]))
		units = append(units, u)
	}
	return units
}

// delimLine reports whether b starts with a line holding only delim.
func delimLine(b []byte, delim string) bool {
	if !bytes.HasPrefix(b, []byte(delim)) {
		return false
	}
	line := b[len(delim):]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	return len(bytes.TrimRight(line, " \t\r")) == 0
}

// fencedBlock finds the closing delimiter line of a YAML or TOML block.
func fencedBlock(doc *Document, start int, delim string, format Format) (FrontMatterBlock, error) {
	src := doc.Src
	nl := bytes.IndexByte(src[start:], '\n')
	if nl < 0 {
		return FrontMatterBlock{}, doc.errorAt(start, &frontMatterError{fmt.Sprintf("%s block is not closed", format)})
	}
	bodyStart := start + nl + 1
	for off := bodyStart; off < len(src); {
		if delimLine(src[off:], delim) || (format == YAML && delimLine(src[off:], "...")) {
			end := len(src)
			if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
				end = off + i + 1
			}
			return FrontMatterBlock{Format: format, Start: start, End: end, BodyStart: bodyStart, BodyEnd: off}, nil
		}
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			break
		}
		off += i + 1
	}
	return FrontMatterBlock{}, doc.errorAt(start, &frontMatterError{fmt.Sprintf("%s block opened here is not closed by %q", format, delim)})
}

func jsonBlock(doc *Document, start int) (FrontMatterBlock, error) {
	dec := json.NewDecoder(bytes.NewReader(doc.Src[start:]))
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return FrontMatterBlock{}, jsonError(doc, start, err)
	}
	end := start + int(dec.InputOffset())
	block := FrontMatterBlock{Format: JSON, Start: start, End: end, BodyStart: start, BodyEnd: end}
	// The block ends with the line of the closing brace.
	rest := doc.Src[end:]
	line := rest
	if i := bytes.IndexByte(rest, '\n'); i >= 0 {
		line = rest[:i+1]
	}
	if len(bytes.TrimSpace(line)) != 0 {
		return block, doc.errorAt(end, &frontMatterError{"json: text after the closing brace on its line"})
	}
	block.End = end + len(line)
	return block, nil
}

func jsonError(doc *Document, base int, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	off := base
	switch {
	case errors.As(err, &syn):
		off = base + int(syn.Offset) - 1
	case errors.As(err, &typ):
		off = base + int(typ.Offset) - 1
	}
	return doc.errorAt(max(off, base), &frontMatterError{"json: " + err.Error()})
}

func (d *Document) errorAt(off int, err error) error {
	line, col := d.Lines.Position(off)
	return &Error{Path: d.Path, Line: line, Col: col, Err: err}
}

func joinKey(path []string) string { return strings.Join(path, ".") }

func isIndex(s string) bool {
	// Most keys are words: strconv's error for them is an allocation.
	if s == "" || (s[0] < '0' || s[0] > '9') && s[0] != '-' && s[0] != '+' {
		return false
	}
	_, err := strconv.Atoi(s)
	return err == nil
}

// appendPath extends a walker's path in place: walks are depth first, and
// a field stores a copy, so that deep nesting costs linear memory.
func appendPath(path []string, elem string) []string {
	return append(path, elem)
}

// trimSpan shrinks [start, end) to drop trailing blank lines and comment
// lines (comments introduced by '#', as in YAML and TOML).
func trimSpan(src []byte, start, end int) int {
	for end > start {
		lineStart := bytes.LastIndexByte(src[start:end], '\n')
		if lineStart < 0 {
			break
		}
		line := bytes.TrimSpace(src[start+lineStart+1 : end])
		if len(line) != 0 && line[0] != '#' {
			break
		}
		end = start + lineStart
	}
	for end > start && isSpaceByte(src[end-1]) {
		end--
	}
	return end
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// closeSpans sets each field's end to just before the next field's key line,
// trimmed, when the parser does not give the value's end.
func closeSpans(doc *Document, fields []field, limit int) {
	for i := range fields {
		next := limit
		if i+1 < len(fields) {
			next = doc.Lines.Start(fields[i+1].keyLine)
		}
		if fields[i].end <= fields[i].start || fields[i].end > next {
			fields[i].end = trimSpan(doc.Src, fields[i].start, max(next, fields[i].start))
		}
		if fields[i].end < fields[i].start {
			fields[i].end = fields[i].start
		}
	}
}
