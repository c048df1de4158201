package parse

import (
	"errors"
	"fmt"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// tomlFields lists the leaf fields of a TOML front matter block.
func tomlFields(doc *Document, fm FrontMatterBlock) ([]field, error) {
	if err := checkSize(doc, fm); err != nil {
		return nil, err
	}
	body := doc.Src[fm.BodyStart:fm.BodyEnd]
	firstLine := doc.Lines.Line(fm.BodyStart)
	if off, err := checkTOML(body); err != nil {
		return nil, doc.errorAt(fm.BodyStart+off, err)
	}
	var probe map[string]any
	if err := toml.Unmarshal(body, &probe); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			row, col := de.Position()
			return nil, &Error{Path: doc.Path, Line: firstLine + row - 1, Col: col, Err: &frontMatterError{err.Error()}}
		}
		return nil, &Error{Path: doc.Path, Line: firstLine, Err: &frontMatterError{err.Error()}}
	}
	var (
		p      unstable.Parser
		fields []field
		prefix []string
		arrays = map[string]int{}
	)
	p.Reset(body)
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table:
			prefix = tomlKey(e.Key())
		case unstable.ArrayTable:
			prefix = tomlKey(e.Key())
			name := joinKey(prefix)
			prefix = appendPath(prefix, fmt.Sprint(arrays[name]))
			arrays[name]++
		case unstable.KeyValue:
			v := e.Value()
			path := append(append([]string(nil), prefix...), tomlKey(e.Key())...)
			start := fm.BodyStart + tomlValueStart(body, e)
			end := fm.BodyStart + int(e.Raw.Offset+e.Raw.Length)
			f := field{path: path, start: start, end: end, keyLine: doc.Lines.Line(fm.BodyStart + int(e.Raw.Offset))}
			switch v.Kind {
			case unstable.Array, unstable.InlineTable:
				f.value = strings.TrimSpace(string(doc.Src[start:end]))
			default:
				f.value = string(v.Data)
				f.scalar = true
			}
			fields = append(fields, f)
		}
	}
	if err := p.Error(); err != nil {
		return nil, &Error{Path: doc.Path, Line: firstLine, Err: &frontMatterError{"toml: " + err.Error()}}
	}
	return fields, nil
}

func tomlKey(it unstable.Iterator) []string {
	var parts []string
	for it.Next() {
		parts = append(parts, string(it.Node().Data))
	}
	return parts
}

// tomlValueStart returns the offset in body of the value of key-value
// expression e. Arrays and inline tables carry no offset of their own in
// go-toml's syntax tree: they start after the key and the equals sign.
func tomlValueStart(body []byte, e *unstable.Node) int {
	v := e.Value()
	if v.Kind != unstable.Array && v.Kind != unstable.InlineTable {
		return int(v.Raw.Offset)
	}
	off := 0
	for it := e.Key(); it.Next(); {
		k := it.Node().Raw
		off = int(k.Offset + k.Length)
	}
	for off < len(body) && body[off] != '=' {
		off++
	}
	off++
	for off < len(body) && (body[off] == ' ' || body[off] == '\t') {
		off++
	}
	return min(off, len(body))
}
