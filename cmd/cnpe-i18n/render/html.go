package render

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"path"
	"slices"
	"strings"

	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
	"github.com/cnpe-i18n/cnpe-i18n/translations"
)

//go:embed html/*.tmpl html/report.css html/filter.js
var htmlFiles embed.FS

var htmlTemplates = template.Must(template.New("").Funcs(template.FuncMap{
	"pct": func(f float64) string { return fmt.Sprintf("%.1f", f) },
}).ParseFS(htmlFiles, "html/*.tmpl"))

// IndexTop is how many pages the index ranks; the per-language pages list
// every page that needs work.
const IndexTop = 100

// HTML renders the static report of r: an index with the per-language
// overview and the pages ranked by work, one file per language, one file
// per page that needs work, and the UI strings and glossary findings.
// It calls write once per file with a slash-separated name relative to the
// report's directory. Every string from the repository is escaped by
// html/template; links to lines are made only when l has an https base.
func HTML(r *isync.Report, l Linker, write func(name string, data []byte) error) error {
	if !strings.HasPrefix(l.Base, "https://") {
		l = Linker{}
	}
	site := buildSite(r, l)
	for _, name := range []string{"report.css", "filter.js"} {
		data, err := htmlFiles.ReadFile("html/" + name)
		if err != nil {
			return err
		}
		if err := write(name, data); err != nil {
			return err
		}
	}
	if err := execute(write, "index.html", "index.tmpl", site.index()); err != nil {
		return err
	}
	for _, lang := range site.Langs {
		if err := execute(write, langFile(lang.Lang), "lang.tmpl", site.langPage(lang)); err != nil {
			return err
		}
	}
	for _, p := range site.Pages {
		if p.File == "" {
			continue
		}
		if err := execute(write, p.File, "page.tmpl", site.pageView(p)); err != nil {
			return err
		}
	}
	return execute(write, "strings.html", "strings.tmpl", site.stringsPage())
}

func execute(write func(string, []byte) error, name, tmpl string, data any) error {
	var b bytes.Buffer
	if err := htmlTemplates.ExecuteTemplate(&b, tmpl, data); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	return write(name, b.Bytes())
}

// PageFile is the report file of a page that needs work: pages/LANG/NAME.html,
// NAME made of the path's safe characters and a hash that keeps it unique.
func PageFile(p isync.PageReport) string {
	name := p.Translation
	if name == "" {
		name = p.Source
	}
	sum := sha256.Sum256([]byte(p.Lang + "\x00" + name))
	var b strings.Builder
	for _, r := range strings.TrimSuffix(name, path.Ext(name)) {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		case r == '/' || r == '.':
			b.WriteByte('_')
		}
	}
	slug := b.String()
	if len(slug) > 80 {
		slug = slug[len(slug)-80:]
	}
	return "pages/" + safeName(p.Lang) + "/" + slug + "-" + hex.EncodeToString(sum[:4]) + ".html"
}

func langFile(lang string) string { return "lang-" + safeName(lang) + ".html" }

// safeName keeps the characters of a language code that are safe in a
// file name.
func safeName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "x"
	}
	return b.String()
}

// langStat is one row of the overview.
type langStat struct {
	Lang, File                                                 string
	Sources, Translated, Current, Stale, Stub, Missing, Orphan int
	Untracked, Units, Words, Strings, Terms                    int
	TranslatedPct, CurrentPct                                  float64
	// Bar widths in percent of the source pages.
	BarCurrent, BarStale, BarOther float64
}

// pageRow is one page in a ranked list.
type pageRow struct {
	Lang, Name, File, State, Summary string
	Words, Units, Terms              int
	report                           *isync.PageReport
}

type site struct {
	Source  string
	Langs   []*langStat
	Pages   []*pageRow
	Strings []translations.Entry
	Linker  Linker
	report  *isync.Report
}

