package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// sample is one timed process.
type sample struct {
	wall, cpu time.Duration
	peak      int64 // KiB, whole process tree
	rc        int
}

func (s sample) String() string {
	return fmt.Sprintf("%s wall, %s CPU, %.1f MiB peak process tree, exit %d",
		s.wall.Round(time.Millisecond), s.cpu.Round(time.Millisecond), float64(s.peak)/1024, s.rc)
}

// env is the environment of every timed command: nothing from the
// caller's but PATH and HOME (the cache may live under HOME).
func env() []string {
	return []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME"), "TZ=UTC", "LC_ALL=C.UTF-8", "NO_COLOR=1"}
}

// timeRun runs bin args in dir, sampling the process tree's memory, and
// returns its stderr. An exit code is no error here: the caller judges
// it (checkExit, checkStatus).
func timeRun(dir, bin string, args ...string) (sample, string, error) {
	cmd := exec.Command(bin, args...)
	cmd.Dir, cmd.Env = dir, env()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return sample{}, "", err
	}
	sampler := sampleTree(cmd.Process.Pid, 20*time.Millisecond)
	err := cmd.Wait()
	s := sample{wall: time.Since(start), peak: sampler.Stop()}
	s.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	s.rc = cmd.ProcessState.ExitCode()
	var exit *exec.ExitError
	if err != nil && (!errors.As(err, &exit) || s.rc < 0) {
		return s, stderr.String(), fmt.Errorf("%s %s: %w: %s", filepath.Base(bin), strings.Join(args, " "), err, lastLine(stderr.String()))
	}
	return s, stderr.String(), nil
}

// checkExit fails a run that did not exit 0.
func checkExit(s sample, stderr, what string) error {
	if s.rc != 0 {
		return fmt.Errorf("%s: exit %d: %s", what, s.rc, lastLine(stderr))
	}
	return nil
}

// checkStatus judges the exit of a status run (with --fail-on none, so
// findings never fail it) on a repository said to hold badFiles files
// that cannot be processed (-bad-files): exit 0 when it holds none; exit
// 2, the tool's code for bad input, only when the tool reports exactly
// that many files it could not process. It returns the lines naming
// those files (file:line:col: message).
func checkStatus(s sample, stderr string, badFiles int) ([]string, error) {
	var problems []string
	reported := 0
	for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if rest, ok := strings.CutPrefix(l, "cnpe-i18n: "); ok {
			if n, ok := strings.CutSuffix(rest, " could not be processed"); ok {
				fmt.Sscanf(n, "%d file", &reported)
			}
			continue
		}
		if l != "" {
			problems = append(problems, l)
		}
	}
	switch {
	case s.rc == 0 && badFiles == 0:
		return nil, nil
	case s.rc == 0:
		return nil, fmt.Errorf("status: exit 0, but -bad-files says the repository holds %d file(s) that cannot be processed", badFiles)
	case s.rc == 2 && badFiles > 0 && reported == badFiles:
		return problems, nil
	case s.rc == 2:
		return problems, fmt.Errorf("status: exit 2: %d file(s) could not be processed, -bad-files says %d:\n%s",
			reported, badFiles, strings.Join(problems[:min(len(problems), 10)], "\n"))
	}
	return nil, fmt.Errorf("status: exit %d: %s", s.rc, lastLine(stderr))
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

// hasCache reports whether bin has a cache to warm: "cache info" must
// succeed on the repository.
func hasCache(dir, bin string) (bool, string) {
	cmd := exec.Command(bin, "cache", "info", "-C", dir)
	cmd.Dir, cmd.Env = dir, env()
	out, err := cmd.CombinedOutput()
	if err != nil {
		return false, fmt.Sprintf("%s cache info: %v: %s", filepath.Base(bin), err, lastLine(string(out)))
	}
	return true, ""
}

