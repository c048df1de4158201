package parse

import (
	"errors"
	"fmt"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// yamlFields lists the leaf fields of a YAML front matter block.
func yamlFields(doc *Document, fm FrontMatterBlock) ([]field, error) {
	body := doc.Src[fm.BodyStart:fm.BodyEnd]
	firstLine := doc.Lines.Line(fm.BodyStart)
	var probe any
	if err := yaml.UnmarshalWithOptions(body, &probe); err != nil {
		return nil, yamlError(doc, firstLine, err)
	}
	f, err := parser.ParseBytes(body, 0)
	if err != nil {
		return nil, yamlError(doc, firstLine, err)
	}
	w := yamlWalker{doc: doc, firstLine: firstLine}
	for _, d := range f.Docs {
		if d.Body != nil {
			w.walk(d.Body, nil)
		}
	}
	closeSpans(doc, w.fields, fm.BodyEnd)
	return w.fields, nil
}

func yamlError(doc *Document, firstLine int, err error) error {
	var ye yaml.Error
	if errors.As(err, &ye) && ye.GetToken() != nil {
		pos := ye.GetToken().Position
		return &Error{Path: doc.Path, Line: firstLine + pos.Line - 1, Col: pos.Column,
			Err: &frontMatterError{"yaml: " + ye.GetMessage()}}
	}
	return &Error{Path: doc.Path, Line: firstLine, Err: &frontMatterError{"yaml: " + err.Error()}}
}

type yamlWalker struct {
	doc       *Document
	firstLine int
	fields    []field
}

func (w *yamlWalker) offset(n ast.Node) (int, int) {
	pos := n.GetToken().Position
	line := w.firstLine + pos.Line - 1
	return w.doc.Lines.Offset(line, pos.Column), line
}

func (w *yamlWalker) walk(n ast.Node, path []string) {
	switch n := n.(type) {
	case *ast.DocumentNode:
		if n.Body != nil {
			w.walk(n.Body, path)
		}
	case *ast.MappingNode:
		for _, v := range n.Values {
			w.walk(v, path)
		}
	case *ast.MappingValueNode:
		_, keyLine := w.offset(n.Key)
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
		w.value(v.Value, path, keyLine)
		return
	case *ast.SequenceNode:
		if !allScalars(v.Values) {
			for i, e := range v.Values {
				w.walk(e, appendPath(path, fmt.Sprint(i)))
			}
			return
		}
		start, _ := w.offset(n)
		w.fields = append(w.fields, field{path: path, value: strings.TrimSpace(v.String()), start: start, keyLine: keyLine})
		return
	}
	start, _ := w.offset(n)
	if lit, ok := n.(*ast.LiteralNode); ok {
		// The token is the indicator (| or >); the text starts on the next line.
		start = w.doc.Lines.Start(w.doc.Lines.Line(start) + 1)
		start = skipIndent(w.doc.Src, start)
		n = lit
	}
	w.fields = append(w.fields, field{path: path, value: scalarText(n), start: start, keyLine: keyLine, scalar: true})
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
	if s, ok := n.(ast.ScalarNode); ok {
		return fmt.Sprint(s.GetValue())
	}
	return n.String()
}

func scalarText(n ast.Node) string {
	s, ok := n.(ast.ScalarNode)
	if !ok {
		return strings.TrimSpace(n.String())
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
