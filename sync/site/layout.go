package site

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/pelletier/go-toml/v2"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// Language is one language of a site.
type Language struct {
	Code string `json:"code"`
	// ContentDir is the language's content directory, relative to the
	// repository root, with forward slashes.
	ContentDir string `json:"content_dir"`
	Weight     int    `json:"weight,omitempty"`
	Title      string `json:"title,omitempty"`
	// Locale is the language's locale (Hugo's locale: "pt-BR"), which
	// may name its string table.
	Locale string `json:"locale,omitempty"`
}

// Layout is where a site keeps its languages.
type Layout struct {
	// Root is the repository root on disk.
	Root string `json:"-"`
	// ConfigFile is the Hugo configuration read, relative to Root ("" if none).
	ConfigFile string `json:"config_file,omitempty"`
	// SiteDir is the Hugo site's directory, relative to Root.
	SiteDir string `json:"site_dir"`
	// I18nDir is the directory of the UI string tables, relative to Root
	// (with i18n mounts, the directory holding all of them).
	I18nDir string `json:"i18n_dir"`
	// I18nDirs are the mounted i18n directories, when module mounts name
	// them (kubernetes/website mounts i18n/<lang> per language).
	I18nDirs []string `json:"i18n_dirs,omitempty"`
	// Mounts are the content mounts besides each language's directory;
	// fallback mounts show source pages in another language.
	Mounts []Mount `json:"mounts,omitempty"`
	// Notes say what was assumed where the configuration said nothing.
	Notes []string `json:"notes,omitempty"`
	// Source is the language translations are made from.
	Source string `json:"source"`
	// Languages lists the source language first, then the others by
	// weight and code.
	Languages []Language `json:"languages"`
	// Suffixed reports that languages share a content directory and
	// translations are named name.<lang>.md.
	Suffixed bool `json:"suffixed,omitempty"`
}

// Language returns the language with the code, or nil.
func (l *Layout) Language(code string) *Language {
	for i := range l.Languages {
		if strings.EqualFold(l.Languages[i].Code, code) {
			return &l.Languages[i]
		}
	}
	return nil
}

// Targets returns the codes of the translation languages.
func (l *Layout) Targets() []string {
	var codes []string
	for _, lang := range l.Languages {
		if lang.Code != l.Source {
			codes = append(codes, lang.Code)
		}
	}
	return codes
}

// ErrNoSite reports a directory without a Hugo configuration or a
// cnpe-i18n.yaml that names the languages.
var ErrNoSite = errors.New("no Hugo site found (looked for hugo.toml|yaml|json, config.toml|yaml|json and config/_default/ at the root and one level down); name the languages in cnpe-i18n.yaml")

// hugoConfigNames are the file names Hugo reads its configuration from,
// in Hugo's order of preference.
var hugoConfigNames = []string{"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json"}

// DetectLayout finds the Hugo site under root (at the root or one
// directory down) and reads its languages, default content language and
// content directories. cfg overrides what it finds.
func DetectLayout(root string, cfg Config) (*Layout, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	l := &Layout{Root: abs}
	site := cfg.Site
	var conf map[string]any
	if site == "" {
		site, l.ConfigFile, conf, err = findHugoConfig(abs)
	} else {
		l.ConfigFile, conf, err = readHugoConfigDir(abs, filepath.FromSlash(site))
	}
	if err != nil && !errors.Is(err, ErrNoSite) {
		return nil, err
	}
	if conf == nil && len(cfg.Content) == 0 {
		return nil, ErrNoSite
	}
	l.fromHugo(site, conf)
	if err := l.apply(cfg); err != nil {
		return nil, err
	}
	if err := l.checkContent(cfg); err != nil {
		return nil, err
	}
	return l, nil
}

// ErrNoContent reports a language whose content directory does not exist.
var ErrNoContent = errors.New("content directory does not exist")

// checkContent makes a language that cnpe-i18n.yaml names (languages: or
// content:) an error when it has no content directory: a wrong name or
// directory would otherwise report every page missing. A language only
// the Hugo configuration names may have no content yet (stub makes it).
func (l *Layout) checkContent(cfg Config) error {
	for _, code := range cfg.Languages {
		if l.Language(code) == nil {
			return fmt.Errorf("language %q in %s: not a language of the site and no content: entry names its directory", code, ConfigFile)
		}
	}
	for _, lang := range l.Languages {
		_, named := cfg.Content[lang.Code]
		if !named && !slices.Contains(cfg.Languages, lang.Code) {
			continue
		}
		info, err := os.Stat(filepath.Join(l.Root, filepath.FromSlash(lang.ContentDir)))
		if err != nil || !info.IsDir() {
			return fmt.Errorf("language %q: %s: %w (set content: in %s, or leave the language out with languages:)", lang.Code, lang.ContentDir, ErrNoContent, ConfigFile)
		}
	}
	return nil
}

