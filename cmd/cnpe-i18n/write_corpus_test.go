package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/internal/corpustest"
	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
)

// TestWriteCommandsCorpus runs accept, mark, fix and stub on the real
// history, as issue 4 describes them.
func TestWriteCommandsCorpus(t *testing.T) {
	dir := corpustest.Clone(t)
	const ko = "website/content/ko/resources/whitepaper/latest/index.md"
	const zh = "website/content/zh/resources/whitepaper/latest/index.md"
	const jaWP = "website/content/ja/resources/whitepaper/latest/index.md"
	cmd := func(args ...string) (string, string, int) {
		t.Helper()
		var stdout, stderr bytes.Buffer
		code := run(append(args, "-C", dir), nil, &stdout, &stderr)
		return stdout.String(), stderr.String(), code
	}
	gitDiff := func(path string) string {
		out, _ := exec.Command("git", "-C", dir, "diff", "-U0", "--", path).Output()
		return string(out)
	}
	page := func(path string) isync.PageReport {
		t.Helper()
		for _, p := range statusReport(t, dir, path).Pages {
			if p.Translation == path {
				return p
			}
		}
		t.Fatalf("no report for %s", path)
		return isync.PageReport{}
	}

	// accept: front matter only, at most 3 lines; the page becomes current.
	if _, stderr, code := cmd("accept", "--write", ko); code != exitOK {
		t.Fatalf("accept: exit %d %s", code, stderr)
	}
	if removed, added := changedLines(gitDiff(ko)); len(removed)+len(added) == 0 || len(removed)+len(added) > 3 {
		t.Errorf("accept changed %d lines:\n%s", len(removed)+len(added), gitDiff(ko))
	}
	if p := page(ko); p.State != isync.PageCurrent {
		t.Errorf("after accept: %s", p.State)
	}
	gitCommit(t, dir, "ko: accept")

	// mark flags the stale zh page, not the current ja one; accept clears it.
	if _, stderr, code := cmd("mark", "--write"); code != exitOK {
		t.Fatalf("mark: exit %d %s", code, stderr)
	}
	if !strings.Contains(gitDiff(zh), "+outdated: true") || gitDiff(jaWP) != "" {
		t.Errorf("mark: zh diff %q, ja diff %q", gitDiff(zh), gitDiff(jaWP))
	}
	cmd("accept", "--write", zh)
	if b, _ := os.ReadFile(filepath.Join(dir, zh)); strings.Contains(string(b), "outdated") {
		t.Error("accept left outdated: true")
	}
	exec.Command("git", "-C", dir, "checkout", "-q", ".").Run()

	// fix carries the English glossary's link fix into the Japanese page.
	const jaGl = "website/content/ja/resources/glossary/latest/index.md"
	if _, stderr, code := cmd("fix", "--write", "--lang", "ja"); code != exitOK {
		t.Fatalf("fix: exit %d %s", code, stderr)
	}
	// One line changes, and only in its link target: the prose is the same.
	const oldURL, newURL = "https://hazelweakly.me/talks/qcon-sf-2023/slides#22",
		"https://hazelweakly.me/talks/qcon-san-francisco-2023--understanding-platforms-what-they-are-why-they-work-when-to-use-them-how-to-build-them/"
	if removed, added := changedLines(gitDiff(jaGl)); len(removed) != 1 || len(added) != 1 ||
		strings.Replace(added[0], newURL, oldURL, 1) != removed[0] {
		t.Errorf("fix diff:\n%s", gitDiff(jaGl))
	}
	exec.Command("git", "-C", dir, "checkout", "-q", ".").Run()

	// A later Korean body edit, then one English sentence: one stale unit.
	koFile := filepath.Join(dir, ko)
	b, _ := os.ReadFile(koFile)
	os.WriteFile(koFile, bytes.Replace(b, []byte("플랫폼"), []byte("플랫폼들"), 1), 0o644)
	gitCommit(t, dir, "ko: body edit")
	en := filepath.Join(dir, "platforms-whitepaper/latest/index.md")
	b, _ = os.ReadFile(en)
	os.WriteFile(en, bytes.Replace(b, []byte("frameworks, and experiences"), []byte("frameworks, and developer experiences"), 1), 0o644)
	gitCommit(t, dir, "en: one sentence")
	p := page(ko)
	if p.Count(isync.UnitStale) != 1 || len(p.Units) != 1 || !strings.Contains(p.Units[0].SourceAfter, "developer experiences") {
		t.Errorf("after the English edit: %d units %+v; want one stale unit with the new English", len(p.Units), p.Units)
	}

	// stub: a new post and a new section in six languages, then nothing.
	os.MkdirAll(filepath.Join(dir, "website/content/en/events"), 0o755)
	os.WriteFile(filepath.Join(dir, "website/content/en/events/_index.md"), []byte("---\ntitle: Events\n---\n\nEvents.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "website/content/en/blog/2027-new.md"), []byte("---\ntitle: \"New: post\"\n---\n\nHello.\n"), 0o644)
	gitCommit(t, dir, "en: new pages")
	scope := []string{"website/content/en/events", "website/content/en/blog/2027-new.md"}
	out, stderr, code := cmd(append([]string{"stub", "--write"}, scope...)...)
	if code != exitOK || !strings.Contains(out, "wrote 12 file(s)") {
		t.Fatalf("stub: exit %d\n%s%s", code, out, stderr)
	}
	for _, lang := range []string{"ja", "ko", "zh", "de", "es", "fr"} {
		idx, _ := os.ReadFile(filepath.Join(dir, "website/content", lang, "events/_index.md"))
		post, _ := os.ReadFile(filepath.Join(dir, "website/content", lang, "blog/2027-new.md"))
		if string(idx) != "---\ntitle: Events\noutdated: true\nlist_pages: true\n---\n" || string(post) != "---\ntitle: \"New: post\"\noutdated: true\n---\n" {
			t.Errorf("%s stubs:\n%s\n%s", lang, idx, post)
		}
	}
	if out, _, code := cmd(append([]string{"stub"}, scope...)...); code != exitOK || out != "" {
		t.Errorf("second stub run: exit %d, %q", code, out)
	}
}

// changedLines returns the removed and added lines of a unified diff.
func changedLines(diff string) (removed, added []string) {
	for _, l := range strings.Split(diff, "\n") {
		switch {
		case strings.HasPrefix(l, "+++"), strings.HasPrefix(l, "---"):
		case strings.HasPrefix(l, "+"):
			added = append(added, l[1:])
		case strings.HasPrefix(l, "-"):
			removed = append(removed, l[1:])
		}
	}
	return removed, added
}
