package sync

import (
	"context"
	"errors"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	gosync "sync"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// Options select what Status looks at.
type Options struct {
	Config Config
	// Langs restricts the translation languages (codes); empty means all.
	Langs []string
	// Paths restricts the pages: site paths relative to the root, or
	// directories holding them, in any language.
	Paths []string
	// NoHistory skips git: bases come from pins only.
	NoHistory bool
	// Jobs is the number of pages worked on at once; 0 means GOMAXPROCS.
	Jobs int
}

// Page is a parsed page.
type Page struct {
	File
	Src []byte
	Doc *parse.Document
}

// Site is a loaded site: its layout, its pages and its history.
type Site struct {
	Layout   *Layout
	Config   Config
	Pages    []*Page
	History  *History
	HistInfo HistoryInfo
	Problems []FileProblem

	cache docCache
}

// Load reads the site under root: layout, pages (parsed concurrently) and,
// unless opts.NoHistory, its git history in one pass.
func Load(ctx context.Context, root string, opts Options) (*Site, error) {
	cfg := opts.Config
	layout, err := DetectLayout(root, cfg)
	if err != nil {
		return nil, err
	}
	s := &Site{Layout: layout, Config: cfg, cache: docCache{m: map[string]*parse.Document{}}}
	files, problems := layout.Files(cfg)
	for _, p := range problems {
		s.Problems = append(s.Problems, FileProblem{Path: p.Path, Message: p.Err.Error()})
	}
	s.Pages = s.parseAll(files, opts.Jobs)
	if !opts.NoHistory {
		s.loadHistory(ctx)
	} else {
		s.HistInfo.Message = "history not read (--no-history): bases come from pins only"
	}
	return s, nil
}

func (s *Site) parseAll(files []File, jobs int) []*Page {
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	pcfg := parse.Config{TranslatableKeys: s.Config.TranslatableKeys}
	pages := make([]*Page, len(files))
	errs := make([]error, len(files))
	var wg gosync.WaitGroup
	next := make(chan int)
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f := files[i]
				src, err := readLimited(filepath.Join(s.Layout.Root, filepath.FromSlash(f.Path)), pcfg.MaxBytes)
				if err != nil {
					errs[i] = &parse.Error{Path: f.Path, Err: unwrapPath(err)}
					continue
				}
				doc, err := pcfg.Parse(f.Path, src)
				if err != nil {
					errs[i] = err
					continue
				}
				pages[i] = &Page{File: f, Src: src, Doc: doc}
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	var out []*Page
	for i, p := range pages {
		if p != nil {
			out = append(out, p)
			continue
		}
		s.Problems = append(s.Problems, problemOf(files[i].Path, errs[i]))
	}
	return out
}

func problemOf(path string, err error) FileProblem {
	var pe *parse.Error
	if errors.As(err, &pe) {
		return FileProblem{Path: pe.Path, Line: pe.Line, Column: pe.Col, Message: pe.Err.Error()}
	}
	return FileProblem{Path: path, Message: err.Error()}
}

func readLimited(p string, limit int) ([]byte, error) {
	if limit <= 0 {
		limit = parse.DefaultMaxBytes
	}
	info, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if info.Size() > int64(limit) {
		// Read no more than the limit: parse reports the size.
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		buf := make([]byte, limit+1)
		n, _ := f.Read(buf)
		return buf[:n], nil
	}
	return os.ReadFile(p)
}

func (s *Site) loadHistory(ctx context.Context) {
	var specs []string
	seen := map[string]bool{}
	for _, p := range s.Pages {
		dir := path.Dir(p.Real)
		if !seen[dir] {
			seen[dir] = true
			specs = append(specs, dir)
		}
	}
	h, err := ReadHistory(ctx, s.Layout.Root, minimalDirs(specs))
	if err != nil {
		s.HistInfo.Message = err.Error() + "; bases come from pins only (in CI, check out with fetch-depth: 0)"
		return
	}
	s.History = h
	s.HistInfo = HistoryInfo{Available: true, Shallow: h.Shallow(), Commits: h.Commits()}
	if h.Shallow() {
		s.HistInfo.Message = "shallow clone: translations made before the first fetched commit have no base; check out with fetch-depth: 0"
	}
}

// minimalDirs drops directories inside others of the list; too many
// pathspecs slow git down, so past a hundred the whole tree is read.
func minimalDirs(dirs []string) []string {
	sort.Strings(dirs)
	var out []string
	for _, d := range dirs {
		if d == "." {
			return nil
		}
		if n := len(out); n > 0 && (d == out[n-1] || strings.HasPrefix(d, out[n-1]+"/")) {
			continue
		}
		out = append(out, d)
	}
	if len(out) > 100 {
		return nil
	}
	return out
}

// Close releases the site's git processes.
func (s *Site) Close() error { return s.History.Close() }

// docCache holds parsed historical versions by blob id.
type docCache struct {
	mu gosync.Mutex
	m  map[string]*parse.Document
}

// blobDoc returns the parsed blob, nil when it is not in the repository.
func (s *Site) blobDoc(id, name string) (*parse.Document, error) {
	s.cache.mu.Lock()
	doc, ok := s.cache.m[id]
	s.cache.mu.Unlock()
	if ok {
		return doc, nil
	}
	data, found, err := s.History.Blob(id)
	if err != nil {
		return nil, err
	}
	if found {
		doc, err = parse.Config{TranslatableKeys: s.Config.TranslatableKeys}.Parse(name+"@"+id[:min(12, len(id))], data)
		if err != nil {
			// An old version that does not parse cannot be a base.
			doc = nil
		}
	}
	s.cache.mu.Lock()
	s.cache.m[id] = doc
	s.cache.mu.Unlock()
	return doc, nil
}
