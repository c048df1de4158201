package site

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/goccy/go-yaml"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// ConfigFile is the optional configuration file at the repository root.
const ConfigFile = "cnpe-i18n.yaml"

// DefaultPinKey is the front matter key that pins a translation to the
// git blob of the source it was made from.
const DefaultPinKey = "cnpe_i18n_source"

// Config overrides what DetectLayout finds. The zero value detects
// everything.
type Config struct {
	// Site is the directory of the Hugo site, relative to the root.
	Site string `yaml:"site"`
	// Source is the language translations are made from.
	Source string `yaml:"source"`
	// Languages restricts the languages checked (the source is always kept).
	Languages []string `yaml:"languages"`
	// Content maps language codes to content directories relative to the
	// root, adding languages or correcting detected directories.
	Content map[string]string `yaml:"content"`
	// TranslatableKeys are front matter keys translated besides title,
	// linkTitle, description and summary.
	TranslatableKeys []string `yaml:"translatable_keys"`
	// Ignore lists glob patterns (doublestar: "**" spans directories) of
	// pages to leave out, on paths relative to a language's content
	// directory.
	Ignore []string `yaml:"ignore"`
	// PinKey is the front matter key of the pin written by accept (the
	// older spelling of pin.key).
	PinKey string `yaml:"pin_key"`
	// Pin is the site's pin convention: its key and kind.
	Pin PinConfig `yaml:"pin"`
	// Flag is the banner flag mark writes and accept clears.
	Flag FlagConfig `yaml:"flag"`
	// Stub says what stub writes into a stub.
	Stub StubConfig `yaml:"stub"`
	// Glossary is the glossary file, relative to the root.
	Glossary string `yaml:"glossary"`
}

// LoadConfig reads root/cnpe-i18n.yaml. A missing file is the zero Config;
// an unknown key or a wrong type is a *parse.Error naming its line.
func LoadConfig(root string) (Config, error) {
	data, err := ReadFileIn(root, ConfigFile, 0) // inside the root, a regular file
	if errors.Is(err, os.ErrNotExist) {
		return Config{}, nil
	}
	if err != nil {
		return Config{}, err
	}
	return ParseConfig(ConfigFile, data)
}

// ParseConfig decodes a configuration file's content.
func ParseConfig(name string, data []byte) (Config, error) {
	var cfg Config
	if err := yaml.UnmarshalWithOptions(data, &cfg, yaml.DisallowUnknownField()); err != nil {
		return Config{}, parse.YAMLError(name, 1, err)
	}
	for _, pattern := range cfg.Ignore {
		if !doublestar.ValidatePattern(pattern) {
			return Config{}, &parse.Error{Path: name, Line: keyLine(data, "ignore"), Err: fmt.Errorf("ignore: bad glob %q", pattern)}
		}
	}
	switch cfg.Pin.Kind {
	case "", PinBlob, PinCommit:
	default:
		return Config{}, &parse.Error{Path: name, Line: keyLine(data, "kind"),
			Err: fmt.Errorf("pin.kind %q: want %s or %s", cfg.Pin.Kind, PinBlob, PinCommit)}
	}
	if cfg.Pin.Key != "" && cfg.PinKey != "" && cfg.Pin.Key != cfg.PinKey {
		return Config{}, &parse.Error{Path: name, Line: keyLine(data, "pin_key"),
			Err: fmt.Errorf("pin_key %q and pin.key %q disagree; keep pin.key", cfg.PinKey, cfg.Pin.Key)}
	}
	return cfg, nil
}

// keyLine is the line of the first line of data that starts key: (after
// indentation), or 1.
func keyLine(data []byte, key string) int {
	for i, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), key+":") {
			return i + 1
		}
	}
	return 1
}

// PinField is the front matter key of the pin.
func (c Config) PinField() string {
	switch {
	case c.Pin.Key != "":
		return c.Pin.Key
	case c.PinKey != "":
		return c.PinKey
	}
	return DefaultPinKey
}

// CommitPins reports pins that name a commit (the source is the file at
// <commit>:<path>) rather than the source file's blob.
func (c Config) CommitPins() bool { return c.Pin.Kind == PinCommit }

// PinConfigured reports a pin key set in the configuration file.
func (c Config) PinConfigured() bool { return c.Pin.Key != "" || c.PinKey != "" }

// Pin kinds.
const (
	PinBlob   = "blob"   // the git blob id of the source file (accept's own)
	PinCommit = "commit" // a commit; the source is the file at <commit>:<path>
)

// PinConfig is how a site pins a translation to its source.
type PinConfig struct {
	// Key is the front matter key (default cnpe_i18n_source).
	Key string `yaml:"key"`
	// Kind is blob (default) or commit.
	Kind string `yaml:"kind"`
}

