package edit

import (
	"encoding/json"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/sync/site"
)

// StubContent is a stub's front matter, in the source's syntax: the
// fields cfg copies from the source page and the fields it sets.
func StubContent(src *parse.Document, cfg site.StubConfig) []byte {
	type field struct{ key, raw string }
	var fields []field
	format := src.FrontMatter.Format
	if format == parse.NoFrontMatter {
		format = parse.YAML
	}
	for _, k := range cfg.Copy {
		if u := topField(src, k); u != nil {
			raw := string(src.Src[u.Start:u.End])
			// A multi-line value, an alias, an anchor or a tag is written
			// as its value: the token means nothing in the stub.
			if strings.Contains(raw, "\n") || strings.ContainsAny(raw[:min(len(raw), 1)], "*&!") {
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

func jsonNumber(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
