package parse

import (
	"fmt"
	"hash/crc32"
	"strconv"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// maskToken stands for a masked part (code, URL, image) in Plain text.
const maskToken = "\uFFFC"

// Fingerprint identifies a normalized text: its length (high 32 bits) and
// its CRC-32C (low 32 bits, computed by the CPU's own instruction on amd64
// and arm64). It tells versions of a unit apart; it is not a defence
// against forged input. Its text form is 16 hex digits.
type Fingerprint uint64

func (f Fingerprint) String() string {
	const digits = "0123456789abcdef"
	var b [16]byte
	for i := 15; i >= 0; i-- {
		b[i] = digits[f&0xf]
		f >>= 4
	}
	return string(b[:])
}

// MarshalText implements encoding.TextMarshaler.
func (f Fingerprint) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (f *Fingerprint) UnmarshalText(b []byte) error {
	v, err := strconv.ParseUint(string(b), 16, 64)
	if err != nil || len(b) != 16 {
		return fmt.Errorf("invalid fingerprint %q", b)
	}
	*f = Fingerprint(v)
	return nil
}

func hash(s string) Fingerprint {
	return fingerprintOf(unsafe.Slice(unsafe.StringData(s), len(s)))
}

func fingerprintOf(b []byte) Fingerprint {
	return Fingerprint(uint64(uint32(len(b)))<<32 | uint64(crc32.Checksum(b, castagnoli)))
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// fullHash is the full fingerprint of raw text: everything but ASCII
// white space (a full-width space is something the page shows), which is
// dropped into a reused buffer before hashing.
func fullHash(s string) Fingerprint {
	bp := bufPool.Get().(*[]byte)
	b := (*bp)[:0]
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && !asciiSpace[s[j]] {
			j++
		}
		b = append(b, s[i:j]...)
		for j < len(s) && asciiSpace[s[j]] {
			j++
		}
		i = j
	}
	f := fingerprintOf(b)
	*bp = b
	bufPool.Put(bp)
	return f
}

var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

// FoldSpace trims s and folds each run of white space to one space. A run
// that holds a line break between two CJK characters disappears: reflowing
// Chinese or Japanese text adds no space a reader sees.
func FoldSpace(s string) string { return foldSpace(s) }

func foldSpace(s string) string {
	f := folder{buf: make([]byte, 0, len(s))}
	f.WriteString(s)
	return f.String()
}

// asciiSpace marks the ASCII white space bytes.
var asciiSpace = [256]bool{' ': true, '\t': true, '\n': true, '\r': true, '\v': true, '\f': true}

// folder accumulates text written in pieces with white space folded as by
// FoldSpace, so that a unit's plain text is built in one buffer.
type folder struct {
	buf []byte
	// last is where the last rune written starts in buf: the one a line
	// break is judged by (see isWide).
	last                    int
	started, space, newline bool
}

// WriteString appends s, folding its white space.
func (f *folder) WriteString(s string) (int, error) {
	fold(s, f)
	return len(s), nil
}

// WriteByte appends one byte; it never fails.
func (f *folder) WriteByte(c byte) error {
	var b [1]byte
	b[0] = c
	fold(unsafeString(b[:]), f)
	return nil
}

// String returns the folded text, trimmed.
func (f *folder) String() string {
	return unsafeString(f.buf)
}

func (f *folder) emit(part string) { f.buf = append(f.buf, part...) }

// prev is the last rune written, as it was read.
func (f *folder) prev() rune {
	r, _ := utf8.DecodeRuneInString(unsafeString(f.buf[f.last:]))
	return r
}

// fold appends the parts of s to f with white space folded.
func fold(s string, f *folder) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf && !asciiSpace[c] {
			// A run of ASCII words separated by single spaces is copied at once.
			j := i + 1
			for j < len(s) && s[j] < utf8.RuneSelf && (!asciiSpace[s[j]] ||
				s[j] == ' ' && j+1 < len(s) && s[j+1] < utf8.RuneSelf && !asciiSpace[s[j+1]]) {
				j++
			}
			if f.space {
				f.emit(" ")
				f.space, f.newline = false, false
			}
			f.emit(s[i:j])
			f.started = true
			f.last = len(f.buf) - 1
			i = j
			continue
		}
		size := 1
		if c >= utf8.RuneSelf {
			size = nonSpaceLen(s[i:])
		}
		if size == 0 {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				c = ' '
			}
		}
		if c < utf8.RuneSelf {
			if f.started {
				f.space = true
				f.newline = f.newline || c == '\n'
			}
			i += size
			continue
		}
		if f.space {
			if !f.newline || !isWide(f.prev()) || !isWide(firstRune(s[i:])) {
				f.emit(" ")
			}
			f.space, f.newline = false, false
		}
		// A run of runes past ASCII that are not white space (CJK text)
		// is copied at once; where its last rune starts is kept.
		j, last := i+size, i
		for j < len(s) && s[j] >= utf8.RuneSelf {
			n := nonSpaceLen(s[j:])
			if n == 0 {
				r2, size2 := utf8.DecodeRuneInString(s[j:])
				if unicode.IsSpace(r2) {
					break
				}
				n = size2
			}
			last = j
			j += n
		}
		f.emit(s[i:j])
		f.started = true
		f.last = len(f.buf) - (j - last)
		i = j
	}
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// nonSpaceLen returns the length of the rune at the start of s when it is
// sure, from its bytes alone, that it is a valid rune of two or three
// bytes and not white space (Hangul, kana and Han, Cyrillic, accented
// Latin letters), else 0. White space past ASCII is U+0085, U+00A0 (lead
// byte C2), U+1680 (E1), U+2000–U+205F (E2) and U+3000 (E3 80), so those
// lead bytes are left to the decoder, as are E0, ED past the BMP's
// surrogates, and all four-byte runes.
func nonSpaceLen(s string) int {
	if len(s) < 2 || s[1]&0xC0 != 0x80 {
		return 0
	}
	c := s[0]
	if c >= 0xC3 && c <= 0xDF {
		return 2
	}
	if len(s) < 3 || s[2]&0xC0 != 0x80 {
		return 0
	}
	switch {
	case c >= 0xE4 && c <= 0xEC, c == 0xEE, c == 0xEF,
		c == 0xED && s[1] < 0xA0,
		c == 0xE3 && s[1] != 0x80:
		return 3
	}
	return 0
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
	if r < utf8.RuneSelf {
		return r|0x20 >= 'a' && r|0x20 <= 'z'
	}
	return r >= 0xC0 && r < 0x2C00 && unicode.Is(unicode.Latin, r)
}

