package translations

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/pelletier/go-toml/v2/unstable"
)

// SetHashes writes go-i18n hash fields (hash = "sha1-…") into a message
// file for the keys of hashes, replacing existing ones, and changes
// nothing else. Messages written as key = "text" cannot carry a hash; they
// are listed in skipped.
func SetHashes(t *Table, data []byte, hashes map[string]string) (out []byte, skipped []string, err error) {
	switch t.Format {
	case "toml":
		return setTOMLHashes(data, hashes)
	case "yaml":
		return setYAMLHashes(data, hashes)
	}
	for k := range hashes {
		skipped = append(skipped, k)
	}
	return data, skipped, nil
}

type insertion struct {
	start, end int
	text       string
}

func applyInsertions(data []byte, ins []insertion) []byte {
	// From the end, so that offsets stay valid.
	for i := 1; i < len(ins); i++ {
		for j := i; j > 0 && ins[j].start > ins[j-1].start; j-- {
			ins[j], ins[j-1] = ins[j-1], ins[j]
		}
	}
	out := append([]byte(nil), data...)
	for _, in := range ins {
		out = append(out[:in.start], append([]byte(in.text), out[in.end:]...)...)
	}
	return out
}

func lineEnd(data []byte, off int) int {
	if i := bytes.IndexByte(data[off:], '\n'); i >= 0 {
		return off + i + 1
	}
	return len(data)
}

func eolOf(data []byte) string {
	if bytes.Contains(data, []byte("\r\n")) {
		return "\r\n"
	}
	return "\n"
}

func setTOMLHashes(data []byte, hashes map[string]string) ([]byte, []string, error) {
	var p unstable.Parser
	p.Reset(data)
	eol := eolOf(data)
	var ins []insertion
	table := ""
	headerEnd := map[string]int{}
	hasHash := map[string]bool{}
	var skipped []string
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table:
			key, off := tomlKeyPath(e.Key())
			table = key
			if _, ok := hashes[key]; ok {
				headerEnd[key] = lineEnd(data, off)
			}
		case unstable.KeyValue:
			key, _ := tomlKeyPath(e.Key())
			switch {
			case table == "" && hashes[key] != "":
				skipped = append(skipped, key)
			case table != "" && key == "hash" && hashes[table] != "":
				v := e.Value()
				ins = append(ins, insertion{int(v.Raw.Offset), int(v.Raw.Offset + v.Raw.Length), fmt.Sprintf("%q", hashes[table])})
				hasHash[table] = true
			}
		}
	}
	if err := p.Error(); err != nil {
		return nil, nil, err
	}
	for key, at := range headerEnd {
		if !hasHash[key] {
			ins = append(ins, insertion{at, at, fmt.Sprintf("hash = %q", hashes[key]) + eol})
		}
	}
	return applyInsertions(data, ins), skipped, nil
}

func setYAMLHashes(data []byte, hashes map[string]string) ([]byte, []string, error) {
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil, nil, err
	}
	eol := eolOf(data)
	lines := bytes.SplitAfter(data, []byte("\n"))
	lineStart := func(n int) int {
		off := 0
		for i := 0; i < n-1 && i < len(lines); i++ {
			off += len(lines[i])
		}
		return off
	}
	var ins []insertion
	var skipped []string
	for _, d := range f.Docs {
		m, ok := d.Body.(*ast.MappingNode)
		if !ok {
			continue
		}
		for _, v := range m.Values {
			key := strings.Trim(v.Key.String(), `"'`)
			h, ok := hashes[key]
			if !ok {
				continue
			}
			var fields []*ast.MappingValueNode
			switch inner := v.Value.(type) {
			case *ast.MappingNode:
				fields = inner.Values
			case *ast.MappingValueNode:
				fields = []*ast.MappingValueNode{inner}
			default:
				skipped = append(skipped, key)
				continue
			}
			done := false
			for _, fv := range fields {
				if fv.Key.String() == "hash" {
					tok := fv.Value.GetToken()
					start := lineStart(tok.Position.Line) + tok.Position.Column - 1
					end := start + len(tok.Value)
					if start < len(data) && (data[start] == '"' || data[start] == '\'') {
						end += 2 // the quotes
					}
					ins = append(ins, insertion{start, end, h})
					done = true
				}
			}
			if !done && len(fields) > 0 {
				pos := fields[0].Key.GetToken().Position
				at := lineStart(pos.Line)
				ins = append(ins, insertion{at, at, strings.Repeat(" ", pos.Column-1) + "hash: " + h + eol})
			}
		}
	}
	return applyInsertions(data, ins), skipped, nil
}
