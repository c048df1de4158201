package site

import (
	"errors"
	"os"

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
	// Ignore lists glob patterns (path.Match on paths relative to a
	// language's content directory) of pages to leave out.
	Ignore []string `yaml:"ignore"`
	// PinKey is the front matter key of the pin written by accept.
	PinKey string `yaml:"pin_key"`
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
	return cfg, nil
}

func (c Config) PinField() string {
	if c.PinKey != "" {
		return c.PinKey
	}
	return DefaultPinKey
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
