package glossary

import (
	"slices"
	"strings"
	"unicode"
)

// violation is a word that breaks a rule, at a byte offset of text.norm.
type violation struct {
	at              int
	found, expected string
}

// check finds the words of the rule's pattern type that end with one of
// its endings (sortedKeys(r.Endings), which the caller lists once): for
// "katakana", the maximal runs of katakana and ー (・ separates words).
func (r *Rule) check(t text, endings []string) []violation {
	var out []violation
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		word := t.norm[start:end]
		at := start
		start = -1
		if slices.ContainsFunc(r.Except, func(e string) bool { return strings.HasSuffix(word, e) }) {
			return // ソースツリー ends with the exception ツリー
		}
		for _, ending := range endings {
			if strings.HasSuffix(word, ending) && len(word) > len(ending) && morae(word) >= r.MinMorae {
				out = append(out, violation{at, word, strings.TrimSuffix(word, ending) + r.Endings[ending]})
				return
			}
		}
	}
	for i, c := range t.norm {
		if isKatakanaWord(c) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(t.norm))
	return out
}

func isKatakanaWord(r rune) bool {
	return r != '・' && (isKatakana(r) || r == 'ー')
}

// isKatakana is unicode.Is(unicode.Katakana, r), with no search for the
// runes of the main katakana block and for the kanji, Hangul and others
// between U+3358 and U+FF65, where the script has none.
func isKatakana(r rune) bool {
	switch {
	case r < 0x30A1:
		return false
	case r <= 0x30FF:
		return r != 0x30FB && r != 0x30FC // ・ and ー are common to both kana
	case r >= 0x3358 && r < 0xFF66:
		return false
	}
	return unicode.Is(unicode.Katakana, r)
}

// morae counts the morae of a katakana word: every kana but the small
// ones that join the kana before (ャュョァィゥェォヮ); ッ and ー count.
func morae(word string) int {
	n := 0
	for _, r := range word {
		switch r {
		case 'ャ', 'ュ', 'ョ', 'ァ', 'ィ', 'ゥ', 'ェ', 'ォ', 'ヮ':
		default:
			n++
		}
	}
	return n
}

// sortedKeys lists the endings longest first, so ティー is tried before ー.
func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	return keys
}
