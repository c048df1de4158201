package edit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// Front matter edits change one top-level field and nothing else: every
// other byte (line endings, BOM, key order, comments, quoting) stays.

// Value is a front matter value to write: a string or a boolean.
type Value struct {
	Str  string
	Bool *bool
}

// String and Bool make Values.
func String(s string) Value { return Value{Str: s} }

// Bool makes a boolean Value.
func Bool(b bool) Value { return Value{Bool: &b} }

func (v Value) equal(text string) bool {
	if v.Bool != nil {
		return text == strconv.FormatBool(*v.Bool)
	}
	return text == v.Str
}

// SetField returns the page with the top-level front matter key set to v,
// in the page's front matter syntax. An existing value is replaced in
// place; a new key is added at the end of the top-level keys; a page
// without front matter gets a YAML block.
func SetField(doc *parse.Document, key string, v Value) ([]byte, error) {
	if err := editableLines(doc); err != nil {
		return nil, err
	}
	out, err := setField(doc, key, v)
	if err != nil {
		return nil, err
	}
	return verified(doc, out, func(after *parse.Document) bool {
		u := topField(after, key)
		return u != nil && v.equal(u.Text)
	})
}

// verified checks that an edited page still parses and holds the edit: a
// front matter this tool cannot edit safely (a bare scalar, a list, tags)
// is refused, not broken.
func verified(doc *parse.Document, out []byte, holds func(*parse.Document) bool) ([]byte, error) {
	after, err := (parse.Config{FrontMatterOnly: true}).Parse(doc.Path, out)
	if err == nil && !holds(after) {
		err = fmt.Errorf("the edit does not come out as a top-level field")
	}
	if err != nil {
		return nil, fmt.Errorf("%s: the front matter cannot be edited safely (%v); not changed", doc.Path, err)
	}
	return out, nil
}

func setField(doc *parse.Document, key string, v Value) ([]byte, error) {
	src := doc.Src
	if u := topField(doc, key); u != nil {
		if v.equal(u.Text) {
			return src, nil
		}
		return splice(src, u.Start, u.End, formatValue(doc.FrontMatter.Format, v)), nil
	}
	eol := lineEnding(doc)
	fm := doc.FrontMatter
	switch fm.Format {
	case parse.NoFrontMatter:
		block := "---" + eol + key + ": " + formatValue(parse.YAML, v) + eol + "---" + eol
		if doc.HasBody() && !bytes.HasPrefix(src[fm.Start:], []byte(eol)) {
			block += eol
		}
		return splice(src, fm.Start, fm.Start, block), nil
	case parse.YAML:
		line := yamlKey(key) + ": " + formatValue(parse.YAML, v) + eol
		return splice(src, fm.BodyEnd, fm.BodyEnd, line), nil
	case parse.TOML:
		at := tomlInsertPoint(src, fm)
		line := tomlKey(key) + " = " + formatValue(parse.TOML, v) + eol
		return splice(src, at, at, line), nil
	case parse.JSON:
		return jsonInsert(src, fm, key, v, eol)
	}
	return nil, fmt.Errorf("%s: unknown front matter format", doc.Path)
}

// DeleteField returns the page without the top-level front matter key (a
// no-op when it is absent).
func DeleteField(doc *parse.Document, key string) ([]byte, error) {
	if err := editableLines(doc); err != nil {
		return nil, err
	}
	out, err := deleteField(doc, key)
	if err != nil {
		return nil, err
	}
	return verified(doc, out, func(after *parse.Document) bool { return topField(after, key) == nil })
}

func deleteField(doc *parse.Document, key string) ([]byte, error) {
	u := topField(doc, key)
	if u == nil {
		return doc.Src, nil
	}
	src := doc.Src
	if doc.FrontMatter.Format == parse.JSON {
		return jsonDelete(src, doc.FrontMatter, u)
	}
	keyLine := u.Line
	if doc.FrontMatter.Format == parse.YAML {
		// A block scalar (key: | or key: >) starts on the line after its key.
		for n := u.Line; n >= doc.Lines.Line(doc.FrontMatter.BodyStart); n-- {
			line := src[doc.Lines.Start(n):doc.Lines.End(n)]
			if bytes.HasPrefix(line, []byte(yamlKey(key)+":")) || bytes.HasPrefix(line, []byte(jsonString(key)+":")) {
				keyLine = n
				break
			}
		}
	}
	start := doc.Lines.Start(keyLine)
	end := doc.Lines.Start(u.EndLine + 1)
	return splice(src, start, end, ""), nil
}

// topField returns the top-level field key, or nil.
func topField(doc *parse.Document, key string) *parse.Unit {
	for i := range doc.Units {
		u := &doc.Units[i]
		if u.Kind == parse.FrontMatter && u.Key == key {
			return u
		}
	}
	return nil
}

// editableLines refuses a page whose line breaks are a lone CR (classic
// Mac): its front matter is not seen as such, and an edit would add a
// block of LF lines to it.
func editableLines(doc *parse.Document) error {
	if i := bytes.IndexAny(doc.Src, "\r\n"); i >= 0 && doc.Src[i] == '\r' && (i+1 == len(doc.Src) || doc.Src[i+1] != '\n') {
		return fmt.Errorf("%s: line breaks are CR only; the front matter cannot be edited safely; not changed", doc.Path)
	}
	return nil
}

