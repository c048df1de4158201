package main

import (
	"os"
	"runtime/debug"
)

// gcPercent and memoryLimit tune the garbage collector for a status run,
// which allocates much (some 9 GB on kubernetes/website, most of it pages
// parsed and aligned and dropped at once) and keeps little (60 to 120 MB
// live, more while it keeps reports for the cache): the collector runs
// when the heap has grown by three times what it kept, not by one, and
// more often than that only near 320 MiB. On kubernetes/website's
// Markdown copy, CPU went from 60 s to 53–58 s with --no-cache, and
// from 94 to 52 s for a cold run that writes the cache (a 200 MiB limit
// made the collector run over and over there, as that run keeps more);
// the process tree peaks at about 390 MiB (323 MiB with the runtime's
// defaults). A heap that must hold more than the limit is collected more
// often, at most at half the CPU (the runtime bounds it).
const (
	gcPercent   = 300
	memoryLimit = 320 << 20
)

// tuneGC sets gcPercent and memoryLimit, unless the environment sets
// GOGC or GOMEMLIMIT: the user's choice stands.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}
