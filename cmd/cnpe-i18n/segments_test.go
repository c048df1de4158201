package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// TestSegmentsBadBytes feeds files that are not text pages: each is a
// per-file error naming the file, and the good file still comes out.
func TestSegmentsBadBytes(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"binary.md":   {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13},
		"invalid.md":  []byte("# Title\n\nCaf\xe9 latin-1 byte\n"),
		"huge.md":     bytes.Repeat([]byte("A paragraph of text.\n\n"), 9<<20/22),
		"good.md":     []byte("# Good\n\nStill segmented.\n"),
		"symlink.md":  nil, // a link to a missing file
		"directory/x": []byte("not Markdown"),
	}
	var args []string
	for name, data := range files {
		path := filepath.Join(dir, name)
		switch {
		case data == nil:
			if err := os.Symlink(filepath.Join(dir, "missing.md"), path); err != nil {
				t.Fatal(err)
			}
		default:
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if !strings.Contains(name, "/") {
			args = append(args, path)
		}
	}
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"segments", "--format", "json"}, args...), nil, &stdout, &stderr)
	if code != exitError {
		t.Errorf("exit code = %d, want %d", code, exitError)
	}
	var out []segmentsFile
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatalf("stdout is not a JSON array: %v\n%s", err, stdout.String())
	}
	if len(out) != 1 || filepath.Base(out[0].File) != "good.md" || len(out[0].Units) != 2 {
		t.Errorf("stdout = %+v, want good.md with 2 units", out)
	}
	for _, want := range []string{
		"binary.md:3:1: binary file",
		"invalid.md:3:4: invalid UTF-8",
		"huge.md: file too large",
		"symlink.md: no such file or directory",
		"4 files could not be processed",
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr does not contain %q:\n%s", want, stderr.String())
		}
	}
}

// TestSegmentsFlags checks flag parsing apart from behaviour.
func TestSegmentsFlags(t *testing.T) {
	tests := []struct {
		args     []string
		wantErr  bool
		wantKeys []string
		format   string
	}{
		{args: []string{"a.md"}, format: "text"},
		{args: []string{"--format", "json", "a.md", "b.md"}, format: "json"},
		{args: []string{"--translatable-key", "caption", "--translatable-key", "params.subtitle", "a.md"}, format: "text", wantKeys: []string{"caption", "params.subtitle"}},
		{args: []string{"--format", "sarif", "a.md"}, wantErr: true},
		{args: []string{}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var got *segmentsOptions
			s := &streams{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}
			global := &globalOptions{}
			root := &cobra.Command{Use: "cnpe-i18n", SilenceErrors: true, SilenceUsage: true}
			addGlobalFlags(root, global, &streams{})
			root.AddCommand(newCmdSegments(s, global, func(o *segmentsOptions) error { got = o; return nil }))
			root.SetArgs(append([]string{"segments"}, tt.args...))
			err := root.Execute()
			if tt.wantErr {
				if err == nil {
					t.Fatal("no error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got == nil {
				t.Fatal("runF not called")
			}
			if strings.Join(got.Keys, ",") != strings.Join(tt.wantKeys, ",") {
				t.Errorf("keys = %q, want %q", got.Keys, tt.wantKeys)
			}
			if got.global.Format != tt.format {
				t.Errorf("format = %q, want %q", got.global.Format, tt.format)
			}
		})
	}
}

func TestVersion(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"version"}, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.HasPrefix(stdout.String(), "cnpe-i18n ") {
		t.Errorf("stdout = %q", stdout.String())
	}
}
