package sync

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/cnpe-i18n/cnpe-i18n/sync/history"
	"github.com/cnpe-i18n/cnpe-i18n/sync/site"
)

var update = flag.Bool("update", false, "rewrite the want sections of scenarios")

// TestScenarios builds a git repository from each testdata/scenarios/*.txtar
// file and compares the status report with its "want" section.
//
// Files named N/path are written in step N, which is then committed with
// the message in N/.message (default "step N"). Other step files:
// N/.delete and N/.mv ("from to" per line) remove and move paths with git,
// N/.symlink ("link target" per line) makes symlinks. In file contents,
// {{blob:N/path}} is replaced with the git blob id of that file as written
// in step N. The .options file may hold "shallow" (status runs on a
// depth-1 clone), "nogit" (no repository at all) and "paths: P...".
func TestScenarios(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	files, _ := filepath.Glob("testdata/scenarios/*.txtar")
	if len(files) == 0 {
		t.Fatal("no scenarios")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			t.Parallel()
			runScenario(t, file)
		})
	}
}

var blobRef = regexp.MustCompile(`\{\{blob:(\d+)/([^}]+)\}\}`)

func runScenario(t *testing.T, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	steps := map[int][]txtar.File{}
	content := map[string][]byte{} // "N/path" → data, for blob references
	var options, want string
	for _, f := range ar.Files {
		switch {
		case f.Name == "want":
			want = string(f.Data)
		case f.Name == ".options":
			options = string(f.Data)
		default:
			n, rest, ok := strings.Cut(f.Name, "/")
			step, err := strconv.Atoi(n)
			if !ok || err != nil {
				t.Fatalf("file %q: want N/path", f.Name)
			}
			steps[step] = append(steps[step], txtar.File{Name: rest, Data: f.Data})
			content[f.Name] = f.Data
		}
	}
	nogit := strings.Contains(options, "nogit")
	if !nogit {
		git(t, dir, "init", "-q", "-b", "main")
	}
	var order []int
	for n := range steps {
		order = append(order, n)
	}
	sort.Ints(order)
	for _, n := range order {
		applyStep(t, dir, n, steps[n], content, nogit)
	}
	root := dir
	if strings.Contains(options, "shallow") {
		root = filepath.Join(t.TempDir(), "clone")
		git(t, dir, "clone", "-q", "--depth", "1", "file://"+dir, root)
	}
	var paths []string
	for _, line := range strings.Split(options, "\n") {
		if p, ok := strings.CutPrefix(line, "paths:"); ok {
			paths = strings.Fields(p)
		}
	}
	cfg, err := site.LoadConfig(root)
	if err != nil {
		t.Fatal(err)
	}
	report, err := Status(context.Background(), root, Options{Config: cfg, Paths: paths})
	if err != nil {
		t.Fatal(err)
	}
	checkCachedSame(t, root, Options{Config: cfg, Paths: paths})
	got := describeReport(report)
	if *update {
		var out []txtar.File
		for _, f := range ar.Files {
			if f.Name != "want" {
				out = append(out, f)
			}
		}
		ar.Files = append(out, txtar.File{Name: "want", Data: []byte(got)})
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got != want {
		t.Errorf("report differs from want (run go test -update and review):\ngot:\n%s\nwant:\n%s", got, want)
	}
}

func applyStep(t *testing.T, dir string, n int, files []txtar.File, content map[string][]byte, nogit bool) {
	t.Helper()
	msg := fmt.Sprintf("step %d", n)
	for _, f := range files {
		data := blobRef.ReplaceAllFunc(f.Data, func(m []byte) []byte {
			sub := blobRef.FindSubmatch(m)
			ref, ok := content[string(sub[1])+"/"+string(sub[2])]
			if !ok {
				t.Fatalf("step %d: no file %s/%s to take a blob id from", n, sub[1], sub[2])
			}
			return []byte(history.BlobID(ref))
		})
		switch f.Name {
		case ".message":
			msg = strings.TrimSpace(string(data))
			continue
		case ".delete":
			for _, p := range strings.Fields(string(data)) {
				git(t, dir, "rm", "-q", "-r", p)
			}
			continue
		case ".mv":
			for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
				parts := strings.Fields(line)
				os.MkdirAll(filepath.Dir(filepath.Join(dir, parts[1])), 0o755)
				git(t, dir, "mv", parts[0], parts[1])
			}
			continue
		case ".symlink":
			for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
				parts := strings.Fields(line)
				link := filepath.Join(dir, parts[0])
				os.MkdirAll(filepath.Dir(link), 0o755)
				if err := os.Symlink(parts[1], link); err != nil {
					t.Fatal(err)
				}
			}
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if nogit {
		return
	}
	git(t, dir, "add", "-A")
	date := fmt.Sprintf("2026-01-%02dT12:00:00Z", n)
	cmd := exec.Command("git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "--allow-empty", "-m", msg)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git commit: %v\n%s", err, out)
	}
}

func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// describeReport lists pages and their units compactly: what a reviewer
// checks in a scenario.
func describeReport(r *Report) string {
	var b strings.Builder
	if r.History.Message != "" {
		fmt.Fprintf(&b, "history: %s\n", r.History.Message)
	}
	for _, p := range r.Problems {
		fmt.Fprintf(&b, "problem: %s: %s\n", p.Path, p.Message)
	}
	for _, p := range r.Pages {
		name := p.Translation
		if name == "" {
			name = p.Source
		}
		fmt.Fprintf(&b, "%s %s %s", p.Lang, p.State, name)
		if p.Base != nil {
			fmt.Fprintf(&b, " base=%s", p.Base.Kind)
			if p.Base.Current {
				b.WriteString(" current")
			}
			if p.Base.Message != "" {
				fmt.Fprintf(&b, " (%s)", p.Base.Message)
			}
			if p.State == PageOrphan {
				// The English version it was translated from.
				fmt.Fprintf(&b, " from=%s@%.7s", p.Base.Path, p.Base.Blob)
			}
		}
		if p.RenamedTo != "" {
			fmt.Fprintf(&b, " renamed-to=%s", p.RenamedTo)
		}
		b.WriteByte('\n')
		for _, u := range p.Units {
			fmt.Fprintf(&b, "  %s %s %s L%d src L%d", u.State, u.Change, u.ID, u.Line, u.SourceLine)
			if u.SourceAfter != "" && u.State != UnitObsolete {
				fmt.Fprintf(&b, " %q", firstLine(u.SourceAfter))
			}
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if len(s) > 60 {
		s = s[:60]
	}
	return s
}