func buildSite(r *isync.Report, l Linker) *site {
	s := &site{Source: r.Source, Linker: l, report: r}
	stats := map[string]*langStat{}
	for _, lang := range r.Languages {
		st := &langStat{Lang: lang, File: langFile(lang)}
		stats[lang] = st
		s.Langs = append(s.Langs, st)
	}
	for i := range r.Pages {
		p := &r.Pages[i]
		st := stats[p.Lang]
		if st == nil {
			continue
		}
		if p.Source != "" {
			st.Sources++
		}
		switch p.State {
		case isync.PageCurrent:
			st.Current++
		case isync.PageStale:
			st.Stale++
		case isync.PageStub:
			st.Stub++
		case isync.PageMissing:
			st.Missing++
		case isync.PageOrphan:
			st.Orphan++
		case isync.PageUntracked:
			st.Untracked++
		}
		row := &pageRow{Lang: p.Lang, Name: pageName(p), State: p.State.String(), Words: p.Words,
			Units: len(p.Units), Terms: len(p.Glossary), Summary: unitSummary(p), report: p}
		st.Units += row.Units
		st.Words += p.Words
		st.Terms += row.Terms
		if p.State != isync.PageMissing && (p.State != isync.PageCurrent || row.Units > 0 || row.Terms > 0) {
			row.File = PageFile(*p)
		}
		s.Pages = append(s.Pages, row)
	}
	for _, e := range r.Strings {
		if st := stats[e.Lang]; st != nil && e.State != translations.Current {
			st.Strings++
			s.Strings = append(s.Strings, e)
		}
	}
	for _, st := range s.Langs {
		st.Translated = st.Sources - st.Missing
		if st.Sources > 0 {
			n := float64(st.Sources)
			st.TranslatedPct = 100 * float64(st.Translated) / n
			st.CurrentPct = 100 * float64(st.Current) / n
			st.BarCurrent = st.CurrentPct
			st.BarStale = 100 * float64(st.Stale) / n
			st.BarOther = 100 * float64(st.Stub+st.Untracked) / n
		}
	}
	slices.SortStableFunc(s.Pages, byWork)
	return s
}

// byWork ranks pages: most words to redo, then most units, then terms.
func byWork(a, b *pageRow) int {
	return cmp.Or(cmp.Compare(b.Words, a.Words), cmp.Compare(b.Units, a.Units), cmp.Compare(b.Terms, a.Terms),
		cmp.Compare(a.Lang, b.Lang), cmp.Compare(a.Name, b.Name))
}

func pageName(p *isync.PageReport) string {
	if p.Translation != "" {
		return p.Translation
	}
	return p.Source
}

// UnitSummary counts a page's units by state and its term findings,
// e.g. "3 stale, 1 new, 2 term findings".
func UnitSummary(p *isync.PageReport) string {
	var parts []string
	for _, st := range []isync.UnitState{isync.UnitStale, isync.UnitNew, isync.UnitObsolete, isync.UnitUntranslated, isync.UnitMechanical} {
		if n := p.Count(st); n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, st))
		}
	}
	if len(p.Glossary) > 0 {
		parts = append(parts, fmt.Sprintf("%d term findings", len(p.Glossary)))
	}
	return strings.Join(parts, ", ")
}

// unitSummary is UnitSummary with the suggested rename of an orphan.
func unitSummary(p *isync.PageReport) string {
	s := UnitSummary(p)
	if p.RenamedTo != "" {
		s = strings.TrimPrefix(s+", source renamed to "+p.RenamedTo+"?", ", ")
	}
	return s
}

// The views each template gets. Root is the path from the file to the
// report's directory.
type indexView struct {
	Root, Title, Source string
	Langs               []*langStat
	Top                 []*pageRow
	Ranked, Strings     int
	History             isync.HistoryInfo
	Problems            []isync.FileProblem
}

func (s *site) index() indexView {
	v := indexView{Title: "Translation status", Source: s.Source, Langs: s.Langs, Strings: len(s.Strings),
		History: s.report.History, Problems: s.report.Problems}
	for _, p := range s.Pages {
		if p.File == "" {
			continue
		}
		v.Ranked++
		if len(v.Top) < IndexTop {
			v.Top = append(v.Top, p)
		}
	}
	return v
}

type langView struct {
	Root, Title, Source string
	Lang                *langStat
	Pages               []*pageRow
	Missing             []*pageRow
}

func (s *site) langPage(st *langStat) langView {
	v := langView{Title: "Pages to translate: " + st.Lang, Source: s.Source, Lang: st}
	for _, p := range s.Pages {
		switch {
		case p.Lang != st.Lang:
		case p.File != "":
			v.Pages = append(v.Pages, p)
		case p.State == isync.PageMissing.String():
			v.Missing = append(v.Missing, p)
		}
	}
	slices.SortFunc(v.Missing, func(a, b *pageRow) int { return cmp.Compare(a.Name, b.Name) })
	return v
}