// findHugoConfig looks for a Hugo configuration at root, then in each
// directory one level down (in lexical order).
func findHugoConfig(root string) (site, file string, conf map[string]any, err error) {
	if file, conf, err = readHugoConfigDir(root, "."); err == nil || !errors.Is(err, ErrNoSite) {
		return ".", file, conf, err
	}
	entries, rerr := os.ReadDir(root)
	if rerr != nil {
		return "", "", nil, rerr
	}
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") || e.Name() == "node_modules" {
			continue
		}
		if file, conf, err = readHugoConfigDir(root, e.Name()); err == nil || !errors.Is(err, ErrNoSite) {
			return e.Name(), file, conf, err
		}
	}
	return "", "", nil, ErrNoSite
}

// readHugoConfigDir reads the Hugo configuration of the site in dir
// (relative to root): a config file, or config/_default/ whose files are
// merged (languages.toml holds the languages table).
func readHugoConfigDir(root, dir string) (file string, conf map[string]any, err error) {
	for _, name := range hugoConfigNames {
		p := filepath.Join(root, dir, name)
		if _, err := os.Stat(p); err == nil {
			rel := filepath.ToSlash(filepath.Join(dir, name))
			conf, err := readConfigFile(root, rel)
			if err != nil {
				return rel, nil, err
			}
			file = rel
			// Hugo merges config/_default/ under the root file.
			if _, more, err := readDefaultDir(root, dir); err == nil {
				for k, v := range more {
					if _, ok := conf[k]; !ok {
						conf[k] = v
					}
				}
			} else if !errors.Is(err, ErrNoSite) {
				return file, nil, err
			}
			return file, conf, nil
		}
	}
	return readDefaultDir(root, dir)
}

// readDefaultDir reads config/_default/: hugo.* and config.* at the top,
// the other files (languages.toml, module.yaml, params.toml) under their
// name.
func readDefaultDir(root, dir string) (file string, conf map[string]any, err error) {
	defDir := filepath.Join(root, dir, "config", "_default")
	entries, err := os.ReadDir(defDir)
	if err != nil {
		return "", nil, ErrNoSite
	}
	conf = map[string]any{}
	var first string
	for _, e := range entries {
		ext := path.Ext(e.Name())
		if e.IsDir() || (ext != ".toml" && ext != ".yaml" && ext != ".yml" && ext != ".json") {
			continue
		}
		rel := filepath.ToSlash(filepath.Join(dir, "config", "_default", e.Name()))
		m, err := readConfigFile(root, rel)
		if err != nil {
			return rel, nil, err
		}
		base := strings.ToLower(strings.TrimSuffix(e.Name(), ext))
		switch base {
		case "hugo", "config":
			for k, v := range m {
				conf[k] = v
			}
			if first == "" {
				first = rel
			}
		default:
			conf[base] = m
		}
	}
	if len(conf) == 0 {
		return "", nil, ErrNoSite
	}
	if first == "" {
		first = filepath.ToSlash(filepath.Join(dir, "config", "_default"))
	}
	return first, conf, nil
}

// readConfigFile decodes the TOML, YAML or JSON configuration file at p
// into a map whose keys are lower case (Hugo's configuration keys are
// case-insensitive); errors name it rel and give its line.
// readConfigFile reads a Hugo configuration file, rel to root: confined
// to the root, a regular file, and within parse's limits before a decoder
// sees it (a YAML alias bomb fails alone).
func readConfigFile(root, rel string) (map[string]any, error) {
	data, err := ReadFileIn(root, rel, 0)
	if err != nil {
		return nil, parse.PathError(rel, err)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	format := map[string]parse.Format{".toml": parse.TOML, ".yaml": parse.YAML, ".yml": parse.YAML, ".json": parse.JSON}[path.Ext(rel)]
	if err := parse.CheckData(rel, format, data); err != nil {
		return nil, err
	}
	var m map[string]any
	switch format {
	case parse.TOML:
		err = toml.Unmarshal(data, &m)
	case parse.YAML:
		err = yaml.Unmarshal(data, &m)
	case parse.JSON:
		err = json.Unmarshal(data, &m)
	}
	if err != nil {
		return nil, parse.DecodeError(rel, data, err)
	}
	return lowerKeys(m), nil
}

func lowerKeys(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[strings.ToLower(k)] = lowerValue(v)
	}
	return out
}

