// Package align pairs the units of a source page with the units of its
// translation, surviving merged and split paragraphs, dropped blank lines,
// localized links and list items or table rows put in another order. It
// is pure: documents in, pairs out.
//
//	for _, p := range align.Align(en, ja, align.Options{}) {
//		fmt.Println(p.Source, "→", p.Target) // indexes into Units
//	}
//
// The dynamic programming table is a band around the diagonal, one byte a
// cell, bounded by MaxCells whatever the page's length: a page too long
// for a full band is cut at anchors first (units found verbatim once on
// each side).
//
// Profile summarizes a page's untranslated skeleton (unit kinds and
// anchors), by which base inference and rename suggestions compare pages.
package align
