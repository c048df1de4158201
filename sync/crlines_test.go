package sync

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/sync/edit"
)

// Issue 17, data loss 5: a translation whose line breaks are a lone CR
// (classic Mac) cannot have its front matter edited without adding LF
// lines, so every writer of front matter (mark, accept, accept --all,
// accept --unit) refuses it the same way: no edit, and a problem naming
// the file (exit 2), never a silent skip or a note.
func TestCROnlyPageRefusedByEveryWriter(t *testing.T) {
	const page = "content/ja/salt.md"
	crPage := "---\rtitle: Shio\r---\r\rShio no hanashi.\r\rNi no dan.\r"
	dir := repoFromSteps(t, siteArchive+`-- 1/content/en/salt.md --
---
title: Salt
---

The story of salt.

Second paragraph.
-- 2/content/en/salt.md --
---
title: Salt
---

The story of sea salt.

Second paragraph.
-- 1/content/ja/salt.md --
`+crPage)
	// txtar ends the last file with a newline; the page's breaks are CR
	// up to there, which is what the writers look at.
	if got, _ := os.ReadFile(filepath.Join(dir, page)); !strings.HasPrefix(string(got), crPage) {
		t.Fatalf("fixture: %q", got)
	}
	unit := ""
	for _, u := range pageState(t, dir, page).Units {
		unit = u.ID
	}
	if unit == "" {
		t.Fatal("no unit reported for the stale CR-only page")
	}
	for _, tt := range []struct {
		name string
		plan func(s *Site) ([]edit.FileEdit, []edit.Note)
	}{
		{"mark", func(s *Site) ([]edit.FileEdit, []edit.Note) { return s.PlanMark(nil, nil), nil }},
		{"accept", func(s *Site) ([]edit.FileEdit, []edit.Note) {
			return s.PlanAccept(AcceptOptions{Paths: []string{page}})
		}},
		{"accept --all", func(s *Site) ([]edit.FileEdit, []edit.Note) { return s.PlanAccept(AcceptOptions{All: true}) }},
		{"accept --unit", func(s *Site) ([]edit.FileEdit, []edit.Note) {
			return s.PlanReview([]UnitRef{{Path: page, ID: unit}})
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := loadSite(t, dir)
			edits, notes := tt.plan(s)
			for _, e := range edits {
				if e.Path == page {
					t.Errorf("an edit of the CR-only page: %q", e.After)
				}
			}
			for _, n := range notes {
				if n.Path == page {
					t.Errorf("a note, not a problem: %s", n.Message)
				}
			}
			found := false
			for _, p := range s.Problems() {
				if p.Path == page && strings.Contains(p.Message, "CR only") && !strings.Contains(p.Message, page) {
					found = true
				}
			}
			if !found {
				t.Errorf("problems %+v; want one for %s saying its line breaks are CR only (the path once)", s.Problems(), page)
			}
		})
	}
}