type pageView struct {
	Root, Title, Source, Lang string
	Page                      *pageRow
	Report                    *isync.PageReport
	SourceLink, PageLink      string
	BaseNote                  string
	// BaseName names the source version the translation was made from.
	BaseName string
	Units    []unitView
}

type unitView struct {
	ID, State, Anchor    string
	Where, Link          string
	SourceWhere, SrcLink string
	Then, Now            []change.Edit
	Removed, Added, Text string
	HasThen, HasNow      bool
	Changed              bool
}

func (s *site) pageView(p *pageRow) pageView {
	r := p.report
	v := pageView{Root: "../../", Title: p.Name, Source: s.Source, Lang: p.Lang, Page: p, Report: r}
	if s.Linker.Base != "" {
		if r.Source != "" {
			v.SourceLink = s.Linker.Line(r.Source, 0, 0)
		}
		if r.Translation != "" {
			v.PageLink = s.Linker.Line(r.Translation, 0, 0)
		}
	}
	v.BaseName = "the base version"
	if b := r.Base; b != nil {
		if c := short(cmp.Or(b.Commit, b.Blob)); c != "" && !b.Current {
			v.BaseName = "base " + c
		}
		switch {
		case b.Kind == isync.BaseNone:
			v.BaseNote = "Base unknown: " + b.Message
		case b.Current:
			v.BaseNote = "Translated from the current source (" + b.Kind.String() + ")."
		default:
			v.BaseNote = fmt.Sprintf("Translated from the source at %s (%s, confidence %.2f).", short(b.Commit), b.Kind, b.Confidence)
		}
	}
	for i, u := range r.Units {
		uv := unitView{ID: u.ID, State: u.State.String(), Anchor: fmt.Sprintf("u%d", i+1), Text: u.Text}
		insert := u.State == isync.UnitNew || u.State == isync.UnitUntranslated
		if insert && r.Translation != "" {
			// A new unit's line is the translation line it goes after.
			uv.Where = "goes at the top of " + r.Translation
			if u.Line > 0 {
				uv.Where = fmt.Sprintf("goes after %s:%d", r.Translation, u.Line)
			}
		}
		if u.Line > 0 && !insert {
			uv.Where = fmt.Sprintf("%s:%s", r.Translation, span(u.Line, u.EndLine))
			if s.Linker.Base != "" {
				uv.Link = s.Linker.Line(r.Translation, u.Line, u.EndLine)
			}
		}
		if u.SourceLine > 0 && r.Source != "" {
			uv.SourceWhere = fmt.Sprintf("%s:%d", r.Source, u.SourceLine)
			if s.Linker.Base != "" && !u.SourceRemoved() {
				uv.SrcLink = s.Linker.Line(r.Source, u.SourceLine, 0)
			}
		}
		switch {
		case len(u.Words) > 0:
			uv.Changed = true
			for _, e := range u.Words {
				e.Text = CollapseSpace(e.Text)
				if e.Op != change.Insert {
					uv.Then = append(uv.Then, e)
				}
				if e.Op != change.Delete {
					uv.Now = append(uv.Now, e)
				}
			}
		case u.SourceRemoved():
			uv.Removed = u.SourceBefore
		case u.State == isync.UnitNew || u.State == isync.UnitUntranslated:
			uv.Added = u.SourceAfter
		default:
			uv.Then = []change.Edit{{Text: u.SourceBefore}}
			uv.Now = []change.Edit{{Text: u.SourceAfter}}
		}
		uv.HasThen, uv.HasNow = len(uv.Then) > 0, len(uv.Now) > 0
		v.Units = append(v.Units, uv)
	}
	return v
}

func span(from, to int) string {
	if to > from {
		return fmt.Sprintf("%d-%d", from, to)
	}
	return fmt.Sprint(from)
}

func short(s string) string {
	if len(s) > 10 {
		return s[:10]
	}
	return s
}

type stringsView struct {
	Root, Title, Source string
	Langs               []stringsLang
}

type stringsLang struct {
	Lang    string
	Entries []translations.Entry
}

func (s *site) stringsPage() stringsView {
	v := stringsView{Title: "UI strings", Source: s.Source}
	for _, st := range s.Langs {
		sl := stringsLang{Lang: st.Lang}
		for _, e := range s.Strings {
			if e.Lang == st.Lang {
				sl.Entries = append(sl.Entries, e)
			}
		}
		v.Langs = append(v.Langs, sl)
	}
	return v
}
