package edit

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
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
	ErrSymlink       = errors.New("is a symlink; not written through")
	ErrNotRegular    = errors.New("not a regular file; not written")
)

// Apply writes the edits under root, each atomically: the new content goes
// to a temporary file in the same directory, which is renamed over the
// old one. A file whose content is no longer Before, a read-only file, a
// path that is or goes through a symlink, and a new file whose path exists
// are refused. Writers are serialised across processes by a lock on the
// root, and each file is compared with Before under that lock, so two
// commands run at once cannot both write from the same content: one of
// them is refused. It returns one error per refused or failed edit; the
// others are written.
func Apply(root string, edits []FileEdit) []error {
	rootReal, err := filepath.EvalSymlinks(root)
	if err != nil {
		return []error{err}
	}
	unlock, err := lockRoot(rootReal)
	if err != nil {
		return []error{fmt.Errorf("%s: cannot lock the repository for writing: %w", root, err)}
	}
	defer unlock()
	var errs []error
	for _, e := range edits {
		if !e.Changed() {
			continue
		}
		if err := apply(rootReal, e); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", e.Path, err))
		}
	}
	return errs
}

func apply(root string, e FileEdit) error {
	p, err := confined(root, e.Path, e.Before == nil)
	if err != nil {
		return err
	}
	mode := fs.FileMode(0o644)
	info, err := os.Lstat(p)
	switch {
	case e.Before == nil && err == nil:
		return ErrExists
	case e.Before == nil && errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return err
	case info.Mode()&fs.ModeSymlink != 0:
		return ErrSymlink
	case !info.Mode().IsRegular():
		return ErrNotRegular
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

// confined returns the file path of rel under root (a real path), after
// checking that no directory on the way is a symlink or something other
// than a directory: a write never goes through a link, whether it leads
// in or out of the repository. With create, missing directories are made
// one by one, each checked the same way.
func confined(root, rel string, create bool) (string, error) {
	clean := path.Clean("/" + rel)[1:]
	if clean == "" || clean != rel || strings.HasPrefix(rel, "../") {
		return "", fmt.Errorf("path leaves the repository")
	}
	parts := strings.Split(clean, "/")
	dir := root
	for _, part := range parts[:len(parts)-1] {
		dir = filepath.Join(dir, part)
		info, err := os.Lstat(dir)
		if errors.Is(err, fs.ErrNotExist) && create {
			if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
				return "", err
			}
			info, err = os.Lstat(dir)
		}
		switch {
		case err != nil:
			return "", err
		case info.Mode()&fs.ModeSymlink != 0:
			return "", fmt.Errorf("%s %w", filepath.ToSlash(strings.TrimPrefix(dir, root+string(filepath.Separator))), ErrSymlink)
		case !info.IsDir():
			return "", fmt.Errorf("%s is not a directory", filepath.ToSlash(strings.TrimPrefix(dir, root+string(filepath.Separator))))
		}
	}
	return filepath.Join(dir, parts[len(parts)-1]), nil
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
