package parse

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// Lines maps byte offsets of a file to 1-based lines and columns.
// Columns count runes, so that positions in CJK text match what editors show.
type Lines struct {
	src    []byte
	starts []int // byte offset of the start of each line
}

// NewLines indexes the line starts of src.
func NewLines(src []byte) *Lines {
	// Counting first sizes the table exactly; both passes use the
	// vectorised IndexByte/Count rather than a loop over every byte.
	starts := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	for off := 0; ; {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			break
		}
		off += i + 1
		starts = append(starts, off)
	}
	return &Lines{src: src, starts: starts}
}

// Count returns the number of lines (a trailing newline does not start a line).
func (l *Lines) Count() int {
	n := len(l.starts)
	if n > 1 && l.starts[n-1] == len(l.src) {
		n--
	}
	return n
}

// Line returns the 1-based line holding byte offset off.
func (l *Lines) Line(off int) int {
	return sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off })
}

// Position returns the 1-based line and rune column of byte offset off.
func (l *Lines) Position(off int) (line, col int) {
	off = max(0, min(off, len(l.src)))
	line = l.Line(off)
	start := l.starts[line-1]
	return line, utf8.RuneCount(l.src[start:off]) + 1
}

// Start returns the byte offset where 1-based line n starts.
func (l *Lines) Start(n int) int {
	if n < 1 {
		return 0
	}
	if n > len(l.starts) {
		return len(l.src)
	}
	return l.starts[n-1]
}

// End returns the byte offset of the end of 1-based line n, before its line ending.
func (l *Lines) End(n int) int {
	end := len(l.src)
	if n < len(l.starts) {
		end = l.starts[n] - 1
	}
	if end > 0 && end <= len(l.src) && end > l.Start(n) && l.src[end-1] == '\r' {
		end--
	}
	return max(end, l.Start(n))
}

// Offset returns the byte offset of 1-based line and rune column col.
func (l *Lines) Offset(line, col int) int {
	off := l.Start(line)
	end := l.End(line)
	for c := 1; c < col && off < end; c++ {
		_, size := utf8.DecodeRune(l.src[off:end])
		off += size
	}
	return off
}
