package main

import (
	"strings"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

func TestExplainPage(t *testing.T) {
	d := docs(t)
	tr := commitTruth(d)
	water, drip := d.TrBefore.Units[2].ID, d.TrBefore.Units[3].ID
	rewritten, err := parse.Parse("content/es/garden.md", []byte(strings.Replace(trAfter, "una vez por semana", "cada lunes", 1)))
	if err != nil {
		t.Fatal(err)
	}
	r := replayed{
		cand: candidate{Commit: "c5", Lang: "es", Translation: "content/es/garden.md",
			Later: []version{{Commit: "c6"}, {Commit: "c7"}}},
		page: &pageView{State: "stale", Units: []unitView{
			{ID: water, State: "stale", Line: 7, SourceBefore: "Water early.", SourceAfter: "Water late."},
			{ID: drip, State: "stale", Line: 9, SourceBefore: "See the [line](/a/).", SourceAfter: "See *the* [line](/b/)."},
			{ID: "x/code-1", State: "obsolete", Line: 20},
		}},
	}
	r.score = scoreUnits([]string{water, drip, "x/code-1"}, 0, tr)
	notes := explainPage(parse.Config{}, r, d, tr, func() []*parse.Document { return []*parse.Document{d.TrAfter, rewritten} })
	byID := map[string]unitNote{}
	for _, n := range notes {
		byID[n.ID] = n
	}
	if len(notes) != 3 {
		t.Fatalf("got %d notes, want the 3 flagged units (none missed): %+v", len(notes), notes)
	}
	if n := byID[water]; !n.Flagged || !n.Hit || !n.English || !n.Driven || !n.Known || n.Later != 0 || n.WordsSame {
		t.Errorf("the English-driven paragraph the commit changed: got %+v", n)
	}
	// The drip paragraph: its English changed a link only (not driven),
	// the commit left its words, the second later version changed them;
	// its source texts say the same words.
	if n := byID[drip]; n.Hit || n.Driven || !n.Known || n.Later != 2 || n.LaterCommit != "c7" || !n.WordsSame {
		t.Errorf("the link-only paragraph: got %+v", n)
	}
	if n := byID["x/code-1"]; n.Known || n.Hit {
		t.Errorf("a unit the harness does not count: got %+v", n)
	}
}
