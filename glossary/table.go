package glossary

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// ImportOptions say how to read a table (CSV or Markdown) of concepts,
// one row per concept.
type ImportOptions struct {
	// Columns maps glossary fields to the names of the table's columns:
	// {"en": "English", "ko": "한글", "ko.note": "비고"}. Columns it does
	// not name are ignored. Empty: the header names the fields itself.
	Columns map[string]string
}

// ParseColumns reads a --columns value: field=Column pairs separated by
// commas ("en=English,ko=한글,ko.note=비고").
func ParseColumns(s string) (map[string]string, error) {
	out := map[string]string{}
	for _, pair := range strings.Split(s, ",") {
		field, col, ok := strings.Cut(pair, "=")
		field, col = strings.TrimSpace(field), strings.TrimSpace(col)
		if !ok || field == "" || col == "" {
			return nil, fmt.Errorf("column mapping %q: want field=Column", pair)
		}
		if err := checkField(field); err != nil {
			return nil, err
		}
		out[field] = col
	}
	return out, nil
}

// Table fields: the concept's (en, en_avoid, note, status, severity,
// case, keep, scope, exclude) and, for a language L, L.use, L.allow,
// L.avoid, L.keep, L.first and L.note. A bare L is a team's own column of
// renderings: see cellRenderings.
var conceptFields = []string{"en", "en_avoid", "note", "status", "severity", "case", "keep", "scope", "exclude"}
var langFields = []string{"use", "allow", "avoid", "keep", "first", "note"}

func checkField(field string) error {
	if slices.Contains(conceptFields, field) {
		return nil
	}
	lang, f, dotted := strings.Cut(field, ".")
	if !isLangCode(lang) || dotted && !slices.Contains(langFields, f) {
		return fmt.Errorf("unknown field %q (want %s, or L, L.use, L.allow, L.avoid, L.keep, L.first, L.note for a language L)",
			field, strings.Join(conceptFields, ", "))
	}
	return nil
}

