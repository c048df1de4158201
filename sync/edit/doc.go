// Package edit changes pages byte for byte: front matter fields set or
// removed in the page's own syntax (YAML, TOML or JSON, comments, quoting,
// BOM and line endings kept), stubs, and mechanical source changes carried
// into translations. Edits are planned as FileEdits first, shown as a
// unified diff, and applied atomically.
//
//	out, err := edit.SetField(doc, "outdated", edit.Bool(true))
//	if err != nil {
//		return err
//	}
//	plan := []edit.FileEdit{{Path: doc.Path, Before: doc.Src, After: out, Reason: "mark"}}
//	fmt.Print(edit.UnifiedDiff(plan[0])) // --dry-run
//	errs := edit.Apply(root, plan)       // temp file + rename, refusals as errors
package edit
