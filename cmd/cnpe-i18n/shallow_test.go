package main

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/cmd/cnpe-i18n/render"
	"github.com/cnpe-i18n/cnpe-i18n/internal/corpustest"
	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
)

// TestShallowCloneIsNoAllClear checks a depth-1 pull-request checkout of
// the English v1.1 whitepaper merge (and its base, fetched at depth 1 as
// CI does): every format says first that history is incomplete, names
// fetch-depth: 0, and status exits 2 unless --allow-incomplete-history.
func TestShallowCloneIsNoAllClear(t *testing.T) {
	full := corpustest.Clone(t)
	out, err := exec.Command("git", "-C", full, "log", "--format=%H", "--grep=cmcgalliard/v1-1").Output()
	if err != nil || len(out) < 40 {
		t.Fatalf("merge commit not found: %v", err)
	}
	sha := string(out[:40])
	base, err := exec.Command("git", "-C", full, "rev-parse", sha+"^1").Output()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "shallow")
	for _, args := range [][]string{
		{"init", "-q", dir},
		{"-C", dir, "fetch", "-q", "--depth", "1", "file://" + full, sha, strings.TrimSpace(string(base))},
		{"-C", dir, "checkout", "-q", sha},
	} {
		if out, err := exec.Command("git", args...).CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	status := func(args ...string) (string, string, int) {
		var stdout, stderr bytes.Buffer
		code := run(append([]string{"status", "-C", dir, "--since", strings.TrimSpace(string(base)), "--fail-on", "none"}, args...), nil, &stdout, &stderr)
		return stdout.String(), stderr.String(), code
	}

	comment, stderr, code := status("--format", "markdown")
	if code != exitError || !strings.Contains(stderr, "fetch-depth: 0") {
		t.Errorf("markdown: exit %d, stderr %q; want 2 naming fetch-depth: 0", code, stderr)
	}
	lines := strings.SplitN(strings.ReplaceAll(comment, `\`, ""), "\n", 3) // as rendered
	if len(lines) < 2 || lines[0] != render.CommentMarker || !strings.Contains(lines[1], "history is incomplete") || !strings.Contains(lines[1], "fetch-depth: 0") {
		t.Errorf("comment does not start with the incomplete history:\n%.600s", comment)
	}
	if strings.Contains(comment, ":white_check_mark:") {
		t.Error("comment gives an all-clear")
	}

	text, _, code := status()
	if first, _, _ := strings.Cut(text, "\n"); code != exitError || !strings.HasPrefix(first, "error: history is incomplete") {
		t.Errorf("text: exit %d, first line %q", code, first)
	}
	annotations, _, _ := status("--format", "github")
	if !strings.HasPrefix(annotations, "::error title=Incomplete git history::history is incomplete") {
		t.Errorf("annotations start with %.200q", annotations)
	}
	sarif, _, _ := status("--format", "sarif")
	if !strings.Contains(sarif, `"toolExecutionNotifications"`) {
		t.Errorf("SARIF has no notification of the incomplete history")
	}

	js, _, code := status("--format", "json", "--allow-incomplete-history")
	var r isync.Report
	if err := json.Unmarshal([]byte(js), &r); err != nil {
		t.Fatal(err)
	}
	if code != exitOK || r.History.Incomplete == 0 || !strings.Contains(r.History.Message, "shallow clone") {
		t.Errorf("json --allow-incomplete-history: exit %d, history %+v", code, r.History)
	}
}
