package main

import "testing"

func TestCompareUnits(t *testing.T) {
	base := &baseView{Blob: "b1"}
	page := func(units ...unitView) *pageView { return &pageView{Base: base, Units: units} }
	stale := func(id, before string) unitView { return unitView{ID: id, State: "stale", SourceBefore: before} }
	tests := []struct {
		name                 string
		got, ref             *pageView
		unitWords, sameStale bool
	}{
		{"both current", page(), page(), true, true},
		{"same stale unit, same base words", page(stale("p1", "Feed the cat.")), page(stale("p1", "Feed the cat.")), true, true},
		{"same words, other spacing and punctuation", page(stale("p1", "Feed  the cat!")), page(stale("p1", "feed the cat.")), true, true},
		{"stale in both, older base words", page(stale("p1", "Feed the dog.")), page(stale("p1", "Feed the cat.")), false, true},
		{"stale only with pins ignored", page(stale("p1", "Feed the dog.")), page(), false, false},
		{"stale only with pins honoured", page(), page(stale("p1", "Feed the dog.")), false, false},
		{"mechanical is the current words", page(unitView{ID: "p1", State: "mechanical"}), page(), true, true},
		{"obsolete in both, other source text reported", page(unitView{ID: "p1", State: "obsolete", SourceBefore: "Old."}), page(unitView{ID: "p1", State: "obsolete", SourceBefore: "Older."}), true, true},
		{"obsolete against stale", page(unitView{ID: "p1", State: "obsolete", SourceBefore: "Old."}), page(stale("p1", "Old.")), false, false},
		{"new source units are not translated units", page(unitView{ID: "s9", State: "new"}), page(), true, true},
		{"no base with pins honoured", page(), &pageView{Base: &baseView{}}, false, false},
		{"page absent", page(), nil, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, s := compareUnits(tt.got, tt.ref)
			if w != tt.unitWords || s != tt.sameStale {
				t.Errorf("compareUnits = %v, %v; want %v, %v", w, s, tt.unitWords, tt.sameStale)
			}
		})
	}
}
