package sync

import (
	"github.com/cnpe-i18n/cnpe-i18n/glossary"
	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
	"github.com/cnpe-i18n/cnpe-i18n/sync/history"
	"github.com/cnpe-i18n/cnpe-i18n/translations"
)

// SchemaVersion is the version of the status JSON schema (docs/json.md).
const SchemaVersion = 1

// PageState is the state of a translated page.
type PageState int

// Page states, from best to worst.
const (
	PageCurrent   PageState = iota // translated from the current source
	PageStale                      // some units need retranslation
	PageStub                       // front matter only, waiting for a translator
	PageMissing                    // no translation
	PageOrphan                     // no source any more
	PageUntracked                  // no base known: staleness cannot be told
)

var pageStateNames = [...]string{"current", "stale", "stub", "missing", "orphan", "untracked"}

// UnitState is the state of a translated unit, or of a source unit
// without translation.
type UnitState int

// Unit states.
const (
	UnitCurrent      UnitState = iota
	UnitStale                  // the aligned source unit's words changed
	UnitMechanical             // only links, code or markup changed: fixable without a translator
	UnitObsolete               // the source unit was removed
	UnitNew                    // a source unit added since the base
	UnitUntranslated           // a source unit that has no translation
)

var unitStateNames = [...]string{"current", "stale", "mechanical", "obsolete", "new", "untranslated"}

// BaseKind says how the base of a translation was found.
type BaseKind int

// Base kinds.
const (
	BaseNone     BaseKind = iota // unknown
	BasePin                      // the pin written by accept
	BaseInferred                 // inferred from history
)

var baseKindNames = [...]string{"none", "pin", "inferred"}

// Base is the source version a translation was made from.
type Base struct {
	Kind BaseKind `json:"kind"`
	// Blob is the git blob id of the source file at that version.
	Blob string `json:"blob,omitempty"`
	// Commit is the commit where that version appeared (inferred bases).
	Commit string `json:"commit,omitempty"`
	// Path is the source path at that version (renames followed).
	Path string `json:"path,omitempty"`
	// Current reports that the base is the current source.
	Current bool `json:"current"`
	// Confidence of an inferred base, 0–1.
	Confidence float64 `json:"confidence,omitempty"`
	// TranslatedIn is the commit of the translation's last change of
	// words (link, white space and metadata edits do not count).
	TranslatedIn string `json:"translated_in,omitempty"`
	// Versions is how many source versions the units of the page were
	// translated from, when more than one (each unit has its own base;
	// the page's is the oldest of them).
	Versions int `json:"versions,omitempty"`
	// Message explains a missing or uncertain base and how to fix it.
	Message string `json:"message,omitempty"`
	// IncompleteHistory reports a base that cannot be established because
	// the clone lacks history: shallow, objects missing, or no repository.
	IncompleteHistory bool `json:"incomplete_history,omitempty"`
}

// UnitReport is one unit that needs attention.
type UnitReport struct {
	// ID is the translated unit's ID, or the source unit's for new and
	// untranslated units.
	ID     string            `json:"id"`
	State  UnitState         `json:"state"`
	Change change.ChangeKind `json:"change"`
	Kind   parse.Kind        `json:"kind"`
	// Line and EndLine are in the translation (0 for new and untranslated).
	Line    int `json:"line"`
	EndLine int `json:"end_line"`
	// SourceID and SourceLine are the source unit now (or at the base, for
	// a removed unit).
	SourceID   string `json:"source_id,omitempty"`
	SourceLine int    `json:"source_line"`
	// SourceFingerprint is the text fingerprint of that source unit: what
	// accept --unit records as reviewed.
	SourceFingerprint parse.Fingerprint `json:"source_fingerprint,omitempty"`
	// SourceBefore and SourceAfter are the source unit's text at the base
	// and now.
	SourceBefore string `json:"source_before"`
	SourceAfter  string `json:"source_after"`
	// Words is the word diff of the source text (stale units).
	Words []change.Edit `json:"word_diff,omitempty"`
	// Text is the translated unit's current text.
	Text string `json:"text,omitempty"`
	// Base is the source version this translated unit was made from, when
	// known (not for new and untranslated units).
	Base *UnitBase `json:"base,omitempty"`
}

// SourceRemoved reports whether the unit's source was removed: an
// obsolete unit, or a mechanical one whose source was code or markup
// with no words (the translation drops it without a translator).
func (u *UnitReport) SourceRemoved() bool {
	return u.State == UnitObsolete || u.Change == change.Removed
}

