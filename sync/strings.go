package sync

import (
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cnpe-i18n/cnpe-i18n/glossary"
	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/sync/history"
	"github.com/cnpe-i18n/cnpe-i18n/sync/site"
	"github.com/cnpe-i18n/cnpe-i18n/translations"
)

// tableFile finds a language's string table (site.Layout.TableFile).
func (s *Site) tableFile(lang string) string { return s.Layout.TableFile(lang) }

// StringReport compares the UI string tables and the per-language site
// configuration strings of every target language with the source's. A
// string equal to its source is a name kept as is, not untranslated,
// when it is one word, every word is capitalised, or the glossary (when
// given) keeps it in English.
func (s *Site) StringReport(langs []string, g *glossary.Glossary) []translations.Entry {
	var out []translations.Entry
	srcPath := s.tableFile(s.Layout.Source)
	var src *translations.Table
	var hist *tableHistory
	if srcPath != "" {
		src = s.readTable(srcPath)
		hist = s.newTableHistory(srcPath)
	}
	cfg := s.readConfigHistory()
	for _, lang := range s.Layout.Targets() {
		if len(langs) > 0 && !slices.Contains(langs, lang) {
			continue
		}
		if src != nil {
			trPath := s.tableFile(lang)
			tr := &translations.Table{Path: missingTable(srcPath, s.Layout.Source, lang)}
			if trPath != "" {
				tr = s.readTable(trPath)
			}
			if tr != nil {
				out = append(out, translations.Compare(lang, src, tr, hist.past(trPath, src, tr))...)
			}
		}
		out = append(out, cfg.strings(s.Layout.Source, lang)...)
	}
	for i := range out {
		e := &out[i]
		if e.State == translations.Untranslated && e.Text == e.Source && isName(e.Source, keepTerms(g, e.Lang)) {
			e.State, e.Why = translations.Current, "equal to the source text, a name kept as is"
		}
	}
	return out
}

// isName reports a string that reads as a name, the same in every
// language: one word ("GitHub", "checksum", ")"), every word with
// letters capitalised ("Stack Overflow", "January 2006"), or a term the
// glossary keeps in English.
func isName(text string, keep []string) bool {
	text = strings.TrimSpace(text)
	for _, k := range keep {
		if strings.EqualFold(text, k) {
			return true
		}
	}
	words := strings.Fields(text)
	if len(words) <= 1 {
		return true
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }))
		if unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return false
		}
		if strings.ContainsAny(w, "<>=\"") {
			return false // markup: a sentence with a link, not a name
		}
	}
	return true
}

// keepTerms are the English terms the glossary keeps verbatim in lang.
func keepTerms(g *glossary.Glossary, lang string) []string {
	if g == nil {
		return nil
	}
	var out []string
	for _, t := range g.Terms {
		if r := t.Langs[lang]; t.Keep || (r != nil && r.Keep) {
			out = append(out, t.EN...)
		}
	}
	return out
}

// missingTable is where a language's table would be: beside the
// source's, or in a directory of its own when the source's directory is
// named for its language (i18n/en/en.toml, i18n/ja/ja.toml).
func missingTable(srcPath, source, lang string) string {
	dir, ext := path.Dir(srcPath), path.Ext(srcPath)
	if path.Base(dir) == source {
		return path.Join(path.Dir(dir), lang, lang+ext)
	}
	return path.Join(dir, lang+ext)
}

func (s *Site) readTable(p string) *translations.Table {
	data, err := site.ReadFileIn(s.Layout.Root, p, 0)
	if err != nil {
		s.problem(problemOf(p, parse.PathError(p, err)))
		return nil
	}
	t, err := translations.ParseTable(p, data)
	if err != nil {
		s.problem(problemOf(p, err))
		return nil
	}
	return t
}

// tableHistory is the history of the source table, parsed once for all
// languages, and a cache of parsed table versions.
type tableHistory struct {
	site      *Site
	sv        []history.Version
	srcTables []*translations.Table
	cache     map[string]*translations.Table
}

func (s *Site) newTableHistory(srcPath string) *tableHistory {
	h := &tableHistory{site: s, cache: map[string]*translations.Table{}}
	if s.History == nil {
		return h
	}
	h.sv = liveVersions(s.History.Versions(srcPath))
	for _, v := range h.sv {
		h.srcTables = append(h.srcTables, h.parse(v.Blob, srcPath))
	}
	return h
}

func (h *tableHistory) parse(blob, name string) *translations.Table {
	if t, ok := h.cache[blob]; ok {
		return t
	}
	var t *translations.Table
	if data, found, err := h.site.History.Blob(blob); err == nil && found {
		t, _ = translations.ParseTable(name, data)
	}
	h.cache[blob] = t
	return t
}

