package parse

import "bytes"

// shortcode is one Hugo shortcode tag: {{< name args >}}, {{% name %}},
// {{< /name >}} or {{< name />}}.
type shortcode struct {
	start, end  int // byte span of the tag in the file
	name        string
	closing     bool
	selfClosing bool
	markdown    bool // {{% %}}: the inner content is Markdown for Hugo
	block       bool // alone on its line(s)
}

// scanShortcodes finds the shortcode tags in src[from:]. Commented-out tags
// ({{</* x */>}}), which Hugo prints literally, are not tags. An opener
// without its closing delimiter is text, as it is to a reader.
func scanShortcodes(src []byte, from int) []shortcode {
	var tags []shortcode
	noClose := [2]bool{} // no closing delimiter after this point: <, %
	for i := from; i < len(src); {
		j := bytes.Index(src[i:], []byte("{{"))
		if j < 0 {
			break
		}
		i += j
		if i+2 >= len(src) || (src[i+2] != '<' && src[i+2] != '%') {
			i += 2
			continue
		}
		kind := 0
		if src[i+2] == '%' {
			kind = 1
		}
		if noClose[kind] {
			i += 3
			continue
		}
		tag, ok := lexTag(src, i)
		if !ok {
			noClose[kind] = true
			i += 3
			continue
		}
		if tag.name != "" {
			tags = append(tags, tag)
		}
		i = tag.end
	}
	markBlocks(src, tags)
	return tags
}

// lexTag reads the tag starting at src[i] ("{{<" or "{{%"). A tag with an
// empty name is a comment: skipped, but not a shortcode.
func lexTag(src []byte, i int) (shortcode, bool) {
	delim := src[i+2]
	closeDelim := []byte{delim, '}', '}'}
	if delim == '<' {
		closeDelim[0] = '>'
	}
	tag := shortcode{start: i, markdown: delim == '%'}
	p := skipSpace(src, i+3)
	if bytes.HasPrefix(src[p:], []byte("/*")) {
		end := bytes.Index(src[p:], []byte("*/"))
		if end < 0 {
			return tag, false
		}
		q := skipSpace(src, p+end+2)
		if !bytes.HasPrefix(src[q:], closeDelim) {
			return tag, false
		}
		tag.end = q + 3
		return tag, true // a comment: name stays empty
	}
	if p < len(src) && src[p] == '/' {
		tag.closing = true
		p = skipSpace(src, p+1)
	}
	nameStart := p
	for p < len(src) && !isSpaceByte(src[p]) && src[p] != delim && !(src[p] == '/' && bytes.HasPrefix(src[p+1:], closeDelim)) && !bytes.HasPrefix(src[p:], closeDelim) {
		p++
	}
	tag.name = string(src[nameStart:p])
	var quote byte
	for ; p < len(src); p++ {
		c := src[p]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' {
				p++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '`':
			quote = c
		case bytes.HasPrefix(src[p:], closeDelim):
			before := bytes.TrimRight(src[nameStart:p], " \t\r\n")
			tag.selfClosing = bytes.HasSuffix(before, []byte("/"))
			tag.end = p + 3
			if tag.name == "" {
				tag.name = "?"
			}
			return tag, true
		}
	}
	return tag, false
}

func skipSpace(src []byte, p int) int {
	for p < len(src) && isSpaceByte(src[p]) {
		p++
	}
	return p
}

// markBlocks sets block on tags that have only whitespace and other tags
// around them on their lines.
func markBlocks(src []byte, tags []shortcode) {
	// A tag stands alone when only white space and other tags stand
	// between it and both ends of its line. Both sides are worked out in
	// one pass each, so a line of n tags costs n, not n².
	before := make([]bool, len(tags))
	for i := range tags {
		p := tags[i].start
		for p > 0 && (src[p-1] == ' ' || src[p-1] == '\t') {
			p--
		}
		before[i] = p == 0 || src[p-1] == '\n' || (i > 0 && tags[i-1].end == p && before[i-1])
	}
	after := false
	for i := len(tags) - 1; i >= 0; i-- {
		p := tags[i].end
		for p < len(src) && (src[p] == ' ' || src[p] == '\t' || src[p] == '\r') {
			p++
		}
		after = p == len(src) || src[p] == '\n' || (i+1 < len(tags) && tags[i+1].start == p && after)
		tags[i].block = before[i] && after
	}
}

// maskShortcodes hides tags from the Markdown parser without moving any
// byte: a block tag becomes blank (a block boundary, as Hugo's placeholder
// is), an inline tag a run of letters (so that it stays a word or a link
// destination).
func maskShortcodes(buf []byte, tags []shortcode) {
	for _, t := range tags {
		fill := byte(' ')
		if !t.block {
			fill = maskByte
		}
		for p := t.start; p < t.end; p++ {
			if buf[p] != '\n' && buf[p] != '\r' {
				buf[p] = fill
			}
		}
	}
}

const maskByte = 'x'
