package sync

import (
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// StubConfig says what a stub holds. The zero value is the convention of
// Hugo sites with a "Translation Needed" banner: the source's title,
// outdated: true, and list_pages: true in _index.md.
type StubConfig struct {
	// Copy lists source front matter keys copied into stubs (default: title).
	Copy []string `yaml:"copy"`
	// Set lists fields every stub gets (default: outdated: true).
	Set map[string]any `yaml:"set"`
	// Index lists fields _index.md stubs get (default: list_pages: true).
	Index map[string]any `yaml:"index"`
}

func (c StubConfig) withDefaults() StubConfig {
	if c.Copy == nil {
		c.Copy = []string{"title"}
	}
	if c.Set == nil {
		c.Set = map[string]any{"outdated": true}
	}
	if c.Index == nil {
		c.Index = map[string]any{"list_pages": true}
	}
	return c
}

// PlanStub plans a front-matter-only stub for every source page missing
// in a language, so that the page exists (no 404) and shows the site's
// banner. Running it again plans nothing.
func (s *Site) PlanStub(langs, paths []string) []FileEdit {
	cfg := s.Config.Stub.withDefaults()
	report := s.Status(Options{Langs: langs, Paths: paths})
	var edits []FileEdit
	for _, p := range report.Pages {
		if p.State != PageMissing {
			continue
		}
		src, err := s.loadPath(p.Source)
		if err != nil {
			continue
		}
		target := s.stubPath(src.File, p.Lang)
		if target == "" {
			continue
		}
		edits = append(edits, FileEdit{Path: target, After: stubContent(src.Doc, cfg), Reason: "stub: missing in " + p.Lang})
	}
	return edits
}

// stubPath is where the translation of a source page goes in a language.
func (s *Site) stubPath(src File, lang string) string {
	l := s.Layout.Language(lang)
	if l == nil {
		return ""
	}
	rel := src.Rel
	if s.Layout.Suffixed {
		ext := path.Ext(rel)
		rel = strings.TrimSuffix(rel, ext) + "." + lang + ext
	}
	return path.Join(l.ContentDir, rel)
}

// stubContent is a stub's front matter, in the source's syntax.
func stubContent(src *parse.Document, cfg StubConfig) []byte {
	type field struct{ key, raw string }
	var fields []field
	format := src.FrontMatter.Format
	if format == parse.NoFrontMatter {
		format = parse.YAML
	}
	for _, k := range cfg.Copy {
		if u := topField(src, k); u != nil {
			raw := string(src.Src[u.Start:u.End])
			if strings.Contains(raw, "\n") {
				raw = formatValue(format, String(u.Text))
			}
			fields = append(fields, field{k, raw})
		}
	}
	add := func(m map[string]any) {
		for _, k := range slices.Sorted(maps.Keys(m)) {
			fields = append(fields, field{k, formatAny(format, m[k])})
		}
	}
	add(cfg.Set)
	if strings.HasPrefix(path.Base(src.Path), "_index.") {
		add(cfg.Index)
	}
	var b strings.Builder
	switch format {
	case parse.TOML:
		b.WriteString("+++\n")
		for _, f := range fields {
			b.WriteString(tomlKey(f.key) + " = " + f.raw + "\n")
		}
		b.WriteString("+++\n")
	case parse.JSON:
		b.WriteString("{\n")
		for i, f := range fields {
			b.WriteString("  " + jsonString(f.key) + ": " + f.raw)
			if i < len(fields)-1 {
				b.WriteString(",")
			}
			b.WriteString("\n")
		}
		b.WriteString("}\n")
	default:
		b.WriteString("---\n")
		for _, f := range fields {
			b.WriteString(yamlKey(f.key) + ": " + f.raw + "\n")
		}
		b.WriteString("---\n")
	}
	return []byte(b.String())
}

func formatAny(f parse.Format, v any) string {
	switch v := v.(type) {
	case bool:
		return formatValue(f, Bool(v))
	case string:
		return formatValue(f, String(v))
	case int, int64, uint64, float64:
		return strings.TrimSpace(strings.Trim(jsonNumber(v), "\""))
	}
	return formatValue(f, String(jsonNumber(v)))
}
