package main

import (
	"slices"
	"testing"
)

// TestCheckStatus: a status run that exits 2 passes only on a repository
// said to hold exactly the files it could not process.
func TestCheckStatus(t *testing.T) {
	const bad = "content/ru/x.md:1:1: invalid front matter: yaml block opened here is not closed by \"---\"\n" +
		"cnpe-i18n: 1 file could not be processed\n"
	const notes = "cnpe-i18n: note: 3 pages carry default_lang_commit\n"
	tests := []struct {
		name     string
		rc       int
		stderr   string
		badFiles int
		ok       bool
		problems []string
	}{
		{"clean", 0, notes, 0, true, nil},
		{"bad input not expected", 2, notes + bad, 0, false, []string{"content/ru/x.md:1:1: invalid front matter: yaml block opened here is not closed by \"---\""}},
		{"bad input expected", 2, notes + bad, 1, true, []string{"content/ru/x.md:1:1: invalid front matter: yaml block opened here is not closed by \"---\""}},
		{"more bad input than expected", 2, "a.md:1:1: x\nb.md:2:1: y\ncnpe-i18n: 2 files could not be processed\n", 1, false, []string{"a.md:1:1: x", "b.md:2:1: y"}},
		{"exit 2 for another reason", 2, "cnpe-i18n: unknown flag --x\n", 1, false, nil},
		{"bad input expected, none found", 0, notes, 1, false, nil},
		{"findings", 1, "", 0, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			problems, err := checkStatus(sample{rc: tt.rc}, tt.stderr, tt.badFiles)
			if (err == nil) != tt.ok {
				t.Errorf("checkStatus(exit %d, -bad-files %d) error = %v, want ok %v", tt.rc, tt.badFiles, err, tt.ok)
			}
			if !slices.Equal(problems, tt.problems) {
				t.Errorf("problems = %q, want %q", problems, tt.problems)
			}
		})
	}
}