func isLangCode(s string) bool {
	if len(s) < 2 || len(s) > 8 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r == '-' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

// row is a table row with its line in the file.
type row struct {
	line  int
	cells []string
}

// fromRows builds a glossary from a header and rows. Errors name the
// file and line; every bad row is reported, and duplicate concepts and
// conflicting renderings are errors too.
func fromRows(name string, header row, rows []row, opts ImportOptions) (*Glossary, error) {
	fields := make([]string, len(header.cells)) // field of each column, "" to ignore
	if len(opts.Columns) > 0 {
		for field, col := range opts.Columns {
			i := slices.IndexFunc(header.cells, func(h string) bool { return strings.EqualFold(strings.TrimSpace(h), col) })
			if i < 0 {
				return nil, &parse.Error{Path: name, Line: header.line, Col: 1,
					Err: fmt.Errorf("no column %q for %s (the columns are %q)", col, field, header.cells)}
			}
			fields[i] = field
		}
	} else {
		for i, h := range header.cells {
			h = strings.TrimSpace(h)
			if err := checkField(h); err != nil {
				return nil, &parse.Error{Path: name, Line: header.line, Col: 1, Err: fmt.Errorf("column %d: %w; name the columns with --columns", i+1, err)}
			}
			fields[i] = h
		}
	}
	if !slices.Contains(fields, "en") {
		return nil, &parse.Error{Path: name, Line: header.line, Col: 1, Err: errors.New("no en column")}
	}
	g := &Glossary{Path: name}
	var errs []error
	for _, r := range rows {
		t, err := termOfRow(name, r, fields)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if t != nil {
			g.Terms = append(g.Terms, t)
		}
	}
	errs = append(errs, g.validate()...)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return g, nil
}

// termOfRow reads one row; an empty row is nil.
func termOfRow(name string, r row, fields []string) (*Term, error) {
	t := &Term{Langs: map[string]*Rendering{}, Line: r.line}
	errorf := func(format string, args ...any) error {
		return &parse.Error{Path: name, Line: r.line, Col: 1, Err: fmt.Errorf(format, args...)}
	}
	empty := true
	if i := slices.Index(fields, "en"); i < len(r.cells) {
		t.EN = splitList(r.cells[i]) // first: language cells read it
	}
	for i, field := range fields {
		if field == "" || i >= len(r.cells) {
			continue
		}
		v := strings.TrimSpace(r.cells[i])
		if v == "" {
			continue
		}
		empty = false
		switch field {
		case "en":
			t.EN = splitList(v)
		case "en_avoid":
			t.ENAvoid = splitList(v)
		case "note":
			t.Note = v
		case "status":
			t.Status = v
		case "severity":
			sev, ok := ParseSeverity(v)
			if !ok {
				return nil, errorf("unknown severity %q (want error, warning or info)", v)
			}
			t.Severity = sev
		case "case":
			if v != "sensitive" && v != "insensitive" {
				return nil, errorf("unknown case %q (want sensitive or insensitive)", v)
			}
			t.CaseSensitive = v == "sensitive"
		case "keep":
			t.Keep = v == "true"
		case "scope":
			t.Scope = splitList(v)
		case "exclude":
			t.Exclude = splitList(v)
		default:
			lang, f, _ := strings.Cut(field, ".")
			rd := t.Langs[lang]
			if rd == nil {
				rd = &Rendering{}
				t.Langs[lang] = rd
			}
			switch f {
			case "":
				cellRenderings(rd, v, firstOf(t.EN))
			case "use":
				rd.Use = splitList(v)
			case "allow":
				rd.Allow = splitList(v)
			case "avoid":
				rd.Avoid = splitList(v)
			case "keep":
				rd.Keep = v == "true"
			case "first":
				rd.First = v
			case "note":
				rd.Note = v
			}
		}
	}
	if empty {
		return nil, nil
	}
	if len(t.EN) == 0 {
		return nil, errorf("no English term")
	}
	for lang, rd := range t.Langs {
		if len(rd.Use) == 1 && len(rd.Allow)+len(rd.Avoid) == 0 && rd.First == "" && sameEnglish(rd.Use[0], t.EN[0]) {
			rd.Use, rd.Keep = nil, true // rendered as the English: kept
		}
		if len(rd.Use)+len(rd.Allow)+len(rd.Avoid) == 0 && !rd.Keep && rd.Note == "" {
			delete(t.Langs, lang)
		}
	}
	return t, nil
}

// cellRenderings reads a team's own cell of renderings: a comma (or |)
// separated list of approved renderings, where a Latin parenthesis is the
// English written next to the rendering on its first use in a page, as
// many teams ask: 컨피그맵(ConfigMap) is rendering 컨피그맵 with first-use
// form "{use}({en})"; 이미지 풀(Pull) 시크릿, where the parenthesis is
// inside, is rendering 이미지 풀 시크릿 with that literal first-use form.
func cellRenderings(rd *Rendering, v, en string) {
	sepChar := ","
	if strings.Contains(v, "|") {
		sepChar = "|"
	}
	for _, item := range strings.Split(v, sepChar) {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		plain, latin, inside := splitParen(item)
		if latin == "" {
			rd.Use = append(rd.Use, item)
			continue
		}
		rd.Use = append(rd.Use, plain)
		switch {
		case inside:
			rd.First = item
		case rd.First != "":
		case sameEnglish(latin, en) || sameEnglish(latin, plural(en)) || sameEnglish(plural(latin), en):
			rd.First = "{use}({en})"
		default:
			rd.First = "{use}(" + latin + ")"
		}
	}
}

// splitParen splits "X(Y)Z" where Y is Latin text: the rendering without
// the parenthesis, Y, and whether the parenthesis is inside (Z not empty).
func splitParen(item string) (plain, latin string, inside bool) {
	open := strings.LastIndexAny(item, "(（")
	if open < 0 {
		return item, "", false
	}
	closeAt := strings.IndexAny(item[open:], ")）")
	if closeAt < 0 {
		return item, "", false
	}
	closeAt += open
	y := item[open+len(string([]rune(item[open:])[0])) : closeAt]
	for _, r := range y {
		if !(r < 0x80 || r >= 0xC0 && r < 0x250) {
			return item, "", false
		}
	}
	if strings.TrimSpace(y) == "" {
		return item, "", false
	}
	rest := item[closeAt+len(string([]rune(item[closeAt:])[0])):]
	plain = strings.Join(strings.Fields(item[:open]+rest), " ")
	return plain, y, strings.TrimSpace(rest) != ""
}

// sameEnglish reports a rendering that is the English term itself.
func sameEnglish(a, b string) bool {
	return normString(a, true) == normString(b, true)
}

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

func firstOf(v []string) string {
	if len(v) == 0 {
		return ""
	}
	return v[0]
}
