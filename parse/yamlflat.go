package parse

import (
	"bytes"
	"strings"
)

// flatYAMLFields is yamlFields for the commonest front matter, read
// without the YAML parser: keys at the start of their lines, of letters,
// digits, _ and -, each with
//   - its value on the same line: a plain scalar, a quoted string without
//     escapes, or a block scalar (>, >-, | or |-) of lines indented alike;
//   - nothing, before the next key (null);
//   - a list of plain scalars, one "- item" a line, indented alike;
//   - a mapping of keys indented alike, with values on their lines;
//
// and blank and comment lines between. Anything else (deeper nesting,
// escapes, anchors, tabs, CRs, a duplicate key) returns false, for the
// parser. The fields are the parser's (FuzzFlatYAML and
// TestFlatYAMLCorpus compare them).
func flatYAMLFields(doc *Document, fm FrontMatterBlock) ([]field, bool) {
	src := doc.Src
	body := src[fm.BodyStart:fm.BodyEnd]
	if bytes.IndexByte(body, '\r') >= 0 || bytes.IndexByte(body, '\t') >= 0 {
		return nil, false
	}
	r := flatReader{w: yamlWalker{doc: doc}, limit: fm.BodyEnd}
	for off := fm.BodyStart; off < fm.BodyEnd; {
		end := lineEndIn(src, off, fm.BodyEnd)
		line := src[off:end]
		if len(line) > 0 && line[0] != '#' && len(bytes.TrimLeft(line, " ")) > 0 {
			if end = r.entry(off, end, nil, 0); end < 0 {
				return nil, false
			}
		}
		off = end + 1
	}
	if 2*len(r.fields) > MaxKeys { // keys with a mapping under them count too
		return nil, false
	}
	closeSpans(doc, r.fields, fm.BodyEnd)
	return r.fields, true
}

type flatReader struct {
	w      yamlWalker
	limit  int // the end of the front matter's body
	fields []field
}

// entry reads the key and value whose line is src[off:end], at indent
// under parent (nil at the top), and returns the end of its last line,
// or -1 when it is not simple enough.
func (r *flatReader) entry(off, end int, parent []string, indent int) int {
	src := r.w.doc.Src
	line := src[off+indent : end]
	key, at, ok := flatKey(line)
	if !ok {
		return -1
	}
	path := append(append([]string(nil), parent...), key)
	for _, f := range r.fields {
		if len(f.path) >= len(path) && slicesEqual(f.path[:len(path)], path) || len(f.path) < len(path) && slicesEqual(f.path, path[:len(f.path)]) {
			return -1 // a duplicate key: the parser reports it
		}
	}
	keyLine := r.w.doc.Lines.Line(off)
	r.w.keyIndent = indent
	if at == len(line) { // "key:" alone
		return r.under(off, end, path, keyLine, indent)
	}
	start := off + indent + at
	v := string(line[at:])
	switch {
	case !flatValue(line[at:]):
		return -1
	case v[0] == '"' || v[0] == '\'':
		v = v[1 : len(v)-1]
	case v[0] == '>' || v[0] == '|':
		if indent > 0 {
			return -1
		}
		if start, v, end, ok = blockScalar(src, end+1, r.limit, v); !ok {
			return -1
		}
	}
	r.fields = append(r.fields, field{path: path, value: v, start: start, end: r.w.valueEnd(start), keyLine: keyLine, scalar: true})
	return end
}

// under reads what follows a key alone on its line: nothing (null), a list
// of plain scalars or, at the top, a mapping.
func (r *flatReader) under(off, end int, path []string, keyLine, indent int) int {
	src := r.w.doc.Src
	next := end + 1
	if next >= r.limit || isASCIILetter(src[next]) && indent == 0 {
		// Nothing before the next key: null, at the end of the key.
		at := end
		r.fields = append(r.fields, field{path: path, start: at, end: r.w.valueEnd(at), keyLine: keyLine, scalar: true})
		return end
	}
	n := 0
	for next+n < r.limit && src[next+n] == ' ' {
		n++
	}
	if next+n+1 < r.limit && src[next+n] == '-' && src[next+n+1] == ' ' && n >= indent {
		return r.list(next, path, keyLine, n)
	}
	if indent > 0 || n == 0 {
		return -1
	}
	last := end
	for off := next; off < r.limit; {
		e := lineEndIn(src, off, r.limit)
		line := src[off:e]
		k := len(line) - len(bytes.TrimLeft(line, " "))
		if len(line) == 0 || k == 0 {
			break
		}
		if k != n {
			return -1
		}
		if last = r.entry(off, e, path, n); last < 0 {
			return -1
		}
		off = last + 1
	}
	if last == end {
		return -1
	}
	return last
}

