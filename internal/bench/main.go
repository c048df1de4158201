// Command bench generates a kubernetes/website-scale repository and times
// "cnpe-i18n status" on it.
//
//	go run ./internal/bench -gen /tmp/cnpe-bench          # about a minute
//	go run ./internal/bench -run /tmp/cnpe-bench -count 5 # medians, peak memory
//	go run ./internal/bench -repo ~/src/website -count 5  # any real clone
//
// Each run reports wall time, CPU (user + system, git children included)
// and the peak memory of the whole process tree, sampled from /proc. The
// same run also times the per-file-git way of finding stale translations
// (one "git log -1" per Markdown file, translations and sources, as lsync.sh does) on
// a sample, extrapolates it to every page and prints the ratio.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

func main() {
	var (
		gen     = flag.String("gen", "", "generate a repository in `dir`")
		runDir  = flag.String("run", "", "time status on the generated repository in `dir`")
		repo    = flag.String("repo", "", "time status on any clone in `dir` (its pages under content/)")
		pages   = flag.Int("pages", 2300, "English pages to generate")
		commits = flag.Int("commits", 3000, "commits to generate")
		seed    = flag.Uint64("seed", 1, "random seed")
		count   = flag.Int("count", 5, "status runs")
		sample  = flag.Int("sample", 200, "translated files timed with one git log each")
		stat    = flag.String("stats", "", "print the history and page distributions of the clone in `dir`")
	)
	flag.Parse()
	switch {
	case *gen != "":
		start := time.Now()
		if err := generate(genOptions{Dir: *gen, Pages: *pages, Commits: *commits, Images: 30, Seed: *seed}); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		fmt.Printf("generated %s in %s\n", *gen, time.Since(start).Round(time.Millisecond))
		describe(*gen)
	case *stat != "":
		s, err := measure(*stat)
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		fmt.Print(s)
	case *runDir != "" || *repo != "":
		dir := *runDir
		if *repo != "" {
			dir = *repo
		}
		if err := timeStatus(dir, *count, *sample); err != nil {
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
	var walls, cpus []time.Duration
	var peaks []int64
	for i := range count {
		cmd := exec.Command(bin, "status", "-C", dir, "--format", "json", "--fail-on", "none")
		cmd.Stdout, cmd.Stderr = nil, os.Stderr
		start := time.Now()
		if err := cmd.Start(); err != nil {
			return err
		}
		sampler := sampleTree(cmd.Process.Pid, 20*time.Millisecond)
		err := cmd.Wait()
		peak := sampler.Stop()
		wall := time.Since(start)
		if err != nil {
			return fmt.Errorf("status: %w", err)
		}
		cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		walls, cpus, peaks = append(walls, wall), append(cpus, cpu), append(peaks, peak)
		fmt.Printf("run %d: %s wall, %s CPU, %.1f MiB peak process tree\n", i+1, wall.Round(time.Millisecond),
			cpu.Round(time.Millisecond), float64(peak)/1024)
	}
	slices.Sort(walls)
	slices.Sort(cpus)
	slices.Sort(peaks)
	med := walls[len(walls)/2]
	fmt.Printf("status: median %s wall (min %s, max %s), median %s CPU, median peak %.1f MiB (max %.1f) over %d runs\n",
		med.Round(time.Millisecond), walls[0].Round(time.Millisecond), walls[len(walls)-1].Round(time.Millisecond),
		cpus[len(cpus)/2].Round(time.Millisecond), float64(peaks[len(peaks)/2])/1024, float64(peaks[len(peaks)-1])/1024, count)
	perFile, err := timePerFileGit(dir, sample)
	if err != nil || perFile == 0 {
		return err
	}
	fmt.Printf("ratio: per-file git log takes %.1f× the median status wall time\n", float64(perFile)/float64(med))
	return nil
}

// timePerFileGit times one "git log -1" per page, translations and
// sources alike, on a sample, and returns the extrapolated total.
func timePerFileGit(dir string, sample int) (time.Duration, error) {
	out, err := exec.Command("git", "-C", dir, "ls-files", "--", "*.md").Output()
	if err != nil {
		return 0, err
	}
	var pages []string
	for _, f := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if strings.HasSuffix(f, ".md") {
			pages = append(pages, f)
		}
	}
	if len(pages) == 0 || sample <= 0 {
		return 0, nil
	}
	step := max(1, len(pages)/sample)
	n := 0
	start := time.Now()
	for i := 0; i < len(pages); i += step {
		if err := exec.Command("git", "-C", dir, "log", "-1", "--format=%H", "--", pages[i]).Run(); err != nil {
			return 0, err
		}
		n++
	}
	per := time.Since(start) / time.Duration(n)
	total := per * time.Duration(len(pages))
	fmt.Printf("per-file git log: %s per file over %d sampled pages; %d pages (translations and sources) → %s in all\n",
		per.Round(time.Millisecond), n, len(pages), total.Round(time.Second))
	return total, nil
}
