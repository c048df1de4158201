package edit

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/cnpe-i18n/cnpe-i18n/sync/site"
)

// FileEdit is one file a write command changes or creates. Commands first
// return their edits (the plan), which is shown as a unified diff with
// --dry-run and applied with --write.
type FileEdit struct {
	// Path is relative to the root, with forward slashes.
	Path string
	// Before is the content the plan was made from; nil for a new file.
	Before []byte
	After  []byte
	// Reason says why, for people.
	Reason string
}

// Changed reports whether the edit changes anything.
func (e FileEdit) Changed() bool { return e.Before == nil || !bytes.Equal(e.Before, e.After) }

// Errors of Apply, for errors.Is.
var (
	ErrChangedOnDisk = errors.New("changed on disk since it was read; not overwritten (run again)")
	ErrReadOnly      = errors.New("file is read-only; not changed")
	ErrExists        = errors.New("file already exists; not overwritten")
)

// Apply writes the edits under root, each atomically: the new content goes
// to a temporary file in the same directory, which is renamed over the
// old one. A file whose content is no longer Before, a read-only file,
// and a new file whose path exists are refused. It returns one error per
// refused or failed edit; the others are written.
func Apply(root string, edits []FileEdit) []error {
	var errs []error
	for _, e := range edits {
		if !e.Changed() {
			continue
		}
		if err := apply(root, e); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", e.Path, err))
		}
	}
	return errs
}

func apply(root string, e FileEdit) error {
	p := filepath.Join(root, filepath.FromSlash(e.Path))
	if !inside(root, p) {
		return fmt.Errorf("path leaves the repository")
	}
	mode := fs.FileMode(0o644)
	info, err := os.Lstat(p)
	switch {
	case e.Before == nil && err == nil:
		return ErrExists
	case e.Before == nil && errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
	case err != nil:
		return err
	case info.Mode()&fs.ModeSymlink != 0:
		// Write through the link to its target, which must stay inside.
		target, err := filepath.EvalSymlinks(p)
		if err != nil {
			return err
		}
		if !inside(root, target) {
			return site.ErrOutsideRoot
		}
		p = target
		if info, err = os.Stat(p); err != nil {
			return err
		}
		fallthrough
	default:
		if info.Mode().Perm()&0o200 == 0 {
			return ErrReadOnly
		}
		mode = info.Mode().Perm()
		cur, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if !bytes.Equal(cur, e.Before) {
			return ErrChangedOnDisk
		}
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), "."+filepath.Base(p)+".cnpe-i18n-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename, this fails harmlessly
	if _, err := tmp.Write(e.After); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), p)
}

func inside(root, p string) bool {
	rootReal, err := filepath.EvalSymlinks(root)
	if err != nil {
		rootReal = root
	}
	dir := filepath.Dir(p)
	for {
		if _, err := os.Stat(dir); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	realDir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(rootReal, realDir)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, "../")
}

// UnifiedDiff renders an edit as a unified diff (3 lines of context),
// with go-diff computing the line diff.
func UnifiedDiff(e FileEdit) string {
	if !e.Changed() {
		return ""
	}
	from := "a/" + e.Path
	if e.Before == nil {
		from = "/dev/null"
	}
	dmp := diffmatchpatch.New()
	a, b, lines := dmp.DiffLinesToRunes(string(e.Before), string(e.After))
	diffs := dmp.DiffMainRunes(a, b, false)
	type line struct {
		op   byte
		text string
	}
	var all []line
	for _, d := range diffs {
		op := byte(' ')
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			op = '-'
		case diffmatchpatch.DiffInsert:
			op = '+'
		}
		for _, r := range d.Text {
			all = append(all, line{op, lines[r]})
		}
	}
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ b/%s\n", from, e.Path)
	const context = 3
	for i := 0; i < len(all); {
		if all[i].op == ' ' {
			i++
			continue
		}
		// A hunk: from context lines before the change to context lines
		// after the last change within reach.
		start := max(0, i-context)
		end := i
		for end < len(all) {
			if all[end].op != ' ' {
				end++
				continue
			}
			next := end
			for next < len(all) && all[next].op == ' ' {
				next++
			}
			if next < len(all) && next-end <= 2*context {
				end = next
				continue
			}
			end = min(len(all), end+context)
			break
		}
		oldStart, newStart := 1, 1
		for _, l := range all[:start] {
			if l.op != '+' {
				oldStart++
			}
			if l.op != '-' {
				newStart++
			}
		}
		oldN, newN := 0, 0
		for _, l := range all[start:end] {
			if l.op != '+' {
				oldN++
			}
			if l.op != '-' {
				newN++
			}
		}
		if oldN == 0 {
			oldStart--
		}
		if newN == 0 {
			newStart--
		}
		fmt.Fprintf(&out, "@@ -%d,%d +%d,%d @@\n", oldStart, oldN, newStart, newN)
		for _, l := range all[start:end] {
			text := strings.TrimSuffix(l.text, "\n")
			fmt.Fprintf(&out, "%c%s\n", l.op, text)
			if !strings.HasSuffix(l.text, "\n") {
				out.WriteString("\\ No newline at end of file\n")
			}
		}
		i = end
	}
	return out.String()
}
