package glossary

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// CSV: one row per concept. Columns en, en_avoid, note, status,
// severity, case, keep, scope, exclude, then for each language L: L.use,
// L.allow, L.avoid, L.keep, L.first, L.note. Lists are joined with " | ".

const sep = " | "

// WriteCSV writes the glossary as CSV. A cell a spreadsheet would read as
// a formula (starting with =, +, -, @, a tab or a carriage return) is
// written behind a single quote, as OWASP advises; ReadCSV removes it.
func (g *Glossary) WriteCSV(w io.Writer) error {
	langs := g.Languages()
	header := []string{"en", "en_avoid", "note", "status", "severity", "case", "keep", "scope", "exclude"}
	for _, l := range langs {
		header = append(header, l+".use", l+".allow", l+".avoid", l+".keep", l+".first", l+".note")
	}
	cw := csv.NewWriter(w)
	cw.Write(header)
	for _, t := range g.Terms {
		if t.Rule != nil || t.When != nil || t.Unless != nil {
			continue // not expressible in a row: the YAML keeps them
		}
		sev := ""
		if t.Severity != SeverityDefault {
			sev = t.Severity.String()
		}
		cs := ""
		if t.CaseSensitive {
			cs = "sensitive"
		}
		row := []string{strings.Join(t.EN, sep), strings.Join(t.ENAvoid, sep), t.Note, t.Status, sev, cs, boolText(t.Keep),
			strings.Join(t.Scope, sep), strings.Join(t.Exclude, sep)}
		for _, l := range langs {
			r := t.Langs[l]
			if r == nil {
				row = append(row, "", "", "", "", "", "")
				continue
			}
			row = append(row, strings.Join(r.Use, sep), strings.Join(r.Allow, sep), strings.Join(r.Avoid, sep), boolText(r.Keep), r.First, r.Note)
		}
		for i := range row {
			row[i] = inertCell(row[i])
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

// inertCell keeps a spreadsheet from evaluating a cell.
func inertCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return ""
}

// ReadCSV reads a glossary from CSV: the header names the fields (as
// WriteCSV writes them), or opts.Columns maps fields to the header's
// names. A UTF-8 byte order mark is skipped.
func ReadCSV(name string, r io.Reader, opts ImportOptions) (*Glossary, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	var rows []row
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, &parse.Error{Path: name, Line: pe.Line, Col: pe.Column, Err: pe.Err}
			}
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		for i := range rec {
			rec[i] = uninertCell(rec[i])
		}
		rows = append(rows, row{line: line, cells: rec})
	}
	if len(rows) == 0 {
		return &Glossary{Path: name}, nil
	}
	return fromRows(name, rows[0], rows[1:], opts)
}

func uninertCell(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(s[1])) {
		return s[1:]
	}
	return s
}
