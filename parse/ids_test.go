package parse

import (
	"slices"
	"testing"
)

// TestSectionOrdinals: ordinals count per section and kind, and go on in
// a section a later heading names again (a heading "_" continues the
// text before the first heading).
func TestSectionOrdinals(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"sections", "Intro.\n\n# A\n\nOne.\n\n- item\n\nTwo.\n\n# B\n\nThree.\n",
			[]string{"_/paragraph-1", "a/heading", "a/paragraph-1", "a/list_item-1", "a/paragraph-2", "b/heading", "b/paragraph-1"}},
		{"heading named like the first section", "Intro.\n\n# A\n\nOne.\n\n# _\n\nTwo.\n",
			[]string{"_/paragraph-1", "a/heading", "a/paragraph-1", "_/heading", "_/paragraph-2"}},
		{"repeated heading", "# A\n\nOne.\n\n# A\n\nTwo.\n",
			[]string{"a/heading", "a/paragraph-1", "a-1/heading", "a-1/paragraph-1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("p.md", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, u := range doc.Units {
				got = append(got, u.ID)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("IDs %q, want %q", got, tt.want)
			}
		})
	}
}