// wordsAndNumbers collects the numbers of plain text and the Latin
// words a translation keeps: in text with CJK characters every Latin word,
// elsewhere names, products and acronyms: words with a capital letter
// (not just the first of a sentence) or a digit.
func wordsAndNumbers(a *Anchors, plain string) {
	cjk := false
	for i := 0; i < len(plain); i++ {
		if plain[i] >= 0xE0 {
			cjk = true
			break
		}
	}
	sentenceStart := true
	for i := 0; i < len(plain); {
		c := plain[i]
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(plain[i:])
		}
		switch {
		case isLatinLetter(r):
			j := i + size
			for j < len(plain) {
				c2 := plain[j]
				if c2 < utf8.RuneSelf {
					if !(c2|0x20 >= 'a' && c2|0x20 <= 'z') && !isDigit(c2) {
						break
					}
					j++
					continue
				}
				r2, s2 := utf8.DecodeRuneInString(plain[j:])
				if !isLatinLetter(r2) {
					break
				}
				j += s2
			}
			if j-i >= 2 && (cjk || distinctive(plain[i:j], sentenceStart)) {
				a.Words = append(a.Words, plain[i:j])
			}
			sentenceStart = false
			i = j
		case isDigit(c):
			j := i + 1
			for j < len(plain) && (isDigit(plain[j]) || (plain[j] == '.' || plain[j] == ',') && j+1 < len(plain) && isDigit(plain[j+1])) {
				j++
			}
			a.Numbers = append(a.Numbers, plain[i:j])
			sentenceStart = false
			i = j
		default:
			switch r {
			case '.', '!', '?', ':', ';', '"', '(', '\u201c', '\uFFFC':
				sentenceStart = true
			}
			i += size
		}
	}
}

// distinctive reports whether an English word is likely kept verbatim in a
// translation: a digit, a capital after the first letter (DevOps, IDP), or
// a capital first letter away from the start of a sentence (Kubernetes).
func distinctive(w string, sentenceStart bool) bool {
	for i := 0; i < len(w); i++ {
		if isDigit(w[i]) || i > 0 && w[i] >= 'A' && w[i] <= 'Z' {
			return true
		}
	}
	return !sentenceStart && w[0] >= 'A' && w[0] <= 'Z'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// unsafeString returns b as a string without copying; b must not change
// afterwards (a folder's buffer is not written after String).
func unsafeString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}
