package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// File is a Markdown page of one language.
type File struct {
	Lang string `json:"lang"`
	// Path is the page's path relative to the root as the site sees it,
	// through symlinked directories ("website/content/en/resources/whitepaper/latest/index.md").
	Path string `json:"path"`
	// Real is the path of the file on disk relative to the root, symlinks
	// resolved ("platforms-whitepaper/latest/index.md"); history follows it.
	Real string `json:"real"`
	// Rel is the path relative to the language's content directory with
	// any language suffix removed: what pairs a page with its translations.
	Rel string `json:"rel"`
}

// Problem is a path that could not be used, and why.
type Problem struct {
	Path string
	Err  error
}

// Errors for links the walk refuses.
var (
	ErrOutsideRoot = errors.New("symlink leads out of the repository; not followed")
	ErrSymlinkLoop = errors.New("symlink loop; not followed")
)

// Files lists the Markdown pages of every language, following symlinks
// that stay inside the root. Links that leave the root, loop or dangle
// are reported as problems and skipped.
func (l *Layout) Files(cfg Config) ([]File, []Problem) {
	return l.FilesOf(cfg, nil)
}

// FilesOf is Files for the source language and langs (all when langs is
// empty): only the content directories of those languages are walked (on
// kubernetes/website, two of sixteen for one language). A layout whose
// languages share a content directory (Suffixed) is walked whole. The
// pages of other languages may still be listed (a content directory
// inside another's), as Files lists them.
func (l *Layout) FilesOf(cfg Config, langs []string) ([]File, []Problem) {
	w := walker{layout: l, cfg: cfg, seenDirs: map[string]string{}}
	walked := func(string) bool { return true }
	if len(langs) > 0 && !l.Suffixed {
		dirs := map[string]bool{}
		for _, lang := range l.Languages {
			if lang.Code == l.Source || slices.Contains(langs, lang.Code) {
				dirs[lang.ContentDir] = true
			}
		}
		walked = func(dir string) bool { return dirs[dir] }
	}
	rootReal, err := filepath.EvalSymlinks(l.Root)
	if err != nil {
		return nil, []Problem{{Path: l.Root, Err: err}}
	}
	w.rootReal = rootReal
	done := map[string]bool{}
	for _, lang := range l.Languages {
		if done[lang.ContentDir] || !walked(lang.ContentDir) {
			continue
		}
		done[lang.ContentDir] = true
		dir := filepath.Join(l.Root, filepath.FromSlash(lang.ContentDir))
		if _, err := os.Stat(dir); err != nil {
			w.problems = append(w.problems, Problem{Path: lang.ContentDir, Err: fmt.Errorf("content directory of %q: %w", lang.Code, unwrapPath(err))})
			continue
		}
		w.lang = lang
		if _, err := Within(w.rootReal, lang.ContentDir); err != nil {
			// A path out of the repository is named by its language, not
			// its path: where outside it points is nobody's business.
			name := lang.ContentDir
			if c := path.Clean(name); c == ".." || strings.HasPrefix(c, "../") || path.IsAbs(c) || filepath.IsAbs(name) {
				name = l.configName()
			}
			w.problems = append(w.problems, Problem{Path: name, Err: fmt.Errorf("content directory of %q: %w", lang.Code, err)})
			continue
		}
		w.walkDir(lang.ContentDir, nil)
	}
	return w.files, w.problems
}

type walker struct {
	layout   *Layout
	cfg      Config
	rootReal string
	lang     Language
	files    []File
	problems []Problem
	seenDirs map[string]string
}

// walkDir walks the directory at the site path p (relative to the root).
// stack holds the real directories being walked, to catch loops.
func (w *walker) walkDir(p string, stack []string) {
	full := filepath.Join(w.layout.Root, filepath.FromSlash(p))
	real, err := filepath.EvalSymlinks(full)
	if err != nil {
		w.problems = append(w.problems, Problem{Path: p, Err: unwrapPath(err)})
		return
	}
	if !w.inside(real) {
		w.problems = append(w.problems, Problem{Path: p, Err: ErrOutsideRoot})
		return
	}
	for _, s := range stack {
		if s == real {
			w.problems = append(w.problems, Problem{Path: p, Err: ErrSymlinkLoop})
			return
		}
	}
	stack = append(stack, real)
	entries, err := os.ReadDir(full)
	if err != nil {
		w.problems = append(w.problems, Problem{Path: p, Err: unwrapPath(err)})
		return
	}
	for _, e := range entries {
		child := path.Join(p, e.Name())
		switch {
		case e.Type()&fs.ModeSymlink != 0:
			w.link(child, stack)
		case e.IsDir():
			if !strings.HasPrefix(e.Name(), ".") {
				w.walkDir(child, stack)
			}
		case isMarkdown(e.Name()) && !isRegular(e.Type()):
			w.problems = append(w.problems, Problem{Path: child, Err: errNotRegular})
		case isMarkdown(e.Name()):
			w.add(child, filepath.Join(real, e.Name()))
		case path.Ext(e.Name()) == "" && isRegular(e.Type()):
			w.storedLink(child, stack)
		}
	}
}

