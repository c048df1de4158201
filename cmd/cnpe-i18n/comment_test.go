package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/tools/txtar"

	"github.com/cnpe-i18n/cnpe-i18n/cmd/cnpe-i18n/render"
	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
)

// maxPRComment is the size the PR comment of one page's rewrite must stay
// under (issue 15: the v1.1 whitepaper merge took 64,733 characters).
const maxPRComment = 30000

// checkPRComment checks the comment status --since writes for a pull
// request against the report of the same run: each changed source unit
// appears once (not once per language), the comment is under
// maxPRComment characters, and it renders on GitHub as written (no
// visible escapes, no swallowed lines, no code placeholders) with nothing
// live in it. It returns how many source units the comment shows.
func checkPRComment(t *testing.T, comment string, report *isync.Report) int {
	t.Helper()
	for _, p := range render.LiveMarkup(comment) {
		t.Error(p)
	}
	for _, p := range render.RenderProblems(comment) {
		t.Error(p)
	}
	if n := utf8.RuneCountInString(comment); n >= maxPRComment {
		t.Errorf("comment of %d characters, want under %d", n, maxPRComment)
	}
	units := map[string]bool{} // source page and unit
	translated := 0
	for _, p := range report.Pages {
		for _, u := range p.Units {
			key := fmt.Sprintf("%s\x00%d\x00%s", p.Source, u.SourceLine, u.SourceAfter)
			if u.State == isync.UnitObsolete {
				key = p.Source + "\x00removed\x00" + u.SourceBefore
			}
			units[key] = true
			translated++
		}
	}
	items := regexp.MustCompile(`(?m)^- \*\*(changed|new|removed|links or code changed|not translated)\*\*`).FindAllString(comment, -1)
	if len(items) != len(units) {
		t.Errorf("the comment shows %d source units, the report has %d (in %d translated units):\n%s", len(items), len(units), translated, comment)
	}
	if translated <= len(units) {
		t.Errorf("%d translated units for %d source units: the test needs a change that reaches several languages", translated, len(units))
	}
	return len(items)
}

// TestPRComment builds testdata/comment/pr.txtar as a repository (step 1
// committed, then step 2, the pull request) and checks the comment of
// status --since on it, with and without GitHub links.
func TestPRComment(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	ar, err := txtar.ParseFile(filepath.Join("testdata", "comment", "pr.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	gitIn := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=T", "-c", "user.email=t@example.org"}, args...)...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	gitIn("init", "-q", "-b", "main")
	for _, step := range []string{"1/", "2/"} {
		for _, f := range ar.Files {
			if !strings.HasPrefix(f.Name, step) {
				continue
			}
			path := filepath.Join(dir, strings.TrimPrefix(f.Name, step))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		gitIn("add", "-A")
		gitIn("commit", "-q", "-m", "step "+step)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"status", "-C", dir, "--since", "HEAD^", "--format", "json", "--fail-on", "none"}, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("status: exit %d %s", code, stderr.String())
	}
	report := decodeReport(t, stdout.Bytes())
	for _, links := range []bool{false, true} {
		t.Run(fmt.Sprintf("links=%v", links), func(t *testing.T) {
			if links {
				t.Setenv("GITHUB_REPOSITORY", "example/docs")
				t.Setenv("GITHUB_SHA", "0123456789abcdef0123456789abcdef01234567")
			} else {
				t.Setenv("GITHUB_REPOSITORY", "")
			}
			stdout.Reset()
			if code := run([]string{"status", "-C", dir, "--since", "HEAD^", "--format", "markdown", "--fail-on", "none"}, nil, &stdout, &stderr); code != exitOK {
				t.Fatalf("status: exit %d %s", code, stderr.String())
			}
			comment := stdout.String()
			if n := checkPRComment(t, comment, report); n < 4 {
				t.Errorf("the comment shows %d source units, want the 4 the pull request changed:\n%s", n, comment)
			}
			for _, want := range []string{
				"make deps<ins>\\-all</ins>",  // inline code in the word diff
				"GOFLAGS\\=\\-mod\\=readonly", // and in a new unit
				"troubleshooting.md</code>: no translation in **ja**, **ko** and **zh** yet",
				"### <code>content/en/docs/build\\-guide/\\_index.md</code>",
			} {
				if !strings.Contains(comment, want) {
					t.Errorf("comment lacks %q:\n%s", want, comment)
				}
			}
			if links && !strings.Contains(comment, "https://github.com/example/docs/blob/0123456789abcdef0123456789abcdef01234567/content/ko/docs/build-guide/_index.md#L") {
				t.Errorf("no line link into the ko translation:\n%s", comment)
			}
		})
	}
}

func decodeReport(t *testing.T, data []byte) *isync.Report {
	t.Helper()
	var r isync.Report
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	return &r
}
