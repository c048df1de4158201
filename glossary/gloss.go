package glossary

import (
	"strings"
	"unicode/utf8"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// glossWords returns the words an English occurrence in parentheses glosses
// (as many as it has: 상태 검사 for 상태 검사(health check), 종속적 for
// 종속적(cascading)), with their offset in t.norm; "" when it is not
// such a gloss.
func glossWords(t text, o occurrence) (int, string) {
	if o.at == 0 || t.norm[o.at-1] != '(' || o.end >= len(t.norm) || t.norm[o.end] != ')' {
		return 0, ""
	}
	end := o.at - 1
	start := end
	for words := len(strings.Fields(o.f.text)); words > 0; words-- {
		k := start
		for k > 0 {
			r, size := utf8.DecodeLastRuneInString(t.cased[:k])
			if !isHangul(r) && !isCJK(r) {
				break
			}
			k -= size
		}
		if k == start {
			break
		}
		start = k
		if words > 1 && start > 0 && t.cased[start-1] == ' ' {
			start--
		}
	}
	// A grammatical word alone (않는다 in 더 이상 사용되지 않는다(deprecated))
	// takes the word before it too.
	firstWord := func() string {
		if w := strings.Fields(t.cased[start:end]); len(w) > 0 {
			return w[0]
		}
		return ""
	}
	for extra := 0; extra < 2 && functionWords[firstWord()] && start > 1 && t.cased[start-1] == ' '; extra++ {
		k := start - 1
		for k > 0 {
			r, size := utf8.DecodeLastRuneInString(t.cased[:k])
			if !isHangul(r) {
				break
			}
			k -= size
		}
		if k == start-1 {
			break
		}
		start = k
	}
	start += len(t.cased[start:end]) - len(strings.TrimLeft(t.cased[start:end], " "))
	if start >= end {
		return 0, ""
	}
	return start, t.cased[start:end]
}

// parenthesized reports source units that have the English in
// parentheses too (a namespace (Role)): there it is no gloss.
func parenthesized(units []*parse.Unit, en string) bool {
	for _, u := range units {
		if strings.Contains(strings.ToLower(u.Text), "("+strings.ToLower(en)+")") {
			return true
		}
	}
	return false
}
