package parse

import (
	"bytes"

	"github.com/pelletier/go-toml/v2/unstable"
)

// checkTOML checks the nesting depth and the number of keys of a TOML
// text, and returns the offset where a limit is crossed. Depth is counted
// on the bytes first, as go-toml's parser recurses into nested arrays and
// inline tables.
func checkTOML(data []byte) (int, error) {
	if off, err := checkBrackets(data, true); err != nil {
		return off, err
	}
	var p unstable.Parser
	p.Reset(data)
	keys := 0
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			keys++
		case unstable.KeyValue:
			keys += tomlKeyValues(e)
		}
		if keys > MaxKeys {
			return tomlOffset(e), tooManyKeys()
		}
	}
	return 0, nil // a syntax error is the decoder's to report
}

// tomlKeyValues counts n and the key-value pairs of the inline tables in it.
func tomlKeyValues(n *unstable.Node) int {
	count := 0
	if n.Kind == unstable.KeyValue {
		count++
	}
	for it := n.Children(); it.Next(); {
		count += tomlKeyValues(it.Node())
	}
	return count
}

func tomlOffset(e *unstable.Node) int {
	if e.Kind == unstable.KeyValue {
		return int(e.Raw.Offset)
	}
	if it := e.Key(); it.Next() {
		return int(it.Node().Raw.Offset)
	}
	return 0
}

// checkJSON checks the nesting depth of a JSON text.
func checkJSON(data []byte) (int, error) {
	return checkBrackets(data, false)
}

// checkBrackets returns the offset of the first bracket or brace nested
// deeper than MaxDepth outside strings (and, in TOML, comments).
func checkBrackets(data []byte, toml bool) (int, error) {
	depth := 0
	for i := 0; i < len(data); i++ {
		switch c := data[i]; c {
		case '#':
			if toml {
				i = lineEnd(data, i)
			}
		case '"', '\'':
			if c == '\'' && !toml {
				continue
			}
			i = stringEnd(data, i, toml)
		case '[', '{':
			if depth++; depth > MaxDepth {
				return i, tooDeep()
			}
		case ']', '}':
			depth = max(depth-1, 0)
		}
	}
	return 0, nil
}

func lineEnd(data []byte, i int) int {
	if j := bytes.IndexByte(data[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(data)
}

// stringEnd returns the offset of the last byte of the string opening at
// i: JSON strings, and TOML basic, literal and multi-line strings. An
// unclosed string ends at the end of its line (or of the data, for a
// multi-line one).
func stringEnd(data []byte, i int, toml bool) int {
	q := data[i]
	escapes := q == '"'
	if toml && bytes.HasPrefix(data[i:], []byte{q, q, q}) {
		for j := i + 3; j < len(data); j++ {
			switch {
			case escapes && data[j] == '\\':
				j++
			case bytes.HasPrefix(data[j:], []byte{q, q, q}):
				return j + 2
			}
		}
		return len(data)
	}
	for j := i + 1; j < len(data); j++ {
		switch {
		case escapes && data[j] == '\\':
			j++
		case data[j] == q:
			return j
		case data[j] == '\n' && toml:
			return j
		}
	}
	return len(data)
}
