package release

import (
	"fmt"
	"os"
	"strings"
	"text/template"

	"github.com/goccy/go-yaml"
)

// Config is the part of .goreleaser.yaml a local build needs: one build
// and one archive. Unknown keys are ignored; GoReleaser itself checks
// them (goreleaser check).
type Config struct {
	ProjectName string    `yaml:"project_name"`
	Builds      []Build   `yaml:"builds"`
	Archives    []Archive `yaml:"archives"`
	Checksum    struct {
		NameTemplate string `yaml:"name_template"`
		Algorithm    string `yaml:"algorithm"`
	} `yaml:"checksum"`
}

// Build is one entry of builds.
type Build struct {
	Main    string   `yaml:"main"`
	Binary  string   `yaml:"binary"`
	Env     []string `yaml:"env"`
	Goos    []string `yaml:"goos"`
	Goarch  []string `yaml:"goarch"`
	Flags   []string `yaml:"flags"`
	Ldflags []string `yaml:"ldflags"`
}

// Archive is one entry of archives.
type Archive struct {
	NameTemplate    string   `yaml:"name_template"`
	Formats         []string `yaml:"formats"`
	FormatOverrides []struct {
		Goos    string   `yaml:"goos"`
		Formats []string `yaml:"formats"`
	} `yaml:"format_overrides"`
	Files []string `yaml:"files"`
}

// Target is one platform of the build.
type Target struct{ Os, Arch string }

// Vars are the template fields GoReleaser fills that the configuration
// uses; the names are GoReleaser's.
type Vars struct {
	ProjectName     string
	Version         string // 1.2.3, no v
	Tag             string // v1.2.3
	FullCommit      string
	CommitDate      string // RFC 3339
	CommitTimestamp string // Unix seconds
	Os, Arch        string
}

// LoadConfig reads a GoReleaser configuration and checks it has what a
// local build needs.
func LoadConfig(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var c Config
	if err := yaml.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	switch {
	case c.ProjectName == "":
		return nil, fmt.Errorf("%s: no project_name", path)
	case len(c.Builds) != 1:
		return nil, fmt.Errorf("%s: want one build, have %d", path, len(c.Builds))
	case len(c.Archives) != 1:
		return nil, fmt.Errorf("%s: want one archive, have %d", path, len(c.Archives))
	case c.Checksum.Algorithm != "" && c.Checksum.Algorithm != "sha256":
		return nil, fmt.Errorf("%s: checksum algorithm %q: only sha256 is built locally", path, c.Checksum.Algorithm)
	}
	return &c, nil
}

// Targets lists the platforms of the build, goos × goarch.
func (c *Config) Targets() []Target {
	var ts []Target
	for _, os := range c.Builds[0].Goos {
		for _, arch := range c.Builds[0].Goarch {
			ts = append(ts, Target{os, arch})
		}
	}
	return ts
}

// ArchiveName is the file name of t's archive, with its extension.
func (c *Config) ArchiveName(t Target, v Vars) (string, error) {
	v.ProjectName, v.Os, v.Arch = c.ProjectName, t.Os, t.Arch
	a := c.Archives[0]
	name, err := expand(a.NameTemplate, v)
	if err != nil {
		return "", err
	}
	formats := a.Formats
	for _, o := range a.FormatOverrides {
		if o.Goos == t.Os {
			formats = o.Formats
		}
	}
	if len(formats) != 1 {
		return "", fmt.Errorf("archive of %s/%s: want one format, have %q", t.Os, t.Arch, formats)
	}
	return name + "." + formats[0], nil
}

// ChecksumName is the name of the checksums file.
func (c *Config) ChecksumName(v Vars) (string, error) {
	v.ProjectName = c.ProjectName
	return expand(c.Checksum.NameTemplate, v)
}

// Ldflags is the build's -ldflags value for v.
func (c *Config) Ldflags(v Vars) (string, error) {
	v.ProjectName = c.ProjectName
	var parts []string
	for _, f := range c.Builds[0].Ldflags {
		s, err := expand(f, v)
		if err != nil {
			return "", err
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " "), nil
}

func expand(text string, v Vars) (string, error) {
	t, err := template.New("").Option("missingkey=error").Parse(text)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if err := t.Execute(&b, v); err != nil {
		return "", err
	}
	return b.String(), nil
}