// link follows a symlink if it stays inside the root.
func (w *walker) link(p string, stack []string) {
	full := filepath.Join(w.layout.Root, filepath.FromSlash(p))
	target, err := filepath.EvalSymlinks(full)
	if err != nil {
		if strings.Contains(err.Error(), "too many links") {
			err = ErrSymlinkLoop
		}
		w.problems = append(w.problems, Problem{Path: p, Err: unwrapPath(err)})
		return
	}
	if !w.inside(target) {
		w.problems = append(w.problems, Problem{Path: p, Err: ErrOutsideRoot})
		return
	}
	info, err := os.Stat(target)
	if err != nil {
		w.problems = append(w.problems, Problem{Path: p, Err: unwrapPath(err)})
		return
	}
	switch {
	case info.IsDir():
		w.walkDir(p, stack)
	case !isMarkdown(p) && !isMarkdown(target):
	case !isRegular(info.Mode()):
		w.problems = append(w.problems, Problem{Path: p, Err: errNotRegular})
	default:
		w.add(p, target)
	}
}

// storedLink follows a symlink that a checkout stored as a small text file
// holding the target path (git with core.symlinks=false, as on Windows).
func (w *walker) storedLink(p string, stack []string) {
	full := filepath.Join(w.layout.Root, filepath.FromSlash(p))
	info, err := os.Lstat(full)
	if err != nil || info.Size() == 0 || info.Size() > 512 {
		return
	}
	data, err := os.ReadFile(full)
	if err != nil || bytes.ContainsAny(data, "\n\r\x00") {
		return
	}
	target := filepath.Join(filepath.Dir(full), filepath.FromSlash(string(data)))
	if _, err := os.Stat(target); err != nil {
		return
	}
	real, err := filepath.EvalSymlinks(target)
	if err != nil {
		return
	}
	if !w.inside(real) {
		w.problems = append(w.problems, Problem{Path: p, Err: ErrOutsideRoot})
		return
	}
	if rel, err := filepath.Rel(w.rootReal, real); err == nil {
		w.walkStored(p, filepath.ToSlash(rel), stack)
	}
}

// walkStored walks the target of a stored link: site paths keep the
// link's name, real paths are the target's.
func (w *walker) walkStored(site, real string, stack []string) {
	full := filepath.Join(w.rootReal, filepath.FromSlash(real))
	for _, s := range stack {
		if s == full {
			w.problems = append(w.problems, Problem{Path: site, Err: ErrSymlinkLoop})
			return
		}
	}
	info, err := os.Stat(full)
	if err != nil {
		return
	}
	if !info.IsDir() {
		if isMarkdown(real) && isRegular(info.Mode()) {
			w.add(site, full)
		}
		return
	}
	entries, err := os.ReadDir(full)
	if err != nil {
		return
	}
	stack = append(stack, full)
	for _, e := range entries {
		switch {
		case e.IsDir() && !strings.HasPrefix(e.Name(), "."):
			w.walkStored(path.Join(site, e.Name()), path.Join(real, e.Name()), stack)
		case isMarkdown(e.Name()) && isRegular(e.Type()):
			w.add(path.Join(site, e.Name()), filepath.Join(full, e.Name()))
		}
	}
}

func (w *walker) inside(real string) bool { return inside(w.rootReal, real) }

// configName names the site's configuration in problems about it.
func (l *Layout) configName() string {
	if l.ConfigFile != "" {
		return l.ConfigFile
	}
	return ConfigFile
}

// add records a page seen at site path p whose file is realFull on disk.
func (w *walker) add(p, realFull string) {
	realRel, err := filepath.Rel(w.rootReal, realFull)
	if err != nil {
		realRel = p
	}
	rel := strings.TrimPrefix(p, w.lang.ContentDir+"/")
	lang := w.lang.Code
	if w.layout.Suffixed {
		lang, rel = w.suffixLang(rel)
	}
	for _, pattern := range w.cfg.Ignore {
		if ok, _ := doublestar.Match(pattern, rel); ok {
			return
		}
	}
	w.files = append(w.files, File{Lang: lang, Path: p, Real: filepath.ToSlash(realRel), Rel: rel})
}

// suffixLang splits name.<lang>.md into its language and name.md; files
// without a known suffix belong to the source language.
func (w *walker) suffixLang(rel string) (string, string) {
	return suffixSplit(w.layout, rel)
}

func suffixSplit(l *Layout, rel string) (string, string) {
	w := struct{ layout *Layout }{l}
	ext := path.Ext(rel)
	base := strings.TrimSuffix(rel, ext)
	if i := strings.LastIndexByte(base, '.'); i >= 0 && !strings.Contains(base[i:], "/") {
		if code := base[i+1:]; w.layout.Language(code) != nil {
			return w.layout.Language(code).Code, base[:i] + ext
		}
	}
	return w.layout.Source, rel
}

func isMarkdown(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".md" || ext == ".markdown"
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
