package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os/exec"
	"slices"
	"strconv"
	"strings"
)

// stats are the distributions that decide what a status run costs,
// measured the same way on a real clone and on a generated repository.
type stats struct {
	Commits, Merges, FirstParent, FirstParentMerges int
	Added, Modified, Deleted, Renamed               int
	MaxRenamesInCommit                              int
	CommitsWithRenames, CommitsWithDeletions        int
	FilesPerCommit                                  []int // non-merge commits touching content
	EnglishOnly, OneLanguage, Mixed                 int   // non-merge content commits by languages touched
	VersionsEN, VersionsTr                          []int // commits that changed each page at HEAD (renames followed)
	SizeEN, SizeTr                                  []int // bytes at HEAD
	Orphans                                         int   // translations with no English page at the same path
}

func measure(dir string) (*stats, error) {
	s := &stats{}
	for _, c := range []struct {
		n    *int
		args []string
	}{
		{&s.Commits, nil}, {&s.Merges, []string{"--merges"}},
		{&s.FirstParent, []string{"--first-parent"}}, {&s.FirstParentMerges, []string{"--first-parent", "--merges"}},
	} {
		var out bytes.Buffer
		if err := git(dir, &out, append(append([]string{"rev-list", "--count"}, c.args...), "HEAD")...); err != nil {
			return nil, err
		}
		*c.n, _ = strconv.Atoi(strings.TrimSpace(out.String()))
	}
	cmd := exec.Command("git", "log", "--raw", "--no-abbrev", "-M", "-z", "--format=%x00C %P", "--", "content")
	cmd.Dir = dir
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	changes := s.readLog(out)
	if err := cmd.Wait(); err != nil {
		return nil, fmt.Errorf("git log: %w", err)
	}
	// Versions per page: replay from the oldest commit, following renames.
	versions := map[string]int{}
	for i := len(changes) - 1; i >= 0; i-- {
		for _, ch := range changes[i] {
			switch {
			case ch.status == 'R':
				versions[ch.path] = versions[ch.from] + 1
				delete(versions, ch.from)
			case ch.status == 'D':
				delete(versions, ch.path)
			default:
				versions[ch.path]++
			}
		}
	}
	var tree bytes.Buffer
	if err := git(dir, &tree, "ls-tree", "-r", "-l", "HEAD", "content"); err != nil {
		return nil, err
	}
	en := map[string]bool{}
	type file struct {
		rest string
		size int
	}
	var trs []file
	for _, line := range strings.Split(strings.TrimSpace(tree.String()), "\n") {
		meta, path, ok := strings.Cut(line, "\t")
		f := strings.Fields(meta)
		if !ok || len(f) < 4 || !strings.HasSuffix(path, ".md") {
			continue
		}
		size, _ := strconv.Atoi(f[3])
		lang, rest := langOf(path)
		if lang == "en" {
			en[rest] = true
			s.SizeEN = append(s.SizeEN, size)
			s.VersionsEN = append(s.VersionsEN, versions[path])
		} else {
			trs = append(trs, file{rest, size})
			s.SizeTr = append(s.SizeTr, size)
			s.VersionsTr = append(s.VersionsTr, versions[path])
		}
	}
	for _, f := range trs {
		if !en[f.rest] {
			s.Orphans++
		}
	}
	return s, nil
}

type change struct {
	status     byte
	path, from string
}

