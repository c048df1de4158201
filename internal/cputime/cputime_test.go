//go:build unix

package cputime

import "testing"

// TestProcessGrows: work done between two readings shows in them.
func TestProcessGrows(t *testing.T) {
	before := Process()
	if before <= 0 {
		t.Fatalf("Process() = %v, want the time used so far", before)
	}
	x := 0
	for i := 0; Process()-before <= 0 && i < 1e9; i++ {
		x += i
	}
	if Process() <= before {
		t.Errorf("Process() did not grow after work (%d)", x)
	}
}
