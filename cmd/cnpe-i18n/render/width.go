package render

import (
	"strings"

	"github.com/mattn/go-runewidth"
)

// Width is the number of terminal cells s takes: East Asian wide
// characters count two, ANSI colour codes (ESC [ … m) none.
func Width(s string) int {
	if !strings.Contains(s, "\x1b") {
		return runewidth.StringWidth(s)
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\x1b' && i+1 < len(s) && s[i+1] == '[' {
			j := i + 2
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';') {
				j++
			}
			if j < len(s) && s[j] == 'm' {
				i = j
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return runewidth.StringWidth(b.String())
}

// PadRight pads s with spaces to n cells.
func PadRight(s string, n int) string {
	if w := Width(s); w < n {
		return s + strings.Repeat(" ", n-w)
	}
	return s
}

// PadLeft pads s with spaces on the left to n cells.
func PadLeft(s string, n int) string {
	if w := Width(s); w < n {
		return strings.Repeat(" ", n-w) + s
	}
	return s
}

// Table lays out rows in columns padded to the widest cell, by display
// width; right[i] aligns column i to the right. Cells are separated by two
// spaces and lines carry no trailing space.
func Table(rows [][]string, right []bool) string {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], Width(c))
		}
	}
	var b strings.Builder
	for _, r := range rows {
		var line strings.Builder
		for i, c := range r {
			if i > 0 {
				line.WriteString("  ")
			}
			if i < len(right) && right[i] {
				line.WriteString(PadLeft(c, widths[i]))
			} else {
				line.WriteString(PadRight(c, widths[i]))
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteByte('\n')
	}
	return b.String()
}
