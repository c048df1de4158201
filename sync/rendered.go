package sync

import (
	"bytes"
	"context"
	"encoding/binary"
	"io"
	"slices"
	"strings"

	"github.com/cnpe-i18n/cnpe-i18n/internal/cache"
	"github.com/cnpe-i18n/cnpe-i18n/sync/site"
)

const kindRendered = "rendered"

// StatusRendered is Status, then render, through the cache: when every
// input of the report (reportKey) is as it was in an earlier run of the
// same variant (the command's format and flags), that run's output is
// returned and no report is made. render writes a report's output to w
// and returns a summary of it (what the command needs for its exit
// status), kept with the output. The output is streamed from the cache
// entry, not held in memory; close it.
func StatusRendered(ctx context.Context, root string, opts Options, variant string,
	render func(r *Report, w io.Writer) ([]byte, error)) (summary []byte, output io.ReadCloser, err error) {
	s, err := Load(ctx, root, opts)
	if err != nil {
		return nil, nil, err
	}
	defer s.Close()
	if !s.scoped {
		if err := site.CheckPins(s.Config, s.pages, s.Layout.Source); err != nil {
			return nil, nil, err
		}
	}
	key, keyed := s.reportKey(opts, variant)
	if keyed {
		if sum, out, ok := s.cachedRendering(key); ok {
			return sum, out, nil
		}
	}
	r := s.Status(opts)
	// What was made from blobs the repository lacks may change when they
	// are fetched: it is not kept.
	if keyed && s.missingBlobs.Load() == 0 {
		if w, err := s.cache.Create(kindRendered, key); err == nil {
			sum, err := render(r, w)
			if err != nil {
				w.Abort()
				return nil, nil, err
			}
			w.Write(sum)
			w.Write(binary.LittleEndian.AppendUint64(nil, uint64(len(sum))))
			if w.Commit() == nil {
				if sum, out, ok := s.cachedRendering(key); ok {
					return sum, out, nil
				}
			}
		}
	}
	var buf bytes.Buffer
	sum, err := render(r, &buf)
	if err != nil {
		return nil, nil, err
	}
	return sum, io.NopCloser(&buf), nil
}

// cachedRendering reads a rendering: the output, the summary, and the
// summary's length (8 bytes).
func (s *Site) cachedRendering(key cache.Key) ([]byte, io.ReadCloser, bool) {
	sec, c, ok := s.cache.Stream(kindRendered, key)
	if !ok {
		return nil, nil, false
	}
	size := sec.Size()
	var tail [8]byte
	if size < 8 {
		c.Close()
		return nil, nil, false
	}
	if _, err := sec.ReadAt(tail[:], size-8); err != nil {
		c.Close()
		return nil, nil, false
	}
	m := binary.LittleEndian.Uint64(tail[:])
	if m > uint64(size-8) {
		c.Close()
		return nil, nil, false
	}
	sum := make([]byte, m)
	if _, err := sec.ReadAt(sum, size-8-int64(m)); err != nil {
		c.Close()
		return nil, nil, false
	}
	out := io.NewSectionReader(sec, 0, size-8-int64(m))
	return sum, readCloser{out, c}, true
}

type readCloser struct {
	io.Reader
	io.Closer
}

// reportKey is the key of every input of the status report of the site
// with opts: the configuration, layout and history (the commit it
// covers), every page (entry and blob id), the string tables and site
// configuration as they are on disk, the options and the glossary. ok is
// false without a cache, or when an input is not known.
func (s *Site) reportKey(opts Options, variant string) (cache.Key, bool) {
	if s.cache == nil || (s.History != nil && s.historyOf == "") {
		return cache.Key{}, false
	}
	parts := []string{kindRendered, cacheFormat, variant, digest(s.Config), digest(s.pcfg), digest(s.Layout),
		digest(s.HistInfo), s.historyOf, digest(s.Problems())}
	if s.History == nil && !s.noHistory {
		return cache.Key{}, false // why it is missing may change without a trace here
	}
	sc := opts.Since
	if sc != nil {
		parts = append(parts, digest(sc), digest(sc.Added), digest(sc.Deleted))
	}
	parts = append(parts, digest(opts.Langs), digest(opts.Paths), digest(opts.NoHistory))
	if opts.Glossary != nil {
		parts = append(parts, digest(opts.Glossary))
	}
	// Every page, in path order.
	pages := slices.Clone(s.pages)
	slices.SortFunc(pages, func(a, b *site.Entry) int { return strings.Compare(a.Path, b.Path) })
	for _, e := range pages {
		blob, ok := s.blobs[e.Path]
		if !ok {
			return cache.Key{}, false
		}
		parts = append(parts, digest(e), blob)
	}
	// The string tables and the site configuration, read as StringReport
	// reads them.
	files := []string{s.Layout.ConfigFile}
	for _, l := range s.Layout.Languages {
		files = append(files, s.Layout.TableFile(l.Code))
	}
	for _, f := range files {
		if f == "" {
			continue
		}
		data, err := site.ReadFileIn(s.Layout.Root, f, 0)
		parts = append(parts, f, string(data), errText(err))
	}
	for _, p := range parts[3:7] {
		if p == "" {
			return cache.Key{}, false
		}
	}
	return cache.KeyOf(parts...), true
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
