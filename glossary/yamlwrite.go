package glossary

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Validate reports what makes the glossary contradict itself (duplicate
// concepts, a rendering both approved and forbidden), each error at its
// line.
func (g *Glossary) Validate() error { return errors.Join(g.validate()...) }

// WriteYAML writes the glossary in its own YAML format.
func (g *Glossary) WriteYAML(w io.Writer) error {
	var b bytes.Buffer
	b.WriteString("terms:\n")
	for _, t := range g.Terms {
		if t.Rule != nil {
			fmt.Fprintf(&b, "  - name: %s\n", yamlString(t.Label))
		} else {
			fmt.Fprintf(&b, "  - en: %s\n", yamlList(t.EN))
			if t.Label != "" {
				fmt.Fprintf(&b, "    name: %s\n", yamlString(t.Label))
			}
		}
		if len(t.ENAvoid) > 0 {
			fmt.Fprintf(&b, "    en_avoid: %s\n", yamlList(t.ENAvoid))
		}
		if t.Note != "" {
			fmt.Fprintf(&b, "    note: %s\n", yamlString(t.Note))
		}
		if t.Status != "" {
			fmt.Fprintf(&b, "    status: %s\n", yamlString(t.Status))
		}
		if t.Severity != SeverityDefault {
			fmt.Fprintf(&b, "    severity: %s\n", t.Severity)
		}
		if t.CaseSensitive {
			b.WriteString("    case: sensitive\n")
		}
		for _, c := range []struct {
			key string
			c   *Context
		}{{"when", t.When}, {"unless", t.Unless}} {
			if c.c != nil {
				fmt.Fprintf(&b, "    %s: {%s}\n", c.key, c.c.yaml())
			}
		}
		if t.Keep {
			b.WriteString("    keep: true\n")
		}
		if len(t.Scope) > 0 {
			fmt.Fprintf(&b, "    scope: %s\n", yamlList(t.Scope))
		}
		if len(t.Exclude) > 0 {
			fmt.Fprintf(&b, "    exclude: %s\n", yamlList(t.Exclude))
		}
		if r := t.Rule; r != nil {
			var ends []string
			for _, k := range sortedKeys(r.Endings) {
				ends = append(ends, yamlString(k)+": "+yamlString(r.Endings[k]))
			}
			fmt.Fprintf(&b, "    rule: {lang: %s, words: %s, endings: {%s}", yamlString(r.Lang), yamlString(r.Words), strings.Join(ends, ", "))
			if r.MinMorae > 0 {
				fmt.Fprintf(&b, ", min_morae: %d", r.MinMorae)
			}
			if len(r.Except) > 0 {
				fmt.Fprintf(&b, ", except: %s", yamlFlowList(r.Except))
			}
			b.WriteString("}\n")
		}
		for _, l := range sortedLangs(t) {
			r := t.Langs[l]
			var parts []string
			for _, f := range []struct {
				k string
				v []string
			}{{"use", r.Use}, {"allow", r.Allow}, {"avoid", r.Avoid}} {
				if len(f.v) > 0 {
					parts = append(parts, f.k+": "+yamlFlowList(f.v))
				}
			}
			if r.Keep {
				parts = append(parts, "keep: true")
			}
			if r.First != "" {
				parts = append(parts, "first: "+yamlString(r.First))
			}
			if r.Note != "" {
				parts = append(parts, "note: "+yamlString(r.Note))
			}
			fmt.Fprintf(&b, "    %s: {%s}\n", l, strings.Join(parts, ", "))
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

func (c *Context) yaml() string {
	var parts []string
	for _, f := range []struct {
		k string
		v []string
	}{{"prev", c.Prev}, {"next", c.Next}, {"near", c.Near}} {
		if len(f.v) > 0 {
			parts = append(parts, f.k+": "+yamlFlowList(f.v))
		}
	}
	if c.SentenceStart {
		parts = append(parts, "sentence_start: true")
	}
	if c.TitleCase {
		parts = append(parts, "title_case: true")
	}
	return strings.Join(parts, ", ")
}

func yamlString(s string) string {
	return fmt.Sprintf("%q", s)
}

func yamlList(v []string) string {
	if len(v) == 1 {
		return yamlString(v[0])
	}
	return yamlFlowList(v)
}

func yamlFlowList(v []string) string {
	var q []string
	for _, s := range v {
		q = append(q, yamlString(s))
	}
	return "[" + strings.Join(q, ", ") + "]"
}
