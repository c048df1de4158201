package site

import (
	"errors"
	"strings"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

func TestParseConfigPin(t *testing.T) {
	cfg, err := ParseConfig(ConfigFile, []byte(`pin: {key: default_lang_commit, kind: commit}
flag:
  key: drifted_from_default
  value: true
  orphan: file not found
`))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.PinField() != "default_lang_commit" || !cfg.CommitPins() || cfg.FlagField() != "drifted_from_default" ||
		cfg.FlagValue() != true || cfg.Flag.Orphan != "file not found" {
		t.Errorf("got %+v", cfg)
	}
	var zero Config
	if zero.PinField() != DefaultPinKey || zero.CommitPins() || zero.FlagField() != "outdated" || zero.FlagValue() != true {
		t.Errorf("zero config: pin %s commit %v flag %s=%v", zero.PinField(), zero.CommitPins(), zero.FlagField(), zero.FlagValue())
	}
	for _, tt := range []struct{ data, want string }{
		{"source: en\npin:\n  kind: sha\n", "pin.kind"},
		{"source: en\npin_key: a\npin: {key: b}\n", "disagree"},
	} {
		_, err := ParseConfig(ConfigFile, []byte(tt.data))
		var pe *parse.Error
		if !errors.As(err, &pe) || !strings.Contains(err.Error(), tt.want) || pe.Line < 2 {
			t.Errorf("%q: %v, want a *parse.Error past line 1 about %s", tt.data, err, tt.want)
		}
	}
}

func TestDetectConvention(t *testing.T) {
	mk := func(own, conv string) *Entry {
		e := &Entry{Pin: own, flags: map[string]bool{"drifted_from_default": conv != ""}}
		if conv != "" {
			e.convention, e.conventionPin = 1, conv
		}
		return e
	}
	entries := []*Entry{mk("", "abc1"), mk("", "abc2"), mk("", "")}
	cfg, note := DetectConvention(Config{}, entries)
	if note == "" || !cfg.CommitPins() || entries[0].Pin != "abc1" || !entries[0].Outdated || entries[2].Outdated {
		t.Errorf("not adopted: %+v %q %+v", cfg, note, entries[0])
	}
	if _, note := DetectConvention(Config{PinKey: "mine"}, []*Entry{mk("", "abc1")}); note != "" {
		t.Errorf("a configured pin was overridden: %s", note)
	}
	if _, note := DetectConvention(Config{}, []*Entry{mk("b1", ""), mk("b2", ""), mk("", "abc")}); note != "" {
		t.Errorf("the tool's own pins outnumber the convention's, yet: %s", note)
	}
}
