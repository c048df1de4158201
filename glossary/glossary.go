// Package glossary checks terminology across translations: a glossary of
// concepts (an English term and its variants, per language the approved,
// admitted and forbidden renderings, or "keep in English") matched on
// normalized text with script-aware boundaries, on aligned unit pairs.
//
//	g, err := glossary.Parse("glossary.yaml", data)
//	m := g.Matcher("ja")
//	for _, f := range m.CheckUnit(src, tr) {
//		fmt.Printf("%s:%d:%d: %s %s\n", f.File, f.Line, f.Column, f.Rule, f.Term)
//	}
package glossary

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"golang.org/x/text/language"
)

// Glossary is a list of concepts.
type Glossary struct {
	Path  string
	Terms []*Term
}

// Term is one concept.
type Term struct {
	// EN are the English term and its variants (the first is the term).
	EN []string
	// ENAvoid are deprecated English variants (rule "source").
	ENAvoid []string
	Note    string
	// Status is free text: "proposed", "approved", …
	Status string
	// Keep: the term stays verbatim in every language.
	Keep bool
	// Scope and Exclude are path globs where the concept applies, and
	// where it does not (frozen v1/ pages, say). "**" matches any depth.
	Scope, Exclude []string
	// Langs holds the renderings per language code.
	Langs map[string]*Rendering
	Line  int
}

// Rendering is how a language renders a concept.
type Rendering struct {
	Use   []string // approved
	Allow []string // accepted variants
	Avoid []string // forbidden
	Keep  bool     // stays in English in this language
	Note  string
}

// Name is the concept's English term.
func (t *Term) Name() string {
	if len(t.EN) > 0 {
		return t.EN[0]
	}
	return ""
}

// Applies reports whether the concept applies to a page path.
func (t *Term) Applies(p string) bool {
	for _, g := range t.Exclude {
		if matchGlob(g, p) {
			return false
		}
	}
	if len(t.Scope) == 0 {
		return true
	}
	for _, g := range t.Scope {
		if matchGlob(g, p) {
			return true
		}
	}
	return false
}

// matchGlob matches path.Match patterns where "**" also spans directories.
func matchGlob(pattern, p string) bool {
	if !strings.Contains(pattern, "**") {
		ok, _ := path.Match(pattern, p)
		return ok
	}
	prefix, suffix, _ := strings.Cut(pattern, "**")
	prefix = strings.TrimSuffix(prefix, "/")
	suffix = strings.TrimPrefix(suffix, "/")
	segs := strings.Split(p, "/")
	for i := 0; i <= len(segs); i++ {
		head := strings.Join(segs[:i], "/")
		okHead := prefix == ""
		if !okHead {
			okHead, _ = path.Match(prefix, head)
		}
		if !okHead {
			continue
		}
		for j := i; j <= len(segs); j++ {
			if suffix == "" || matchGlob(suffix, strings.Join(segs[j:], "/")) {
				return true
			}
		}
	}
	return false
}

// Parse reads a glossary in YAML. Unknown keys and wrong types are an
// *parse.Error naming the key and line.
func Parse(name string, data []byte) (*Glossary, error) {
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil, parse.YAMLError(name, 1, err)
	}
	g := &Glossary{Path: name}
	if len(f.Docs) == 0 || f.Docs[0].Body == nil {
		return g, nil
	}
	p := &glossaryParser{name: name}
	root, ok := mapping(f.Docs[0].Body)
	if !ok {
		return nil, p.errorf(f.Docs[0].Body, "a glossary is a mapping with a terms list")
	}
	for _, kv := range root {
		key := keyString(kv)
		switch key {
		case "terms":
			seq, ok := kv.Value.(*ast.SequenceNode)
			if !ok {
				return nil, p.errorf(kv.Value, "terms must be a list")
			}
			for _, item := range seq.Values {
				t, err := p.term(item)
				if err != nil {
					return nil, err
				}
				g.Terms = append(g.Terms, t)
			}
		default:
			return nil, p.errorf(kv.Key, "unknown key %q (want terms)", key)
		}
	}
	return g, nil
}

type glossaryParser struct{ name string }

func (p *glossaryParser) errorf(n ast.Node, format string, args ...any) error {
	pos := n.GetToken().Position
	return &parse.Error{Path: p.name, Line: pos.Line, Col: pos.Column, Err: fmt.Errorf(format, args...)}
}

