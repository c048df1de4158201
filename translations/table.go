// Package translations reports the state of Hugo's UI string tables
// (i18n/<lang>.toml|yaml|json, go-i18n message files) and of the
// per-language titles and descriptions of the site configuration.
//
//	src, _ := translations.ParseTable("i18n/en.toml", enData)
//	ja, _ := translations.ParseTable("i18n/ja.toml", jaData)
//	for _, e := range translations.Compare(src, ja, nil) {
//		fmt.Println(e.Key, e.State, e.Line)
//	}
//
// Messages are read with go-i18n, as Hugo reads them; positions come from
// the TOML, YAML or JSON syntax tree so that every entry has a line.
package translations

import (
	"bytes"
	"crypto/sha1"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// Message is one message of a table: its plural forms and position.
type Message struct {
	Key  string
	Line int
	// Forms maps plural forms ("one", "other", …) to their text.
	Forms map[string]string
	// Hash is go-i18n's hash of the source message this one translates,
	// when the file carries one.
	Hash        string
	Description string
	// Table reports the [key] table layout (as opposed to key = "…").
	Table bool
}

// Other is the message's "other" form, the one every message has.
func (m *Message) Other() string { return m.Forms["other"] }

// Table is a parsed message file.
type Table struct {
	Path     string
	Format   string // toml, yaml or json
	Messages []*Message
	byKey    map[string]*Message
}

// Message returns the message with key, or nil.
func (t *Table) Message(key string) *Message { return t.byKey[key] }

// ParseTable parses a message file with go-i18n. Duplicate keys and
// syntax errors are a *parse.Error with the line, and so is a file over
// the limits of parse.CheckData (parse.ErrTooComplex).
func ParseTable(p string, data []byte) (*Table, error) {
	format := strings.TrimPrefix(path.Ext(p), ".")
	if format == "yml" {
		format = "yaml"
	}
	if format != "toml" && format != "yaml" && format != "json" {
		return nil, &parse.Error{Path: p, Err: fmt.Errorf("unknown message file format %q", format)}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	// Bound the decoder's cost first: a YAML table of 361 bytes whose
	// aliases nest grows past 4 GB as go-i18n decodes it.
	if err := parse.CheckData(p, map[string]parse.Format{"toml": parse.TOML, "yaml": parse.YAML, "json": parse.JSON}[format], data); err != nil {
		return nil, err
	}
	mf, err := i18n.ParseMessageFileBytes(data, "und."+format, map[string]i18n.UnmarshalFunc{
		"toml": toml.Unmarshal,
		"yaml": yaml.Unmarshal,
	})
	if err != nil {
		return nil, parse.DecodeError(p, data, err)
	}
	lines, err := keyLines(p, format, data)
	if err != nil {
		return nil, err
	}
	t := &Table{Path: p, Format: format, byKey: map[string]*Message{}}
	for _, m := range mf.Messages {
		msg := &Message{Key: m.ID, Line: lines[m.ID].line, Table: lines[m.ID].table, Hash: m.Hash, Description: m.Description, Forms: map[string]string{}}
		for form, text := range map[string]string{"zero": m.Zero, "one": m.One, "two": m.Two, "few": m.Few, "many": m.Many, "other": m.Other} {
			if text != "" {
				msg.Forms[form] = text
			}
		}
		t.Messages = append(t.Messages, msg)
		t.byKey[m.ID] = msg
	}
	// File order, as the positions give it.
	slices.SortStableFunc(t.Messages, func(a, b *Message) int { return a.Line - b.Line })
	return t, nil
}

type keyPos struct {
	line  int
	table bool
}

// keyLines finds the line of each top-level key, and checks the syntax
// (duplicates included) with the position of the first error.
func keyLines(p, format string, data []byte) (map[string]keyPos, error) {
	out := map[string]keyPos{}
	switch format {
	case "toml":
		var ps unstable.Parser
		ps.Reset(data)
		inTable := false
		for ps.NextExpression() {
			e := ps.Expression()
			switch e.Kind {
			case unstable.Table:
				key, off := tomlKeyPath(e.Key())
				inTable = true
				if !strings.Contains(key, ".") {
					out[key] = keyPos{line: lineAt(data, off), table: true}
				}
			case unstable.KeyValue:
				key, off := tomlKeyPath(e.Key())
				if _, ok := out[key]; !ok && !inTable && !strings.Contains(key, ".") {
					out[key] = keyPos{line: lineAt(data, off)}
				}
			}
		}
		// Keys of tables: a key-value after a header belongs to the table.
		return out, ps.Error()
	case "yaml":
		f, err := parser.ParseBytes(data, 0)
		if err != nil {
			return nil, parse.YAMLError(p, 1, err)
		}
		for _, d := range f.Docs {
			m, ok := d.Body.(*ast.MappingNode)
			if !ok {
				continue
			}
			for _, v := range m.Values {
				_, table := v.Value.(*ast.MappingNode)
				if _, single := v.Value.(*ast.MappingValueNode); single {
					table = true
				}
				out[strings.Trim(v.Key.String(), `"'`)] = keyPos{line: v.Key.GetToken().Position.Line, table: table}
			}
		}
		return out, nil
	case "json":
		dec := json.NewDecoder(bytes.NewReader(data))
		fail := func(err error) error {
			return &parse.Error{Path: p, Line: lineAt(data, int(dec.InputOffset())), Err: err}
		}
		if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
			if err == nil {
				err = errors.New("a message file is a JSON object")
			}
			return nil, fail(err)
		}
		for dec.More() {
			at := skipJSONSpace(data, int(dec.InputOffset()))
			tok, err := dec.Token()
			if err != nil {
				return nil, fail(err)
			}
			key, _ := tok.(string)
			if _, dup := out[key]; dup {
				return nil, &parse.Error{Path: p, Line: lineAt(data, at), Err: fmt.Errorf("duplicate key %q", key)}
			}
			var v json.RawMessage
			if err := dec.Decode(&v); err != nil {
				return nil, fail(err)
			}
			out[key] = keyPos{line: lineAt(data, at), table: len(v) > 0 && v[0] == '{'}
		}
	}
	return out, nil
}

func skipJSONSpace(data []byte, off int) int {
	for off < len(data) && (data[off] == ' ' || data[off] == '\n' || data[off] == '\r' || data[off] == '\t' || data[off] == ',' || data[off] == '{') {
		off++
	}
	return off
}

// tomlKeyPath returns a dotted key and the offset of its first part.
func tomlKeyPath(it unstable.Iterator) (string, int) {
	var parts []string
	off := -1
	for it.Next() {
		n := it.Node()
		if off < 0 {
			off = int(n.Raw.Offset)
		}
		parts = append(parts, string(n.Data))
	}
	return strings.Join(parts, "."), max(off, 0)
}

func lineAt(data []byte, off int) int {
	return bytes.Count(data[:min(off, len(data))], []byte("\n")) + 1
}

// Hash is go-i18n's hash of a source message, as "goi18n merge" writes it
// into translated files: sha1 of the description and the "other" form.
func Hash(m *Message) string {
	h := sha1.New()
	io.WriteString(h, m.Description)
	io.WriteString(h, m.Other())
	return fmt.Sprintf("sha1-%x", h.Sum(nil))
}
