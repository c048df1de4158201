package sync

import (
	"path"
	"strings"

	"github.com/cnpe-i18n/cnpe-i18n/sync/edit"
	"github.com/cnpe-i18n/cnpe-i18n/sync/site"
)

// PlanStub plans a front-matter-only stub for every source page missing
// in a language, so that the page exists (no 404) and shows the site's
// banner. Running it again plans nothing.
func (s *Site) PlanStub(langs, paths []string) []edit.FileEdit {
	cfg := s.Config.Stub.WithDefaults()
	report := s.Status(Options{Langs: langs, Paths: paths})
	var edits []edit.FileEdit
	for _, p := range report.Pages {
		if p.State != PageMissing {
			continue
		}
		src, err := s.loadPath(p.Source)
		if err != nil {
			continue
		}
		target := s.stubPath(src.File, p.Lang)
		if target == "" {
			continue
		}
		edits = append(edits, edit.FileEdit{Path: target, After: edit.StubContent(src.Doc, cfg), Reason: "stub: missing in " + p.Lang})
	}
	return edits
}

// stubPath is where the translation of a source page goes in a language.
func (s *Site) stubPath(src site.File, lang string) string {
	l := s.Layout.Language(lang)
	if l == nil {
		return ""
	}
	rel := src.Rel
	if s.Layout.Suffixed {
		ext := path.Ext(rel)
		rel = strings.TrimSuffix(rel, ext) + "." + lang + ext
	}
	target := path.Join(l.ContentDir, rel)
	if _, err := site.Within(s.Layout.Root, target); err != nil {
		return "" // a content directory out of the root: a problem of the walk
	}
	return target
}
