package render

import "testing"

func TestWidth(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"stale", 5},
		{"한국어", 6},
		{"日本語 ok", 9},
		{ANSIRed + "stale" + ANSIReset, 5},
		{Paint(true, ANSIBold, "설치"), 4},
		{"\x1b[", 1}, // not a colour code: the "[" counts, ESC is a control
	} {
		if got := Width(tc.in); got != tc.want {
			t.Errorf("Width(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestTableAlignsWideAndColouredCells(t *testing.T) {
	got := Table([][]string{
		{"lang", "page", "words"},
		{"ko", "설치.md", "12"},
		{"en", Paint(true, ANSIRed, "setup.md"), "3"},
	}, []bool{false, false, true})
	want := "lang  page      words\n" +
		"ko    설치.md      12\n" +
		"en    " + ANSIRed + "setup.md" + ANSIReset + "      3\n"
	if got != want {
		t.Errorf("Table:\n%s\nwant:\n%s", got, want)
	}
}
