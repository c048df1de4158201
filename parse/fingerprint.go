package parse

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maskToken stands for a masked part (code, URL, image) in Plain text.
const maskToken = "\uFFFC"

// hash is the fingerprint of a normalized string: 64 bits of SHA-256, hex.
func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:8])
}

// FoldSpace trims s and folds each run of white space to one space. A run
// that holds a line break between two CJK characters disappears: reflowing
// Chinese or Japanese text adds no space a reader sees.
func FoldSpace(s string) string { return foldSpace(s) }

func foldSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	var prev rune
	space, newline := false, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if b.Len() > 0 {
				space = true
				newline = newline || r == '\n'
			}
			continue
		}
		if space {
			if !(newline && isWide(prev) && isWide(r)) {
				b.WriteByte(' ')
			}
			space, newline = false, false
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// isWide reports whether r belongs to a script written without spaces
// between words (Han, kana) or is CJK punctuation.
func isWide(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
		return true
	case r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFFEF, r == 0x30FC:
		return true
	}
	return false
}

// isLatinLetter reports whether r is a letter of the Latin script.
func isLatinLetter(r rune) bool {
	return r < utf8.RuneSelf && (r|0x20 >= 'a' && r|0x20 <= 'z') || r >= 0xC0 && unicode.Is(unicode.Latin, r)
}

// addWordsAndNumbers collects the Latin words and numbers of plain text.
func addWordsAndNumbers(a *Anchors, plain string) {
	for i := 0; i < len(plain); {
		r, size := utf8.DecodeRuneInString(plain[i:])
		switch {
		case isLatinLetter(r):
			j := i + size
			for j < len(plain) {
				r2, s2 := utf8.DecodeRuneInString(plain[j:])
				if !isLatinLetter(r2) && !(r2 >= '0' && r2 <= '9') {
					break
				}
				j += s2
			}
			if utf8.RuneCountInString(plain[i:j]) >= 2 {
				a.Words = append(a.Words, plain[i:j])
			}
			i = j
		case r >= '0' && r <= '9':
			j := i + 1
			for j < len(plain) && (isDigit(plain[j]) || (plain[j] == '.' || plain[j] == ',') && j+1 < len(plain) && isDigit(plain[j+1])) {
				j++
			}
			a.Numbers = append(a.Numbers, plain[i:j])
			i = j
		default:
			i += size
		}
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
