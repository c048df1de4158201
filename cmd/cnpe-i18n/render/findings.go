package render

import (
	"fmt"

	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
	"github.com/cnpe-i18n/cnpe-i18n/translations"
)

// Finding is one thing to annotate: what --format github and --format
// sarif both write, from the same list.
type Finding struct {
	Rule    string
	File    string
	Line    int
	EndLine int
	Title   string
	Message string
}

// rules are the Finding kinds, for SARIF's rule list.
var rules = []struct{ id, level, text string }{
	{"stale-unit", "warning", "A translated unit whose source words changed since it was translated"},
	{"new-unit", "warning", "A source unit added since the page was translated"},
	{"obsolete-unit", "warning", "A translated unit whose source unit was removed"},
	{"untranslated-unit", "note", "A source unit with no counterpart in the translation"},
	{"mechanical-unit", "note", "A link, code or markup change of the source that fix can carry"},
	{"missing-page", "note", "A source page with no translation in a language"},
	{"stub-page", "note", "A translation that is front matter only"},
	{"orphan-page", "warning", "A translation whose source page no longer exists"},
	{"untracked-page", "note", "A translation whose base is unknown (no pin, no history)"},
	{"stale-string", "warning", "A UI or configuration string whose source changed since it was translated"},
	{"missing-string", "note", "A UI or configuration string with no translation"},
	{"untranslated-string", "note", "A UI or configuration string left in the source language"},
	{"extra-string", "note", "A UI string with no source"},
}

// level is the rule's level: error, warning or note.
func (f Finding) level() string {
	for _, r := range rules {
		if r.id == f.Rule {
			return r.level
		}
	}
	return "note"
}

func Findings(r *isync.Report) []Finding {
	var out []Finding
	for _, p := range r.Pages {
		switch p.State {
		case isync.PageMissing:
			out = append(out, Finding{"missing-page", p.Source, 1, 1, "Missing in " + p.Lang,
				fmt.Sprintf("%s has no %s translation", p.Source, p.Lang)})
			continue
		case isync.PageStub:
			out = append(out, Finding{"stub-page", p.Translation, 1, 1, "Stub", "Front matter only: waiting for a translator"})
			continue
		case isync.PageOrphan:
			msg := "The source page of this translation no longer exists"
			if p.RenamedTo != "" {
				msg += "; it was probably renamed to " + p.RenamedTo
			}
			out = append(out, Finding{"orphan-page", p.Translation, 1, 1, "Orphan translation", msg})
			continue
		case isync.PageUntracked:
			msg := "The source version this translation was made from is unknown"
			if p.Base != nil && p.Base.Message != "" {
				msg += ": " + p.Base.Message
			}
			out = append(out, Finding{"untracked-page", p.Translation, 1, 1, "Base unknown", msg})
		}
		for _, u := range p.Units {
			f := Finding{File: p.Translation, Line: u.Line, EndLine: max(u.EndLine, u.Line)}
			switch u.State {
			case isync.UnitStale:
				f.Rule, f.Title = "stale-unit", "Source changed: "+u.SourceID
				f.Message = "The source of this unit changed: " + plainDiff(u.Words)
			case isync.UnitMechanical:
				f.Rule, f.Title = "mechanical-unit", "Links or code changed: "+u.SourceID
				f.Message = "Only links, code or markup changed in the source (cnpe-i18n fix can carry it): " + plainDiff(u.Words)
				if u.Change == change.Removed {
					f.Title = "Code or markup removed: " + u.SourceID
					f.Message = "The source removed this code, shortcode or markup (it has no words to translate): remove it here too: " + u.SourceBefore
				}
			case isync.UnitObsolete:
				f.Rule, f.Title = "obsolete-unit", "Source removed"
				f.Message = "The source of this unit was removed: " + u.SourceBefore
			case isync.UnitNew, isync.UnitUntranslated:
				f.Rule = "new-unit"
				if u.State == isync.UnitUntranslated {
					f.Rule = "untranslated-unit"
				}
				f.File, f.Line, f.EndLine = p.Source, u.SourceLine, u.SourceLine
				f.Title = fmt.Sprintf("Not translated in %s", p.Lang)
				f.Message = fmt.Sprintf("This unit has no %s translation in %s: %s", p.Lang, p.Translation, u.SourceAfter)
			default:
				continue
			}
			out = append(out, f)
		}
	}
	for _, e := range r.Strings {
		f := Finding{File: e.File, Line: max(e.Line, 1), EndLine: max(e.Line, 1)}
		switch e.State {
		case translations.Stale:
			f.Rule, f.Title = "stale-string", "Stale string: "+e.Key
			f.Message = fmt.Sprintf("%s (%s): the source is now %q", e.Key, e.Lang, e.Source)
		case translations.Missing:
			f.Rule, f.Title = "missing-string", "Missing string: "+e.Key
			f.Message = fmt.Sprintf("%s has no %s translation (source %q)", e.Key, e.Lang, e.Source)
		case translations.Untranslated:
			f.Rule, f.Title = "untranslated-string", "Untranslated string: "+e.Key
			f.Message = fmt.Sprintf("%s (%s) %s", e.Key, e.Lang, e.Why)
		case translations.Extra:
			f.Rule, f.Title = "extra-string", "Extra string: "+e.Key
			f.Message = fmt.Sprintf("%s (%s) is not in the source table", e.Key, e.Lang)
		default:
			continue
		}
		out = append(out, f)
	}
	return out
}

// plainDiff renders a word diff in plain text: [-old-]{+new+}.
func plainDiff(edits []change.Edit) string {
	return WordDiff(edits, false)
}