// readLog reads git log --raw -z output with "\x00C <parents>" headers and
// counts commits by kind; it returns each commit's changes, newest first.
func (s *stats) readLog(r io.Reader) [][]change {
	var all [][]change
	var cur []change
	merge := false
	flush := func() {
		if cur == nil && !merge {
			return
		}
		all = append(all, cur)
		if !merge && len(cur) > 0 {
			s.FilesPerCommit = append(s.FilesPerCommit, len(cur))
			langs := map[string]bool{}
			renames, dels := 0, 0
			for _, c := range cur {
				l, _ := langOf(c.path)
				langs[l] = true
				if c.status == 'R' {
					renames++
				}
				if c.status == 'D' {
					dels++
				}
			}
			switch {
			case len(langs) == 1 && langs["en"]:
				s.EnglishOnly++
			case langs["en"]:
				s.Mixed++
			case len(langs) == 1:
				s.OneLanguage++
			}
			s.MaxRenamesInCommit = max(s.MaxRenamesInCommit, renames)
			if renames > 0 {
				s.CommitsWithRenames++
			}
			if dels > 0 {
				s.CommitsWithDeletions++
			}
		}
		cur = nil
	}
	br := bufio.NewReaderSize(r, 1<<20)
	for {
		tok, err := br.ReadString(0)
		tok = strings.TrimSuffix(tok, "\x00")
		tok = strings.TrimLeft(tok, "\n")
		switch {
		case strings.HasPrefix(tok, "C "), tok == "C":
			flush()
			merge = len(strings.Fields(tok)) > 2
		case strings.HasPrefix(tok, ":"):
			f := strings.Fields(tok)
			st := f[len(f)-1][0]
			p1, _ := br.ReadString(0)
			ch := change{status: st, path: strings.TrimSuffix(p1, "\x00")}
			if st == 'R' || st == 'C' {
				p2, _ := br.ReadString(0)
				ch.from, ch.path = ch.path, strings.TrimSuffix(p2, "\x00")
			}
			switch st {
			case 'A':
				s.Added++
			case 'D':
				s.Deleted++
			case 'R':
				s.Renamed++
			default:
				s.Modified++
			}
			cur = append(cur, ch)
		}
		if err != nil {
			break
		}
	}
	flush()
	return all
}

func langOf(path string) (lang, rest string) {
	parts := strings.SplitN(path, "/", 3)
	if len(parts) < 3 {
		return "", path
	}
	return parts[1], parts[2]
}

// pct returns the p-th percentile (0-100) of xs.
func pct(xs []int, p float64) int {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[min(len(s)-1, int(float64(len(s))*p/100))]
}

func mean(xs []int) float64 {
	if len(xs) == 0 {
		return 0
	}
	t := 0
	for _, x := range xs {
		t += x
	}
	return float64(t) / float64(len(xs))
}

func dist(xs []int) string {
	return fmt.Sprintf("mean %.1f p50 %d p90 %d p99 %d max %d", mean(xs), pct(xs, 50), pct(xs, 90), pct(xs, 99), pct(xs, 100))
}

func (s *stats) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "commits %d (merges %d); first parent %d (merges %d)\n", s.Commits, s.Merges, s.FirstParent, s.FirstParentMerges)
	fmt.Fprintf(&b, "content changes: %d added, %d modified, %d deleted, %d renamed; %d commits with renames (largest %d), %d with deletions\n",
		s.Added, s.Modified, s.Deleted, s.Renamed, s.CommitsWithRenames, s.MaxRenamesInCommit, s.CommitsWithDeletions)
	fmt.Fprintf(&b, "non-merge content commits: %d English only, %d one translation language, %d both; files per commit %s\n",
		s.EnglishOnly, s.OneLanguage, s.Mixed, dist(s.FilesPerCommit))
	fmt.Fprintf(&b, "pages at HEAD: %d English, %d translations (%d orphans)\n", len(s.SizeEN), len(s.SizeTr), s.Orphans)
	fmt.Fprintf(&b, "versions per page: English %s; translations %s\n", dist(s.VersionsEN), dist(s.VersionsTr))
	fmt.Fprintf(&b, "page bytes: English %s; translations %s; %.1f MB in all\n", dist(s.SizeEN), dist(s.SizeTr),
		float64(int(mean(s.SizeEN)*float64(len(s.SizeEN))+mean(s.SizeTr)*float64(len(s.SizeTr))))/1e6)
	return b.String()
}
