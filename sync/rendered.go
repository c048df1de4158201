package sync

import (
	"context"
	"encoding/binary"
	"slices"
	"strings"

	"github.com/cnpe-i18n/cnpe-i18n/internal/cache"
	"github.com/cnpe-i18n/cnpe-i18n/sync/site"
)

const kindRendered = "rendered"

// Rendered is what a command made of a report: its output, and a
// summary of its own (what it needs for its exit status), kept together.
type Rendered struct {
	Output  []byte
	Summary []byte
}

// StatusRendered is Status, then render, through the cache: when every
// input of the report (reportKey) is as it was in an earlier run of the
// same variant (the command's format and flags), that run's rendering is
// returned and no report is made. Without a cache it is render(Status).
func StatusRendered(ctx context.Context, root string, opts Options, variant string, render func(*Report) (Rendered, error)) (Rendered, error) {
	s, err := Load(ctx, root, opts)
	if err != nil {
		return Rendered{}, err
	}
	defer s.Close()
	if !s.scoped {
		if err := site.CheckPins(s.Config, s.pages, s.Layout.Source); err != nil {
			return Rendered{}, err
		}
	}
	key, keyed := s.reportKey(opts, variant)
	if keyed {
		if data, ok := s.cache.Get(kindRendered, key); ok {
			if n, w := binary.Uvarint(data); w > 0 && n <= uint64(len(data)-w) {
				return Rendered{Summary: data[w : w+int(n)], Output: data[w+int(n):]}, nil
			}
		}
	}
	r, err := render(s.Status(opts))
	if err != nil {
		return r, err
	}
	// What was made from blobs the repository lacks may change when they
	// are fetched: it is not kept.
	if keyed && s.missingBlobs.Load() == 0 {
		data := binary.AppendUvarint(nil, uint64(len(r.Summary)))
		data = append(append(data, r.Summary...), r.Output...)
		s.cache.Put(kindRendered, key, data)
	}
	return r, nil
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
