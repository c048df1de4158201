package parse

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// refFolder is folder as it was, for foldRef.
type refFolder struct {
	buf                     []byte
	prev                    rune
	started, space, newline bool
}

func (f *refFolder) emit(part string) { f.buf = append(f.buf, part...) }

// foldRef is fold as it was, one rune past ASCII at a time: the
// reference FuzzFold compares fold with.
func foldRef(s string, f *refFolder) {
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
			f.prev = rune(s[j-1])
			i = j
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if c < utf8.RuneSelf || unicode.IsSpace(r) {
			if f.started {
				f.space = true
				f.newline = f.newline || c == '\n'
			}
			i += size
			continue
		}
		if f.space {
			if !(f.newline && isWide(f.prev) && isWide(r)) {
				f.emit(" ")
			}
			f.space, f.newline = false, false
		}
		f.emit(s[i : i+size])
		f.started = true
		f.prev = r
		i += size
	}
}

func foldPieces(s string) string {
	var f folder
	for piece := range strings.SplitAfterSeq(s, "|") {
		fold(piece, &f)
	}
	return string(f.buf)
}

func foldPiecesRef(s string) string {
	var f refFolder
	for piece := range strings.SplitAfterSeq(s, "|") {
		foldRef(piece, &f)
	}
	return string(f.buf)
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Hello  world", "日本語の\n文章です。 English", "  中文 \n 中文\u3000x", "a|b c|\t日|本", "é\u00a0è\u2028ü", "日\xe4\xb8|\x80\n本", "한\n국\u3000어\n|\n\xed\xa0\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := foldPieces(s), foldPiecesRef(s); got != want {
			t.Errorf("fold(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestFoldRuns: runs of CJK text are copied whole, with what follows
// them folded as before.
func TestFoldRuns(t *testing.T) {
	for _, s := range []string{"日本語の\n文章です。 English", "中文\u3000中文", "한국어 문장\n입니다", "x日y本\tz"} {
		if got, want := foldPieces(s), foldPiecesRef(s); got != want {
			t.Errorf("fold(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestNonSpaceLen checks nonSpaceLen against the decoder on every
// sequence of up to three bytes that starts past ASCII: where it answers,
// the bytes are one valid rune of that length that is not white space.
func TestNonSpaceLen(t *testing.T) {
	answered := 0
	for c0 := 0x80; c0 < 0x100; c0++ {
		for c1 := 0; c1 < 0x100; c1++ {
			for c2 := -1; c2 < 0x100; c2++ {
				s := string([]byte{byte(c0), byte(c1)})
				if c2 >= 0 {
					s += string([]byte{byte(c2)})
				}
				n := nonSpaceLen(s)
				if n == 0 {
					continue
				}
				answered++
				r, size := utf8.DecodeRuneInString(s)
				if size != n || unicode.IsSpace(r) { // an invalid byte decodes as RuneError of 1 byte
					t.Fatalf("nonSpaceLen(%q) = %d, but the rune is %U of %d bytes", s, n, r, size)
				}
			}
		}
	}
	// Hangul, kana, Han and Cyrillic all take the short cut.
	for _, s := range []string{"한", "か", "漢", "д", "é"} {
		if nonSpaceLen(s) != len(s) {
			t.Errorf("nonSpaceLen(%q) = %d, want %d", s, nonSpaceLen(s), len(s))
		}
	}
	for _, s := range []string{"\u00a0", "\u3000", "\u2028", "\u1680", "\U0001F600"} {
		if nonSpaceLen(s) != 0 {
			t.Errorf("nonSpaceLen(%q) = %d, want 0 (left to the decoder)", s, nonSpaceLen(s))
		}
	}
	if answered == 0 {
		t.Fatal("nonSpaceLen answered nothing")
	}
}

// BenchmarkFold folds a Japanese and a Korean paragraph with fold and
// with foldRef.
func BenchmarkFold(b *testing.B) {
	for lang, line := range map[string]string{
		"ja": "コンテナ化されたワークロードとサービスを管理するための、ポータブルで拡張性のあるオープンソースのプラットフォームです。\n",
		"ko": "브로커는 한 번에 하나씩 업그레이드하며, 나머지 두 노드가 그 파티션을 넘겨받는다.\n",
	} {
		s := strings.Repeat(line, 8)
		b.Run(lang+"/ref", func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				f := refFolder{buf: make([]byte, 0, len(s))}
				foldRef(s, &f)
			}
		})
		b.Run(lang+"/fold", func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				f := folder{buf: make([]byte, 0, len(s))}
				fold(s, &f)
			}
		})
	}
}
