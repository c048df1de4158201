package parse

import (
	"bytes"
	"fmt"
)

// checkMarkdown refuses, before goldmark sees it, a body that nests list
// items and block quotes deeper than MaxDepth or that holds more than
// MaxReferenceRun link reference definitions on consecutive lines.
//
// The depth of a line is bounded from above by the container markers it
// opens (">", "-", "*", "+", "1." or "1)") plus half its indentation
// before the first of them, since every list level a line continues takes
// at least two columns. Lines without a marker continue containers that
// earlier lines opened and are not counted. The bound may count an
// indented line of a code block; real code is not indented 200 columns.
//
// It also refuses a body with more than MaxMarkdownElements lines and
// inline delimiters: goldmark holds several hundred bytes for each.
func checkMarkdown(doc *Document, start int) error {
	// Counting the delimiters takes a look at every byte. A line holds at
	// most as many as its length, so while that bound stays under the
	// limit the count is not needed: the lines are found with IndexByte
	// and only their starts are read. A page past the bound (about
	// MaxMarkdownElements bytes, 150 KB) is counted exactly, from the
	// start.
	if past, err := checkLines(doc, start, false); !past {
		return err
	}
	_, err := checkLines(doc, start, true)
	return err
}

// checkLines is checkMarkdown's pass over the lines: with count, the
// delimiters are counted; without, past is true once the bound on them
// (the lines' lengths) passes the limit, and the pass stops there.
func checkLines(doc *Document, start int, count bool) (past bool, err error) {
	src := doc.Src
	run, elements := 0, 0
	for off := start; off < len(src); {
		end := len(src)
		if count {
			for end = off; end < len(src) && src[end] != '\n'; end++ {
				if delimiter[src[end]] {
					elements++
				}
			}
		} else if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
			end = off + i
		}
		line := src[off:end]
		depth, at := containerDepth(line)
		if at >= 0 {
			return false, doc.errorAt(off+at, tooDeep())
		}
		// Each container a line opens or continues by indentation costs
		// goldmark an element.
		elements += 1 + depth
		if !count {
			elements += len(line)
		}
		if elements > MaxMarkdownElements {
			if !count {
				return true, nil
			}
			return false, doc.errorAt(off, &limitError{fmt.Sprintf("more than %d Markdown elements (lines, list items, block quotes, emphasis, links, code, HTML, table cells, shortcodes)", MaxMarkdownElements)})
		}
		switch {
		case isReferenceDefinition(line):
			if run++; run > MaxReferenceRun {
				return false, doc.errorAt(off, &limitError{fmt.Sprintf("more than %d link reference definitions on consecutive lines", MaxReferenceRun)})
			}
		case isBlank(line):
			run = 0
		}
		off = end + 1
	}
	return false, nil
}

// delimiter marks the bytes that start an inline node in goldmark (and a
// shortcode tag here).
var delimiter = func() (d [256]bool) {
	for _, c := range []byte("*_~`[]!<&\\|{") {
		d[c] = true
	}
	return d
}()

// containerDepth returns the bound on the container depth of a line (0
// for a line that opens no container), and the offset of the marker that
// takes it past MaxDepth, or -1.
func containerDepth(line []byte) (depth, at int) {
	cols, i := 0, 0
	for ; i < len(line) && (line[i] == ' ' || line[i] == '\t'); i++ {
		if line[i] == '\t' {
			cols += 4 - cols%4
		} else {
			cols++
		}
	}
	markers := 0
	for i < len(line) {
		n := markerLen(line[i:])
		if n == 0 {
			break
		}
		if markers++; cols/2+markers > MaxDepth && !thematicBreak(line) {
			return cols/2 + markers, i
		}
		i += n
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
	}
	if markers == 0 {
		return 0, -1
	}
	return cols/2 + markers, -1
}

// markerLen is the length of the container marker at the start of b: a
// block quote marker, or a list marker followed by white space or the end
// of the line.
func markerLen(b []byte) int {
	if b[0] == '>' {
		return 1
	}
	n := 0
	switch {
	case b[0] == '-' || b[0] == '*' || b[0] == '+':
		n = 1
	case b[0] >= '0' && b[0] <= '9':
		for n < len(b) && n < 9 && b[n] >= '0' && b[n] <= '9' {
			n++
		}
		if n == len(b) || (b[n] != '.' && b[n] != ')') {
			return 0
		}
		n++
	default:
		return 0
	}
	if n < len(b) && b[n] != ' ' && b[n] != '\t' {
		return 0
	}
	return n
}

// thematicBreak reports whether line is only one of -, * or _ and white
// space, which CommonMark reads as a thematic break, not as list items.
func thematicBreak(line []byte) bool {
	var mark byte
	for _, c := range line {
		switch {
		case c == ' ' || c == '\t' || c == '\r':
		case mark == 0 && (c == '-' || c == '*' || c == '_'):
			mark = c
		case c != mark:
			return false
		}
	}
	return mark != 0
}

// isReferenceDefinition reports whether line, after block quote markers
// and indentation, starts like a link reference definition: "[label]:".
func isReferenceDefinition(line []byte) bool {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t' || line[i] == '>') {
		i++
	}
	if i == len(line) || line[i] != '[' {
		return false
	}
	for i++; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case ']':
			return i+1 < len(line) && line[i+1] == ':'
		}
	}
	return false
}

func isBlank(line []byte) bool {
	for _, c := range line {
		if c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}
