package parse

import (
	"os"
	"strings"
	"testing"
)

func mustParse(t testing.TB, name, src string) *Document {
	t.Helper()
	doc, err := Parse(name, []byte(src))
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	checkInvariants(t, doc)
	return doc
}

func fixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/golden/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

type unitChange struct {
	id                string
	fingerprint, full bool // which fingerprints changed
}

// compareUnits pairs units by position in the two documents, which must
// have the same IDs, and lists the units whose fingerprints differ.
func compareUnits(t *testing.T, before, after *Document) []unitChange {
	t.Helper()
	if len(before.Units) != len(after.Units) {
		t.Fatalf("unit count changed: %d, then %d", len(before.Units), len(after.Units))
	}
	var changes []unitChange
	for i, b := range before.Units {
		a := after.Units[i]
		if a.ID != b.ID {
			t.Errorf("unit %d: ID changed from %q to %q", i, b.ID, a.ID)
		}
		if a.Fingerprint != b.Fingerprint || a.FullFingerprint() != b.FullFingerprint() {
			changes = append(changes, unitChange{b.ID, a.Fingerprint != b.Fingerprint, a.FullFingerprint() != b.FullFingerprint()})
		}
	}
	return changes
}

// TestEditsAndIDs applies the edits a source page goes through and checks
// which fingerprints change: no ID ever changes, a word edit changes one
// unit's fingerprint, a reflow or CRLF conversion changes nothing, and a
// new link target changes only one unit's full fingerprint.
func TestEditsAndIDs(t *testing.T) {
	en := fixture(t, "kinds.md")
	ja := fixture(t, "japanese.md")
	tests := []struct {
		name string
		src  string
		edit func(string) string
		want []unitChange
	}{
		{
			name: "one word",
			src:  en,
			edit: func(s string) string { return strings.Replace(s, "faster scheduler", "quicker scheduler", 1) },
			want: []unitChange{{"_/paragraph-1", true, true}},
		},
		{
			name: "word in a table cell",
			src:  en,
			edit: func(s string) string {
				return strings.Replace(s, "Skip the <em>slow</em> checks", "Skip the <em>slow</em> tests", 1)
			},
			want: []unitChange{{"compatibility/table-2/r1c1", true, true}},
		},
		{
			name: "word in a list item",
			src:  en,
			edit: func(s string) string { return strings.Replace(s, "Shows queue depth", "Shows the queue depth", 1) },
			want: []unitChange{{"highlights/list_item-3", true, true}},
		},
		{
			name: "reflow a paragraph",
			src:  en,
			edit: func(s string) string {
				return strings.Replace(s, "It brings a faster scheduler, a new dashboard\nand", "It brings\na faster scheduler,\na new dashboard and", 1)
			},
		},
		{
			name: "reflow Japanese",
			src:  ja,
			edit: func(s string) string {
				return strings.Replace(s, "スケジューラが高速になり、\n新しいダッシュボードが", "スケジューラが\n高速になり、新しいダッシュボードが", 1)
			},
		},
		{
			name: "convert to CRLF",
			src:  en,
			edit: func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") },
		},
		{
			name: "link target only",
			src:  en,
			edit: func(s string) string {
				return strings.Replace(s, "https://docs.example.org/lantern/2.4", "https://docs.example.org/v2/lantern/2.4", 1)
			},
			want: []unitChange{{"_/paragraph-1", false, true}},
		},
		{
			name: "inline code only",
			src:  en,
			edit: func(s string) string { return strings.Replace(s, "`lantern.yaml`", "`lantern.yml`", 1) },
			want: []unitChange{{"compatibility/blockquote-1", false, true}},
		},
		{
			name: "shortcode argument only",
			src:  en,
			edit: func(s string) string { return strings.Replace(s, `ref "/docs/upgrade"`, `ref "/docs/upgrading"`, 1) },
			want: []unitChange{{"compatibility/paragraph-2", false, true}},
		},
		{
			name: "emphasis markup only",
			src:  en,
			edit: func(s string) string {
				return strings.Replace(s, "| Scheduler | yes | **yes** |", "| Scheduler | yes | *yes* |", 1)
			},
			want: []unitChange{{"compatibility/table-1/r1c2", false, true}},
		},
		{
			name: "HTML attribute only",
			src:  en,
			edit: func(s string) string {
				return strings.Replace(s, `<div class="callout">`, `<div class="callout warning">`, 1)
			},
		},
		{
			name: "word in Japanese",
			src:  ja,
			edit: func(s string) string { return strings.Replace(s, "3 倍高速", "4 倍高速", 1) },
			want: []unitChange{{"ハイライト/list_item-1", true, true}},
		},
		{
			name: "front matter title",
			src:  en,
			edit: func(s string) string {
				return strings.Replace(s, "Release notes: Lantern 2.4", "Release notes for Lantern 2.4", 1)
			},
			want: []unitChange{{"front_matter/title", true, true}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			edited := tt.edit(tt.src)
			if edited == tt.src {
				t.Fatal("edit did not apply")
			}
			before := mustParse(t, "before.md", tt.src)
			after := mustParse(t, "after.md", edited)
			got := compareUnits(t, before, after)
			if len(got) != len(tt.want) {
				t.Fatalf("changed units = %+v, want %+v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("change %d = %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestAppendKeepsIDs appends a paragraph (and a section) and checks that
// every earlier unit keeps its ID and fingerprints.
func TestAppendKeepsIDs(t *testing.T) {
	for _, name := range []string{"kinds.md", "japanese.md", "json-front-matter.md", "plain.md"} {
		t.Run(name, func(t *testing.T) {
			src := fixture(t, name)
			before := mustParse(t, "before.md", src)
			after := mustParse(t, "after.md", src+"\nAn appended paragraph.\n\n## Appended section\n\nMore text.\n")
			if len(after.Units) != len(before.Units)+3 {
				t.Fatalf("got %d units after appending, want %d", len(after.Units), len(before.Units)+3)
			}
			for i, b := range before.Units {
				a := after.Units[i]
				if a.ID != b.ID || a.Fingerprint != b.Fingerprint || a.FullFingerprint() != b.FullFingerprint() {
					t.Errorf("unit %d changed: %s %s/%s, then %s %s/%s", i, b.ID, b.Fingerprint, b.FullFingerprint(), a.ID, a.Fingerprint, a.FullFingerprint())
				}
			}
		})
	}
}

// TestInsertParagraphOtherSection inserts a paragraph in one section: the
// IDs of other sections do not move.
func TestInsertParagraphOtherSection(t *testing.T) {
	src := fixture(t, "kinds.md")
	before := mustParse(t, "before.md", src)
	after := mustParse(t, "after.md", strings.Replace(src, "Read this before you upgrade from 2.3.\n", "Read this before you upgrade from 2.3.\n\nBack up your database first.\n", 1))
	ids := map[string]Fingerprint{}
	for _, u := range after.Units {
		ids[u.ID] = u.Fingerprint
	}
	for _, u := range before.Units {
		if u.Section == "upgrade-notes" {
			continue
		}
		if fp, ok := ids[u.ID]; !ok || fp != u.Fingerprint {
			t.Errorf("unit %s in another section lost its ID or fingerprint", u.ID)
		}
	}
}