func lineEnding(doc *parse.Document) string {
	if doc.CRLF {
		return "\r\n"
	}
	return "\n"
}

func splice(src []byte, start, end int, with string) []byte {
	out := make([]byte, 0, len(src)-(end-start)+len(with))
	out = append(out, src[:start]...)
	out = append(out, with...)
	return append(out, src[end:]...)
}

var plainYAML = regexp.MustCompile(`^[A-Za-z0-9_./][A-Za-z0-9_./ -]*$`)

// formatValue writes v in the syntax of a front matter format.
func formatValue(f parse.Format, v Value) string {
	if v.Bool != nil {
		return strconv.FormatBool(*v.Bool)
	}
	s := v.Str
	switch f {
	case parse.YAML:
		if plainYAML.MatchString(s) && !strings.HasSuffix(s, " ") && !isYAMLKeyword(s) {
			return s
		}
		return jsonString(s) // a JSON string is a YAML double-quoted scalar
	case parse.TOML, parse.JSON:
		return jsonString(s) // valid TOML basic strings for what we write
	}
	return s
}

func isYAMLKeyword(s string) bool {
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "null", "~":
		return true
	}
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

func jsonString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

func yamlKey(k string) string {
	if plainYAML.MatchString(k) && !strings.Contains(k, " ") {
		return k
	}
	return jsonString(k)
}

var bareTOMLKey = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

func tomlKey(k string) string {
	if bareTOMLKey.MatchString(k) {
		return k
	}
	return jsonString(k)
}

// tomlInsertPoint is where a new top-level key goes in TOML front matter:
// before the first table header (keys after it belong to the table).
func tomlInsertPoint(src []byte, fm parse.FrontMatterBlock) int {
	for off := fm.BodyStart; off < fm.BodyEnd; {
		end := bytes.IndexByte(src[off:fm.BodyEnd], '\n')
		line := src[off:]
		if end >= 0 {
			line = src[off : off+end]
		}
		if t := bytes.TrimSpace(line); len(t) > 0 && t[0] == '[' {
			return off
		}
		if end < 0 {
			break
		}
		off += end + 1
	}
	return fm.BodyEnd
}

// jsonInsert adds "key": value as the first member of a JSON front
// matter object, indented like the member after it.
func jsonInsert(src []byte, fm parse.FrontMatterBlock, key string, v Value, eol string) ([]byte, error) {
	open := bytes.IndexByte(src[fm.Start:fm.BodyEnd], '{')
	if open < 0 {
		return nil, fmt.Errorf("JSON front matter without an object")
	}
	open += fm.Start
	rest := src[open+1 : fm.BodyEnd]
	member := jsonString(key) + ": " + formatValue(parse.JSON, v)
	trimmed := bytes.TrimLeft(rest, " \t\r\n")
	if len(trimmed) > 0 && trimmed[0] == '}' {
		return splice(src, open+1, open+1, member), nil
	}
	if i := bytes.IndexByte(rest, '\n'); i >= 0 && len(bytes.TrimSpace(rest[:i])) == 0 {
		// Members on their own lines: copy the next member's indentation.
		next := rest[i+1:]
		indent := next[:len(next)-len(bytes.TrimLeft(next, " \t"))]
		return splice(src, open+1+i+1, open+1+i+1, string(indent)+member+","+eol), nil
	}
	return splice(src, open+1, open+1, member+", "), nil
}

// jsonDelete removes a member and the comma that separates it.
func jsonDelete(src []byte, fm parse.FrontMatterBlock, u *parse.Unit) ([]byte, error) {
	// Back from the value to the key's opening quote.
	i := u.Start - 1
	for i > fm.Start && (src[i] == ' ' || src[i] == '\t' || src[i] == '\r' || src[i] == '\n') {
		i--
	}
	if src[i] != ':' {
		return nil, fmt.Errorf("unexpected JSON around %q", u.Key)
	}
	i--
	for i > fm.Start && src[i] != '"' {
		i--
	}
	i-- // inside the key
	for i > fm.Start && !(src[i] == '"' && src[i-1] != '\\') {
		i--
	}
	start, end := i, u.End
	// The comma after the member, or else the one before it.
	j := end
	for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
		j++
	}
	if j < len(src) && src[j] == ',' {
		end = j + 1
		for end < len(src) && (src[end] == ' ' || src[end] == '\t') {
			end++
		}
	} else {
		k := start - 1
		for k > fm.Start && (src[k] == ' ' || src[k] == '\t' || src[k] == '\r' || src[k] == '\n') {
			k--
		}
		if src[k] == ',' {
			start = k
		}
	}
	// Drop the whole line when the member was alone on it.
	ls := bytes.LastIndexByte(src[:start], '\n') + 1
	le := bytes.IndexByte(src[end:], '\n')
	if le >= 0 && len(bytes.TrimSpace(src[ls:start])) == 0 && len(bytes.TrimSpace(src[end:end+le])) == 0 {
		start, end = ls, end+le+1
	}
	return splice(src, start, end, ""), nil
}
