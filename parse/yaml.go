package parse

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"
)

// yamlFields lists the leaf fields of a YAML front matter block.
func yamlFields(doc *Document, fm FrontMatterBlock) ([]field, error) {
	if err := checkSize(doc, fm); err != nil {
		return nil, err
	}
	body := doc.Src[fm.BodyStart:fm.BodyEnd]
	firstLine := doc.Lines.Line(fm.BodyStart)
	tokens := lexer.Tokenize(string(body))
	if tk, err := checkYAMLTokens(tokens); err != nil {
		return nil, yamlLimitError(doc, firstLine, tk, err)
	}
	f, err := parser.Parse(tokens, 0)
	if err != nil {
		return nil, yamlError(doc, firstLine, err)
	}
	w := yamlWalker{doc: doc, firstLine: firstLine, anchors: map[string]ast.Node{}}
	for _, d := range f.Docs {
		if d.Body != nil {
			w.walk(d.Body, nil)
		}
	}
	if w.err != nil {
		return nil, w.err
	}
	closeSpans(doc, w.fields, fm.BodyEnd)
	return w.fields, nil
}

func yamlError(doc *Document, firstLine int, err error) error {
	e := YAMLError(doc.Path, firstLine, err)
	e.Err = &frontMatterError{"yaml: " + e.Err.Error()}
	return e
}

type yamlWalker struct {
	doc       *Document
	firstLine int
	fields    []field
	keyIndent int // indentation of the key being walked
	anchors   map[string]ast.Node
	err       error
}

func (w *yamlWalker) offset(n ast.Node) (int, int) {
	pos := n.GetToken().Position
	off := w.doc.Lines.Offset(w.firstLine+pos.Line-1, pos.Column)
	// The line of the offset, not the decoder's: they differ where a lone
	// CR, a line break to YAML, is not one to the file's line index.
	return off, w.doc.Lines.Line(off)
}

func (w *yamlWalker) walk(n ast.Node, path []string) {
	switch n := n.(type) {
	case *ast.DocumentNode:
		if n.Body != nil {
			w.walk(n.Body, path)
		}
	case *ast.MappingNode:
		seen := make(map[string]int, len(n.Values))
		for _, v := range n.Values {
			key := yamlKey(v.Key)
			if line, dup := seen[key]; dup && w.err == nil {
				_, at := w.offset(v.Key)
				w.err = &Error{Path: w.doc.Path, Line: at, Col: v.Key.GetToken().Position.Column,
					Err: &frontMatterError{fmt.Sprintf("yaml: key %q already defined at line %d", key, line)}}
			}
			_, seen[key] = w.offset(v.Key)
			w.walk(v, path)
		}
	case *ast.MappingValueNode:
		_, keyLine := w.offset(n.Key)
		w.keyIndent = n.Key.GetToken().Position.Column - 1
		key := yamlKey(n.Key)
		w.value(n.Value, appendPath(path, key), keyLine)
	case *ast.CommentGroupNode, *ast.CommentNode:
	default:
		_, line := w.offset(n)
		w.value(n, path, line)
	}
}

