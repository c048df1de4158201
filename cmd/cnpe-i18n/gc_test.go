package main

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestTuneGC: the collector's settings are the tool's unless the
// environment names its own.
func TestTuneGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	tests := []struct {
		name             string
		gogc, gomemlimit string
		percent          int
		limit            int64
	}{
		{"defaults", "", "", gcPercent, memoryLimit},
		{"GOGC set", "50", "", 50, memoryLimit},
		{"GOMEMLIMIT set", "", "1GiB", gcPercent, 1 << 30},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("GOGC", tt.gogc)
			t.Setenv("GOMEMLIMIT", tt.gomemlimit)
			// What the runtime would have read from the environment.
			debug.SetGCPercent(100)
			debug.SetMemoryLimit(math.MaxInt64)
			if tt.gogc != "" {
				debug.SetGCPercent(50)
			}
			if tt.gomemlimit != "" {
				debug.SetMemoryLimit(1 << 30)
			}
			tuneGC()
			if got := debug.SetGCPercent(100); got != tt.percent {
				t.Errorf("GC percent %d, want %d", got, tt.percent)
			}
			if got := debug.SetMemoryLimit(-1); got != tt.limit {
				t.Errorf("memory limit %d, want %d", got, tt.limit)
			}
		})
	}
}
