package parse

import (
	"bytes"
	"strings"
)

// flatYAMLFields is yamlFields for the commonest front matter, read
// without the YAML parser: a key at the start of each line, of letters,
// digits, _ and -, with its value on the same line, a plain scalar or a
// quoted string without escapes, or a block scalar (> or |, clipped or
// stripped) of lines indented alike, and blank and comment lines between.
// Anything else (nesting, lists, escapes, anchors, tabs, CRs, a duplicate
// key) returns false, for the parser. The fields are the parser's
// (FuzzFlatYAML and TestFlatYAMLCorpus compare them).
func flatYAMLFields(doc *Document, fm FrontMatterBlock) ([]field, bool) {
	src := doc.Src
	body := src[fm.BodyStart:fm.BodyEnd]
	if bytes.IndexByte(body, '\r') >= 0 || bytes.IndexByte(body, '\t') >= 0 {
		return nil, false
	}
	w := yamlWalker{doc: doc}
	var fields []field
	for off := fm.BodyStart; off < fm.BodyEnd; {
		end := lineEndIn(src, off, fm.BodyEnd)
		line := src[off:end]
		if len(line) > 0 && line[0] != '#' && len(bytes.TrimLeft(line, " ")) > 0 {
			key, at, ok := flatKeyValue(line)
			if !ok || len(fields) == MaxKeys {
				return nil, false
			}
			for _, f := range fields {
				if f.path[0] == key {
					return nil, false // the parser reports it
				}
			}
			start := off + at
			v := string(line[at:])
			switch v[0] {
			case '"', '\'':
				v = v[1 : len(v)-1]
			case '>', '|':
				if start, v, end, ok = blockScalar(src, end+1, fm.BodyEnd, v); !ok {
					return nil, false
				}
			}
			fields = append(fields, field{path: []string{key}, value: v, start: start,
				end: w.valueEnd(start), keyLine: doc.Lines.Line(off), scalar: true})
		}
		off = end + 1
	}
	closeSpans(doc, fields, fm.BodyEnd)
	return fields, true
}

// blockScalar reads the lines from off of a block scalar with the header
// (>, >-, | or |-): lines indented alike, none more, none blank, up to a
// line at the start of its line or an empty one (a line of spaces is
// declined). It returns where the text
// starts, the value, and the end of its last line; false for any other
// shape.
func blockScalar(src []byte, off, limit int, header string) (start int, value string, last int, ok bool) {
	indent := 0
	for off+indent < limit && src[off+indent] == ' ' {
		indent++
	}
	if indent == 0 || off+indent >= limit || src[off+indent] == '\n' {
		return 0, "", 0, false
	}
	start, last = off+indent, off-1
	var b strings.Builder
	sep := " "
	if header[0] == '|' {
		sep = "\n"
	}
	blank := false
	for off < limit {
		end := lineEndIn(src, off, limit)
		line := src[off:end]
		n := len(line) - len(bytes.TrimLeft(line, " "))
		switch {
		case len(line) == 0:
			blank = true
		case n == len(line):
			return 0, "", 0, false // spaces past the indentation are text
		case n == 0:
			off = limit // the next key or comment
			continue
		case blank || n != indent || line[len(line)-1] == ' ':
			return 0, "", 0, false
		default:
			if b.Len() > 0 {
				b.WriteString(sep)
			}
			b.Write(line[indent:])
			last = end
		}
		off = end + 1
	}
	if len(header) == 1 {
		b.WriteByte('\n') // clipped: one line break kept
	}
	return start, b.String(), last, true
}

// lineEndIn is the offset of the end of the line at off, before limit.
func lineEndIn(src []byte, off, limit int) int {
	if i := bytes.IndexByte(src[off:limit], '\n'); i >= 0 {
		return off + i
	}
	return limit
}

// flatKeyValue splits a line "key: value" and returns the key and the
// offset of the value, or false when the line is not that simple.
func flatKeyValue(line []byte) (key string, at int, ok bool) {
	i := 0
	for i < len(line) && (isASCIILetter(line[i]) || isDigit(line[i]) || line[i] == '_' || line[i] == '-') {
		i++
	}
	if i == 0 || !isASCIILetter(line[0]) || i+1 >= len(line) || line[i] != ':' || line[i+1] != ' ' {
		return "", 0, false
	}
	key = string(line[:i])
	switch strings.ToLower(key) {
	case "null", "true", "false", "yes", "no", "on", "off", "y", "n":
		return "", 0, false
	}
	at = i + 1
	for at < len(line) && line[at] == ' ' {
		at++
	}
	n := len(trimSpaceRight(unsafeString(line)))
	if at >= n {
		return "", 0, false // no value: null
	}
	v := line[at:n]
	switch q := v[0]; q {
	case '>', '|':
		if len(v) > 2 || len(v) == 2 && v[1] != '-' || at+len(v) != len(line) {
			return "", 0, false
		}
		return key, at, true
	case '"', '\'':
		inner := v[1:]
		if len(inner) == 0 || inner[len(inner)-1] != q {
			return "", 0, false
		}
		inner = inner[:len(inner)-1]
		if bytes.IndexByte(inner, q) >= 0 || q == '"' && bytes.IndexByte(inner, '\\') >= 0 {
			return "", 0, false
		}
		if at+len(v) != len(line) {
			return "", 0, false // trailing spaces after the quote: the parser's
		}
		return key, at, true
	case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '%', '@', '`', '<', '=', '~':
		return "", 0, false
	}
	if bytes.Contains(v, []byte(": ")) || bytes.Contains(v, []byte(" #")) || v[len(v)-1] == ':' {
		return "", 0, false
	}
	switch string(v) {
	case "null", "Null", "NULL":
		return "", 0, false
	}
	if at+len(v) != len(line) {
		return "", 0, false
	}
	return key, at, true
}
