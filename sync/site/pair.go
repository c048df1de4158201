package site

import (
	"path"
	"slices"
	"strings"
)

// Pair is a source page and its translation in one language; one of
// them is nil for missing and orphan pages.
type Pair struct {
	Lang        string
	Source      *Entry
	Translation *Entry
}

// Pairs pairs source pages with their translations: by path relative to
// the content directory (name.<lang>.md suffixes removed), or by
// translationKey front matter.
func Pairs(l *Layout, pages []*Entry, langs []string) []Pair {
	src := l.Source
	bySrcRel := map[string]*Entry{}
	bySrcKey := map[string]*Entry{}
	byLang := map[string][]*Entry{}
	for _, p := range pages {
		if p.Lang == src {
			bySrcRel[p.Rel] = p
			if p.Key != "" {
				bySrcKey[p.Key] = p
			}
			continue
		}
		byLang[p.Lang] = append(byLang[p.Lang], p)
	}
	var out []Pair
	for _, lang := range l.Targets() {
		if len(langs) > 0 && !slices.Contains(langs, lang) {
			continue
		}
		matched := map[*Entry]bool{}
		for _, t := range byLang[lang] {
			sp := bySrcRel[t.Rel]
			if t.Key != "" && bySrcKey[t.Key] != nil {
				sp = bySrcKey[t.Key]
			}
			if sp != nil {
				matched[sp] = true
			}
			out = append(out, Pair{Lang: lang, Source: sp, Translation: t})
		}
		for _, sp := range pages {
			if sp.Lang == src && !matched[sp] {
				out = append(out, Pair{Lang: lang, Source: sp})
			}
		}
	}
	return out
}

// InScope reports whether a pair concerns one of the paths (files or
// directories, source or translation side); no paths means everything.
func (p Pair) InScope(paths []string) bool {
	for _, want := range paths {
		want = strings.TrimSuffix(path.Clean(want), "/")
		for _, pg := range []*Entry{p.Source, p.Translation} {
			if pg == nil {
				continue
			}
			for _, have := range []string{pg.Path, pg.Real} {
				if have == want || strings.HasPrefix(have, want+"/") || want == "." {
					return true
				}
			}
		}
	}
	return false
}

// Scope keeps the files under the paths, and the files of any language
// with the same path in their content directory (their translations and
// sources).
func (l *Layout) Scope(files []File, paths []string) []File {
	var rels []string
	for _, p := range paths {
		p = strings.TrimSuffix(path.Clean(p), "/")
		if p == "." {
			return files
		}
		for _, lang := range l.Languages {
			if p == lang.ContentDir {
				return files
			}
			if r, ok := strings.CutPrefix(p, lang.ContentDir+"/"); ok {
				if l.Suffixed {
					_, r = suffixSplit(l, r)
				}
				rels = append(rels, r)
			}
		}
		if p == l.I18nDir || strings.HasPrefix(p, l.I18nDir+"/") || p == l.ConfigFile {
			continue
		}
	}
	// Files reached through the paths (site or real, symlinks resolved)
	// bring their relative path: their sources and translations.
	for _, f := range files {
		for _, p := range paths {
			p = strings.TrimSuffix(path.Clean(p), "/")
			if f.Path == p || f.Real == p || strings.HasPrefix(f.Path, p+"/") || strings.HasPrefix(f.Real, p+"/") {
				rels = append(rels, f.Rel)
			}
		}
	}
	var out []File
	for _, f := range files {
		keep := false
		for _, r := range rels {
			if f.Rel == r || strings.HasPrefix(f.Rel, r+"/") {
				keep = true
			}
		}
		if keep {
			out = append(out, f)
		}
	}
	return out
}

// SourceName is the path the source page of the translation at p (a
// path of language lang, relative to the root) has by the site's naming:
// the same path in the source's content directory, or the name without
// its language suffix. It is "" when p is not a page of lang.
func (l *Layout) SourceName(lang, p string) string {
	tl, sl := l.Language(lang), l.Language(l.Source)
	if tl == nil || sl == nil || lang == l.Source {
		return ""
	}
	rel, ok := strings.CutPrefix(p, tl.ContentDir+"/")
	if !ok {
		return ""
	}
	if l.Suffixed {
		code, name := suffixSplit(l, rel)
		if code != tl.Code {
			return ""
		}
		rel = name
	}
	return path.Join(sl.ContentDir, rel)
}
