package main

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cnpe-i18n/cnpe-i18n/cmd/cnpe-i18n/render"
	"github.com/cnpe-i18n/cnpe-i18n/internal/corpustest"
)

// TestSinceCorpus runs status --since at the merge of the English v1.1
// whitepaper in the real history (issue 15's bar): the comment starts with
// the marker, shows each changed English unit once with line links into
// the ko and zh latest whitepapers, stays under 30,000 characters and
// renders without visible escapes or placeholders.
func TestSinceCorpus(t *testing.T) {
	dir := corpustest.Clone(t)
	merge, err := exec.Command("git", "-C", dir, "log", "--format=%H", "--grep=cmcgalliard/v1-1").Output()
	if err != nil || len(merge) < 40 {
		t.Fatalf("merge commit not found: %v", err)
	}
	sha := string(merge[:40])
	if out, err := exec.Command("git", "-C", dir, "checkout", "-q", sha).CombinedOutput(); err != nil {
		t.Fatalf("checkout: %v\n%s", err, out)
	}
	t.Setenv("GITHUB_REPOSITORY", "cncf/cnpe-community")
	t.Setenv("GITHUB_SHA", sha)
	var stdout, stderr bytes.Buffer
	code := run([]string{"status", "-C", dir, "--since", sha + "^1", "--format", "markdown", "--fail-on", "none"}, nil, &stdout, &stderr)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	comment := stdout.String()
	if n := utf8.RuneCountInString(comment); n > render.MaxCommentBytes {
		t.Errorf("comment of %d characters", n)
	}
	// Each changed English unit once, under 30,000 characters, rendering
	// on GitHub without visible escapes or placeholders.
	stdout.Reset()
	if code := run([]string{"status", "-C", dir, "--since", sha + "^1", "--format", "json", "--fail-on", "none"}, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if n := checkPRComment(t, comment, decodeReport(t, stdout.Bytes())); n < 30 {
		t.Errorf("the comment shows %d English units; the v1.1 rewrite changed more than 30", n)
	}
	for _, lang := range []string{"ko", "zh"} {
		link := "https://github.com/cncf/cnpe-community/blob/" + sha + "/website/content/" + lang + "/resources/whitepaper/latest/index.md#L"
		if !strings.Contains(comment, link) {
			t.Errorf("no line link into the %s whitepaper", lang)
		}
	}
	// The same change in the two annotation formats.
	stdout.Reset()
	run([]string{"status", "-C", dir, "--since", sha + "^1", "--format", "github", "--fail-on", "none"}, nil, &stdout, &stderr)
	if !strings.Contains(stdout.String(), "::warning file=website/content/ko/resources/whitepaper/latest/index.md,line=") {
		t.Errorf("no annotation on the ko whitepaper:\n%.2000s", stdout.String())
	}
}
