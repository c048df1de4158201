package sync

import "github.com/cnpe-i18n/cnpe-i18n/sync/edit"

// PlanFix plans carrying mechanical source changes (link and image
// targets, inline code, code blocks, shortcode arguments, front matter
// values that are not translated) into translations. Prose is never
// touched. A value the translation does not hold verbatim (a localized
// URL, translated code comments) is left and reported in the notes.
func (s *Site) PlanFix(langs, paths []string) ([]edit.FileEdit, []edit.Note) {
	report := s.Status(Options{Langs: langs, Paths: paths})
	var edits []edit.FileEdit
	var notes []edit.Note
	for _, p := range report.Pages {
		if p.Base == nil || p.Base.Current || p.Source == "" || p.Translation == "" || p.State == PageStub {
			continue
		}
		src, err1 := s.loadPath(p.Source)
		tr, err2 := s.loadPath(p.Translation)
		if err1 != nil || err2 != nil {
			continue
		}
		// The base status found, read back by its blob id (no second
		// inference from history).
		if p.Base.Blob == "" {
			continue
		}
		base := s.newVersions().doc(p.Base.Blob, p.Source)
		if base == nil {
			continue
		}
		after, n := edit.CarryMechanical(base, src.Doc, tr.Doc, p.Translation)
		notes = append(notes, n...)
		e := edit.FileEdit{Path: p.Translation, Before: tr.Src, After: after, Reason: "fix: carry mechanical source changes"}
		if e.Changed() {
			edits = append(edits, e)
		}
	}
	return edits, notes
}
