package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteCommands(t *testing.T) {
	repo := demoRepo(t)
	ja := filepath.Join(repo, "content/ja/docs/getting-started.md")
	before, _ := os.ReadFile(ja)
	tests := []struct {
		args []string
		code int
		out  string
		err  string
	}{
		{args: []string{"accept"}, code: exitError, err: "accept needs PATH, --all or --inferred"},
		{args: []string{"accept", "--write", "--dry-run", ja}, code: exitError, err: "none of the others can be"},
		{args: []string{"accept", ja}, code: exitFindings, out: "+cnpe_i18n_source: ", err: "run again with --write"},
		{args: []string{"accept", "--dry-run", ja}, code: exitFindings, out: "--- a/content/ja/docs/getting-started.md"},
		{args: []string{"mark"}, code: exitFindings, out: "+outdated: true"},
		{args: []string{"stub", "--lang", "ja"}, code: exitFindings, out: "+++ b/content/ja/docs/on-call.md"},
		{args: []string{"fix"}, code: exitFindings, out: "+   - 予約済みの名前は[命名ガイド](/docs/naming-rules/)にあります。"},
		{args: []string{"fix", "--lang", "ko"}, code: exitOK},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(append(tt.args, "-C", repo), nil, &stdout, &stderr)
			if code != tt.code || !strings.Contains(stdout.String(), tt.out) || !strings.Contains(stderr.String(), tt.err) {
				t.Errorf("exit %d (want %d)\nstdout:\n%s\nstderr:\n%s\nwant stdout with %q, stderr with %q", code, tt.code, stdout.String(), stderr.String(), tt.out, tt.err)
			}
		})
	}
	if after, _ := os.ReadFile(ja); !bytes.Equal(before, after) {
		t.Fatal("a dry run changed a file")
	}
	// The write, then nothing left to do.
	var stdout, stderr bytes.Buffer
	if code := run([]string{"accept", "--write", "-C", repo, ja}, nil, &stdout, &stderr); code != exitOK || !strings.Contains(stdout.String(), "wrote 1 file(s)") {
		t.Fatalf("accept --write: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	stdout.Reset()
	if code := run([]string{"accept", "-C", repo, ja}, nil, &stdout, &stderr); code != exitOK || stdout.Len() != 0 {
		t.Errorf("second accept: exit %d, output %q; want nothing to do", code, stdout.String())
	}
}

func TestWriteRefusesReadOnly(t *testing.T) {
	repo := demoRepo(t)
	ja := filepath.Join(repo, "content/ja/docs/getting-started.md")
	before, _ := os.ReadFile(ja)
	os.Chmod(ja, 0o444)
	defer os.Chmod(ja, 0o644)
	var stdout, stderr bytes.Buffer
	code := run([]string{"mark", "--write", "-C", repo}, nil, &stdout, &stderr)
	if code != exitError || !strings.Contains(stderr.String(), "content/ja/docs/getting-started.md: file is read-only") {
		t.Errorf("exit %d, stderr %q; want 2 naming the read-only file", code, stderr.String())
	}
	if after, _ := os.ReadFile(ja); !bytes.Equal(before, after) {
		t.Error("read-only file changed")
	}
}
