package parse

import (
	"errors"
	"strings"
	"testing"
)

func TestBadInput(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		cfg      Config
		is       error
		wantLine int
		wantCol  int
		wantText string
	}{
		{
			name: "YAML syntax", is: ErrFrontMatter, wantLine: 3, wantCol: 1,
			src:      "---\ntitle: ok\n- item: where a key belongs\n---\nbody\n",
			wantText: "bad.md:3:",
		},
		{
			name: "YAML duplicate key", is: ErrFrontMatter, wantLine: 4,
			src:      "---\ntitle: one\ndescription: d\ntitle: two\n---\n",
			wantText: "already defined",
		},
		{
			name: "YAML not closed", is: ErrFrontMatter, wantLine: 1, wantCol: 1,
			src:      "---\ntitle: never closed\n\nSome text.\n",
			wantText: "not closed",
		},
		{
			name: "TOML syntax", is: ErrFrontMatter, wantLine: 3,
			src:      "+++\ntitle = \"ok\"\ndescription = \"unterminated\n+++\n",
			wantText: "bad.md:3",
		},
		{
			name: "TOML duplicate key", is: ErrFrontMatter, wantLine: 3,
			src:      "+++\ntitle = \"a\"\ntitle = \"b\"\n+++\n",
			wantText: "bad.md:3",
		},
		{
			name: "JSON syntax", is: ErrFrontMatter, wantLine: 3,
			src:      "{\n  \"title\": \"a\",\n  \"description\": oops\n}\n",
			wantText: "bad.md:3",
		},
		{
			name: "front matter after a BOM", is: ErrFrontMatter, wantLine: 2,
			src:      "\ufeff---\ntitle: [unclosed\n---\n",
			wantText: "bad.md:2",
		},
		{
			name: "invalid UTF-8", is: ErrInvalidUTF8, wantLine: 3, wantCol: 6,
			src:      "# Title\n\nCafé \xff here\n",
			wantText: "bad.md:3:6: invalid UTF-8",
		},
		{
			name: "binary", is: ErrBinary, wantLine: 3,
			src:      "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
			wantText: "binary file",
		},
		{
			name: "too large", is: ErrTooLarge, cfg: Config{MaxBytes: 64},
			src:      strings.Repeat("A long paragraph. ", 10),
			wantText: "bad.md: file too large: 180 bytes, limit 64",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := tt.cfg.Parse("bad.md", []byte(tt.src))
			if err == nil {
				t.Fatalf("Parse succeeded with %d units, want an error", len(doc.Units))
			}
			if !errors.Is(err, tt.is) {
				t.Errorf("error %v is not %v", err, tt.is)
			}
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("error %T is not *parse.Error", err)
			}
			if pe.Path != "bad.md" {
				t.Errorf("path = %q, want bad.md", pe.Path)
			}
			if tt.wantLine != 0 && pe.Line != tt.wantLine {
				t.Errorf("line = %d, want %d (%v)", pe.Line, tt.wantLine, err)
			}
			if tt.wantCol != 0 && pe.Col != tt.wantCol {
				t.Errorf("col = %d, want %d (%v)", pe.Col, tt.wantCol, err)
			}
			if !strings.Contains(err.Error(), tt.wantText) {
				t.Errorf("error %q does not contain %q", err, tt.wantText)
			}
		})
	}
}

// TestNotFrontMatter checks pages that look like front matter but are not.
func TestNotFrontMatter(t *testing.T) {
	tests := []struct {
		name, src string
		first     Kind
	}{
		{"thematic break later", "Text\n\n---\n\nMore\n", Paragraph},
		{"dashes with text", "--- not a delimiter\n", Paragraph},
		{"brace in text", "x {not json}\n", Paragraph},
		{"empty file", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustParse(t, "page.md", tt.src)
			if doc.FrontMatter.Format != NoFrontMatter {
				t.Errorf("front matter = %s, want none", doc.FrontMatter.Format)
			}
			if tt.first == 0 {
				if len(doc.Units) != 0 {
					t.Errorf("got %d units, want none", len(doc.Units))
				}
				return
			}
			if len(doc.Units) == 0 || doc.Units[0].Kind != tt.first {
				t.Errorf("first unit = %+v, want kind %s", doc.Units, tt.first)
			}
		})
	}
}

func TestKindText(t *testing.T) {
	for k := FrontMatter; k <= Shortcode; k++ {
		b, err := k.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back Kind
		if err := back.UnmarshalText(b); err != nil || back != k {
			t.Errorf("round trip of %s gave %s, %v", k, back, err)
		}
	}
	if _, err := Kind(0).MarshalText(); err == nil {
		t.Error("Kind(0) marshalled without error")
	}
	if _, err := ParseKind("sentence"); err == nil {
		t.Error("ParseKind(sentence) succeeded")
	}
}
