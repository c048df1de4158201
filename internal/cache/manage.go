package cache

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Info describes a store's contents.
type Info struct {
	Dir     string          `json:"dir"`
	Entries int             `json:"entries"`
	Bytes   int64           `json:"bytes"`
	Limit   int64           `json:"limit"`
	Kinds   map[string]Kind `json:"kinds"`
}

// Kind counts the entries of one kind.
type Kind struct {
	Entries int   `json:"entries"`
	Bytes   int64 `json:"bytes"`
}

type entryFile struct {
	path  string
	kind  string
	size  int64
	mtime time.Time
}

// files lists the store's entry files and left-over temporary files
// (kind "").
func (s *Store) files() ([]entryFile, error) {
	var out []entryFile
	err := filepath.WalkDir(s.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == s.dir {
				return err
			}
			return nil // a directory removed under us
		}
		if !d.Type().IsRegular() {
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(s.dir, p)
		kind := ""
		if parts := strings.Split(filepath.ToSlash(rel), "/"); len(parts) == 3 && !strings.HasPrefix(parts[2], ".tmp-") {
			kind = parts[0]
		}
		out = append(out, entryFile{path: p, kind: kind, size: fi.Size(), mtime: fi.ModTime()})
		return nil
	})
	if os.IsNotExist(err) {
		err = nil
	}
	return out, err
}

// Info reports what the store holds.
func (s *Store) Info() (Info, error) {
	info := Info{Dir: s.dir, Limit: s.limit, Kinds: map[string]Kind{}}
	files, err := s.files()
	for _, f := range files {
		if f.kind == "" {
			continue
		}
		k := info.Kinds[f.kind]
		k.Entries++
		k.Bytes += f.size
		info.Kinds[f.kind] = k
		info.Entries++
		info.Bytes += f.size
	}
	return info, err
}

// Clear removes every entry (all of them, of every tool version) and
// reports what it removed; with dryRun it only reports.
func (s *Store) Clear(dryRun bool) (Info, error) {
	info, err := s.Info()
	if err != nil || dryRun {
		return info, err
	}
	files, err := s.files()
	if err != nil {
		return info, err
	}
	for _, f := range files {
		if rerr := os.Remove(f.path); rerr != nil && !os.IsNotExist(rerr) && err == nil {
			err = rerr
		}
	}
	return info, err
}

// Trim removes the least recently used entries until the store is
// within its limit, and temporary files older than an hour (left by a
// run that was killed). A run that added nothing leaves the store as
// it is. It returns the number of files removed.
func (s *Store) Trim() int {
	if s == nil || s.puts.Load() == 0 {
		return 0 // nothing was added: the store cannot have grown
	}
	files, err := s.files()
	if err != nil {
		return 0
	}
	removed := 0
	var total int64
	var entries []entryFile
	for _, f := range files {
		if f.kind == "" {
			if time.Since(f.mtime) > time.Hour && os.Remove(f.path) == nil {
				removed++
			}
			continue
		}
		entries = append(entries, f)
		total += f.size
	}
	if total <= s.limit {
		return removed
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].mtime.Before(entries[j].mtime) })
	for _, f := range entries {
		if total <= s.limit {
			break
		}
		if os.Remove(f.path) == nil {
			removed++
		}
		total -= f.size
	}
	return removed
}
