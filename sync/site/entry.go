package site

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"syscall"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// Entry is what the first, quick pass keeps of a page: enough to pair
// it. Pages are parsed in full only while their group is worked on, so
// memory does not grow with the size of the site.
type Entry struct {
	File
	Key      string // translationKey front matter
	Pin      string // the pin accept writes
	HasBody  bool   // something after the front matter
	Outdated bool   // the site's own banner flag is set
	// Unreadable is a page that exists but could not be read or parsed
	// (reported as a problem): it still pairs, so that it is never taken
	// for a missing translation.
	Unreadable bool

	// A known convention's pin (index+1 in Conventions) and the flags
	// the page sets, for DetectConvention.
	convention    int
	conventionPin string
	flags         map[string]bool
}

// ReadEntry reads the front matter of the page f under root; cfg names
// the pin and flag keys.
func ReadEntry(root string, f File, pcfg parse.Config, cfg Config) (*Entry, error) {
	src, err := ReadFile(filepath.Join(root, filepath.FromSlash(f.Path)), pcfg.MaxBytes)
	if err != nil {
		return nil, parse.PathError(f.Path, err)
	}
	return EntryOf(f, src, pcfg, cfg)
}

// EntryOf is ReadEntry of a page already read.
func EntryOf(f File, src []byte, pcfg parse.Config, cfg Config) (*Entry, error) {
	pcfg.FrontMatterOnly = true
	doc, err := pcfg.Parse(f.Path, src)
	if err != nil {
		return nil, err
	}
	e := &Entry{File: f, HasBody: len(bytes.TrimSpace(src[doc.FrontMatter.End:])) > 0}
	if u := doc.Field("translationKey"); u != nil {
		e.Key = u.Text
	}
	if u := doc.Field(cfg.PinField()); u != nil {
		e.Pin = u.Text
	}
	e.Outdated = FlagSet(doc, cfg.FlagField())
	if !cfg.PinConfigured() {
		e.flags = map[string]bool{}
		for i, c := range Conventions {
			e.flags[c.Flag.Key] = FlagSet(doc, c.Flag.Key)
			if u := doc.Field(c.Pin.Key); u != nil && u.Text != "" && e.convention == 0 {
				e.convention, e.conventionPin = i+1, u.Text
			}
		}
	}
	return e, nil
}

// FlagSet reports a banner flag with a value other than false or empty
// (drifted_from_default: "file not found" is set).
func FlagSet(doc *parse.Document, key string) bool {
	u := doc.Field(key)
	return u != nil && u.Text != "" && u.Text != "false"
}

// ReadFile reads a page, at most limit bytes (parse.DefaultMaxBytes when
// 0) and one more: parse reports a file over the limit. Only a regular
// file is read: the file is opened without blocking and checked, so a
// FIFO or a device named like a page is an error, not a hang.
func ReadFile(p string, limit int) ([]byte, error) {
	if limit <= 0 {
		limit = parse.DefaultMaxBytes
	}
	f, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, errNotRegular
	}
	// Read no more than the limit and one byte: parse reports the size.
	buf := make([]byte, min(info.Size(), int64(limit))+1)
	n, err := io.ReadFull(f, buf)
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		err = nil
	}
	return buf[:n], err
}
