package parse

import (
	"strings"
	"testing"
)

// TestHasWords checks the fast path against the definition it replaces.
func TestHasWords(t *testing.T) {
	for _, plain := range []string{
		"", " ", maskToken, maskToken + " " + maskToken, " " + maskToken + "a",
		"word", maskToken + "x", "\uFFFD", "\u3000", " \t", "日本",
	} {
		want := strings.Trim(plain, maskToken+" ") != ""
		if got := hasWords(plain); got != want {
			t.Errorf("hasWords(%q) = %v, want %v", plain, got, want)
		}
	}
}

// TestKeptSpansAreTheUnitsOwn checks that appending to one unit's spans
// or changing one unit's anchors leaves the next unit's alone, although
// both are cut from shared arrays.
func TestKeptSpansAreTheUnitsOwn(t *testing.T) {
	doc := mustParse(t, "p.md", "A [b](/b) c.\n\nD [e](/e) f.\n")
	if len(doc.Units) != 2 {
		t.Fatalf("got %d units, want 2", len(doc.Units))
	}
	first, second := &doc.Units[0], &doc.Units[1]
	want := append([]Span(nil), second.Spans...)
	_ = append(first.Spans, Span{-1, -1})
	for i := range want {
		if second.Spans[i] != want[i] {
			t.Errorf("second unit's span %d = %v after an append to the first's, want %v", i, second.Spans[i], want[i])
		}
	}
	first.Anchors.Links[0] = "/changed"
	if got := second.Anchors.Links[0]; got != "/e" {
		t.Errorf("second unit's link = %q after a change to the first's, want %q", got, "/e")
	}
}

// TestCodeTextCRLF checks that code, shortcode and HTML texts have \n line
// endings whether the page's lines end in \n or \r\n.
func TestCodeTextCRLF(t *testing.T) {
	const page = "```sh\necho a\necho b\n```\n\n{{< note\n  x=\"1\" >}}\n\n<div>\n<p>t</p>\n</div>\n"
	lf := mustParse(t, "lf.md", page)
	crlf := mustParse(t, "crlf.md", strings.ReplaceAll(page, "\n", "\r\n"))
	if len(lf.Units) != len(crlf.Units) {
		t.Fatalf("got %d units with CRLF, %d with LF", len(crlf.Units), len(lf.Units))
	}
	for i := range lf.Units {
		if lf.Units[i].Text != crlf.Units[i].Text {
			t.Errorf("unit %d (%s): text %q with CRLF, %q with LF", i, lf.Units[i].Kind, crlf.Units[i].Text, lf.Units[i].Text)
		}
		if strings.Contains(crlf.Units[i].Text, "\r") {
			t.Errorf("unit %d (%s): text %q holds a CR", i, crlf.Units[i].Kind, crlf.Units[i].Text)
		}
	}
}
