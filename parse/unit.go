package parse

import (
	"encoding/json"
	"strings"
)

// Unit is one translation unit of a page.
type Unit struct {
	// ID is stable across edits elsewhere in the page: the slug of the
	// section (the nearest heading above, "_" before the first heading,
	// "front_matter" for fields), the kind and an ordinal within the section.
	ID   string `json:"id"`
	Kind Kind   `json:"kind"`
	// Key is the dotted key path of a front matter field, or the
	// shortcode's name.
	Key string `json:"key,omitempty"`
	// Level is the level of a heading (1–6).
	Level int `json:"level,omitempty"`
	// Section is the slug of the section the unit belongs to.
	Section string `json:"section"`
	// Line and EndLine are the 1-based lines of the unit's text.
	Line    int `json:"line"`
	EndLine int `json:"end_line"`
	// Start and End are the byte span of the unit's text in the file.
	Start int `json:"start"`
	End   int `json:"end"`
	// Text is the unit's Markdown source without container markers
	// (heading hashes, list bullets, block-quote markers), lines joined
	// with \n. For a front matter field it is the decoded value.
	Text         string `json:"text"`
	Translatable bool   `json:"translatable"`
	// Fingerprint changes only when the words change: whitespace is folded
	// and link targets, code, markup, HTML attributes and shortcodes are
	// masked.
	Fingerprint Fingerprint `json:"fingerprint"`
	// Plain is the text the Fingerprint is computed from: the words a
	// reader sees, whitespace folded, masked parts replaced by tokens.
	Plain string `json:"-"`
	// Anchors are the link and image targets, code and shortcode names of
	// the unit, nil when there are none. Numbers and Words are left empty:
	// AllAnchors computes them.
	Anchors *Anchors `json:"anchors,omitempty"`

	// Spans are the byte ranges of the text a reader sees (link text
	// included; code, URLs, markup and shortcodes not), in file order: where
	// terminology checks look.
	Spans []Span `json:"-"`

	cell *cellPos    // table cells only, until IDs are assigned
	full Fingerprint // the full fingerprint, when computed at parse time
}

// FullFingerprint changes with anything the page shows but white space:
// a change of it alone is mechanical (links, code, markup). It is
// computed on demand from the unit's text, as most units never need it.
func (u *Unit) FullFingerprint() Fingerprint {
	if u.full != 0 {
		return u.full
	}
	switch {
	case u.Kind == Code:
		return hash("code:" + u.Key + "\n" + u.Text)
	case u.Anchors != nil && hasReferenceLink(u.Text, *u.Anchors):
		// A reference link's target is in its definition, not in the
		// unit's text: a new target is still a change of the unit.
		return fullHash(u.Text + "\x00" + strings.Join(u.Anchors.Links, "\x00") + "\x00" + strings.Join(u.Anchors.Images, "\x00"))
	}
	return fullHash(u.Text)
}

// Span is a byte range of the file.
type Span struct{ Start, End int }

// Anchors are the untranslated parts of a unit, used to align a
// translation with its source.
type Anchors struct {
	Links      []string `json:"links,omitempty"`
	Images     []string `json:"images,omitempty"`
	Code       []string `json:"code,omitempty"`
	Numbers    []string `json:"numbers,omitempty"`
	Shortcodes []string `json:"shortcodes,omitempty"`
	// Words are Latin-script words of two or more letters (proper nouns,
	// product names and acronyms survive translation into CJK languages).
	Words []string `json:"words,omitempty"`
}

// IsZero reports whether there are no anchors.
func (a Anchors) IsZero() bool {
	return len(a.Links)+len(a.Images)+len(a.Code)+len(a.Numbers)+len(a.Shortcodes)+len(a.Words) == 0
}

// AllAnchors returns the unit's anchors with Numbers and Words, which are
// computed from Plain on demand because most units never need them.
func (u *Unit) AllAnchors() Anchors {
	var a Anchors
	if u.Anchors != nil {
		a = *u.Anchors
	}
	a.Numbers, a.Words = nil, nil
	wordsAndNumbers(&a, u.Plain)
	return a
}

// MarshalJSON writes the unit with its full fingerprint and all its
// anchors.
func (u Unit) MarshalJSON() ([]byte, error) {
	type plainUnit Unit
	v := struct {
		plainUnit
		FullFingerprint Fingerprint `json:"full_fingerprint"`
		Anchors         *Anchors    `json:"anchors,omitempty"`
	}{plainUnit: plainUnit(u), FullFingerprint: u.FullFingerprint()}
	if a := u.AllAnchors(); !a.IsZero() {
		v.Anchors = &a
	}
	return json.Marshal(v)
}
