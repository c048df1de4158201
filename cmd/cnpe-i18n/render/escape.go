package render

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// EscapeText makes a string from the repository safe in a text stream, a
// terminal or a CI log: control characters (C0 with line breaks and ESC,
// DEL, C1) and the Unicode controls that reorder or hide text are written
// as Go escapes (\n, \x1b, \u202e). A file name or a page's text then
// cannot move the cursor, set a terminal's title, print a hyperlink,
// clear the screen, or begin a line of its own, such as a line the GitHub
// runner would read as a workflow command.
func EscapeText(s string) string {
	i := strings.IndexFunc(s, unsafeRune)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if !unsafeRune(r) {
			b.WriteRune(r)
			continue
		}
		switch r {
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x80 {
				fmt.Fprintf(&b, `\x%02x`, r)
			} else {
				fmt.Fprintf(&b, `\u%04x`, r)
			}
		}
	}
	return b.String()
}

// EscapeLines is EscapeText for text of several lines: line breaks stay,
// each line is escaped.
func EscapeLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = EscapeText(l)
	}
	return strings.Join(lines, "\n")
}

func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r == '\u061c', r == '\u200e', r == '\u200f', r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
		return true // bidi marks, embeddings, overrides and isolates
	}
	return false
}

// Guard wraps a program's output stream. Line by line, it escapes what
// EscapeText escapes (but tabs, a CR before the line break, and the
// colour codes this package writes), and it puts a backslash before a line
// that starts, after white space, with "::": the GitHub runner reads such
// a line on stdout or stderr as a workflow command (::error,
// ::stop-commands, ::add-mask). Every printer is covered, whatever it
// forgets to escape. Call Flush at the end for an unfinished last line.
type Guard struct {
	// Commands lets lines start with "::": for the stream that carries
	// our own workflow commands (--format github), whose data is escaped.
	Commands bool
	w        io.Writer
	line     []byte
}

// NewGuard returns a Guard writing to w.
func NewGuard(w io.Writer) *Guard { return &Guard{w: w} }

func (g *Guard) Write(p []byte) (int, error) {
	n := len(p)
	if len(g.line) > 0 {
		// The end of the line started by an earlier write.
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			g.line = append(g.line, p...)
			return n, nil
		}
		g.line = append(g.line, p[:i]...)
		out := append(g.appendLine(nil, g.line), '\n')
		g.line = g.line[:0]
		if _, err := g.w.Write(out); err != nil {
			return 0, err
		}
		p = p[i+1:]
	}
	// Lines that need nothing are written as they are, in runs; the
	// others through appendLine.
	var out []byte
	run, start := 0, 0
	for start < len(p) {
		end, clean := g.scanLine(p[start:])
		if end < 0 {
			g.line = append(g.line, p[start:]...)
			break
		}
		end += start
		if !clean {
			out = append(out, p[run:start]...)
			out = append(g.appendLine(out, p[start:end]), '\n')
			run = end + 1
		}
		start = end + 1
	}
	whole := p[:min(start, len(p))]
	if out != nil {
		whole = append(out, p[run:len(whole)]...)
	}
	if len(whole) > 0 {
		if _, err := g.w.Write(whole); err != nil {
			return 0, err
		}
	}
	return n, nil
}

// stops are the bytes scanLine looks at: control characters but tab,
// and the first bytes of the UTF-8 of the unsafe runes above U+007F.
var stops = func() (t [256]bool) {
	for b := range 0x20 {
		t[b] = b != '\t'
	}
	t[0x7f], t[0xc2], t[0xd8], t[0xe2] = true, true, true, true
	return t
}()

// plainASCII reports whether the eight bytes of w are all printable
// ASCII (0x20 to 0x7e).
func plainASCII(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	below := (w - 0x20*ones) & ^w & highs // a byte under 0x20 (or a high byte)
	del := w ^ 0x7f*ones                  // a 0x7f byte becomes 0
	return (w|below)&highs == 0 && (del-ones)&^del&highs == 0
}

// scanLine finds the end of the line at the start of p (the index of its
// line break, -1 when p has none) and reports whether appendLine would
// leave the line as it is.
func (g *Guard) scanLine(p []byte) (end int, clean bool) {
	clean = true
	if !g.Commands {
		rest := bytes.TrimLeft(p, " \t")
		clean = !bytes.HasPrefix(rest, []byte("::"))
	}
	for i := 0; i < len(p); i++ {
		// Eight printable ASCII bytes at a time.
		if i+8 <= len(p) && plainASCII(binary.LittleEndian.Uint64(p[i:])) {
			i += 7
			continue
		}
		b := p[i]
		if !stops[b] {
			continue
		}
		switch {
		case b == '\n':
			return i, clean
		case b < 0x80:
			clean = false
		default:
			if r, _ := utf8.DecodeRune(p[i:]); unsafeRune(r) {
				clean = false
			}
		}
	}
	return -1, clean
}

// Flush writes an unfinished last line.
func (g *Guard) Flush() error {
	if len(g.line) == 0 {
		return nil
	}
	_, err := g.w.Write(g.appendLine(nil, g.line))
	g.line = g.line[:0]
	return err
}

var colours = []string{ANSIBold, ANSIRed, ANSIGreen, ANSIDim, ANSIReset}

func (g *Guard) appendLine(out, line []byte) []byte {
	crlf := bytes.HasSuffix(line, []byte("\r"))
	if crlf {
		line = line[:len(line)-1]
	}
	if !g.Commands && bytes.HasPrefix(bytes.TrimLeft(line, " \t"), []byte("::")) {
		out = append(out, '\\')
	}
	for len(line) > 0 {
		r, size := utf8.DecodeRune(line)
		switch {
		case r == '\t' || !unsafeRune(r):
			out = append(out, line[:size]...)
		case r == 0x1b && hasColour(line):
			n := bytes.IndexByte(line, 'm') + 1
			out = append(out, line[:n]...)
			size = n
		default:
			out = append(out, EscapeText(string(r))...)
		}
		line = line[size:]
	}
	if crlf {
		out = append(out, '\r')
	}
	return out
}

func hasColour(b []byte) bool {
	for _, c := range colours {
		if bytes.HasPrefix(b, []byte(c)) {
			return true
		}
	}
	return false
}
