package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want sections of script tests")

// TestScript runs each testdata/script/*.txtar scenario: the files of the
// archive are written to a temporary directory ($WORK), the command line
// in "args" is run, and stdout, stderr and the exit code are compared with
// the "want/..." sections. Run with -update to rewrite them.
func TestScript(t *testing.T) {
	files, err := filepath.Glob("testdata/script/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scripts: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			t.Parallel()
			runScript(t, file)
		})
	}
}

func runScript(t *testing.T, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	var args []string
	want := map[string]string{}
	for _, f := range ar.Files {
		switch {
		case f.Name == "args":
			args = strings.Fields(strings.ReplaceAll(string(f.Data), "$WORK", work))
		case strings.HasPrefix(f.Name, "want/"):
			want[strings.TrimPrefix(f.Name, "want/")] = string(f.Data)
		default:
			path := filepath.Join(work, f.Name)
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			data := f.Data
			if strings.HasSuffix(f.Name, ".crlf") {
				data = bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
			}
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if args == nil {
		t.Fatal("no args section")
	}
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(""), &stdout, &stderr)
	got := map[string]string{
		"stdout": strings.ReplaceAll(stdout.String(), work, "$WORK"),
		"stderr": strings.ReplaceAll(stderr.String(), work, "$WORK"),
		"exit":   strconv.Itoa(code) + "\n",
	}
	if *update {
		var out []txtar.File
		for _, f := range ar.Files {
			if !strings.HasPrefix(f.Name, "want/") {
				out = append(out, f)
			}
		}
		for _, name := range []string{"exit", "stdout", "stderr"} {
			if got[name] != "" {
				out = append(out, txtar.File{Name: "want/" + name, Data: []byte(got[name])})
			}
		}
		ar.Files = out
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	for _, name := range []string{"exit", "stdout", "stderr"} {
		if got[name] != want[name] {
			t.Errorf("%s:\n got: %s\nwant: %s", name, got[name], want[name])
		}
	}
}
