//go:build unix

// Package cputime reads the CPU time the process has used, for
// benchmarks that report it beside the wall time (cpu-ns/op): on a
// shared machine it varies less.
package cputime

import (
	"syscall"
	"time"
)

// Process is the user and system time of the process so far, its
// garbage collector's included; 0 when it cannot be read.
func Process() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