// lowerValue lowers the keys of maps, also inside lists (module.mounts
// is a list of tables).
func lowerValue(v any) any {
	switch x := v.(type) {
	case map[string]any:
		return lowerKeys(x)
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = lowerValue(e)
		}
		return out
	case []map[string]any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = lowerKeys(e)
		}
		return out
	}
	return v
}

// fromHugo reads the languages of a Hugo configuration: per-language
// contentDir, module mounts (content and i18n, lang: or
// sites.matrix.languages), disabled languages, and content/<lang>/ for a
// language nothing maps.
func (l *Layout) fromHugo(site string, conf map[string]any) {
	l.SiteDir = path.Clean(filepath.ToSlash(site))
	i18n := str(conf["i18ndir"])
	if i18n == "" {
		i18n = "i18n"
	}
	l.I18nDir = path.Join(l.SiteDir, i18n)
	l.Source = str(conf["defaultcontentlanguage"])
	if l.Source == "" {
		l.Source = "en"
	}
	contentDir := str(conf["contentdir"])
	if contentDir == "" {
		contentDir = "content"
	}
	langs, _ := conf["languages"].(map[string]any)
	if len(langs) == 0 {
		langs = map[string]any{l.Source: map[string]any{}}
	}
	disabled := strs(conf["disablelanguages"])
	mapped := map[string]bool{}
	for code, v := range langs {
		lc, _ := v.(map[string]any)
		if code != l.Source && (lc["disabled"] == true || slices.Contains(disabled, code)) {
			continue
		}
		dir := str(lc["contentdir"])
		if dir != "" {
			mapped[code] = true
		} else {
			dir = contentDir
		}
		lang := Language{
			Code:       code,
			ContentDir: path.Clean(path.Join(filepath.ToSlash(site), filepath.ToSlash(dir))),
			Weight:     num(lc["weight"]),
			Title:      str(lc["title"]),
			Locale:     str(lc["locale"]),
		}
		l.Languages = append(l.Languages, lang)
	}
	if str(conf["contentdir"]) != "" {
		mapped[l.Source] = true
	}
	l.applyMounts(hugoMounts(site, conf), mapped)
	if len(l.Languages) > 1 {
		l.assumeContentDirs(contentDir, mapped)
	}
	l.sortLanguages()
}

func (l *Layout) sortLanguages() {
	sort.SliceStable(l.Languages, func(i, j int) bool {
		a, b := l.Languages[i], l.Languages[j]
		if (a.Code == l.Source) != (b.Code == l.Source) {
			return a.Code == l.Source
		}
		if a.Weight != b.Weight {
			return a.Weight < b.Weight
		}
		return a.Code < b.Code
	})
}

// apply lets the configuration file override what was detected.
func (l *Layout) apply(cfg Config) error {
	if cfg.Source != "" {
		l.Source = cfg.Source
	}
	for code, dir := range cfg.Content {
		if lang := l.Language(code); lang != nil {
			lang.ContentDir = path.Clean(dir)
		} else {
			l.Languages = append(l.Languages, Language{Code: code, ContentDir: path.Clean(dir)})
		}
	}
	if len(cfg.Languages) > 0 {
		keep := l.Languages[:0]
		for _, lang := range l.Languages {
			if lang.Code == l.Source || slices.Contains(cfg.Languages, lang.Code) {
				keep = append(keep, lang)
			}
		}
		l.Languages = keep
	}
	if l.Language(l.Source) == nil {
		return fmt.Errorf("source language %q is not among the site's languages", l.Source)
	}
	l.sortLanguages()
	dirs := map[string]int{}
	for _, lang := range l.Languages {
		dirs[lang.ContentDir]++
	}
	for _, n := range dirs {
		if n > 1 {
			l.Suffixed = true
		}
	}
	return nil
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func num(v any) int {
	switch n := v.(type) {
	case int:
		return n
	case int64:
		return int(n)
	case uint64:
		return int(n)
	case float64:
		return int(n)
	}
	return 0
}
