package render

import (
	"bytes"
	"encoding/binary"
	"testing"
)

func TestHostileGuard(t *testing.T) {
	tests := []struct {
		name, in, want string
		commands       bool
	}{
		{name: "workflow command", in: "::error file=README.md,line=1::INJECTED\n", want: `\::error file=README.md,line=1::INJECTED` + "\n"},
		{name: "after white space", in: "  \t::stop-commands::tok\n", want: `\  ` + "\t::stop-commands::tok\n"},
		{name: "not at the start", in: "a ::error::x\n", want: "a ::error::x\n"},
		{name: "own annotations", in: "::warning file=a.md::x\n", want: "::warning file=a.md::x\n", commands: true},
		{name: "title and clear screen", in: "\x1b]0;pwned\x07\x1b[2J\n", want: `\x1b]0;pwned\x07\x1b[2J` + "\n"},
		{name: "hyperlink", in: "\x1b]8;;https://evil.example\x1b\\x\n", want: `\x1b]8;;https://evil.example\x1b\x` + "\n"},
		{name: "C1 and bidi", in: "a\u009b2Jb\u202ec\n", want: `a\u009b2Jb\u202ec` + "\n"},
		{name: "own colours", in: ANSIRed + "stale" + ANSIReset + "\n", want: ANSIRed + "stale" + ANSIReset + "\n"},
		{name: "CRLF and tabs", in: "a\tb\r\n", want: "a\tb\r\n"},
		{name: "lone CR", in: "hidden\rshown\n", want: `hidden\rshown` + "\n"},
		{name: "unfinished line", in: "::x", want: `\::x`},
		{name: "escapes in annotations too", in: "::warning::\x1b[2J\n", want: `::warning::\x1b[2J` + "\n", commands: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			g := NewGuard(&b)
			g.Commands = tt.commands
			// Byte by byte: lines and runes split across writes.
			for i := range len(tt.in) {
				if n, err := g.Write([]byte{tt.in[i]}); n != 1 || err != nil {
					t.Fatalf("Write: %d, %v", n, err)
				}
			}
			if err := g.Flush(); err != nil {
				t.Fatal(err)
			}
			if got := b.String(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestHostileEscapeText(t *testing.T) {
	for in, want := range map[string]string{
		"x\n::error file=README.md,line=1::INJECTED\n": `x\n::error file=README.md,line=1::INJECTED\n`,
		"plain 日本語":   "plain 日本語",
		"\x1b[31mred": `\x1b[31mred`,
		"\u2066iso":   `\u2066iso`,
	} {
		if got := EscapeText(in); got != want {
			t.Errorf("EscapeText(%q) = %q, want %q", in, got, want)
		}
	}
}

// guardLines is what the Guard writes for in, line by line through
// appendLine: what its faster Write must write however in is split.
func guardLines(in []byte, commands bool) []byte {
	g := &Guard{Commands: commands}
	var out []byte
	for {
		i := bytes.IndexByte(in, '\n')
		if i < 0 {
			if len(in) > 0 {
				out = g.appendLine(out, in)
			}
			return out
		}
		out = append(g.appendLine(out, in[:i]), '\n')
		in = in[i+1:]
	}
}

// FuzzGuard: the Guard writes what guardLines writes, whatever the
// input and wherever the writes split it.
func FuzzGuard(f *testing.F) {
	f.Add([]byte("  \"a\": \"plain\",\n  ::x\n\u202e\u009b\r\n\x1b[31mred\x1b[0m\n“quoted”\n"), uint8(7), false)
	f.Add([]byte("::warning::x\n\tb\rc\n\xe2\x80"), uint8(1), true)
	f.Fuzz(func(t *testing.T, in []byte, split uint8, commands bool) {
		var b bytes.Buffer
		g := NewGuard(&b)
		g.Commands = commands
		step := int(split)%16 + 1
		for rest := in; len(rest) > 0; {
			k := min(step, len(rest))
			if n, err := g.Write(rest[:k]); n != k || err != nil {
				t.Fatalf("Write: %d, %v", n, err)
			}
			rest = rest[k:]
			step = step*3%17 + 1
		}
		if err := g.Flush(); err != nil {
			t.Fatal(err)
		}
		if want := guardLines(in, commands); !bytes.Equal(b.Bytes(), want) {
			t.Errorf("Guard wrote %q, want %q", b.Bytes(), want)
		}
	})
}

// TestPlainASCII: every byte value at every position of a word of
// printable bytes, and next to the edges of the range.
func TestPlainASCII(t *testing.T) {
	for _, fill := range []byte{' ', 'a', '~'} {
		for b := range 256 {
			for k := range 8 {
				w := bytes.Repeat([]byte{fill}, 8)
				w[k] = byte(b)
				want := b >= 0x20 && b <= 0x7e
				if got := plainASCII(binary.LittleEndian.Uint64(w)); got != want {
					t.Errorf("plainASCII(%q) = %v, want %v", w, got, want)
				}
			}
		}
	}
}
