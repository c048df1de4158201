// Command bench generates a kubernetes/website-scale repository and times
// "cnpe-i18n status" on it.
//
//	go run ./internal/bench -gen /tmp/cnpe-bench          # about a minute
//	go run ./internal/bench -run /tmp/cnpe-bench -count 5 # medians, peak memory
//
// The run also times the per-file-git way of finding stale translations
// (one "git log -1" per translated file, as lsync.sh does) on a sample and
// extrapolates it to every translated file.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"
)

func main() {
	var (
		gen     = flag.String("gen", "", "generate a repository in `dir`")
		runDir  = flag.String("run", "", "time status on the repository in `dir`")
		pages   = flag.Int("pages", 2300, "English pages to generate")
		commits = flag.Int("commits", 3000, "commits to generate")
		seed    = flag.Uint64("seed", 1, "random seed")
		count   = flag.Int("count", 5, "status runs")
		sample  = flag.Int("sample", 200, "translated files timed with one git log each")
	)
	flag.Parse()
	switch {
	case *gen != "":
		start := time.Now()
		if err := generate(genOptions{Dir: *gen, Pages: *pages, Commits: *commits, Seed: *seed}); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		fmt.Printf("generated %s in %s\n", *gen, time.Since(start).Round(time.Millisecond))
		describe(*gen)
	case *runDir != "":
		if err := timeStatus(*runDir, *count, *sample); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
	default:
		flag.Usage()
		os.Exit(2)
	}
}

func describe(dir string) {
	files, size, translated := 0, int64(0), 0
	filepath.Walk(filepath.Join(dir, "content"), func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && strings.HasSuffix(p, ".md") {
			files++
			size += info.Size()
			if !strings.Contains(p, "/content/en/") {
				translated++
			}
		}
		return nil
	})
	out, _ := exec.Command("git", "-C", dir, "rev-list", "--count", "HEAD").Output()
	fmt.Printf("%d Markdown files (%d translations), %.1f MB, %s commits, %d languages\n",
		files, translated, float64(size)/1e6, strings.TrimSpace(string(out)), len(langs)+1)
}

func timeStatus(dir string, count, sample int) error {
	describe(dir)
	bin := filepath.Join(os.TempDir(), "cnpe-i18n-bench")
	build := exec.Command("go", "build", "-o", bin, "./cmd/cnpe-i18n")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		return err
	}
	var walls []time.Duration
	var peak int64
	for i := range count {
		cmd := exec.Command(bin, "status", "-C", dir, "--format", "json", "--fail-on", "none")
		cmd.Stdout, cmd.Stderr = nil, os.Stderr
		start := time.Now()
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("status: %w", err)
		}
		wall := time.Since(start)
		ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		rss := ru.Maxrss // KiB on Linux
		peak = max(peak, rss)
		walls = append(walls, wall)
		fmt.Printf("run %d: %s wall, %s user, %s sys, %.1f MiB peak RSS\n", i+1, wall.Round(time.Millisecond),
			cmd.ProcessState.UserTime().Round(time.Millisecond), cmd.ProcessState.SystemTime().Round(time.Millisecond), float64(rss)/1024)
	}
	sort.Slice(walls, func(i, j int) bool { return walls[i] < walls[j] })
	fmt.Printf("status: median %s (min %s, max %s) over %d runs, peak RSS %.1f MiB\n",
		walls[len(walls)/2].Round(time.Millisecond), walls[0].Round(time.Millisecond), walls[len(walls)-1].Round(time.Millisecond), count, float64(peak)/1024)
	return timePerFileGit(dir, sample)
}

// timePerFileGit times one "git log -1" per translated file on a sample.
func timePerFileGit(dir string, sample int) error {
	out, err := exec.Command("git", "-C", dir, "ls-files", "content").Output()
	if err != nil {
		return err
	}
	var translated []string
	for _, f := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if !strings.HasPrefix(f, "content/en/") && strings.HasSuffix(f, ".md") {
			translated = append(translated, f)
		}
	}
	if len(translated) == 0 || sample <= 0 {
		return nil
	}
	step := max(1, len(translated)/sample)
	n := 0
	start := time.Now()
	for i := 0; i < len(translated); i += step {
		if err := exec.Command("git", "-C", dir, "log", "-1", "--format=%H", "--", translated[i]).Run(); err != nil {
			return err
		}
		n++
	}
	per := time.Since(start) / time.Duration(n)
	fmt.Printf("per-file git log: %s per file over %d sampled files; %d translated files → %s in all\n",
		per.Round(time.Millisecond), n, len(translated), (per * time.Duration(len(translated))).Round(time.Second))
	return nil
}
