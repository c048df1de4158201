// Command bench generates a repository shaped like kubernetes/website's
// history and times "cnpe-i18n status" on it or on any real clone.
//
//	go run ./internal/bench -gen /tmp/cnpe-bench          # ~2 min CPU, 5-10 min wall on a busy 2-core box
//	go run ./internal/bench -run /tmp/cnpe-bench -count 5 # medians, peak memory
//	go run ./internal/bench -repo ~/src/website -count 5  # any real clone
//	go run ./internal/bench -repo /work/repos/k8s-md -bad-files 1 # a clone with one bad page
//	go run ./internal/bench -stats ~/src/website          # the distributions the generator follows
//
// The generator follows the distributions -stats measures (see gen.go and
// history.go for the figures from kubernetes/website): pull requests
// merged with --no-ff, a mass directory move, deletions, heavy-tailed
// versions per page and page sizes, translations that lag, skip and add
// blocks, reorder lists and are edited on their own, and old versions of
// images missing from the object store, as in a partial clone.
//
// A status run must exit 0: status exits 2 when some files cannot be
// processed (a page with an unclosed front matter, say), which on a
// clone with no bad input means a bug. A repository known to hold bad
// files is timed with -bad-files N: exit 2 is then accepted only when the
// run reports exactly N files it could not process, and the first run
// prints them; exit 0 then fails, as -bad-files is out of date. (The
// Markdown-only kubernetes/website copy holds one:
// content/ru/docs/contribute/intermediate.md, whose front matter is not
// closed.)
//
// Each timed run reports wall time, CPU (user + system, git children
// included) and the peak memory of the whole process tree, sampled from
// /proc. When the binary has a cache ("cnpe-i18n cache info" succeeds),
// each cold run follows "cache clear" and is followed by a warm run;
// otherwise the runs are cold only, and the output says so. The same
// invocation also times the per-file-git way of finding stale
// translations (one "git log -1" per Markdown file, translations and
// sources, as lsync.sh does) on a sample, extrapolates it to every page and
// prints the ratios.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

func main() {
	var (
		gen     = flag.String("gen", "", "generate a repository in `dir`")
		runDir  = flag.String("run", "", "time status on the generated repository in `dir`")
		repo    = flag.String("repo", "", "time status on any clone in `dir` (its pages under content/)")
		stat    = flag.String("stats", "", "print the history and page distributions of the clone in `dir`")
		bin     = flag.String("bin", "", "cnpe-i18n `binary` to time (default: build ./cmd/cnpe-i18n)")
		pages   = flag.Int("pages", 2303, "English pages to generate")
		commits = flag.Int("commits", 54276, "commits to generate, merges included")
		images  = flag.Int("images", 300, "images to generate; their replaced versions are removed from the object store")
		seed    = flag.Uint64("seed", 1, "random seed")
		count   = flag.Int("count", 5, "status runs")
		sample  = flag.Int("sample", 200, "Markdown files timed with one git log each")
		bad     = flag.Int("bad-files", 0, "files of the repository known not to be processable (status exit 2 is accepted only when it reports exactly these many)")
	)
	flag.Parse()
	var err error
	switch {
	case *gen != "":
		start := time.Now()
		err = generate(genOptions{Dir: *gen, Pages: *pages, Commits: *commits, Images: *images, Seed: *seed})
		if err == nil {
			fmt.Printf("generated %s in %s\n", *gen, time.Since(start).Round(time.Millisecond))
			describe(*gen)
		}
	case *stat != "":
		var s *stats
		if s, err = measure(*stat); err == nil {
			fmt.Print(s)
		}
	case *runDir != "" || *repo != "":
		dir := *runDir
		if *repo != "" {
			dir = *repo
		}
		err = timeStatus(dir, *bin, *count, *sample, *bad)
	default:
		flag.Usage()
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func describe(dir string) {
	files, _ := markdownFiles(dir)
	size, translated := int64(0), 0
	for _, f := range files {
		if fi, err := os.Stat(filepath.Join(dir, f)); err == nil {
			size += fi.Size()
		}
		if !strings.Contains(f, "content/en/") {
			translated++
		}
	}
	commits := "unknown (git rev-list failed)"
	if out, err := exec.Command("git", "-C", dir, "rev-list", "--count", "HEAD").Output(); err == nil {
		commits = strings.TrimSpace(string(out))
	}
	fmt.Printf("%s: %d Markdown files under content/ (%d not under content/en), %.1f MB, %s commits\n",
		dir, len(files), translated, float64(size)/1e6, commits)
}
