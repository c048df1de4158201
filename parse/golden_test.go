package parse

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGolden segments each testdata/golden/*.md fixture and compares a
// readable listing of its units with NAME.golden. Run with -update after
// an intended change and review the diff.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/golden/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".md")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Parse(file, src)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			checkInvariants(t, doc)
			got := describe(doc)
			goldenFile := strings.TrimSuffix(file, ".md") + ".golden"
			if *update {
				if err := os.WriteFile(goldenFile, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(goldenFile)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(want) {
				t.Errorf("units differ from %s (run go test -update and review the diff):\n%s", goldenFile, lineDiff(string(want), got))
			}
		})
	}
}

// describe lists a document's units one per line, followed by their text.
func describe(doc *Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "front matter: %s bom=%v crlf=%v\n", doc.FrontMatter.Format, doc.BOM, doc.CRLF)
	for _, u := range doc.Units {
		tr := "-"
		if u.Translatable {
			tr = "T"
		}
		fmt.Fprintf(&b, "%s %s L%d-%d [%d,%d) %s fp=%s full=%s", u.ID, u.Kind, u.Line, u.EndLine, u.Start, u.End, tr, u.Fingerprint, u.FullFingerprint())
		if u.Key != "" {
			fmt.Fprintf(&b, " key=%q", u.Key)
		}
		if u.Level > 0 {
			fmt.Fprintf(&b, " level=%d", u.Level)
		}
		fmt.Fprintf(&b, "\n\ttext  %q\n\tplain %q\n", u.Text, u.Plain)
		if a := u.AllAnchors(); !a.IsZero() {
			fmt.Fprintf(&b, "\tanchors links=%q images=%q code=%q numbers=%q shortcodes=%q words=%d\n",
				a.Links, a.Images, a.Code, a.Numbers, a.Shortcodes, len(a.Words))
		}
	}
	return b.String()
}

// lineDiff shows the first lines where want and got differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  want %s\n  got  %s\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}

// checkInvariants checks what must hold for every page: spans inside the
// file, ordered and not overlapping; lines that match the spans; IDs unique.
func checkInvariants(t testing.TB, doc *Document) {
	t.Helper()
	seen := map[string]bool{}
	prevEnd := 0
	for i, u := range doc.Units {
		if u.Start < 0 || u.End > len(doc.Src) || u.Start > u.End {
			t.Fatalf("unit %d %s: span [%d,%d) outside file of %d bytes", i, u.ID, u.Start, u.End, len(doc.Src))
		}
		if u.Start < prevEnd {
			t.Fatalf("unit %d %s: span [%d,%d) overlaps or precedes the previous unit ending at %d", i, u.ID, u.Start, u.End, prevEnd)
		}
		prevEnd = u.End
		if u.Line != doc.Lines.Line(u.Start) || u.EndLine < u.Line {
			t.Fatalf("unit %d %s: lines %d-%d do not match span start %d (line %d)", i, u.ID, u.Line, u.EndLine, u.Start, doc.Lines.Line(u.Start))
		}
		if seen[u.ID] {
			t.Fatalf("unit %d: duplicate ID %q", i, u.ID)
		}
		seen[u.ID] = true
		for k, sp := range u.Spans {
			if sp.Start < 0 || sp.End > len(doc.Src) || sp.Start > sp.End || (k > 0 && sp.Start < u.Spans[k-1].End) {
				t.Fatalf("unit %d %s: bad text span %v", i, u.ID, sp)
			}
		}
		if u.ID == "" {
			t.Fatalf("unit %d: empty ID or fingerprint: %+v", i, u)
		}
	}
}
