package sync

import (
	"context"
	"encoding/binary"
	"io"
	"slices"
	"strings"

	"github.com/cnpe-i18n/cnpe-i18n/internal/cache"
	"github.com/cnpe-i18n/cnpe-i18n/sync/site"
)

const kindRendered = "rendered"

// StatusJSON is Status written as JSON (WriteJSON), with a summary of
// it that summarize makes from the report's outline (what the command
// needs for its exit status), through the cache:
//   - when every input of the report (reportKey) is as it was in the last
//     run of the same variant (command, flags) and scope, that run's
//     output and summary are returned and no report is made;
//   - else the output is spliced: the JSON of each page whose group is
//     unchanged is copied from the group's entry, and only the groups
//     that changed are made and encoded.
//
// The output is streamed from the cache entry, or written from the
// report, not held in memory twice; close it.
func StatusJSON(ctx context.Context, root string, opts Options, variant string,
	summarize func(*Outline) ([]byte, error)) (summary []byte, output io.ReadCloser, err error) {
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
	slot := renderedSlot(opts, variant)
	key, keyed := s.reportKey(opts, variant)
	if keyed {
		if sum, out, ok := s.cachedRendering(slot, key); ok {
			return sum, out, nil
		}
	}
	r := s.status(opts, true)
	sum, err := summarize(r.Outline())
	if err != nil {
		return nil, nil, err
	}
	rr := &reportReader{r: r}
	// What was made from blobs the repository lacks may change when they
	// are fetched: it is not kept. The entry is written with the output,
	// from the same JSON.
	if keyed && s.missingBlobs.Load() == 0 {
		if w, err := s.cache.Create(kindRendered, slot); err == nil {
			w.Write(key[:])
			rr.keep, rr.sum = w, sum
		}
	}
	return sum, rr, nil
}

// reportReader reads a report's JSON, written as it is read; with keep,
// the same bytes go into the report's cache entry.
type reportReader struct {
	r    *Report
	keep *cache.Pending // the entry, its key written; nil once written
	sum  []byte         // the summary, which ends the entry
	pipe *io.PipeReader
	done chan struct{} // closed when the pipe's writer has finished
}

// write writes the JSON to w, and into the entry when there is one: the
// entry is kept when the whole output was written.
func (rr *reportReader) write(w io.Writer) error {
	keep := rr.keep
	if keep == nil {
		return writeJSON(w, rr.r)
	}
	rr.keep = nil
	err := writeJSON(teeWriter{w, keep}, rr.r)
	if err != nil {
		keep.Abort()
		return err
	}
	keep.Write(rr.sum)
	keep.Write(binary.LittleEndian.AppendUint64(nil, uint64(len(rr.sum))))
	keep.Commit() // an entry that fails to be written is a later miss
	return nil
}

// WriteTo writes the JSON to w (io.Copy's way, without a pipe).
func (rr *reportReader) WriteTo(w io.Writer) (int64, error) {
	if rr.pipe != nil { // Read began: the rest comes through the pipe
		return io.Copy(w, rr.pipe)
	}
	cw := &countWriter{w: w}
	err := rr.write(cw)
	return cw.n, err
}

func (rr *reportReader) Read(p []byte) (int, error) {
	if rr.pipe == nil {
		pr, pw := io.Pipe()
		rr.pipe, rr.done = pr, make(chan struct{})
		go func() {
			defer close(rr.done)
			pw.CloseWithError(rr.write(pw))
		}()
	}
	return rr.pipe.Read(p)
}

// Close waits for the output to be in the cache. An output not read at
// all is written to the cache only; one read in part is not kept.
func (rr *reportReader) Close() error {
	if rr.pipe != nil {
		rr.pipe.Close()
		<-rr.done
		return nil
	}
	if rr.keep != nil {
		rr.write(io.Discard)
	}
	return nil
}

// teeWriter writes to w and to the cache entry; the entry keeps its own
// error (it is then not committed), which does not stop the output.
type teeWriter struct {
	w    io.Writer
	keep *cache.Pending
}

func (t teeWriter) Write(p []byte) (int, error) {
	n, err := t.w.Write(p)
	t.keep.Write(p[:n])
	return n, err
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// renderedSlot is the key of the one entry that keeps the last output of
// a variant and scope: each new commit replaces it rather than adding an
// entry of the size of the output.
func renderedSlot(opts Options, variant string) cache.Key {
	return cache.KeyOf(scopeParts(opts, variant)...)
}

// scopeParts are the key parts of a variant (command, flags) and scope
// (languages, paths, change set): what renderedSlot is made of, and the
// first parts of reportKey.
func scopeParts(opts Options, variant string) []string {
	parts := []string{kindRendered, cacheFormat, variant, digest(opts.Langs), digest(opts.Paths), digest(opts.NoHistory)}
	if sc := opts.Since; sc != nil {
		parts = append(parts, digest(sc), digest(sc.Added), digest(sc.Deleted))
	}
	return parts
}

// cachedRendering reads the rendering in slot when it was made under
// key: the key (32 bytes), the output, the summary, and the summary's
// length (8 bytes).
func (s *Site) cachedRendering(slot, key cache.Key) ([]byte, io.ReadCloser, bool) {
	sec, c, ok := s.cache.StreamPrefixed(kindRendered, slot, key[:])
	if !ok {
		return nil, nil, false
	}
	size := sec.Size()
	var tail [8]byte
	var made cache.Key
	if size < int64(8+len(made)) {
		c.Close()
		return nil, nil, false
	}
	if _, err := sec.ReadAt(tail[:], size-8); err != nil {
		c.Close()
		return nil, nil, false
	}
	m := binary.LittleEndian.Uint64(tail[:])
	if m > uint64(size-8-int64(len(made))) {
		c.Close()
		return nil, nil, false
	}
	sum := make([]byte, m)
	if _, err := sec.ReadAt(sum, size-8-int64(m)); err != nil {
		c.Close()
		return nil, nil, false
	}
	out := io.NewSectionReader(sec, int64(len(made)), size-8-int64(m)-int64(len(made)))
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
	if s.History == nil && !s.noHistory {
		return cache.Key{}, false // why it is missing may change without a trace here
	}
	state, ok := s.stateParts(s.HistInfo)
	if !ok {
		return cache.Key{}, false
	}
	parts := append(scopeParts(opts, variant), state...)
	parts = append(parts, s.historyOf, digest(s.Problems()))
	if opts.Glossary != nil {
		parts = append(parts, digest(opts.Glossary))
	}
	// Every page, in path order.
	digests := s.entryDigests()
	pages := slices.Clone(s.pages)
	slices.SortFunc(pages, func(a, b *site.Entry) int { return strings.Compare(a.Path, b.Path) })
	for _, e := range pages {
		blob, ok := s.blobs[e.Path]
		if !ok {
			return cache.Key{}, false
		}
		parts = append(parts, digests[e], blob)
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
	return cache.KeyOf(parts...), true
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
