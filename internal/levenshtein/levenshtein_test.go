package levenshtein

import "testing"

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"format", "format", 0},
		{"formt", "format", 1},
		{"color", "colour", 1},
		{"kitten", "sitting", 3},
		{"", "abc", 3},
		{"テレメトリ", "テレメトリー", 1},
		{"認知負荷", "認知的負荷", 1},
	}
	for _, tt := range tests {
		if got := Distance([]rune(tt.a), []rune(tt.b)); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