// list reads lines "- item" from off, at indent n, each a plain scalar:
// the field is their text, as the parser writes the list.
func (r *flatReader) list(off int, path []string, keyLine, n int) int {
	src := r.w.doc.Src
	first, last, lastItem := off+n, -1, -1
	for off < r.limit {
		e := lineEndIn(src, off, r.limit)
		line := src[off:e]
		k := len(line) - len(bytes.TrimLeft(line, " "))
		if len(line) == 0 || k < n || k == n && line[n] != '-' {
			break // the next key
		}
		if k != n || len(line) < n+3 || line[n] != '-' || line[n+1] != ' ' {
			return -1
		}
		item := line[n+2:]
		if item[0] == ' ' || item[0] == '"' || item[0] == '\'' || item[0] == '>' || item[0] == '|' || !flatValue(item) {
			return -1
		}
		last, lastItem = e, off+n+2
		off = e + 1
	}
	if last < 0 {
		return -1
	}
	r.fields = append(r.fields, field{path: path, value: string(src[first:last]), start: first, end: r.w.valueEnd(lastItem), keyLine: keyLine})
	return last
}

func slicesEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// blockScalar reads the lines from off of a block scalar with the header
// (>, >-, | or |-): lines indented alike, none more, none blank, up to a
// line at the start of its line or an empty one (a line of spaces is
// declined). It returns where the text starts, the value, and the end of
// its last line; false for any other shape.
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

// flatKey reads "key:" at the start of line and returns the key and the
// offset of the value after ": " and spaces, or len(line) for a key
// alone; false when the line is not that simple.
func flatKey(line []byte) (key string, at int, ok bool) {
	i := 0
	for i < len(line) && (isASCIILetter(line[i]) || isDigit(line[i]) || line[i] == '_' || line[i] == '-') {
		i++
	}
	if i == 0 || !isASCIILetter(line[0]) || i >= len(line) || line[i] != ':' {
		return "", 0, false
	}
	key = string(line[:i])
	switch strings.ToLower(key) {
	case "null", "true", "false", "yes", "no", "on", "off", "y", "n":
		return "", 0, false
	}
	if i+1 == len(line) {
		return key, len(line), true
	}
	if line[i+1] != ' ' {
		return "", 0, false
	}
	at = i + 1
	for at < len(line) && line[at] == ' ' {
		at++
	}
	if at == len(line) {
		return "", 0, false // spaces after the colon: the parser's
	}
	return key, at, true
}

// flatValue reports whether v, the rest of a line, is a plain scalar, a
// quoted string without escapes or a block scalar header, with no
// trailing spaces or comment.
func flatValue(v []byte) bool {
	if len(v) == 0 || v[len(v)-1] == ' ' {
		return false
	}
	switch q := v[0]; q {
	case '>', '|':
		return len(v) == 1 || len(v) == 2 && v[1] == '-'
	case '"', '\'':
		inner := v[1:]
		if len(inner) == 0 || inner[len(inner)-1] != q {
			return false
		}
		inner = inner[:len(inner)-1]
		return bytes.IndexByte(inner, q) < 0 && (q == '\'' || bytes.IndexByte(inner, '\\') < 0)
	case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '%', '@', '`', '<', '=', '~':
		return false
	}
	if bytes.Contains(v, []byte(": ")) || bytes.Contains(v, []byte(" #")) || v[len(v)-1] == ':' {
		return false
	}
	switch string(v) {
	case "null", "Null", "NULL", "~":
		return false
	}
	return true
}
