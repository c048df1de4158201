package site

import (
	"bytes"
	"os"
	"path/filepath"

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
	Outdated bool   // the site's own banner flag
}

// ReadEntry reads the front matter of the page f under root.
func ReadEntry(root string, f File, pcfg parse.Config, pinField string) (*Entry, error) {
	src, err := ReadFile(filepath.Join(root, filepath.FromSlash(f.Path)), pcfg.MaxBytes)
	if err != nil {
		return nil, parse.PathError(f.Path, err)
	}
	pcfg.FrontMatterOnly = true
	doc, err := pcfg.Parse(f.Path, src)
	if err != nil {
		return nil, err
	}
	e := &Entry{File: f, HasBody: len(bytes.TrimSpace(src[doc.FrontMatter.End:])) > 0}
	if u := doc.Field("translationKey"); u != nil {
		e.Key = u.Text
	}
	if u := doc.Field(pinField); u != nil {
		e.Pin = u.Text
	}
	if u := doc.Field("outdated"); u != nil && u.Text == "true" {
		e.Outdated = true
	}
	return e, nil
}

// ReadFile reads a page, at most limit bytes (parse.DefaultMaxBytes when
// 0) and one more: parse reports a file over the limit.
func ReadFile(p string, limit int) ([]byte, error) {
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
