package sync

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/cnpe-i18n/cnpe-i18n/sync/edit"
	"github.com/cnpe-i18n/cnpe-i18n/sync/history"
	"github.com/cnpe-i18n/cnpe-i18n/sync/site"
	"github.com/cnpe-i18n/cnpe-i18n/translations"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// AcceptOptions choose the translations accept pins.
type AcceptOptions struct {
	// Paths are translation pages, or source pages (all their
	// translations in Langs), or directories holding them.
	Paths []string
	Langs []string
	// All accepts every translation of the site.
	All bool
	// Inferred pins every translation whose base was inferred from
	// history to that inferred base (not to the current source), so that
	// a repository is bootstrapped in one command.
	Inferred bool
}

// PlanAccept plans pinning translations to their source: the pin (the git
// blob id of the source file) is written in the translation's front
// matter, in its own syntax, and outdated: true is removed.
func (s *Site) PlanAccept(opts AcceptOptions) ([]edit.FileEdit, []edit.Note) {
	var paths []string
	if !opts.All && !opts.Inferred {
		paths = opts.Paths
	}
	edits, notes := s.planTableAccept(opts)
	var head string
	if s.Config.CommitPins() {
		var err error
		if head, err = history.HeadCommit(context.Background(), s.Layout.Root); err != nil {
			return edits, append(notes, edit.Note{Message: "commit pins need the commit checked out: " + err.Error()})
		}
	}
	report := s.Status(Options{Langs: opts.Langs, Paths: paths})
	for _, p := range report.Pages {
		if p.Source == "" || p.Translation == "" {
			continue
		}
		if len(opts.Paths) > 0 && (opts.All || opts.Inferred) && !inScopePaths(p, opts.Paths) {
			continue
		}
		src, err := s.loadPath(p.Source)
		if err != nil {
			continue // reported as a problem by Status
		}
		tr, err := s.loadPath(p.Translation)
		if err != nil {
			continue
		}
		pin := history.BlobID(src.Src)
		if s.Config.CommitPins() {
			pin = head
		}
		reason := "accept: in step with the current source"
		if opts.Inferred {
			if p.Base == nil || p.Base.Kind != BaseInferred {
				if p.Base != nil && p.Base.Kind == BaseNone && p.State != PageStub {
					notes = append(notes, edit.Note{Path: p.Translation, Message: "no base inferred: " + p.Base.Message})
				}
				continue
			}
			pin = p.Base.Blob
			if s.Config.CommitPins() {
				pin = p.Base.Commit
			}
			reason = fmt.Sprintf("accept --inferred: pin the inferred base (confidence %.2f)", p.Base.Confidence)
		}
		after, err := s.pinPage(tr.Doc, pin, !opts.Inferred || p.State == PageCurrent)
		if err != nil {
			s.refuse(p.Translation, "not accepted", err)
			continue
		}
		e := edit.FileEdit{Path: p.Translation, Before: tr.Src, After: after, Reason: reason}
		if e.Changed() {
			edits = append(edits, e)
		}
	}
	return edits, notes
}

// refuse reports a translation whose front matter a writer cannot edit
// (a CR-only page, a flow mapping) as a problem of the run, which then
// exits 2: not a silent skip, and not a note. what says what was not done.
func (s *Site) refuse(path, what string, err error) {
	s.problem(FileProblem{Path: path, Message: what + ": " + strings.TrimPrefix(err.Error(), path+": ")})
}

// pinPage writes the pin and, when clear is set, removes the banner flag.
// A commit pin's "# patched" comment goes: the page is synced again, as
// opentelemetry.io means it.
func (s *Site) pinPage(doc *parse.Document, pin string, clear bool) ([]byte, error) {
	key := s.Config.PinField()
	out, err := edit.SetField(doc, key, edit.String(pin))
	if err != nil {
		return nil, err
	}
	if s.Config.CommitPins() {
		if out, err = dropPatched(doc.Path, out, key); err != nil {
			return nil, err
		}
	}
	if !clear {
		return out, nil
	}
	doc, err = parse.Parse(doc.Path, out)
	if err != nil {
		return nil, err
	}
	return edit.DeleteField(doc, s.Config.FlagField())
}

