package parse

import (
	"errors"
	"fmt"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// Limits on the structure of one file. They are checked before the
// third-party parsers run, because those parsers spend time or memory out
// of proportion to the input on some shapes: goccy/go-yaml allocates about
// 300 bytes per token and checks the keys of a block mapping in quadratic
// time, go-toml checks keys in quadratic time, goldmark spends quadratic
// time on deep list and block quote nesting and on long runs of link
// reference definitions, and recursive descent on deep nesting grows the
// stack without bound. With these limits a file under the size limit is
// read in bounded memory. Real pages stay far below them: the largest
// front matter in kubernetes/website is 5 KB and nests 4 levels.
const (
	// MaxDepth is the deepest nesting of front matter and data values
	// (mappings, sequences, tables, arrays) and of Markdown containers
	// (list items, block quotes).
	MaxDepth = 100
	// MaxStructuredBytes is the largest front matter block, and the
	// largest TOML, YAML or JSON data file CheckData accepts.
	MaxStructuredBytes = 256 << 10
	// MaxKeys is the most keys a front matter block or a data file may hold.
	MaxKeys = 5000
	// MaxReferenceRun is the most link reference definitions on
	// consecutive lines (a blank line ends a run).
	MaxReferenceRun = 1000
	// MaxMarkdownElements is the most lines and inline delimiters
	// (emphasis, links, code, HTML, table cells, shortcodes) a page's
	// body may hold: a 320 KB page of kubernetes/website has 20,000.
	MaxMarkdownElements = 150_000
	// MaxExpandedNodes is the most YAML nodes a data file may hold once
	// its aliases are expanded (the "billion laughs" bound).
	MaxExpandedNodes = 200_000
)

// ErrTooComplex is the error of a file over one of the limits above. It is
// wrapped in an *Error at the position where the limit was crossed.
var ErrTooComplex = errors.New("too complex to read")

// limitError is a limit crossed, with the detail.
type limitError struct{ msg string }

func (e *limitError) Error() string        { return ErrTooComplex.Error() + ": " + e.msg }
func (e *limitError) Is(target error) bool { return target == ErrTooComplex }

func tooDeep() *limitError {
	return &limitError{fmt.Sprintf("nesting deeper than %d levels", MaxDepth)}
}

func tooManyKeys() *limitError {
	return &limitError{fmt.Sprintf("more than %d keys", MaxKeys)}
}

func tooLarge(what string, n int) *limitError {
	return &limitError{fmt.Sprintf("%s of %d bytes, limit %d", what, n, MaxStructuredBytes)}
}

// CheckData reports whether data, the content of the TOML, YAML or JSON
// file name, is within the limits above, as an *Error wrapping
// ErrTooComplex at the position of the first excess. It is for callers
// that decode a whole file with a library (go-i18n, a configuration
// reader): call it first, so that a hostile file fails alone, in bounded
// memory. A syntax error is not reported here; the decoder reports it.
func CheckData(name string, format Format, data []byte) error {
	if len(data) > MaxStructuredBytes {
		return &Error{Path: name, Err: tooLarge("file", len(data))}
	}
	doc := &Document{Path: name, Src: data, Lines: NewLines(data)}
	switch format {
	case YAML:
		tokens := lexer.Tokenize(string(data))
		if tk, err := checkYAMLTokens(tokens); err != nil {
			return yamlLimitError(doc, 1, tk, err)
		}
		f, perr := parser.Parse(tokens, 0)
		if perr != nil {
			return nil
		}
		if tk, err := checkAliases(f); err != nil {
			return yamlLimitError(doc, 1, tk, err)
		}
	case TOML:
		if off, err := checkTOML(data); err != nil {
			return doc.errorAt(off, err)
		}
	case JSON:
		if off, err := checkJSON(data); err != nil {
			return doc.errorAt(off, err)
		}
	}
	return nil
}

// checkSize refuses a front matter block over MaxStructuredBytes, at its
// first line.
func checkSize(doc *Document, fm FrontMatterBlock) error {
	if n := fm.BodyEnd - fm.BodyStart; n > MaxStructuredBytes {
		return doc.errorAt(fm.Start, tooLarge("front matter", n))
	}
	return nil
}

// checkYAMLTokens checks the nesting depth and the number of keys of a
// YAML token stream, and returns the token where a limit is crossed.
// Block nesting is counted by the columns of keys and sequence entries,
// flow nesting by brackets and braces.
func checkYAMLTokens(tokens token.Tokens) (*token.Token, error) {
	var block []int // columns of the open block collections
	flow, keys := 0, 0
	for _, tk := range tokens {
		switch tk.Type {
		case token.DocumentHeaderType, token.DocumentEndType:
			block, flow = block[:0], 0
			continue
		case token.SequenceStartType, token.MappingStartType:
			flow++
		case token.SequenceEndType, token.MappingEndType:
			flow = max(flow-1, 0)
			continue
		case token.MappingValueType, token.MappingKeyType, token.SequenceEntryType:
			if tk.Type == token.MappingValueType && tk.Prev != nil && tk.Prev.Position.Line == tk.Position.Line {
				tk = tk.Prev // the key
			}
			if tk.Type != token.SequenceEntryType && tk.Type != token.MappingKeyType {
				if keys++; keys > MaxKeys {
					return tk, tooManyKeys()
				}
			}
			if flow > 0 {
				continue
			}
			col := tk.Position.Column
			for len(block) > 0 && block[len(block)-1] > col {
				block = block[:len(block)-1]
			}
			if len(block) == 0 || block[len(block)-1] < col {
				block = append(block, col)
			}
		default:
			continue
		}
		if len(block)+flow > MaxDepth {
			return tk, tooDeep()
		}
	}
	return nil, nil
}

// checkAliases bounds the size of a YAML file once its aliases are
// expanded, as a decoder expands them: nine nested lists of nine aliases
// are 361 bytes and a billion nodes.
func checkAliases(f *ast.File) (*token.Token, error) {
	c := aliasCounter{anchors: map[string]int{}}
	total := 0
	for _, d := range f.Docs {
		if total += c.size(d.Body); total > MaxExpandedNodes {
			if c.at == nil {
				c.at = c.alias
			}
			return c.at, &limitError{fmt.Sprintf("aliases expand to more than %d values", MaxExpandedNodes)}
		}
	}
	return nil, nil
}

type aliasCounter struct {
	anchors map[string]int // expanded size of each anchored node
	alias   *token.Token   // the last alias counted
	at      *token.Token   // the last alias counted when the bound was crossed
}

// size is the number of nodes n stands for with aliases expanded,
// saturating past MaxExpandedNodes.
func (c *aliasCounter) size(n ast.Node) int {
	if n == nil {
		return 0
	}
	s := 1
	switch n := n.(type) {
	case *ast.MappingNode:
		for _, v := range n.Values {
			s += c.size(v)
		}
	case *ast.MappingValueNode:
		s += c.size(n.Key) + c.size(n.Value)
	case *ast.MappingKeyNode:
		s += c.size(n.Value)
	case *ast.SequenceNode:
		for _, v := range n.Values {
			s += c.size(v)
		}
	case *ast.TagNode:
		s += c.size(n.Value)
	case *ast.AnchorNode:
		s = c.size(n.Value)
		if n.Name != nil {
			c.anchors[n.Name.GetToken().Value] = s
		}
	case *ast.AliasNode:
		c.alias = n.GetToken()
		if n.Value != nil {
			s = max(c.anchors[n.Value.GetToken().Value], 1)
		}
	}
	if s > MaxExpandedNodes && c.at == nil {
		c.at = c.alias
	}
	return min(s, MaxExpandedNodes+1)
}

func yamlLimitError(doc *Document, firstLine int, tk *token.Token, err error) *Error {
	if tk == nil || tk.Position == nil {
		return &Error{Path: doc.Path, Line: firstLine, Err: err}
	}
	return &Error{Path: doc.Path, Line: firstLine + tk.Position.Line - 1, Col: tk.Position.Column, Err: err}
}
