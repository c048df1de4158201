package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"golang.org/x/text/unicode/norm"
)

// text is a unit's visible text, normalized (NFKC, so full-width Latin
// and half-width kana fold; Latin lower case; ’ as '), with the file
// offset of every byte.
type text struct {
	norm string
	off  []int
}

func normalize(src []byte, spans []parse.Span) text {
	var b strings.Builder
	var off []int
	for _, sp := range spans {
		for i := sp.Start; i < sp.End; {
			r, size := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && size <= 1 {
				i++
				continue
			}
			s := foldRune(r)
			b.WriteString(s)
			for range len(s) {
				off = append(off, i)
			}
			i += size
		}
	}
	return text{norm: b.String(), off: off}
}

// normString normalizes a glossary form the way text is.
func normString(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteString(foldRune(r))
	}
	return b.String()
}

func foldRune(r rune) string {
	switch r {
	case '\u2019', '\u2018':
		return "'"
	case '\u00a0':
		return " "
	}
	if r < utf8.RuneSelf {
		return string(unicode.ToLower(r))
	}
	s := norm.NFKC.String(string(r))
	if unicode.Is(unicode.Latin, r) {
		s = strings.ToLower(s)
	}
	return s
}

// form is one string to look for.
type form struct {
	norm string
	text string // as written in the glossary
}

func newForm(s string) form { return form{norm: normString(s), text: s} }

// find returns the positions (in t.norm) of the form, honouring the
// boundaries of its script: words at Latin edges, substrings at CJK edges,
// and the kana guard: a katakana form does not match when a long-vowel
// mark or a small kana follows it (テレメトリ is not in テレメトリー).
func (f form) find(t text) []int {
	if f.norm == "" {
		return nil
	}
	first, _ := utf8.DecodeRuneInString(f.norm)
	last, _ := utf8.DecodeLastRuneInString(f.norm)
	var out []int
	for i := 0; i <= len(t.norm)-len(f.norm); {
		j := strings.Index(t.norm[i:], f.norm)
		if j < 0 {
			break
		}
		at := i + j
		end := at + len(f.norm)
		before, _ := utf8.DecodeLastRuneInString(t.norm[:at])
		after, _ := utf8.DecodeRuneInString(t.norm[end:])
		ok := true
		if isWordChar(first) && at > 0 && isWordChar(before) {
			ok = false
		}
		if isWordChar(last) && end < len(t.norm) && isWordChar(after) {
			ok = false
		}
		if unicode.Is(unicode.Katakana, last) && end < len(t.norm) && extendsKana(after) {
			ok = false
		}
		if ok {
			out = append(out, at)
			i = end
		} else {
			i = at + 1
		}
	}
	return out
}

func isWordChar(r rune) bool {
	return r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') ||
		r >= 0xC0 && unicode.Is(unicode.Latin, r)
}

// extendsKana reports a rune that continues the katakana word before it.
func extendsKana(r rune) bool {
	switch r {
	case 'ー', 'ァ', 'ィ', 'ゥ', 'ェ', 'ォ', 'ッ', 'ャ', 'ュ', 'ョ', 'ヮ', 'ヵ', 'ヶ', '\u3099', '\u309A', '゛', '゜':
		return true
	}
	return false
}

// englishForms returns an English term with its inflections: plural of
// the last word, possessives, and hyphen and space variants.
func englishForms(term string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	bases := []string{term}
	if strings.Contains(term, " ") {
		bases = append(bases, strings.ReplaceAll(term, " ", "-"))
	}
	if strings.Contains(term, "-") {
		bases = append(bases, strings.ReplaceAll(term, "-", " "))
	}
	for _, b := range bases {
		add(b)
		pl := plural(b)
		add(pl)
		add(b + "'s")
		if strings.HasSuffix(pl, "s") {
			add(pl + "'")
		}
	}
	return out
}

// plural makes the plural of the last word of an English term (regular
// plurals only; acronyms take s).
func plural(s string) string {
	i := strings.LastIndexAny(s, " -")
	head, word := s[:i+1], s[i+1:]
	lower := strings.ToLower(word)
	switch {
	case word == "" || strings.ToUpper(word) == word && len(word) > 1:
		return s + "s"
	case strings.HasSuffix(lower, "y") && len(lower) > 1 && !strings.ContainsRune("aeiou", rune(lower[len(lower)-2])):
		return head + word[:len(word)-1] + "ies"
	case strings.HasSuffix(lower, "s"), strings.HasSuffix(lower, "x"), strings.HasSuffix(lower, "z"),
		strings.HasSuffix(lower, "ch"), strings.HasSuffix(lower, "sh"):
		return head + word + "es"
	}
	return head + word + "s"
}

// count counts the non-overlapping occurrences of any of the forms,
// longest first.
func count(t text, forms []form) (n int, first int) {
	taken := make([]bool, len(t.norm)+1)
	first = -1
	for _, f := range forms {
	next:
		for _, at := range f.find(t) {
			for k := at; k < at+len(f.norm); k++ {
				if taken[k] {
					continue next
				}
			}
			for k := at; k < at+len(f.norm); k++ {
				taken[k] = true
			}
			n++
			if first < 0 || at < first {
				first = at
			}
		}
	}
	return n, first
}
