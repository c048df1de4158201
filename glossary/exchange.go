package glossary

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"
)

// TBX-Basic: a martif document of termEntry elements, one per concept,
// with a langSet per language and a tig per term, whose
// administrativeStatus says preferred (use), admitted (allow) or
// deprecated (avoid). Notes, status, keep and scopes travel as descrip
// and note elements.

type tbxDoc struct {
	XMLName xml.Name   `xml:"martif"`
	Type    string     `xml:"type,attr"`
	Lang    string     `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	Header  tbxHeader  `xml:"martifHeader"`
	Entries []tbxEntry `xml:"text>body>termEntry"`
}

type tbxHeader struct {
	Title string `xml:"fileDesc>titleStmt>title"`
	Src   string `xml:"fileDesc>sourceDesc>p"`
}

type tbxEntry struct {
	ID       string       `xml:"id,attr"`
	Descrips []tbxDescrip `xml:"descrip"`
	Notes    []string     `xml:"note"`
	LangSets []tbxLangSet `xml:"langSet"`
}

type tbxDescrip struct {
	Type  string `xml:"type,attr"`
	Value string `xml:",chardata"`
}

type tbxLangSet struct {
	Lang  string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	Notes []string `xml:"note"`
	Tigs  []tbxTig `xml:"tig"`
}

type tbxTig struct {
	Term  string       `xml:"term"`
	Notes []tbxDescrip `xml:"termNote"`
}

const (
	preferred  = "preferredTerm-admn-sts"
	admitted   = "admittedTerm-admn-sts"
	deprecated = "deprecatedTerm-admn-sts"
)

// WriteTBX writes the glossary as TBX-Basic.
func (g *Glossary) WriteTBX(w io.Writer) error {
	doc := tbxDoc{Type: "TBX-Basic", Lang: "en", Header: tbxHeader{Title: "cnpe-i18n glossary", Src: g.Path}}
	for i, t := range g.Terms {
		e := tbxEntry{ID: fmt.Sprintf("c%d", i+1)}
		if t.Note != "" {
			e.Descrips = append(e.Descrips, tbxDescrip{"definition", t.Note})
		}
		if t.Status != "" {
			e.Notes = append(e.Notes, "status: "+t.Status)
		}
		if t.Keep {
			e.Notes = append(e.Notes, "keep: true")
		}
		for _, s := range t.Scope {
			e.Notes = append(e.Notes, "scope: "+s)
		}
		for _, s := range t.Exclude {
			e.Notes = append(e.Notes, "exclude: "+s)
		}
		en := tbxLangSet{Lang: "en"}
		for _, s := range t.EN {
			en.Tigs = append(en.Tigs, tbxTig{s, []tbxDescrip{{"administrativeStatus", preferred}}})
		}
		for _, s := range t.ENAvoid {
			en.Tigs = append(en.Tigs, tbxTig{s, []tbxDescrip{{"administrativeStatus", deprecated}}})
		}
		e.LangSets = append(e.LangSets, en)
		for _, lang := range sortedLangs(t) {
			r := t.Langs[lang]
			ls := tbxLangSet{Lang: lang}
			if r.Note != "" {
				ls.Notes = append(ls.Notes, r.Note)
			}
			if r.Keep {
				ls.Notes = append(ls.Notes, "keep: true")
			}
			for _, set := range []struct {
				status string
				forms  []string
			}{{preferred, r.Use}, {admitted, r.Allow}, {deprecated, r.Avoid}} {
				for _, s := range set.forms {
					ls.Tigs = append(ls.Tigs, tbxTig{s, []tbxDescrip{{"administrativeStatus", set.status}}})
				}
			}
			e.LangSets = append(e.LangSets, ls)
		}
		doc.Entries = append(doc.Entries, e)
	}
	io.WriteString(w, xml.Header)
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// ReadTBX reads a TBX-Basic glossary.
func ReadTBX(name string, r io.Reader) (*Glossary, error) {
	var doc tbxDoc
	if err := xml.NewDecoder(r).Decode(&doc); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	g := &Glossary{Path: name}
	for _, e := range doc.Entries {
		t := &Term{Langs: map[string]*Rendering{}}
		for _, d := range e.Descrips {
			if d.Type == "definition" {
				t.Note = d.Value
			}
		}
		for _, n := range e.Notes {
			k, v, _ := strings.Cut(n, ": ")
			switch k {
			case "status":
				t.Status = v
			case "keep":
				t.Keep = v == "true"
			case "scope":
				t.Scope = append(t.Scope, v)
			case "exclude":
				t.Exclude = append(t.Exclude, v)
			}
		}
		for _, ls := range e.LangSets {
			lang := strings.ToLower(ls.Lang)
			if lang == "en" || strings.HasPrefix(lang, "en-") {
				for _, tig := range ls.Tigs {
					if status(tig) == deprecated {
						t.ENAvoid = append(t.ENAvoid, tig.Term)
					} else {
						t.EN = append(t.EN, tig.Term)
					}
				}
				continue
			}
			r := &Rendering{}
			for _, n := range ls.Notes {
				if n == "keep: true" {
					r.Keep = true
				} else {
					r.Note = n
				}
			}
			for _, tig := range ls.Tigs {
				switch status(tig) {
				case deprecated, "supersededTerm-admn-sts":
					r.Avoid = append(r.Avoid, tig.Term)
				case admitted:
					r.Allow = append(r.Allow, tig.Term)
				default:
					r.Use = append(r.Use, tig.Term)
				}
			}
			t.Langs[ls.Lang] = r
		}
		if len(t.EN) == 0 {
			return nil, fmt.Errorf("%s: termEntry %q has no English term", name, e.ID)
		}
		g.Terms = append(g.Terms, t)
	}
	return g, nil
}

func status(t tbxTig) string {
	for _, n := range t.Notes {
		if n.Type == "administrativeStatus" {
			return n.Value
		}
	}
	return preferred
}

func sortedLangs(t *Term) []string {
	var out []string
	for l := range t.Langs {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// CSV: one row per concept. Columns en, en_avoid, note, status, keep,
// scope, exclude, then for each language L: L.use, L.allow, L.avoid,
// L.keep. Lists are joined with " | ".

const sep = " | "

func splitList(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	parts := strings.Split(s, "|")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// WriteCSV writes the glossary as CSV.
func (g *Glossary) WriteCSV(w io.Writer) error {
	langs := g.Languages()
	header := []string{"en", "en_avoid", "note", "status", "keep", "scope", "exclude"}
	for _, l := range langs {
		header = append(header, l+".use", l+".allow", l+".avoid", l+".keep")
	}
	cw := csv.NewWriter(w)
	cw.Write(header)
	for _, t := range g.Terms {
		row := []string{strings.Join(t.EN, sep), strings.Join(t.ENAvoid, sep), t.Note, t.Status, boolText(t.Keep),
			strings.Join(t.Scope, sep), strings.Join(t.Exclude, sep)}
		for _, l := range langs {
			r := t.Langs[l]
			if r == nil {
				row = append(row, "", "", "", "")
				continue
			}
			row = append(row, strings.Join(r.Use, sep), strings.Join(r.Allow, sep), strings.Join(r.Avoid, sep), boolText(r.Keep))
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return ""
}

// ReadCSV reads a glossary written by WriteCSV (or by a spreadsheet with
// the same header). An unknown column is an error naming it.
func ReadCSV(name string, r io.Reader) (*Glossary, error) {
	cr := csv.NewReader(r)
	rows, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(rows) == 0 {
		return &Glossary{Path: name}, nil
	}
	header := rows[0]
	g := &Glossary{Path: name}
	for li, row := range rows[1:] {
		t := &Term{Langs: map[string]*Rendering{}, Line: li + 2}
		for i, col := range header {
			if i >= len(row) {
				break
			}
			v := row[i]
			switch col {
			case "en":
				t.EN = splitList(v)
			case "en_avoid":
				t.ENAvoid = splitList(v)
			case "note":
				t.Note = v
			case "status":
				t.Status = v
			case "keep":
				t.Keep = v == "true"
			case "scope":
				t.Scope = splitList(v)
			case "exclude":
				t.Exclude = splitList(v)
			default:
				lang, field, ok := strings.Cut(col, ".")
				if !ok {
					return nil, fmt.Errorf("%s:1: unknown column %q", name, col)
				}
				r := t.Langs[lang]
				if r == nil {
					r = &Rendering{}
				}
				switch field {
				case "use":
					r.Use = splitList(v)
				case "allow":
					r.Allow = splitList(v)
				case "avoid":
					r.Avoid = splitList(v)
				case "keep":
					r.Keep = v == "true"
				default:
					return nil, fmt.Errorf("%s:1: unknown column %q", name, col)
				}
				if len(r.Use)+len(r.Allow)+len(r.Avoid) > 0 || r.Keep {
					t.Langs[lang] = r
				}
			}
		}
		if len(t.EN) == 0 {
			return nil, fmt.Errorf("%s:%d: no en", name, li+2)
		}
		g.Terms = append(g.Terms, t)
	}
	return g, nil
}

// WriteYAML writes the glossary in its own YAML format.
func (g *Glossary) WriteYAML(w io.Writer) error {
	var b bytes.Buffer
	b.WriteString("terms:\n")
	for _, t := range g.Terms {
		fmt.Fprintf(&b, "  - en: %s\n", yamlList(t.EN))
		if len(t.ENAvoid) > 0 {
			fmt.Fprintf(&b, "    en_avoid: %s\n", yamlList(t.ENAvoid))
		}
		if t.Note != "" {
			fmt.Fprintf(&b, "    note: %s\n", yamlString(t.Note))
		}
		if t.Status != "" {
			fmt.Fprintf(&b, "    status: %s\n", yamlString(t.Status))
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
			if r.Note != "" {
				parts = append(parts, "note: "+yamlString(r.Note))
			}
			fmt.Fprintf(&b, "    %s: {%s}\n", l, strings.Join(parts, ", "))
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

func yamlString(s string) string {
	q := fmt.Sprintf("%q", s)
	return q
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
