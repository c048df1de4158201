package main

import (
	"encoding/json"
	"io"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
)

// unitNote is one unit the tool flagged, or one English-driven unit it
// missed, on a replayed page, with what is needed to read it by hand
// (-explain writes one per line, as JSON).
type unitNote struct {
	Commit string `json:"commit"`
	Lang   string `json:"lang"`
	Page   string `json:"page"`
	ID     string `json:"id"`
	State  string `json:"state"`
	Change string `json:"change,omitempty"`
	Kind   string `json:"kind,omitempty"`
	Line   int    `json:"line,omitempty"`
	// Flagged: the tool flagged it; Hit: the commit changed it; English:
	// the English drove that change; Known: the ID is a translatable unit
	// of the parent's translation as the harness parses it.
	Flagged, Hit, English, Known bool
	// Driven: the harness finds the unit's English changed or removed
	// since the unit was translated (englishDriven, asked of this unit
	// whether or not the commit changed it): a flag the commit did not
	// act on is then backlog, not an error of the tool.
	Driven bool
	// Later, for a unit the commit did not change, is the number of the
	// later version of the translation (1 the next one) that no longer
	// says the unit's words, 0 when the next maxLater versions all do;
	// LaterCommit made it.
	Later       int    `json:"later"`
	LaterCommit string `json:"later_commit,omitempty"`
	// WordsSame: a stale unit whose source text, before and after, says
	// the same words (parsed alone, FoldWords of the plain text).
	WordsSame    bool   `json:"words_same,omitempty"`
	SourceBefore string `json:"source_before,omitempty"`
	SourceAfter  string `json:"source_after,omitempty"`
	Text         string `json:"text,omitempty"`
	TranslatedIn string `json:"translated_in,omitempty"`
	ParentBase   string `json:"parent_base,omitempty"`
}

// explainPage notes the flagged and the missed units of one replayed
// page. later reads the translation's later versions (nil when one cannot
// be read).
func explainPage(pcfg parse.Config, r replayed, d catchUpDocs, t truth, later func() []*parse.Document) []unitNote {
	if r.page == nil || d.TrBefore == nil {
		return nil
	}
	known := map[string]*parse.Unit{}
	for i, u := range d.TrBefore.Units {
		if u.Translatable {
			known[u.ID] = &d.TrBefore.Units[i]
		}
	}
	ask := map[string]bool{}
	for _, u := range r.page.Units {
		ask[u.ID] = true
	}
	for _, id := range r.score.Missed {
		ask[id] = true
	}
	driven := englishDriven(d, ask)
	var lv []*parse.Document
	laterRead := false
	var out []unitNote
	seen := map[string]bool{}
	note := func(u unitView, flagged bool) {
		n := unitNote{Commit: short(r.cand.Commit), Lang: r.cand.Lang, Page: r.cand.Translation, ID: u.ID,
			State: u.State, Change: u.Change, Kind: u.Kind, Line: u.Line, Flagged: flagged,
			Hit: t.Changed[u.ID], English: t.English[u.ID], Driven: driven[u.ID], SourceBefore: u.SourceBefore,
			SourceAfter: u.SourceAfter, Text: u.Text}
		if u.Base != nil {
			n.TranslatedIn = short(u.Base.TranslatedIn)
		}
		if r.page.Base != nil {
			n.ParentBase = short(r.page.Base.Commit)
		}
		tu := known[u.ID]
		n.Known = tu != nil
		if tu != nil && !n.Hit {
			if !laterRead {
				lv, laterRead = later(), true
			}
			for k, doc := range lv {
				if !saysWords(doc, tu) {
					n.Later = k + 1
					n.LaterCommit = short(r.cand.Later[k].Commit)
					break
				}
			}
		}
		if u.State == "stale" && u.SourceBefore != "" && u.SourceAfter != "" {
			n.WordsSame = change.SameWords(plainOf(pcfg, u.SourceBefore), plainOf(pcfg, u.SourceAfter))
		}
		out = append(out, n)
	}
	for _, u := range r.page.Units {
		if (u.State == "stale" || u.State == "obsolete") && u.Line > 0 && !seen[u.ID] {
			seen[u.ID] = true
			note(u, true)
		}
	}
	for _, id := range r.score.Missed {
		u, ok := r.page.unit(id)
		if !ok {
			u = unitView{ID: id, State: "absent"}
		}
		note(u, false)
	}
	return out
}

// saysWords reports whether a translatable unit of doc says the words of
// u (its fingerprint, or the same words: a typography sweep is no change).
func saysWords(doc *parse.Document, u *parse.Unit) bool {
	w := change.FoldWords(u.Plain)
	for _, v := range doc.Units {
		if v.Translatable && (v.Fingerprint == u.Fingerprint || change.FoldWords(v.Plain) == w) {
			return true
		}
	}
	return false
}

// plainOf is the plain text of a unit's Markdown parsed alone: the words
// a reader sees, markup masked.
func plainOf(pcfg parse.Config, text string) string {
	doc, err := pcfg.Parse("unit.md", []byte(text))
	if err != nil {
		return text
	}
	var s string
	for _, u := range doc.Units {
		s += u.Plain + "\n"
	}
	return s
}

func writeNotes(w io.Writer, notes []unitNote) error {
	enc := json.NewEncoder(w)
	for _, n := range notes {
		if err := enc.Encode(n); err != nil {
			return err
		}
	}
	return nil
}
