// Package change diffs two versions of a source page unit by unit and
// classifies each change: prose, mechanical (links, code, markup),
// white space, typography, metadata, added, removed or moved. It is pure:
// documents in, changes out.
//
//	before, _ := parse.Parse("en.md", old)
//	after, _ := parse.Parse("en.md", cur)
//	for _, c := range change.DiffSource(before, after).Changes {
//		if c.Kind == change.Prose {
//			fmt.Println(c.After.ID, change.WordDiff(c.Before.Text, c.After.Text))
//		}
//	}
package change
