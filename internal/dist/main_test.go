package main

import "testing"

func TestIncPatch(t *testing.T) {
	tests := []struct{ in, want string }{
		{"0.0.0", "0.0.1"},
		{"1.2.3", "1.2.4"},
		{"1.2.9-rc.1", "1.2.10"},
		{"1.2", "0.0.1"},
		{"x.y.z", "0.0.1"},
	}
	for _, tt := range tests {
		if got := incPatch(tt.in); got != tt.want {
			t.Errorf("incPatch(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