func (w *yamlWalker) value(n ast.Node, path []string, keyLine int) {
	switch v := n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		w.walk(v, path)
		return
	case *ast.TagNode:
		w.value(v.Value, path, keyLine)
		return
	case *ast.AnchorNode:
		if v.Name != nil && v.Value != nil {
			w.anchors[v.Name.GetToken().Value] = v.Value
		}
		w.value(v.Value, path, keyLine)
		return
	case *ast.AliasNode:
		// The value of an alias of a scalar is the anchored scalar's; an
		// alias of a collection stays as written (expanding it is what
		// makes "billion laughs" documents cost).
		if v.Value != nil {
			if target, ok := w.anchors[v.Value.GetToken().Value]; ok {
				if _, scalar := target.(ast.ScalarNode); scalar {
					start, _ := w.offset(n)
					w.fields = append(w.fields, field{path: slices.Clone(path), value: scalarText(target), start: start, end: w.valueEnd(start), keyLine: keyLine, scalar: true, alias: true})
					return
				}
			}
		}
	case *ast.SequenceNode:
		if !allScalars(v.Values) {
			for i, e := range v.Values {
				w.walk(e, appendPath(path, fmt.Sprint(i)))
			}
			return
		}
		start, _ := w.offset(n)
		last := start
		if len(v.Values) > 0 {
			last, _ = w.offset(v.Values[len(v.Values)-1])
		}
		w.fields = append(w.fields, field{path: slices.Clone(path), value: strings.TrimSpace(v.String()), start: start, end: w.valueEnd(last), keyLine: keyLine})
		return
	}
	start, _ := w.offset(n)
	if lit, ok := n.(*ast.LiteralNode); ok {
		// The token is the indicator (| or >); the text starts on the next line.
		start = w.doc.Lines.Start(w.doc.Lines.Line(start) + 1)
		start = skipIndent(w.doc.Src, start)
		n = lit
	}
	w.fields = append(w.fields, field{path: slices.Clone(path), value: scalarText(n), start: start, end: w.valueEnd(start), keyLine: keyLine, scalar: true})
}

// valueEnd returns the end of a value whose last line holds off: that line
// and the lines after it indented deeper than the key (the continuation of
// a multi-line scalar), without trailing comments and white space.
func (w *yamlWalker) valueEnd(off int) int {
	if end, ok := quotedEnd(w.doc.Src, off); ok {
		return end
	}
	lines := w.doc.Lines
	n := lines.Line(off)
	end := max(lines.End(n), off) // off may stand after a trailing CR
	if i := bytes.Index(w.doc.Src[off:end], []byte(" #")); i >= 0 {
		end = off + i // a comment after a plain scalar
	}
	for next := n + 1; next <= lines.Count(); next++ {
		text := w.doc.Src[lines.Start(next):lines.End(next)]
		indent := len(text) - len(bytes.TrimLeft(text, " \t"))
		body := bytes.TrimSpace(text)
		if len(body) == 0 {
			continue // a blank line inside the scalar is a line break
		}
		if indent <= w.keyIndent || body[0] == '#' || bytes.Equal(body, []byte("---")) {
			break
		}
		end = lines.End(next)
	}
	return trimEnd(w.doc.Src, off, end)
}

func skipIndent(src []byte, off int) int {
	for off < len(src) && (src[off] == ' ' || src[off] == '\t') {
		off++
	}
	return off
}

func allScalars(nodes []ast.Node) bool {
	for _, n := range nodes {
		if _, ok := n.(ast.ScalarNode); !ok {
			return false
		}
	}
	return true
}

func yamlKey(n ast.MapKeyNode) string {
	if s, ok := n.(*ast.StringNode); ok {
		return s.Value
	}
	if t := n.GetToken(); t != nil {
		return t.Value // as written: 01 and 1 are different keys
	}
	return n.String()
}

func scalarText(n ast.Node) string {
	s, ok := n.(ast.ScalarNode)
	if !ok {
		return strings.TrimSpace(n.String())
	}
	if lit, ok := n.(*ast.LiteralNode); ok && lit.Value != nil {
		return lit.Value.Value
	}
	switch v := s.GetValue().(type) {
	case nil:
		return ""
	case string:
		return v
	default:
		return n.GetToken().Value
	}
}

// quotedEnd returns the end of a quoted YAML scalar starting at off, which
// may continue over several lines at any indentation.
func quotedEnd(src []byte, off int) (int, bool) {
	if off >= len(src) || (src[off] != '"' && src[off] != '\'') {
		return 0, false
	}
	q := src[off]
	for i := off + 1; i < len(src); i++ {
		switch {
		case q == '"' && src[i] == '\\':
			i++
		case src[i] == q && q == '\'' && i+1 < len(src) && src[i+1] == '\'':
			i++
		case src[i] == q:
			return i + 1, true
		}
	}
	return 0, false
}
