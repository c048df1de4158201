// Package sync works out which translated units of a Hugo site are stale:
// it finds the source version each translation was made from (its base),
// diffs that version against the current source and carries each change
// to the translated units aligned with it.
//
//	cfg, _ := site.LoadConfig(root)
//	report, err := sync.Status(ctx, root, sync.Options{Config: cfg, Langs: []string{"ja"}})
//	if err != nil {
//		return err
//	}
//	for _, p := range report.Pages {
//		fmt.Println(p.Translation, p.State, len(p.Units))
//	}
//
// The stages live in sub-packages, each importing only those before it:
// history (git, read once), site (layout, walk, pairing), change (source
// diff, pure), align (unit alignment, pure) and edit (byte-preserving
// writes). This package owns provenance (bases), unit and page states,
// the Report, and the planners of accept, mark, stub and fix. Callers that
// also need the standard library's sync import this one as isync.
package sync
