package parse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark/util"
)

var linkifyCases = []string{
	"see https://example.org/a_b_(c) and www.example.org.",
	"mail ops@example.org, or *x@y.io* or (a.b+c@d.example)",
	"http:// ftp:x www. @ a@ @b x@y",
	"`code`https://example.org and <b>www.example.org</b>",
	"a_b@example.com~c@d.e (f@g.h) [l](https://x.y) [https://x.y]",
	"  indented https://x.y\n\twww.tab.example\nhttps://line.start\n",
	"한국어 https://example.org 와 ops@example.org 입니다",
	"| a | https://x.y |\n|---|---|\n| b@c.d | www.e.f |\n",
	"a very long local part " + "0123456789012345678901234567890123456789012345678901234567890123456789@example.org",
	"\\*https://escaped.example \\ www.x.y",
}

// TestLinkifySameAST: markdown, with GFM's autolink parser behind
// mayLink, builds the trees goldmark builds, on the cases and on the
// fixture pages.
func TestLinkifySameAST(t *testing.T) {
	srcs := map[string][]byte{}
	for i, c := range linkifyCases {
		srcs[string(rune('a'+i))] = []byte(c)
	}
	for _, glob := range []string{"testdata/bench/*.md", "testdata/golden/*.md"} {
		files, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			srcs[f] = src
		}
	}
	for name, src := range srcs {
		if got, want := dumpAST(markdown, src), dumpAST(goldmarkAsIs, src); got != want {
			t.Errorf("%s: %q:\ngot  %s\nwant %s", name, src, got, want)
		}
	}
}

func TestMayLink(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{" https://x", true},
		{"(http:x", true},
		{"*ftp:", true},
		{"_www.", true},
		{"www.", true},
		{" a@b", true},
		{" @b", false},
		{"\thttps://x", false}, // only the five trigger bytes are skipped
		{" hello world", false},
		{" " + strings.Repeat("a", 64) + "@", true},
		{" " + strings.Repeat("a", 65) + "@", false},
		{" 한@", false},
		{" how", false},
		{" http", false},
	}
	for _, tt := range tests {
		if got := mayLink([]byte(tt.line)); got != tt.want {
			t.Errorf("mayLink(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestEmailLocal: emailLocal holds the bytes goldmark reads as the local
// part of an e-mail address.
func TestEmailLocal(t *testing.T) {
	for c := range 256 {
		want := util.FindEmailIndex([]byte{byte(c), '@', 'a', '.', 'b'}) > 0
		if emailLocal[c] != want {
			t.Errorf("emailLocal[%q] = %v, want %v", rune(c), emailLocal[c], want)
		}
	}
}
