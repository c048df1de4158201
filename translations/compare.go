package translations

import (
	"fmt"
	"slices"
	"unicode"

	"golang.org/x/text/language"
)

// State is the state of one translated string.
type State int

// States of a translated string.
const (
	Current      State = iota
	Missing            // in the source table, not in the translation
	Extra              // in the translation only
	Untranslated       // equal to the source text, now or at an earlier version
	Stale              // the source text changed since it was translated
)

var stateNames = [...]string{"current", "missing", "extra", "untranslated", "stale"}

func (s State) String() string {
	if s >= 0 && int(s) < len(stateNames) {
		return stateNames[s]
	}
	return "unknown"
}

// MarshalText implements encoding.TextMarshaler.
func (s State) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *State) UnmarshalText(b []byte) error {
	for i, n := range stateNames {
		if n == string(b) {
			*s = State(i)
			return nil
		}
	}
	return fmt.Errorf("unknown string state %q", b)
}

// Entry is the state of one string in one language.
type Entry struct {
	Lang  string `json:"lang"`
	Key   string `json:"key"`
	State State  `json:"state"`
	// File and Line locate the translated string (the source string for
	// missing entries).
	File string `json:"file"`
	Line int    `json:"line"`
	// Source is the source text now; SourceBefore the source text when
	// the translation was made, when known and different.
	Source       string `json:"source"`
	SourceBefore string `json:"source_before,omitempty"`
	Text         string `json:"text"`
	// Why says how a stale or untranslated state was found.
	Why string `json:"why,omitempty"`
}

// Past is what history knows about a translated string: the source text
// when the translation's text last changed, and every text the source
// key ever had. The zero value means no history.
type Past struct {
	SourceWhenTranslated string
	Known                bool
	SourceValues         []string
}

// Compare compares a translation table with the source table. past gives
// what history knows per key (nil: nothing).
func Compare(lang string, src, tr *Table, past map[string]Past) []Entry {
	var out []Entry
	for _, sm := range src.Messages {
		tm := tr.Message(sm.Key)
		if tm == nil {
			out = append(out, Entry{Lang: lang, Key: sm.Key, State: Missing, File: src.Path, Line: sm.Line, Source: sm.Other()})
			continue
		}
		e := Entry{Lang: lang, Key: sm.Key, File: tr.Path, Line: tm.Line, Source: sm.Other(), Text: tm.Other()}
		p := past[sm.Key]
		switch {
		case sameForms(sm, tm):
			e.State, e.Why = Untranslated, "equal to the source text"
		case slices.Contains(p.SourceValues, tm.Other()):
			e.State, e.Why = Untranslated, "equal to an earlier source text"
			e.SourceBefore = tm.Other()
		case inSourceScript(lang, sm.Other(), tm.Other()):
			e.State, e.Why = Untranslated, "written in Latin script, like the source, in a language that is not"
		case tm.Hash != "" && tm.Hash != Hash(sm):
			e.State, e.Why = Stale, "go-i18n hash differs from the source message's"
		case tm.Hash != "":
			e.State = Current
		case p.Known && p.SourceWhenTranslated != sm.Other():
			e.State, e.Why = Stale, "the source text changed after this was translated"
			e.SourceBefore = p.SourceWhenTranslated
		default:
			e.State = Current
		}
		out = append(out, e)
	}
	for _, tm := range tr.Messages {
		if src.Message(tm.Key) == nil {
			out = append(out, Entry{Lang: lang, Key: tm.Key, State: Extra, File: tr.Path, Line: tm.Line, Text: tm.Other()})
		}
	}
	return out
}

func sameForms(a, b *Message) bool {
	if len(a.Forms) != len(b.Forms) {
		return false
	}
	for form, text := range a.Forms {
		if b.Forms[form] != text {
			return false
		}
	}
	return true
}

// inSourceScript reports a translation still in the source language: the
// target language is written in another script than Latin (ja, ko, zh,
// ru, …), the source text is Latin, and the translated text has two or
// more Latin words and no letter of any other script.
func inSourceScript(lang, source, text string) bool {
	tag, err := language.Parse(lang)
	if err != nil {
		return false
	}
	script, _ := tag.Script()
	if script.String() == "Latn" || !latinOnly(source) || !latinOnly(text) {
		return false
	}
	words, inWord := 0, false
	for _, r := range text {
		letter := unicode.IsLetter(r)
		if letter && !inWord {
			words++
		}
		inWord = letter
	}
	return words >= 2
}

// latinOnly reports text whose letters are all Latin (and has some).
func latinOnly(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		if !unicode.Is(unicode.Latin, r) {
			return false
		}
		n++
	}
	return n > 0
}
