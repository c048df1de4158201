package sync

import (
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

func TestHolds(t *testing.T) {
	const now = "---\ntitle: Agent\n---\n\nThe agent collects traces.\n\nRestart it.\n"
	tests := []struct {
		name, older string
		unit        int // index of the unit of now
		want        bool
	}{
		{"same file", now, 1, true},
		{"moved, same white space", "---\ntitle: Agent\n---\n\nIntro.\n\nThe agent collects traces.\n\nRestart it.\n", 1, true},
		{"lost a last sentence", "---\ntitle: Agent\n---\n\nThe agent collects traces.\nLocal agents are the default.\n\nRestart it.\n", 1, false},
		{"lost a first sentence", "---\ntitle: Agent\n---\n\nAgents run everywhere.\nThe agent collects traces.\n\nRestart it.\n", 1, false},
		{"lost words on the same line", "---\ntitle: Agent\n---\n\nThe agent collects traces. Often.\n\nRestart it.\n", 1, false},
		{"last unit lost a line", "---\ntitle: Agent\n---\n\nThe agent collects traces.\n\nRestart it.\nThen check.\n", 2, false},
		{"last unit, same end", "---\ntitle: Old\n---\n\nRestart it.\n", 2, true},
		{"second occurrence whole", "---\ntitle: Agent\n---\n\nThe agent collects traces. Often.\n\nThe agent collects traces.\n\nRestart it.\n", 1, true},
		{"absent", "---\ntitle: Agent\n---\n\nSomething else.\n", 1, false},
		{"indented, same line breaks", "---\ntitle: Agent\n---\n\n  The agent collects traces.\n\nRestart it.\n", 1, true},
		{"inside a word", "---\ntitle: Agent\n---\n\nXThe agent collects traces.\n\nRestart it.\n", 1, false},
	}
	doc, err := parse.Parse("now.md", []byte(now))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.unit >= len(doc.Units) {
				t.Fatalf("now has %d units", len(doc.Units))
			}
			if got := holds([]byte(tt.older), doc, &doc.Units[tt.unit]); got != tt.want {
				t.Errorf("holds(unit %d %q) = %v, want %v", tt.unit, doc.Units[tt.unit].Plain, got, tt.want)
			}
		})
	}
}

func TestHoldsTableCell(t *testing.T) {
	const now = "| Flag | Default |\n| --- | --- |\n| `cache` | true |\n"
	doc, err := parse.Parse("now.md", []byte(now))
	if err != nil {
		t.Fatal(err)
	}
	cell := -1
	for i, u := range doc.Units {
		if u.Plain == "true" {
			cell = i
		}
	}
	if cell < 0 {
		t.Fatal("no cell \"true\"")
	}
	tests := []struct {
		name, older string
		want        bool
	}{
		{"realigned table", "| Flag    | Default |\n| ------- | ------- |\n| `cache` | true    |\n", true},
		{"cell grew", "| Flag | Default |\n| --- | --- |\n| `cache` | true for all |\n", false},
		{"cell in a word", "| Flag | Default |\n| --- | --- |\n| `cache` | untrue |\n", false},
	}
	for _, tt := range tests {
		if got := holds([]byte(tt.older), doc, &doc.Units[cell]); got != tt.want {
			t.Errorf("%s: holds = %v, want %v", tt.name, got, tt.want)
		}
	}
}