// FlagConfig is a site's banner flag: the front matter field mark sets on
// stale pages and accept removes.
type FlagConfig struct {
	// Key is the field (default outdated).
	Key string `yaml:"key"`
	// Value is what mark writes on stale pages and stubs (default true).
	Value any `yaml:"value"`
	// Orphan is what mark writes on a translation whose source is gone;
	// unset, orphans are not marked.
	Orphan any `yaml:"orphan"`
}

// FlagField is the banner flag's front matter key.
func (c Config) FlagField() string {
	if c.Flag.Key != "" {
		return c.Flag.Key
	}
	return "outdated"
}

// FlagValue is the value mark writes on stale pages.
func (c Config) FlagValue() any {
	if c.Flag.Value != nil {
		return c.Flag.Value
	}
	return true
}

// Convention is a site's own pin and flag, recognized without
// configuration when its pages carry the pin key.
type Convention struct {
	Site string
	Pin  PinConfig
	Flag FlagConfig
}

// Conventions are the pin conventions known by name.
var Conventions = []Convention{{
	Site: "opentelemetry.io",
	Pin:  PinConfig{Key: "default_lang_commit", Kind: PinCommit},
	Flag: FlagConfig{Key: "drifted_from_default", Value: true, Orphan: "file not found"},
}}

// ErrNoPins reports a pin key the configuration names that no page carries.
var ErrNoPins = errors.New("no page carries the configured pin")

// CheckPins makes a configured pin key that no translation carries an
// error (a misspelled key would leave every page without a base). The
// tool's own key is exempt: accept writes it.
func CheckPins(cfg Config, entries []*Entry, source string) error {
	if !cfg.PinConfigured() || cfg.PinField() == DefaultPinKey {
		return nil
	}
	translations := 0
	for _, e := range entries {
		if e.Lang == source {
			continue
		}
		translations++
		if e.Pin != "" {
			return nil
		}
	}
	if translations == 0 {
		return nil
	}
	return fmt.Errorf("%w: %s names pin key %q, and none of %d translations has it in its front matter", ErrNoPins, ConfigFile, cfg.PinField(), translations)
}

// ErrUnknownLanguage reports a language code the site does not have.
var ErrUnknownLanguage = errors.New("unknown language")

// CheckLangs makes a code that is not a translation language of the
// layout an error naming the ones it has.
func (l *Layout) CheckLangs(codes []string) error {
	for _, c := range codes {
		if lang := l.Language(c); lang == nil || lang.Code == l.Source {
			return fmt.Errorf("%w %q: the site translates into %s", ErrUnknownLanguage, c, strings.Join(l.Targets(), ", "))
		}
	}
	return nil
}

// DetectConvention adopts a known pin convention when the configuration
// names no pin and more pages carry the convention's key than the
// default one; it then re-reads the entries' pins and flags and returns
// the configuration and a note saying so ("" when nothing changed).
func DetectConvention(cfg Config, entries []*Entry) (Config, string) {
	if cfg.PinConfigured() {
		return cfg, ""
	}
	own := 0
	counts := make([]int, len(Conventions))
	for _, e := range entries {
		if e.Pin != "" {
			own++
		}
		if e.convention > 0 {
			counts[e.convention-1]++
		}
	}
	for i, c := range Conventions {
		if counts[i] == 0 || counts[i] <= own {
			continue
		}
		cfg.Pin = c.Pin
		if cfg.Flag.Key == "" {
			cfg.Flag = c.Flag
		}
		for _, e := range entries {
			e.Pin = ""
			if e.convention == i+1 {
				e.Pin = e.conventionPin
			}
			e.Outdated = e.flags[cfg.FlagField()]
		}
		return cfg, fmt.Sprintf("%d pages carry %s (the %s convention): read as %s pins, drift flagged with %s; set pin: and flag: in %s to choose otherwise",
			counts[i], c.Pin.Key, c.Site, c.Pin.Kind, cfg.FlagField(), ConfigFile)
	}
	return cfg, ""
}

// StubConfig says what a stub holds. The zero value is the convention of
// Hugo sites with a "Translation Needed" banner: the source's title,
// outdated: true, and list_pages: true in _index.md.
type StubConfig struct {
	// Copy lists source front matter keys copied into stubs (default: title).
	Copy []string `yaml:"copy"`
	// Set lists fields every stub gets (default: outdated: true).
	Set map[string]any `yaml:"set"`
	// Index lists fields _index.md stubs get (default: list_pages: true).
	Index map[string]any `yaml:"index"`
}

// WithDefaults fills the fields left empty with the convention.
func (c StubConfig) WithDefaults() StubConfig {
	if c.Copy == nil {
		c.Copy = []string{"title"}
	}
	if c.Set == nil {
		c.Set = map[string]any{"outdated": true}
	}
	if c.Index == nil {
		c.Index = map[string]any{"list_pages": true}
	}
	return c
}
