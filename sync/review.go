package sync

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/sync/edit"
)

// ReviewField is the front matter key of a translation's review records:
// the text fingerprints of the source units its units were reviewed
// against and found in step without a change (accept --unit), separated
// by spaces. A record is content-addressed: it holds while the source
// unit says what it said when reviewed, whatever the history (squash
// merges, rebases), and lapses when the source unit changes again.
const ReviewField = "cnpe_i18n_reviewed"

// reviewedUnits reads a translation's review records.
func reviewedUnits(doc *parse.Document) map[string]bool {
	fields := strings.Fields(fieldText(doc, ReviewField))
	if len(fields) == 0 {
		return nil
	}
	set := make(map[string]bool, len(fields))
	for _, f := range fields {
		set[f] = true
	}
	return set
}

// UnitRef names one unit of a translation: by ID (a translated unit's, or
// a source unit's for a new one), or by a line of the translation.
type UnitRef struct {
	Path string
	ID   string
	Line int
}

func (r UnitRef) String() string {
	if r.ID != "" {
		return r.Path + " --unit " + r.ID
	}
	return fmt.Sprintf("%s:%d", r.Path, r.Line)
}

// PlanReview plans recording that units of translations were reviewed
// against the current source: each unit's source fingerprint is added to
// the translation's ReviewField, and records no current source unit
// matches any more are dropped. A unit that needs no work is reported in
// the notes, as is a reference to nothing.
func (s *Site) PlanReview(refs []UnitRef) ([]edit.FileEdit, []edit.Note) {
	var notes []edit.Note
	byPath := map[string][]UnitRef{}
	var order []string
	for _, r := range refs {
		if _, ok := byPath[r.Path]; !ok {
			order = append(order, r.Path)
		}
		byPath[r.Path] = append(byPath[r.Path], r)
	}
	var edits []edit.FileEdit
	for _, path := range order {
		e, n := s.planPageReview(path, byPath[path])
		notes = append(notes, n...)
		if e != nil && e.Changed() {
			edits = append(edits, *e)
		}
	}
	return edits, notes
}

func (s *Site) planPageReview(path string, refs []UnitRef) (*edit.FileEdit, []edit.Note) {
	var notes []edit.Note
	report := s.Status(Options{Paths: []string{path}})
	var page *PageReport
	for i := range report.Pages {
		if report.Pages[i].Translation == path {
			page = &report.Pages[i]
		}
	}
	if page == nil || page.Source == "" {
		return nil, []edit.Note{{Path: path, Message: "not a translation with a source page"}}
	}
	if page.State == PageUntracked {
		return nil, []edit.Note{{Path: path, Message: "no base known, so no unit to review: " + page.Base.Message}}
	}
	tr, err := s.loadPath(path)
	if err != nil {
		return nil, []edit.Note{{Path: path, Message: err.Error()}}
	}
	src, err := s.loadPath(page.Source)
	if err != nil {
		return nil, []edit.Note{{Path: path, Message: err.Error()}}
	}
	records := strings.Fields(fieldText(tr.Doc, ReviewField))
	for _, r := range refs {
		u := findUnit(page.Units, r)
		if u == nil {
			notes = append(notes, edit.Note{Path: path, Line: r.Line, Message: fmt.Sprintf("%s: no unit that needs work there", r)})
			continue
		}
		records = append(records, u.SourceFingerprint.String())
	}
	// Keep the records that still name a source unit, now or as removed
	// (an obsolete unit kept on purpose), once each.
	live := map[string]bool{}
	for _, u := range src.Doc.Units {
		live[u.Fingerprint.String()] = true
	}
	for _, u := range page.Units {
		if u.State == UnitObsolete {
			live[u.SourceFingerprint.String()] = true
		}
	}
	slices.Sort(records)
	records = slices.DeleteFunc(slices.Compact(records), func(f string) bool { return !live[f] })
	after, err := edit.SetField(tr.Doc, ReviewField, edit.String(strings.Join(records, " ")))
	if err != nil {
		s.refuse(path, "not reviewed", err)
		return nil, notes
	}
	return &edit.FileEdit{Path: path, Before: tr.Src, After: after, Reason: "accept --unit: reviewed against the current source"}, notes
}

// findUnit is the reported unit a reference names.
func findUnit(units []UnitReport, r UnitRef) *UnitReport {
	for i := range units {
		u := &units[i]
		switch {
		case r.ID != "" && (u.ID == r.ID || u.Line == 0 && u.SourceID == r.ID):
			return u
		case r.ID == "" && u.Line > 0 && u.Line <= r.Line && r.Line <= u.EndLine:
			return u
		}
	}
	return nil
}
