package glossary

import (
	"errors"
	"fmt"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"golang.org/x/text/language"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

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
	if errs := g.validate(); len(errs) > 0 {
		return nil, errors.Join(errs...)
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
		case "name":
			t.Label, err = p.str(kv.Value)
		case "note":
			t.Note, err = p.str(kv.Value)
		case "status":
			t.Status, err = p.str(kv.Value)
		case "severity":
			t.Severity, err = p.severity(kv.Value)
		case "case":
			t.CaseSensitive, err = p.caseMode(kv.Value)
		case "when":
			t.When, err = p.context(kv.Value)
		case "unless":
			t.Unless, err = p.context(kv.Value)
		case "keep":
			t.Keep, err = p.boolean(kv.Value)
		case "scope":
			t.Scope, err = p.strings(kv.Value)
		case "exclude":
			t.Exclude, err = p.strings(kv.Value)
		case "rule":
			t.Rule, err = p.rule(kv.Value)
		default:
			if _, perr := language.Parse(key); perr != nil || len(key) < 2 {
				return nil, p.errorf(kv.Key, "unknown key %q (want en, en_avoid, name, note, status, severity, case, when, unless, keep, scope, exclude, rule or a language code)", key)
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
	switch {
	case t.Rule != nil && len(t.EN) > 0:
		return nil, p.errorf(n, "an entry is a concept (en) or a rule, not both")
	case t.Rule != nil && t.Label == "":
		return nil, p.errorf(n, "a rule needs a name")
	case t.Rule == nil && len(t.EN) == 0:
		return nil, p.errorf(n, "a term needs en")
	}
	return t, nil
}

func (p *glossaryParser) severity(n ast.Node) (Severity, error) {
	s, err := p.str(n)
	if err != nil {
		return 0, err
	}
	sev, ok := ParseSeverity(s)
	if !ok {
		return 0, p.errorf(n, "unknown severity %q (want error, warning or info)", s)
	}
	return sev, nil
}

func (p *glossaryParser) caseMode(n ast.Node) (bool, error) {
	s, err := p.str(n)
	if err != nil {
		return false, err
	}
	switch s {
	case "sensitive":
		return true, nil
	case "insensitive":
		return false, nil
	}
	return false, p.errorf(n, "unknown case %q (want sensitive or insensitive)", s)
}

func (p *glossaryParser) context(n ast.Node) (*Context, error) {
	kvs, ok := mapping(n)
	if !ok {
		return nil, p.errorf(n, "a condition is a mapping of prev, next, near, sentence_start or title_case")
	}
	c := &Context{}
	for _, kv := range kvs {
		var err error
		switch key := keyString(kv); key {
		case "prev":
			c.Prev, err = p.strings(kv.Value)
		case "next":
			c.Next, err = p.strings(kv.Value)
		case "near":
			c.Near, err = p.strings(kv.Value)
		case "sentence_start":
			c.SentenceStart, err = p.boolean(kv.Value)
		case "title_case":
			c.TitleCase, err = p.boolean(kv.Value)
		default:
			return nil, p.errorf(kv.Key, "unknown condition %q (want prev, next, near, sentence_start or title_case)", key)
		}
		if err != nil {
			return nil, err
		}
	}
	return c, nil
}

func (p *glossaryParser) rule(n ast.Node) (*Rule, error) {
	kvs, ok := mapping(n)
	if !ok {
		return nil, p.errorf(n, "a rule is a mapping of lang, words, endings, min_morae and except")
	}
	r := &Rule{}
	for _, kv := range kvs {
		var err error
		switch key := keyString(kv); key {
		case "lang":
			r.Lang, err = p.str(kv.Value)
		case "words":
			r.Words, err = p.str(kv.Value)
			if err == nil && r.Words != "katakana" {
				err = p.errorf(kv.Value, "unknown pattern type %q (want katakana)", r.Words)
			}
		case "endings":
			r.Endings, err = p.stringMap(kv.Value)
		case "min_morae":
			r.MinMorae, err = p.integer(kv.Value)
		case "except":
			r.Except, err = p.strings(kv.Value)
		default:
			return nil, p.errorf(kv.Key, "unknown key %q in rule (want lang, words, endings, min_morae or except)", key)
		}
		if err != nil {
			return nil, err
		}
	}
	if r.Lang == "" || r.Words == "" || len(r.Endings) == 0 {
		return nil, p.errorf(n, "a rule needs lang, words and endings")
	}
	return r, nil
}

func (p *glossaryParser) stringMap(n ast.Node) (map[string]string, error) {
	kvs, ok := mapping(n)
	if !ok {
		return nil, p.errorf(n, "want a mapping of strings")
	}
	out := map[string]string{}
	for _, kv := range kvs {
		v := ""
		if _, null := kv.Value.(*ast.NullNode); !null {
			s, err := p.str(kv.Value)
			if err != nil {
				return nil, err
			}
			v = s
		}
		out[keyString(kv)] = v
	}
	return out, nil
}

func (p *glossaryParser) integer(n ast.Node) (int, error) {
	if v, ok := n.(*ast.IntegerNode); ok {
		if i, ok := v.Value.(int64); ok && i >= 0 && i < 1000 {
			return int(i), nil
		}
		if i, ok := v.Value.(uint64); ok && i < 1000 {
			return int(i), nil
		}
	}
	return 0, p.errorf(n, "want a small whole number")
}

func (p *glossaryParser) rendering(kv *ast.MappingValueNode, lang string) (*Rendering, error) {
	r := &Rendering{}
	kvs, ok := mapping(kv.Value)
	if !ok {
		// A misspelled field (nte: text) ends up here: say which key.
		return nil, p.errorf(kv.Key, "unknown key %q, or %s must be a mapping of use, allow, avoid, keep, first, note", lang, lang)
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
		case "first":
			r.First, err = p.str(f.Value)
		default:
			return nil, p.errorf(f.Key, "unknown key %q in %s (want use, allow, avoid, keep, first or note)", key, lang)
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
