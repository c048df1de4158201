// Package align pairs the units of a source page with the units of its
// translation, surviving merged and split paragraphs, dropped blank lines
// and localized links. It is pure: documents in, pairs out.
//
//	for _, p := range align.Align(en, ja, align.Options{}) {
//		fmt.Println(p.Source, "→", p.Target) // indexes into Units
//	}
//
// Profile summarizes a page's untranslated skeleton (unit kinds and
// anchors), by which base inference and rename suggestions compare pages.
package align
