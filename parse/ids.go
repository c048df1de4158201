package parse

import (
	"strconv"
	"strings"
	"unicode"
)

// cellPos places a table cell: table number in the page, row (0 is the
// header) and column.
type cellPos struct{ table, row, col int }

// assignIDs gives units ordered by position their IDs: section slug, kind
// and ordinal within the section. Headings are deduplicated the way Hugo
// deduplicates anchors (a second "Usage" is "usage-1").
func assignIDs(units []Unit) {
	section := "_"
	seen := map[string]int{} // headings, front matter keys and cells: a few
	// count is the ordinal of each kind in the section, looked up by
	// section at headings only (a heading "_" goes on with the first one).
	count := make([]int, len(kindNames))
	counts := map[string][]int{section: count}
	tables := map[int]int{}
	for i := range units {
		u := &units[i]
		switch u.Kind {
		case FrontMatter:
			u.Section = "front_matter"
			// Keys may repeat when they differ only in how they are written.
			u.ID = unique(seen, "front_matter/"+u.Key)
			continue
		case Heading:
			slug := u.Section // set by the segmenter: explicit id or text slug
			if slug == "" {
				slug = "heading"
			}
			base := slug
			for n := seen[base]; seen[slug] > 0; n++ {
				slug = base + "-" + strconv.Itoa(n)
			}
			seen[base]++
			if slug != base {
				seen[slug]++
			}
			section = slug
			if count = counts[slug]; count == nil {
				count = make([]int, len(kindNames))
				counts[slug] = count
			}
			u.Section = slug
			u.ID = slug + "/heading"
			continue
		}
		u.Section = section
		if u.cell != nil {
			t, ok := tables[u.cell.table]
			if !ok {
				count[TableCell]++
				t = count[TableCell]
				tables[u.cell.table] = t
			}
			// An HTML cell may hold several runs of text.
			u.ID = unique(seen, section+"/table-"+strconv.Itoa(t)+"/r"+strconv.Itoa(u.cell.row)+"c"+strconv.Itoa(u.cell.col))
			continue
		}
		// Section slugs are unique and ordinals count per section and
		// kind, so these IDs need no check against the others.
		count[u.Kind]++
		u.ID = section + "/" + u.Kind.String() + "-" + strconv.Itoa(count[u.Kind])
	}
}

// unique returns id, or id with the first free "#N" suffix, and records it.
func unique(seen map[string]int, id string) string {
	base := id
	for n := 2; seen[id] > 0; n++ {
		id = base + "#" + strconv.Itoa(n)
	}
	seen[id]++
	return id
}

// Slug turns heading text into an anchor the way Hugo's default
// anchorizer does: lower case, letters and digits kept (in any script),
// spaces to hyphens, other punctuation dropped.
func Slug(text string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(text)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-':
			b.WriteRune(r)
		case unicode.IsSpace(r):
			b.WriteByte('-')
		}
	}
	return b.String()
}