// dropPatched removes a "# patched" comment after the value of key.
func dropPatched(name string, src []byte, key string) ([]byte, error) {
	doc, err := (parse.Config{FrontMatterOnly: true}).Parse(name, src)
	if err != nil {
		return nil, err
	}
	u := doc.Field(key)
	if u == nil || doc.FrontMatter.Format != parse.YAML {
		return src, nil
	}
	end := u.End
	for end < len(src) && src[end] != '\n' && src[end] != '\r' {
		end++
	}
	rest := strings.TrimSpace(string(src[u.End:end]))
	if c, ok := strings.CutPrefix(rest, "#"); !ok || strings.TrimSpace(c) != "patched" {
		return src, nil
	}
	return append(src[:u.End:u.End], src[end:]...), nil
}

// flagValue is a configured flag value as a front matter value.
func flagValue(v any) edit.Value {
	switch x := v.(type) {
	case bool:
		return edit.Bool(x)
	case string:
		return edit.String(x)
	}
	return edit.String(fmt.Sprint(v))
}

// loadPath loads a page by its site path.
func (s *Site) loadPath(p string) (*Page, error) {
	s.indexOnce.Do(func() {
		s.byPath = make(map[string]*site.Entry, len(s.pages))
		for _, info := range s.pages {
			s.byPath[info.Path] = info
		}
	})
	if info := s.byPath[p]; info != nil {
		return s.load(info.File)
	}
	return nil, fmt.Errorf("%s: not a page of the site", p)
}

func inScopePaths(p PageReport, paths []string) bool {
	return (site.Pair{Source: &site.Entry{File: site.File{Path: p.Source}}, Translation: &site.Entry{File: site.File{Path: p.Translation}}}).InScope(paths)
}

// PlanMark plans setting the site's banner flag (outdated: true, or the
// configured flag) on the translations that are stale or stubs, and the
// flag's orphan value, when configured, on orphans. Current pages are
// left alone.
func (s *Site) PlanMark(langs, paths []string) []edit.FileEdit {
	report := s.Status(Options{Langs: langs, Paths: paths})
	var edits []edit.FileEdit
	for _, p := range report.Pages {
		value := s.Config.FlagValue()
		switch {
		case (p.State == PageStale || p.State == PageStub) && !p.Outdated:
		case p.State == PageOrphan && s.Config.Flag.Orphan != nil:
			value = s.Config.Flag.Orphan
		default:
			continue
		}
		tr, err := s.loadPath(p.Translation)
		if err != nil {
			continue
		}
		after, err := edit.SetField(tr.Doc, s.Config.FlagField(), flagValue(value))
		if err != nil {
			s.refuse(p.Translation, "not marked outdated", err)
			continue
		}
		e := edit.FileEdit{Path: p.Translation, Before: tr.Src, After: after, Reason: "mark: " + p.State.String()}
		if e.Changed() {
			edits = append(edits, e)
		}
	}
	return edits
}

// planTableAccept plans go-i18n hash fields in the string tables named in
// opts.Paths (or every table with --all): the hash of the current source
// message, for each key the table shares with the source.
func (s *Site) planTableAccept(opts AcceptOptions) ([]edit.FileEdit, []edit.Note) {
	srcPath := s.tableFile(s.Layout.Source)
	if srcPath == "" {
		return nil, nil
	}
	var edits []edit.FileEdit
	var notes []edit.Note
	for _, lang := range s.Layout.Targets() {
		if len(opts.Langs) > 0 && !slices.Contains(opts.Langs, lang) {
			continue
		}
		p := s.tableFile(lang)
		if p == "" || !(opts.All || slices.Contains(opts.Paths, p)) {
			continue
		}
		src, tr := s.readTable(srcPath), s.readTable(p)
		if src == nil || tr == nil {
			continue
		}
		hashes := map[string]string{}
		for _, m := range tr.Messages {
			if sm := src.Message(m.Key); sm != nil {
				hashes[m.Key] = translations.Hash(sm)
			}
		}
		data, err := os.ReadFile(filepath.Join(s.Layout.Root, filepath.FromSlash(p)))
		if err != nil {
			continue
		}
		after, skipped, err := translations.SetHashes(tr, data, hashes)
		if err != nil {
			notes = append(notes, edit.Note{Path: p, Message: err.Error()})
			continue
		}
		for _, k := range skipped {
			notes = append(notes, edit.Note{Path: p, Line: tr.Message(k).Line, Message: fmt.Sprintf("%q is written as key = \"text\" and cannot carry a go-i18n hash; write it as a [%s] table", k, k)})
		}
		e := edit.FileEdit{Path: p, Before: data, After: after, Reason: "accept: go-i18n hashes of the current source messages"}
		if e.Changed() {
			edits = append(edits, e)
		}
	}
	return edits, notes
}
