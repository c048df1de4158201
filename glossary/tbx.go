package glossary

import (
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
