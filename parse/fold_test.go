package parse

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// foldRef is fold as it was, one rune past ASCII at a time: the
// reference FuzzFold compares fold with.
func foldRef(s string, f *folder) {
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

func foldPieces(s string, fn func(string, *folder)) string {
	var f folder
	for piece := range strings.SplitAfterSeq(s, "|") {
		fn(piece, &f)
	}
	return string(f.buf)
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Hello  world", "日本語の\n文章です。 English", "  中文 \n 中文\u3000x", "a|b c|\t日|本", "é\u00a0è\u2028ü"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := foldPieces(s, fold), foldPieces(s, foldRef); got != want {
			t.Errorf("fold(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestFoldRuns: runs of CJK text are copied whole, with what follows
// them folded as before.
func TestFoldRuns(t *testing.T) {
	for _, s := range []string{"日本語の\n文章です。 English", "中文\u3000中文", "한국어 문장\n입니다", "x日y本\tz"} {
		if got, want := foldPieces(s, fold), foldPieces(s, foldRef); got != want {
			t.Errorf("fold(%q) = %q, want %q", s, got, want)
		}
	}
}

// BenchmarkFold folds a Japanese paragraph with fold and with foldRef.
func BenchmarkFold(b *testing.B) {
	s := strings.Repeat("コンテナ化されたワークロードとサービスを管理するための、ポータブルで拡張性のあるオープンソースのプラットフォームです。\n", 8)
	for _, bc := range []struct {
		name string
		fn   func(string, *folder)
	}{{"ref", foldRef}, {"fold", fold}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				f := folder{buf: make([]byte, 0, len(s))}
				bc.fn(s, &f)
			}
		})
	}
}
