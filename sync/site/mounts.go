package site

import (
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// Mount is one of the site's Hugo module mounts (module.mounts) that
// puts files into a language's content: a mount with target "content" is
// the language's content directory; the others add files under a section.
type Mount struct {
	// Source is the mounted directory or file, relative to the root.
	Source string `json:"source"`
	// Target is where Hugo sees it ("content", "content/docs", "i18n").
	Target string `json:"target"`
	// Langs are the languages the mount is for (lang: or
	// sites.matrix.languages); empty means the default content language.
	Langs []string `json:"langs,omitempty"`
	// Fallback reports a mount of source-language pages into another
	// language: the source showing through, not a translation.
	Fallback bool `json:"fallback,omitempty"`
}

// hugoMounts reads module.mounts from a configuration (module.* files of
// config/_default/ are under "module" too). Sources are made relative to
// the root.
func hugoMounts(site string, conf map[string]any) []Mount {
	mod, _ := conf["module"].(map[string]any)
	list, _ := mod["mounts"].([]any)
	var out []Mount
	for _, v := range list {
		m, _ := v.(map[string]any)
		src, target := str(m["source"]), str(m["target"])
		if src == "" || target == "" {
			continue
		}
		mt := Mount{
			Source: path.Join(filepath.ToSlash(site), path.Clean(filepath.ToSlash(src))),
			Target: strings.Trim(path.Clean(filepath.ToSlash(target)), "/"),
		}
		if lang := str(m["lang"]); lang != "" {
			mt.Langs = []string{lang}
		}
		sites, _ := m["sites"].(map[string]any)
		matrix, _ := sites["matrix"].(map[string]any)
		mt.Langs = append(mt.Langs, strs(matrix["languages"])...)
		out = append(out, mt)
	}
	return out
}

// isContent reports a mount into the content tree.
func (m Mount) isContent() bool {
	return m.Target == "content" || strings.HasPrefix(m.Target, "content/")
}

// forLang reports whether the mount is for the language.
func (m Mount) forLang(code, source string) bool {
	if len(m.Langs) == 0 {
		return code == source
	}
	for _, pattern := range m.Langs {
		if strings.EqualFold(pattern, code) {
			return true
		}
		if ok, _ := path.Match(pattern, code); ok {
			return true
		}
	}
	return false
}

// applyMounts maps languages to the content directories their mounts
// name, records fallback mounts (source pages shown in another language)
// and the i18n directories. mapped holds the languages whose content
// directory the configuration names; mounts add to it.
func (l *Layout) applyMounts(mounts []Mount, mapped map[string]bool) {
	var i18n []string
	for _, m := range mounts {
		if m.Target == "i18n" {
			i18n = append(i18n, m.Source)
		}
	}
	if len(i18n) > 0 {
		l.I18nDirs = i18n
		l.I18nDir = commonDir(i18n)
	}
	// Directories first: a fallback is recognized by its source lying in
	// the source language's directory.
	primary := map[string]bool{}
	for _, m := range mounts {
		if m.Target != "content" {
			continue
		}
		for i := range l.Languages {
			lang := &l.Languages[i]
			if m.forLang(lang.Code, l.Source) && !primary[lang.Code] {
				primary[lang.Code], mapped[lang.Code] = true, true
				lang.ContentDir = m.Source
			}
		}
	}
	src := l.Language(l.Source)
	for _, m := range mounts {
		if !m.isContent() || (m.Target == "content" && m.forLangPrimary(l, primary)) {
			continue
		}
		for _, lang := range l.Languages {
			if !m.forLang(lang.Code, l.Source) {
				continue
			}
			if lang.Code != l.Source && src != nil && within(m.Source, src.ContentDir) {
				m.Fallback = true
			}
		}
		l.Mounts = append(l.Mounts, m)
	}
}

// forLangPrimary reports whether the content mount is the one that gave
// its languages their content directories.
func (m Mount) forLangPrimary(l *Layout, primary map[string]bool) bool {
	for _, lang := range l.Languages {
		if m.forLang(lang.Code, l.Source) && primary[lang.Code] && lang.ContentDir == m.Source {
			return true
		}
	}
	return false
}

// assumeContentDirs gives each language that nothing maps to content
// the directory content/<lang>/ when it exists, and says so.
func (l *Layout) assumeContentDirs(contentDir string, mapped map[string]bool) {
	var assumed, none []*Language
	for i := range l.Languages {
		lang := &l.Languages[i]
		if mapped[lang.Code] {
			continue
		}
		dir := path.Join(l.SiteDir, contentDir, lang.Code)
		if info, err := os.Stat(filepath.Join(l.Root, filepath.FromSlash(dir))); err == nil && info.IsDir() {
			assumed = append(assumed, lang)
		} else {
			none = append(none, lang)
		}
	}
	if len(assumed) == 0 {
		return // one content directory: name.<lang>.md
	}
	// Once languages have directories of their own, the others have
	// theirs too, not made yet: none shares the source's.
	var codes []string
	for _, lang := range assumed {
		codes = append(codes, lang.Code)
	}
	for _, lang := range append(assumed, none...) {
		lang.ContentDir = path.Join(l.SiteDir, contentDir, lang.Code)
	}
	sort.Strings(codes)
	l.Notes = append(l.Notes, "no contentDir or module mount maps "+strings.Join(codes, ", ")+
		" to content: using "+path.Join(l.SiteDir, contentDir)+"/<lang>/, which exists for each")
}

// within reports whether p is dir or inside it.
func within(p, dir string) bool {
	return p == dir || strings.HasPrefix(p, dir+"/") || dir == "."
}

// commonDir is the longest directory holding every path.
func commonDir(paths []string) string {
	dir := paths[0]
	for _, p := range paths[1:] {
		for !within(p, dir) {
			dir = path.Dir(dir)
		}
	}
	return dir
}

// TableFile is the UI string table of a language, relative to the root,
// or "" when it has none. Hugo names tables by language tag: the code,
// the locale (pt-br.yaml for pt with locale pt-BR), or a regional
// variant of the code when it is the only one (zh-cn.yaml for zh).
func (l *Layout) TableFile(code string) string {
	dirs := l.I18nDirs
	if len(dirs) == 0 {
		dirs = []string{l.I18nDir}
	}
	names := []string{code, strings.ToLower(code)}
	if lang := l.Language(code); lang != nil && lang.Locale != "" {
		names = append(names, strings.ToLower(lang.Locale))
	}
	var variants []string
	for _, dir := range dirs {
		entries, err := os.ReadDir(filepath.Join(l.Root, filepath.FromSlash(dir)))
		if err != nil {
			continue
		}
		have := map[string]bool{}
		for _, e := range entries {
			ext := path.Ext(e.Name())
			if e.IsDir() || !slices.Contains(tableExts, ext) {
				continue
			}
			have[e.Name()] = true
			if strings.HasPrefix(strings.ToLower(e.Name()), strings.ToLower(code)+"-") {
				variants = append(variants, path.Join(dir, e.Name()))
			}
		}
		for _, ext := range tableExts {
			for _, n := range names {
				if have[n+ext] {
					return path.Join(dir, n+ext)
				}
			}
		}
	}
	if len(variants) == 1 && l.Language(strings.TrimSuffix(path.Base(variants[0]), path.Ext(variants[0]))) == nil {
		return variants[0]
	}
	return ""
}

var tableExts = []string{".toml", ".yaml", ".yml", ".json"}

func strs(v any) []string {
	list, _ := v.([]any)
	var out []string
	for _, x := range list {
		if s := str(x); s != "" {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}
