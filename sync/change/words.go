package change

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cnpe-i18n/cnpe-i18n/parse"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Op is a word diff operation.
type Op int

// Word diff operations.
const (
	Equal Op = iota
	Delete
	Insert
)

var opNames = [...]string{"equal", "delete", "insert"}

// Edit is one run of a word diff.
type Edit struct {
	Op   Op     `json:"op"`
	Text string `json:"text"`
}

// WordDiff diffs two texts word by word (a CJK character is a word) with
// go-diff, so that a translator sees which words of the source changed.
func WordDiff(before, after string) []Edit {
	a, b := Tokenize(before), Tokenize(after)
	index := map[string]rune{}
	var vocab []string
	encode := func(tokens []string) []rune {
		rs := make([]rune, len(tokens))
		for i, t := range tokens {
			r, ok := index[t]
			if !ok {
				// Private-use and beyond: go-diff compares runes, not text.
				r = rune(0xF0000 + len(vocab))
				index[t] = r
				vocab = append(vocab, t)
			}
			rs[i] = r
		}
		return rs
	}
	ra, rb := encode(a), encode(b)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	diffs := dmp.DiffMainRunes(ra, rb, false)
	diffs = dmp.DiffCleanupSemantic(diffs)
	var out []Edit
	for _, d := range diffs {
		var sb strings.Builder
		for _, r := range d.Text {
			sb.WriteString(vocab[r-0xF0000])
		}
		op := Equal
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			op = Delete
		case diffmatchpatch.DiffInsert:
			op = Insert
		}
		if n := len(out); n > 0 && out[n-1].Op == op {
			out[n-1].Text += sb.String()
			continue
		}
		out = append(out, Edit{Op: op, Text: sb.String()})
	}
	return out
}

// UnitWordDiff is the word diff of two versions of a unit as a reader is
// shown it: of their Plain text, the words a reader sees, unless one of
// them masks a part (inline code, a URL, an image) with a placeholder,
// which would show instead of the code; then of their Markdown text.
func UnitWordDiff(before, after *parse.Unit) []Edit {
	if strings.Contains(before.Plain, maskToken) || strings.Contains(after.Plain, maskToken) {
		return WordDiff(before.Text, after.Text)
	}
	return WordDiff(before.Plain, after.Plain)
}

// maskToken is the placeholder of a masked part in a unit's Plain text.
const maskToken = "\uFFFC"

// Tokenize splits text into words, single CJK characters, runs of white
// space and single punctuation marks; joined, they give the text back.
func Tokenize(s string) []string {
	// A word and a space come every six bytes or so of English; a CJK
	// character is three bytes.
	tokens := make([]string, 0, len(s)/3+1)
	for t := range Tokens(s) {
		tokens = append(tokens, t)
	}
	return tokens
}

// Tokens yields the tokens of Tokenize one by one, for callers that look
// at each once and need no slice of them.
func Tokens(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for i := 0; i < len(s); {
			j := tokenEnd(s, i)
			if !yield(s[i:j]) {
				return
			}
			i = j
		}
	}
}

// tokenEnd is the end of the token that starts at s[i].
func tokenEnd(s string, i int) int {
	r, size := rune(s[i]), 1
	if r >= utf8.RuneSelf {
		r, size = utf8.DecodeRuneInString(s[i:])
	}
	j := i + size
	switch {
	case unicode.IsSpace(r):
		for j < len(s) {
			r2, s2 := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsSpace(r2) {
				break
			}
			j += s2
		}
	case IsWordRune(r) && !isCJK(r):
		for j < len(s) {
			r2, s2 := rune(s[j]), 1
			if r2 >= utf8.RuneSelf {
				r2, s2 = utf8.DecodeRuneInString(s[j:])
			}
			if !IsWordRune(r2) || isCJK(r2) {
				break
			}
			j += s2
		}
	}
	return j
}

// IsWordRune reports whether r belongs to a word: a letter, a digit,
// "_" or an apostrophe.
func IsWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9' || r == '_' || r == '\''
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '\''
}

func isCJK(r rune) bool {
	return r >= 0x2E80 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// CountWords counts the words of text as a translator's estimate does:
// Latin words, and CJK characters (roughly two to a word).
func CountWords(text string) int {
	n, cjk := 0, 0
	for t := range Tokens(text) {
		r, _ := utf8.DecodeRuneInString(t)
		switch {
		case isCJK(r):
			cjk++
		case IsWordRune(r):
			n++
		}
	}
	return n + (cjk+1)/2
}