func timeStatus(dir, bin string, count, nsample, badFiles int) error {
	describe(dir)
	if bin == "" {
		bin = filepath.Join(os.TempDir(), "cnpe-i18n-bench")
		build := exec.Command("go", "build", "-o", bin, "./cmd/cnpe-i18n")
		build.Stderr = os.Stderr
		if err := build.Run(); err != nil {
			return err
		}
	}
	bin, err := filepath.Abs(bin)
	if err != nil {
		return err
	}
	warmable, why := hasCache(dir, bin)
	if warmable {
		fmt.Println("cache: present; each cold run follows \"cache clear\", each warm run follows its cold run")
	} else {
		fmt.Printf("cache: none (%s); cold runs only\n", why)
	}
	status := []string{"status", "-C", dir, "--format", "json", "--fail-on", "none"}
	var cold, warm []sample
	for i := range count {
		if warmable {
			clear := exec.Command(bin, "cache", "clear", "-C", dir)
			clear.Dir, clear.Env = dir, env()
			if out, err := clear.CombinedOutput(); err != nil {
				return fmt.Errorf("cache clear: %w: %s", err, lastLine(string(out)))
			}
		}
		s, err := timeChecked(dir, bin, status, badFiles, i == 0)
		if err != nil {
			return err
		}
		cold = append(cold, s)
		fmt.Printf("run %d cold: %s\n", i+1, s)
		if warmable {
			s, err := timeChecked(dir, bin, status, badFiles, false)
			if err != nil {
				return err
			}
			warm = append(warm, s)
			fmt.Printf("run %d warm: %s\n", i+1, s)
		}
	}
	c := median(cold)
	fmt.Printf("status cold: median %s wall, %s CPU, %.1f MiB peak process tree over %d runs\n",
		c.wall.Round(time.Millisecond), c.cpu.Round(time.Millisecond), float64(c.peak)/1024, len(cold))
	var w sample
	if warmable {
		w = median(warm)
		fmt.Printf("status warm: median %s wall, %s CPU, %.1f MiB peak process tree over %d runs\n",
			w.wall.Round(time.Millisecond), w.cpu.Round(time.Millisecond), float64(w.peak)/1024, len(warm))
	}
	perFile, err := timePerFileGit(dir, nsample)
	if err != nil || perFile.wall == 0 {
		return err
	}
	ratio := func(name string, s sample) {
		fmt.Printf("ratio %s: one git log -1 per file takes %.1f× the wall time and %.1f× the CPU of status\n",
			name, perFile.wall.Seconds()/s.wall.Seconds(), perFile.cpu.Seconds()/max(s.cpu.Seconds(), 1e-3))
	}
	ratio("cold", c)
	if warmable {
		ratio("warm", w)
	}
	return nil
}

// timeChecked times one status run and judges its exit (checkStatus);
// with show, it prints the files the run could not process.
func timeChecked(dir, bin string, status []string, badFiles int, show bool) (sample, error) {
	s, stderr, err := timeRun(dir, bin, status...)
	if err != nil {
		return s, err
	}
	problems, err := checkStatus(s, stderr, badFiles)
	if show && err == nil {
		for _, p := range problems {
			fmt.Println("could not be processed (-bad-files):", p)
		}
	}
	return s, err
}

// markdownFiles lists the tracked Markdown files under a content
// directory at any depth (content/ in Hugo sites, website/content/ in
// cnpe).
func markdownFiles(dir string) ([]string, error) {
	var out bytes.Buffer
	if err := git(dir, &out, "ls-files", "-z", "--", ":(glob)**/content/**/*.md"); err != nil {
		return nil, err
	}
	var files []string
	for _, f := range strings.Split(out.String(), "\x00") {
		if f != "" {
			files = append(files, f)
		}
	}
	return files, nil
}

// median takes the median of each measure on its own.
func median(ss []sample) sample {
	pick := func(f func(sample) int64) int64 {
		xs := make([]int64, len(ss))
		for i, s := range ss {
			xs[i] = f(s)
		}
		slices.Sort(xs)
		return xs[len(xs)/2]
	}
	return sample{
		wall: time.Duration(pick(func(s sample) int64 { return int64(s.wall) })),
		cpu:  time.Duration(pick(func(s sample) int64 { return int64(s.cpu) })),
		peak: pick(func(s sample) int64 { return s.peak }),
	}
}

// timePerFileGit times one "git log -1" per Markdown file under content/,
// translations and sources alike, on an evenly spaced sample, and returns
// the total extrapolated to every file.
func timePerFileGit(dir string, n int) (sample, error) {
	pages, err := markdownFiles(dir)
	if err != nil {
		return sample{}, err
	}
	if len(pages) == 0 || n <= 0 {
		return sample{}, nil
	}
	step := max(1, len(pages)/n)
	var total sample
	timed := 0
	for i := 0; i < len(pages); i += step {
		s, stderr, err := timeRun(dir, "git", "log", "-1", "--format=%H", "--", pages[i])
		if err == nil {
			err = checkExit(s, stderr, "git log -1 -- "+pages[i])
		}
		if err != nil {
			return sample{}, err
		}
		total.wall += s.wall
		total.cpu += s.cpu
		timed++
	}
	scale := func(d time.Duration) time.Duration { return d / time.Duration(timed) * time.Duration(len(pages)) }
	all := sample{wall: scale(total.wall), cpu: scale(total.cpu)}
	fmt.Printf("per-file git log: %s wall, %s CPU per file over %d sampled files; %d files (translations and sources) → %s wall, %s CPU\n",
		(total.wall / time.Duration(timed)).Round(time.Millisecond), (total.cpu / time.Duration(timed)).Round(time.Millisecond),
		timed, len(pages), all.wall.Round(time.Second), all.cpu.Round(time.Second))
	return all, nil
}
