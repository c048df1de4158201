package main

import (
	"slices"
	"sort"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// A page about a garden in English and in a made-up translation (Latin
// letters keep the fixture readable; the alignment needs only structure,
// anchors and lengths).
const (
	enPrev = `---
title: Garden notes
---

## Watering

Water the tomatoes early in the morning, before the sun is high.

Check the [drip line](/drip/) once a week for leaks.

## Soil

Mix compost into the top layer before planting.
`
	// The English the translation had not followed: the first paragraph's
	// words changed, the second gained only a link target change.
	enParent = `---
title: Garden notes
---

## Watering

Water the tomatoes late in the evening, after the heat has passed.

Check the [drip line](/irrigation/drip/) once a week for leaks.

## Soil

Mix compost into the top layer before planting.
`
	trBefore = `---
title: Notas del huerto
---

## Riego

Riega los tomates temprano por la mañana, antes de que el sol esté alto.

Revisa la [línea de goteo](/drip/) una vez por semana por si hay fugas.

## Suelo

Mezcla compost en la capa superior antes de sembrar.
`
	// The catch-up: the first paragraph follows the English; the soil
	// paragraph gets a typo fix of the translator's own; a new paragraph.
	trAfter = `---
title: Notas del huerto
---

## Riego

Riega los tomates tarde por la noche, cuando el calor haya pasado.

Revisa la [línea de goteo](/irrigation/drip/) una vez por semana por si hay fugas.

## Suelo

Mezcla el compost en la capa superior antes de plantar.

Cubre la tierra con paja en verano.
`
)

func docs(t *testing.T) catchUpDocs {
	t.Helper()
	parseOne := func(name, src string) *parse.Document {
		d, err := parse.Parse(name, []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	return catchUpDocs{
		TrBefore: parseOne("content/es/garden.md", trBefore), TrAfter: parseOne("content/es/garden.md", trAfter),
		SrcPrev: parseOne("content/en/garden.md", enPrev), SrcParent: parseOne("content/en/garden.md", enParent),
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestCommitTruth(t *testing.T) {
	d := docs(t)
	if !d.confirmed() {
		t.Fatalf("the fixture is a catch-up, confirmed() says no")
	}
	tr := commitTruth(d)
	water, soil := d.TrBefore.Units[2].ID, d.TrBefore.Units[5].ID
	if got, want := keys(tr.Changed), sorted(soil, water); !slices.Equal(got, want) {
		t.Errorf("changed: got %v, want %v", got, want)
	}
	if got, want := keys(tr.English), []string{water}; !slices.Equal(got, want) {
		t.Errorf("English-driven: got %v, want %v (the soil edit is the translator's own)", got, want)
	}
	if tr.Inserted != 1 {
		t.Errorf("inserted: got %d, want 1", tr.Inserted)
	}
	if len(tr.Units) != len(d.TrBefore.Units) {
		t.Errorf("units: got %d, want every translatable unit (%d)", len(tr.Units), len(d.TrBefore.Units))
	}
}

// enOlder is the English before enPrev: its soil sentence differs. The
// translation's soil paragraph was made from it and left alone when the
// translator last touched the page (a fix in the watering paragraph).
const enOlder = `---
title: Garden notes
---

## Watering

Water the tomatoes early in the morning, before the sun is high.

Check the [drip line](/drip/) once a week for leaks.

## Soil

Dig the beds in autumn and leave them rough over winter.
`

const trOlder = `---
title: Notas del huerto
---

## Riego

Riega los tomates temprano en la mañana, antes de que el sol esté alto.

Revisa la [línea de goteo](/drip/) una vez por semana por si hay fugas.

## Suelo

Mezcla compost en la capa superior antes de sembrar.
`

// TestEnglishDrivenPerUnit: the soil paragraph's base is the older English
// (its words have not changed since), so its edit was driven by the
// English although the English of the translation's previous version
// already had the new soil sentence.
func TestEnglishDrivenPerUnit(t *testing.T) {
	d := docs(t)
	older := func(name, src string) *parse.Document {
		doc, err := parse.Parse(name, []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	d.Earlier = []versionDocs{{Tr: d.TrBefore, Src: d.SrcPrev},
		{Tr: older("tr", trOlder), Src: older("en", enOlder)}}
	tr := commitTruth(d)
	water, soil := d.TrBefore.Units[2].ID, d.TrBefore.Units[5].ID
	if got, want := keys(tr.English), sorted(water, soil); !slices.Equal(got, want) {
		t.Errorf("English-driven: got %v, want %v", got, want)
	}
}

func TestConfirmed(t *testing.T) {
	d := docs(t)
	links := d
	links.SrcParent = links.SrcPrev // the English did not change its words
	if links.confirmed() {
		t.Errorf("confirmed a catch-up whose English words had not changed")
	}
	same := d
	same.TrAfter = same.TrBefore
	if same.confirmed() {
		t.Errorf("confirmed a catch-up that changed no words of the translation")
	}
}

func TestScoreUnits(t *testing.T) {
	tr := truth{Units: []string{"a", "b", "c", "d"}, Changed: map[string]bool{"a": true, "b": true},
		English: map[string]bool{"a": true}, Inserted: 2}
	tests := []struct {
		name          string
		flagged       []string
		prec, rec, en float64
	}{
		{"exact", []string{"a", "b"}, 1, 1, 1},
		{"English only", []string{"a"}, 1, 0.5, 1},
		{"one wrong", []string{"b", "c"}, 0.5, 0.5, 0},
		{"repeated ids count once", []string{"a", "a", "d"}, 0.5, 0.5, 1},
		{"nothing", nil, -1, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := scoreUnits(tt.flagged, 1, tr)
			if s.precision() != tt.prec || s.recall() != tt.rec || s.englishRecall() != tt.en {
				t.Errorf("got precision %v recall %v English recall %v, want %v %v %v",
					s.precision(), s.recall(), s.englishRecall(), tt.prec, tt.rec, tt.en)
			}
			if s.baselinePrecision() != 0.5 || s.New != 1 || s.Inserted != 2 {
				t.Errorf("got baseline precision %v, new %d, inserted %d; want 0.5, 1, 2", s.baselinePrecision(), s.New, s.Inserted)
			}
		})
	}
}

func sorted(xs ...string) []string {
	sort.Strings(xs)
	return xs
}
