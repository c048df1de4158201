package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// ErrPathOutside is a path that names a place out of the root.
var ErrPathOutside = errors.New("path leads out of the repository; not read")

// Within returns the file path of rel (relative to root, slashes) after
// resolving symlinks, or an error wrapping ErrOutsideRoot when it leads
// out of the root. A path that does not exist is judged by its nearest
// existing parent.
func Within(root, rel string) (string, error) {
	rootReal, err := filepath.EvalSymlinks(root)
	if err != nil {
		return "", err
	}
	p := filepath.Join(rootReal, filepath.FromSlash(rel))
	if filepath.IsAbs(filepath.FromSlash(rel)) || !inside(rootReal, p) {
		return "", ErrPathOutside
	}
	// Resolve the deepest part that exists; what follows cannot be a link.
	existing, rest := p, ""
	for {
		if _, err := os.Lstat(existing); err == nil {
			break
		}
		parent := filepath.Dir(existing)
		if parent == existing {
			break
		}
		rest = filepath.Join(filepath.Base(existing), rest)
		existing = parent
	}
	real, err := filepath.EvalSymlinks(existing)
	if err != nil {
		if strings.Contains(err.Error(), "too many links") {
			return "", ErrSymlinkLoop
		}
		return "", err
	}
	if !inside(rootReal, real) {
		return "", ErrOutsideRoot
	}
	return filepath.Join(real, rest), nil
}

func inside(rootReal, real string) bool {
	rel, err := filepath.Rel(rootReal, real)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// CheckPaths refuses the paths of the configuration file that lead out of
// the root (after links): the site, the glossary and the content
// directories. The error names the key, not the path, so a report never
// shows where outside the repository it pointed.
func (c Config) CheckPaths(root string) error {
	var errs []error
	check := func(key, rel string) {
		if rel == "" {
			return
		}
		if _, err := Within(root, rel); errors.Is(err, ErrPathOutside) || errors.Is(err, ErrOutsideRoot) || errors.Is(err, ErrSymlinkLoop) {
			errs = append(errs, fmt.Errorf("%s: %s: %w", ConfigFile, key, ErrPathOutside))
		}
	}
	check("site", c.Site)
	check("glossary", c.Glossary)
	for code, dir := range c.Content {
		check("content."+code, dir)
	}
	return errors.Join(errs...)
}

// errNotRegular reports a page path that is not a regular file (a FIFO, a
// device): reading it could block or never end.
var errNotRegular = errors.New("not a regular file; not read")

// isRegular reports whether the directory entry (or, for a link, its
// target's info) is a regular file.
func isRegular(m fs.FileMode) bool { return m.IsRegular() }

// ReadFileIn reads the file at rel under root after checking that it
// stays inside the root once links are resolved, that it is a regular
// file, and that it holds at most limit bytes (parse.DefaultMaxBytes when
// 0). Every file a repository names (string tables, configuration,
// glossary) is read so.
func ReadFileIn(root, rel string, limit int) ([]byte, error) {
	if limit <= 0 {
		limit = parse.DefaultMaxBytes
	}
	p, err := Within(root, rel)
	if err != nil {
		return nil, err
	}
	data, err := ReadFile(p, limit)
	if err == nil && len(data) > limit {
		return nil, fmt.Errorf("larger than %d bytes; not read", limit)
	}
	return data, err
}