// past reads the translation table's history: for each translated key,
// the source text when the translation's text last changed, and every
// text the source key had.
func (h *tableHistory) past(trPath string, src, tr *translations.Table) map[string]translations.Past {
	if h == nil || h.site.History == nil || trPath == "" || len(h.sv) == 0 {
		return nil
	}
	tv := liveVersions(h.site.History.Versions(trPath))
	if len(tv) == 0 {
		return nil
	}
	trTables := make([]*translations.Table, len(tv))
	for i, v := range tv {
		trTables[i] = h.parse(v.Blob, trPath)
	}
	past := map[string]translations.Past{}
	for _, m := range tr.Messages {
		sm := src.Message(m.Key)
		if sm == nil {
			continue
		}
		p := translations.Past{}
		seen := map[string]bool{}
		for _, t := range h.srcTables {
			if t == nil {
				continue
			}
			if old := t.Message(m.Key); old != nil && old.Other() != sm.Other() && !seen[old.Other()] {
				seen[old.Other()] = true
				p.SourceValues = append(p.SourceValues, old.Other())
			}
		}
		// The translation's text last changed at version k.
		k := lastChange(trTables, m.Key, m.Other())
		if k >= 0 {
			p.SourceWhenTranslated, p.Known = valueAt(h.sv, h.srcTables, tv[k].Seq, m.Key)
		}
		past[m.Key] = p
	}
	return past
}

// lastChange returns the index of the oldest version, in the run of
// versions up to the newest, whose text for key is text: the version
// where the text last changed.
func lastChange(tables []*translations.Table, key, text string) int {
	k := -1
	for i, t := range tables {
		if t == nil {
			break
		}
		m := t.Message(key)
		if m == nil || m.Other() != text {
			break
		}
		k = i
	}
	return k
}

// valueAt is the source text of key at the commit with sequence seq (the
// newest source version at or before it).
func valueAt(sv []history.Version, tables []*translations.Table, seq int, key string) (string, bool) {
	for i, v := range sv {
		if v.Seq >= seq {
			if tables[i] == nil {
				return "", false
			}
			if m := tables[i].Message(key); m != nil {
				return m.Other(), true
			}
			return "", false
		}
	}
	return "", false
}

// configKeys are the per-language strings of the site configuration.
var configKeys = []string{"title", "params.description"}

// configHistory is the site configuration now and at each version,
// read once for all languages.
type configHistory struct {
	file     string
	cur      map[string]configValue
	versions []map[string]configValue
}

func (s *Site) readConfigHistory() *configHistory {
	file := s.Layout.ConfigFile
	if parse.DataFormat(file) == parse.NoFrontMatter {
		return nil
	}
	data, err := site.ReadFileIn(s.Layout.Root, file, 0)
	if err != nil {
		return nil
	}
	c := &configHistory{file: file, cur: configValues(file, data)}
	if s.History != nil {
		for _, v := range liveVersions(s.History.Versions(file)) {
			var m map[string]configValue
			if d, found, err := s.History.Blob(v.Blob); err == nil && found {
				m = configValues(file, d)
			}
			c.versions = append(c.versions, m)
		}
	}
	return c
}

// strings reports languages.<lang>.title and .params.description against
// the source language's.
func (c *configHistory) strings(source, lang string) []translations.Entry {
	if c == nil {
		return nil
	}
	file, cur, versions := c.file, c.cur, c.versions
	var out []translations.Entry
	for _, k := range configKeys {
		srcKey := "languages." + source + "." + k
		key := "languages." + lang + "." + k
		sv, ok := cur[srcKey]
		if !ok {
			continue
		}
		e := translations.Entry{Lang: lang, Key: key, File: file, Source: sv.text}
		tv, ok := cur[key]
		if !ok {
			e.State, e.Line = translations.Missing, sv.line
			out = append(out, e)
			continue
		}
		e.Line, e.Text = tv.line, tv.text
		// History: the source value when this value last changed.
		var before string
		known := false
		var earlier []string
		if len(versions) > 0 {
			k := -1
			for i, m := range versions {
				if m == nil || m[key].text != tv.text {
					break
				}
				k = i
			}
			if k >= 0 {
				before, known = versions[k][srcKey].text, true
			}
			for _, m := range versions {
				if v := m[srcKey].text; v != "" && v != sv.text && !slices.Contains(earlier, v) {
					earlier = append(earlier, v)
				}
			}
		}
		switch {
		case tv.text == sv.text:
			e.State, e.Why = translations.Untranslated, "equal to the source text"
		case slices.Contains(earlier, tv.text):
			e.State, e.Why = translations.Untranslated, "equal to an earlier source text"
		case known && before != sv.text:
			e.State, e.Why, e.SourceBefore = translations.Stale, "the source text changed after this was translated", before
		default:
			e.State = translations.Current
		}
		out = append(out, e)
	}
	return out
}

type configValue struct {
	text string
	line int
}

// configValues lists the scalar values of a configuration file by
// lower-case dotted key path (Hugo's keys are case-insensitive), with
// their lines. A file that does not parse has none.
func configValues(file string, data []byte) map[string]configValue {
	out := map[string]configValue{}
	fields, err := parse.DataFields(file, parse.DataFormat(file), data)
	if err != nil {
		return out
	}
	for _, f := range fields {
		if f.Scalar {
			out[strings.ToLower(f.Key)] = configValue{f.Value, f.Line}
		}
	}
	return out
}
