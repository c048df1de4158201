// Package history reads a repository's git history for the tool, and runs
// every git command through one hardened runner (no pager, no prompt, no
// filesystem monitor, no external diff or text conversion).
//
//	h, err := history.ReadHistory(ctx, root, []string{"content"})
//	if err != nil {
//		return err // errors.Is(err, history.ErrNoHistory): not a repository
//	}
//	defer h.Close()
//	for _, v := range h.Versions("content/en/docs/intro.md") {
//		data, found, _ := h.Blob(v.Blob) // newest first
//		_, _ = data, found
//	}
//
// The log is read in one "git log" pass over the pages (and one more,
// beside it, over the single files: configuration and string tables)
// and blobs through long-running "git cat-file --batch" processes, never
// a process per file.
package history