func mapping(n ast.Node) ([]*ast.MappingValueNode, bool) {
	switch m := n.(type) {
	case *ast.MappingNode:
		return m.Values, true
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{m}, true
	}
	return nil, false
}

func keyString(kv *ast.MappingValueNode) string {
	if s, ok := kv.Key.(*ast.StringNode); ok {
		return s.Value
	}
	return strings.Trim(kv.Key.String(), `"'`)
}

func (p *glossaryParser) term(n ast.Node) (*Term, error) {
	kvs, ok := mapping(n)
	if !ok {
		return nil, p.errorf(n, "a term must be a mapping (en: …)")
	}
	t := &Term{Langs: map[string]*Rendering{}, Line: n.GetToken().Position.Line}
	for _, kv := range kvs {
		key := keyString(kv)
		var err error
		switch key {
		case "en":
			t.EN, err = p.strings(kv.Value)
		case "en_avoid":
			t.ENAvoid, err = p.strings(kv.Value)
		case "note":
			t.Note, err = p.str(kv.Value)
		case "status":
			t.Status, err = p.str(kv.Value)
		case "keep":
			t.Keep, err = p.boolean(kv.Value)
		case "scope":
			t.Scope, err = p.strings(kv.Value)
		case "exclude":
			t.Exclude, err = p.strings(kv.Value)
		default:
			if _, perr := language.Parse(key); perr != nil || len(key) < 2 {
				return nil, p.errorf(kv.Key, "unknown key %q (want en, en_avoid, note, status, keep, scope, exclude or a language code)", key)
			}
			r, rerr := p.rendering(kv, key)
			if rerr != nil {
				return nil, rerr
			}
			t.Langs[key] = r
		}
		if err != nil {
			return nil, err
		}
	}
	if len(t.EN) == 0 {
		return nil, p.errorf(n, "a term needs en")
	}
	return t, nil
}

func (p *glossaryParser) rendering(kv *ast.MappingValueNode, lang string) (*Rendering, error) {
	r := &Rendering{}
	kvs, ok := mapping(kv.Value)
	if !ok {
		// A misspelled field (nte: text) ends up here: say which key.
		return nil, p.errorf(kv.Key, "unknown key %q, or %s must be a mapping of use, allow, avoid, keep, note", lang, lang)
	}
	for _, f := range kvs {
		var err error
		switch key := keyString(f); key {
		case "use":
			r.Use, err = p.strings(f.Value)
		case "allow":
			r.Allow, err = p.strings(f.Value)
		case "avoid":
			r.Avoid, err = p.strings(f.Value)
		case "keep":
			r.Keep, err = p.boolean(f.Value)
		case "note":
			r.Note, err = p.str(f.Value)
		default:
			return nil, p.errorf(f.Key, "unknown key %q in %s (want use, allow, avoid, keep or note)", key, lang)
		}
		if err != nil {
			return nil, err
		}
	}
	return r, nil
}

func (p *glossaryParser) str(n ast.Node) (string, error) {
	switch v := n.(type) {
	case *ast.StringNode:
		return v.Value, nil
	case *ast.LiteralNode:
		return v.Value.Value, nil
	case *ast.IntegerNode, *ast.FloatNode:
		return n.GetToken().Value, nil
	}
	return "", p.errorf(n, "want a string")
}

func (p *glossaryParser) strings(n ast.Node) ([]string, error) {
	if seq, ok := n.(*ast.SequenceNode); ok {
		var out []string
		for _, v := range seq.Values {
			s, err := p.str(v)
			if err != nil {
				return nil, err
			}
			out = append(out, s)
		}
		return out, nil
	}
	s, err := p.str(n)
	if err != nil {
		return nil, p.errorf(n, "want a string or a list of strings")
	}
	return []string{s}, nil
}

func (p *glossaryParser) boolean(n ast.Node) (bool, error) {
	if b, ok := n.(*ast.BoolNode); ok {
		return b.Value, nil
	}
	return false, p.errorf(n, "want true or false")
}

// Languages lists the language codes the glossary has renderings for.
func (g *Glossary) Languages() []string {
	set := map[string]bool{}
	for _, t := range g.Terms {
		for l := range t.Langs {
			set[l] = true
		}
	}
	var out []string
	for l := range set {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}