// UnitBase is the base of one translated unit.
type UnitBase struct {
	// Blob is the git blob id of the source file the unit was made from.
	Blob string `json:"blob"`
	// TranslatedIn is the commit that last changed the unit's words;
	// empty for an uncommitted change and for a unit the page pin covers.
	TranslatedIn string `json:"translated_in,omitempty"`
	// Pin reports that the page pin is the unit's base.
	Pin bool `json:"pin,omitempty"`
}

// PageReport is the state of one translation of one page.
type PageReport struct {
	Lang string `json:"lang"`
	// Source and Translation are site paths relative to the root; one is
	// empty for missing and orphan pages.
	Source      string    `json:"source"`
	Translation string    `json:"translation"`
	State       PageState `json:"state"`
	Base        *Base     `json:"base,omitempty"`
	// Words is the number of source words to re-translate.
	Words int          `json:"words"`
	Units []UnitReport `json:"units"`
	// RenamedTo suggests the source page an orphan was probably renamed to.
	RenamedTo string `json:"renamed_to,omitempty"`
	// RenameConfidence is 1 for a rename git recorded, else the
	// similarity of the pages (at least MinRenameConfidence).
	RenameConfidence float64 `json:"rename_confidence,omitempty"`
	// Outdated reports the site's own banner flag (outdated: true).
	Outdated bool `json:"outdated,omitempty"`
	// Glossary are the terminology findings in the translation.
	Glossary []glossary.Finding `json:"glossary,omitempty"`

	// frag is the page's JSON (pageJSON), when it is known: a report read
	// from the cache for a JSON output is then only its head (Lang,
	// Source, Translation, State, Words and Outdated; the units are
	// counted in units, not listed).
	frag  []byte
	units int
}

// unitCount is how many units the page lists.
func (p *PageReport) unitCount() int {
	if p.frag != nil {
		return p.units
	}
	return len(p.Units)
}

// Count returns how many units of the page are in state s.
func (p *PageReport) Count(s UnitState) int {
	n := 0
	for _, u := range p.Units {
		if u.State == s {
			n++
		}
	}
	return n
}

// HistoryInfo says what history was available.
type HistoryInfo struct {
	Available bool `json:"available"`
	Shallow   bool `json:"shallow"`
	Commits   int  `json:"commits"`
	// Incomplete is the number of pages in scope whose provenance cannot be
	// established from this clone; Message then says so and names the fix.
	Incomplete int    `json:"incomplete,omitempty"`
	Message    string `json:"message,omitempty"`
}

// IncompleteHistory reports that the report is not an all-clear: the
// base of some page in scope is unknown for want of history.
func (h HistoryInfo) IncompleteHistory() bool { return h.Incomplete > 0 }

// FileProblem is a file that could not be used.
type FileProblem struct {
	Path    string `json:"path"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Message string `json:"message"`
}

// Report is the result of a status run.
type Report struct {
	SchemaVersion int      `json:"schema_version"`
	Source        string   `json:"source_language"`
	Languages     []string `json:"languages"`
	// Notes say what was assumed about the site's layout.
	Notes   []string    `json:"notes,omitempty"`
	History HistoryInfo `json:"history"`
	// Since is the change set the report is limited to (--since).
	Since *history.ChangeSet `json:"since,omitempty"`
	Pages []PageReport       `json:"pages"`
	// Strings are the UI string tables and the site configuration's
	// per-language strings.
	Strings  []translations.Entry `json:"strings"`
	Problems []FileProblem        `json:"problems"`
}

// PageHead is what a page's report says besides its units and findings.
type PageHead struct {
	Lang        string
	Source      string
	Translation string
	State       PageState
	// Units is how many units are listed (those that need work).
	Units int
	Words int
}

// Outline is a report without its pages' units and findings: what a
// summary of the report reads (see StatusJSON).
type Outline struct {
	Languages []string
	Notes     []string
	History   HistoryInfo
	Pages     []PageHead
	Strings   []translations.Entry
	Problems  []FileProblem
}

// Outline is the report's outline.
func (r *Report) Outline() *Outline {
	o := &Outline{Languages: r.Languages, Notes: r.Notes, History: r.History, Strings: r.Strings, Problems: r.Problems,
		Pages: make([]PageHead, len(r.Pages))}
	for i := range r.Pages {
		p := &r.Pages[i]
		o.Pages[i] = PageHead{Lang: p.Lang, Source: p.Source, Translation: p.Translation, State: p.State,
			Units: p.unitCount(), Words: p.Words}
	}
	return o
}
