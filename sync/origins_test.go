package sync

import (
	"bytes"
	"testing"
)

// TestContainsFrom checks that the cursor changes where containsFrom
// looks, never what it answers: asked in any order, it answers as
// bytes.Contains does.
func TestContainsFrom(t *testing.T) {
	data := []byte("alpha beta gamma alpha delta")
	tests := []struct {
		name string
		subs []string
	}{
		{"in order", []string{"alpha", "beta", "gamma", "delta"}},
		{"backwards", []string{"delta", "gamma", "beta", "alpha"}},
		{"repeated", []string{"alpha", "alpha", "alpha"}},
		{"absent", []string{"beta", "omega", "gamma"}},
		{"straddling the cursor", []string{"gamma", "ma alpha", "a beta g"}},
		{"whole and past", []string{"alpha beta gamma alpha delta", "a", "alpha beta gamma alpha delta!"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from := 0
			for _, sub := range tt.subs {
				got := containsFrom(data, []byte(sub), &from)
				if want := bytes.Contains(data, []byte(sub)); got != want {
					t.Errorf("containsFrom(%q) after the cursor moved to %d = %v, want %v", sub, from, got, want)
				}
				if from < 0 || from > len(data) {
					t.Fatalf("cursor %d outside the data", from)
				}
			}
		})
	}
}
