package render

import (
	"strings"
	"unicode/utf8"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
)

const (
	ANSIBold  = "\x1b[1m"
	ANSIRed   = "\x1b[31m"
	ANSIGreen = "\x1b[32m"
	ANSIDim   = "\x1b[2m"
	ANSIReset = "\x1b[0m"
)

func Paint(on bool, code, s string) string {
	if !on {
		return s
	}
	return code + s + ANSIReset
}

// WordDiff shows a word diff on one line: [-old-]{+new+}, or
// coloured on a terminal.
func WordDiff(edits []change.Edit, colour bool) string {
	var b strings.Builder
	for _, e := range edits {
		text := CollapseSpace(e.Text)
		switch e.Op {
		case change.Delete:
			if colour {
				b.WriteString(ANSIRed + text + ANSIReset)
			} else {
				b.WriteString("[-" + text + "-]")
			}
		case change.Insert:
			if colour {
				b.WriteString(ANSIGreen + text + ANSIReset)
			} else {
				b.WriteString("{+" + text + "+}")
			}
		default:
			b.WriteString(text)
		}
	}
	return b.String()
}

// CollapseSpace folds runs of white space to one space, keeping a space
// at either end so that the runs of a word diff join correctly.
func CollapseSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\n' || r == '\t' || r == '\r' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// Excerpt shortens text to one line of at most n runes, control
// characters escaped.
func Excerpt(text string, n int) string {
	text = EscapeText(parse.FoldSpace(text))
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	r := []rune(text)
	return string(r[:n-1]) + "…"
}
