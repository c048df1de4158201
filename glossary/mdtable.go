package glossary

import (
	"bytes"
	"errors"
	"io"
	"strings"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// ReadMarkdownTable reads a glossary from a Markdown (GFM) pipe table,
// where teams keep theirs: the first table whose header has every
// column opts.Columns names (or, without Columns, whose header names
// glossary fields). Everything around the table is ignored. A UTF-8 byte
// order mark is skipped.
func ReadMarkdownTable(name string, r io.Reader, opts ImportOptions) (*Glossary, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	var firstErr error
	for i := 0; i+1 < len(lines); i++ {
		if !strings.Contains(lines[i], "|") || !isDelimiterRow(lines[i+1]) {
			continue
		}
		header := row{line: i + 1, cells: splitRow(lines[i])}
		var rows []row
		j := i + 2
		for ; j < len(lines) && strings.Contains(lines[j], "|") && strings.TrimSpace(lines[j]) != ""; j++ {
			rows = append(rows, row{line: j + 1, cells: splitRow(lines[j])})
		}
		g, err := fromRows(name, header, rows, opts)
		var pe *parse.Error
		if err != nil && errors.As(err, &pe) && pe.Line == header.line {
			// Another table (its header does not fit): try the next one.
			if firstErr == nil {
				firstErr = err
			}
			i = j - 1
			continue
		}
		return g, err
	}
	if firstErr != nil {
		return nil, firstErr
	}
	return nil, &parse.Error{Path: name, Line: 1, Col: 1, Err: errors.New("no table")}
}

// isDelimiterRow reports a table's delimiter row: --- | :---: | ---:
func isDelimiterRow(line string) bool {
	cells := splitRow(line)
	if len(cells) == 0 {
		return false
	}
	for _, c := range cells {
		c = strings.Trim(strings.TrimSpace(c), ":")
		if c == "" || strings.Trim(c, "-") != "" {
			return false
		}
	}
	return true
}

// splitRow splits a table row at unescaped pipes outside code spans.
func splitRow(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(line, "|")
	if strings.HasSuffix(line, "|") && !strings.HasSuffix(line, `\|`) {
		line = line[:len(line)-1]
	}
	var cells []string
	var cur strings.Builder
	inCode := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '\\' && i+1 < len(line) && line[i+1] == '|':
			cur.WriteByte('|')
			i++
		case c == '`':
			inCode = !inCode
			cur.WriteByte(c)
		case c == '|' && !inCode:
			cells = append(cells, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(c)
		}
	}
	return append(cells, strings.TrimSpace(cur.String()))
}
