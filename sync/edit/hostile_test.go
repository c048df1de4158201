package edit

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	gosync "sync"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// Issue 17, data loss 1: a write never goes through a symlink, whether
// the link is the file or a directory on the way, and whether it leads in
// or out of the repository. The link's target keeps its content.
func TestHostileApplyRefusesSymlinks(t *testing.T) {
	page := []byte("---\ntitle: A\n---\n")
	edited := []byte("---\ntitle: A\noutdated: true\n---\n")
	tests := []struct {
		name   string
		link   string // path of the link, relative to the root
		target string // what it points to
		write  string // the path the edit names
		victim string // the file that must not change, relative to the root
	}{
		{"file link to the source page", "content/ja/good.md", "../en/good.md", "content/ja/good.md", "content/en/good.md"},
		{"file link to the site config", "content/ja/good.md", "../../hugo.toml", "content/ja/good.md", "hugo.toml"},
		{"file link to a workflow", "content/ja/good.md", "../../.github/workflows/ci.yml", "content/ja/good.md", ".github/workflows/ci.yml"},
		{"directory link to the source", "content/ja", "en", "content/ja/good.md", "content/en/good.md"},
		{"file link out of the root", "content/ja/good.md", "../../../outside.md", "content/ja/good.md", "../outside.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := t.TempDir()
			root := filepath.Join(base, "repo")
			for _, f := range []string{"content/en/good.md", "hugo.toml", ".github/workflows/ci.yml", "../outside.md"} {
				p := filepath.Join(root, f)
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, page, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			link := filepath.Join(root, tt.link)
			os.MkdirAll(filepath.Dir(link), 0o755)
			if err := os.Symlink(tt.target, link); err != nil {
				t.Fatal(err)
			}
			errs := Apply(root, []FileEdit{{Path: tt.write, Before: page, After: edited}})
			if len(errs) != 1 || !errors.Is(errs[0], ErrSymlink) || !strings.Contains(errs[0].Error(), tt.write) {
				t.Errorf("Apply: %v; want one ErrSymlink naming %s", errs, tt.write)
			}
			if got, _ := os.ReadFile(filepath.Join(root, tt.victim)); string(got) != string(page) {
				t.Errorf("%s was written through the link:\n%s", tt.victim, got)
			}
		})
	}
}

// Issue 17, data loss 1: a new file (stub) is not created inside a
// symlinked directory either.
func TestHostileApplyNewFileThroughSymlinkedDir(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	os.MkdirAll(filepath.Join(root, "content"), 0o755)
	if err := os.Symlink(outside, filepath.Join(root, "content", "ja")); err != nil {
		t.Fatal(err)
	}
	errs := Apply(root, []FileEdit{{Path: "content/ja/docs/new.md", After: []byte("x\n")}})
	if len(errs) != 1 || !errors.Is(errs[0], ErrSymlink) {
		t.Errorf("Apply: %v; want ErrSymlink", errs)
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("created %v outside the root", entries)
	}
}

// Issue 17, data loss 2: two writers that planned from the same content
// (accept and mark run at once) never both succeed: under the lock the
// second sees the first one's write and is refused, so no edit is lost
// while both report success. Run many times to meet the race.
func TestHostileApplyConcurrentWriters(t *testing.T) {
	root := t.TempDir()
	p := filepath.Join(root, "ja.md")
	before := []byte("---\ntitle: A\n---\n\nBody.\n")
	pin := FileEdit{Path: "ja.md", Before: before, After: []byte("---\ntitle: A\npin: abc\n---\n\nBody.\n")}
	mark := FileEdit{Path: "ja.md", Before: before, After: []byte("---\ntitle: A\noutdated: true\n---\n\nBody.\n")}
	for i := range 150 {
		if err := os.WriteFile(p, before, 0o644); err != nil {
			t.Fatal(err)
		}
		var wg gosync.WaitGroup
		var errA, errB []error
		start := make(chan struct{})
		wg.Add(2)
		go func() { defer wg.Done(); <-start; errA = Apply(root, []FileEdit{pin}) }()
		go func() { defer wg.Done(); <-start; errB = Apply(root, []FileEdit{mark}) }()
		close(start)
		wg.Wait()
		got, _ := os.ReadFile(p)
		switch {
		case len(errA) == 0 && len(errB) == 0:
			t.Fatalf("run %d: both writers reported success; the file holds only one edit:\n%s", i, got)
		case len(errA) == 0 && string(got) != string(pin.After),
			len(errB) == 0 && string(got) != string(mark.After):
			t.Fatalf("run %d: the successful write is not on disk:\n%s", i, got)
		case len(errA)+len(errB) != 1:
			t.Fatalf("run %d: %v %v; want exactly one refusal", i, errA, errB)
		}
		for _, err := range append(errA, errB...) {
			if !errors.Is(err, ErrChangedOnDisk) {
				t.Fatalf("run %d: %v; want ErrChangedOnDisk", i, err)
			}
		}
	}
}

// Issue 17, data loss 5: a page whose line breaks are a lone CR gets no
// LF lines from mark or accept: the edit is refused and the page stays.
func TestHostileSetFieldCROnly(t *testing.T) {
	for _, src := range []string{
		"---\rtitle: Shio\r---\r\rShio no hanashi.\r",
		"+++\rtitle = 'Shio'\r+++\r\rShio no hanashi.\r",
		"Shio no hanashi.\r",
	} {
		doc, err := parse.Config{}.Parse("ja.md", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		for name, edit := range map[string]func() ([]byte, error){
			"mark":   func() ([]byte, error) { return SetField(doc, "outdated", Bool(true)) },
			"accept": func() ([]byte, error) { return SetField(doc, "cnpe_i18n_source", String("0123abcd")) },
			"clear":  func() ([]byte, error) { return DeleteField(doc, "outdated") },
		} {
			out, err := edit()
			if strings.Contains(string(out), "\n") || (out != nil && string(out) != src) {
				t.Errorf("%s on %q added LF lines: %q", name, src, out)
			}
			if name != "clear" && err == nil {
				t.Errorf("%s on %q: no error; want a refusal", name, src)
			}
		}
	}
}

// Issue 17, data loss 5: fix carries a front matter value only where the
// translation holds the old value byte for byte; a value that decodes the
// same from elsewhere (a flow mapping, whose span is empty) is left to a
// person, and no line of the translation changes.
func TestHostileCarryOnlyWhereTheOldValueIs(t *testing.T) {
	parseDoc := func(name, src string) *parse.Document {
		doc, err := parse.Config{}.Parse(name, []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	base := parseDoc("en.md", "---\ntitle: Tides\nweight: 10\n---\n\nThe tides.\n")
	cur := parseDoc("en.md", "---\ntitle: Tides\nweight: 20\n---\n\nThe tides.\n")
	for name, tr := range map[string]string{
		"flow mapping":  "---\n{title: Shio, weight: 10}\n---\n\nShio.\n",
		"other quoting": "---\ntitle: Shio\nweight: \"10\"\n---\n\nShio.\n",
	} {
		t.Run(name, func(t *testing.T) {
			out, notes := CarryMechanical(base, cur, parseDoc("ja.md", tr), "ja.md")
			if string(out) != tr {
				t.Errorf("fix changed the translation:\n%s\nwant it unchanged:\n%s", out, tr)
			}
			if len(notes) == 0 {
				t.Error("no note: the value needs a person")
			}
		})
	}
	// The plain case is still carried.
	out, _ := CarryMechanical(base, cur, parseDoc("ja.md", "---\ntitle: Shio\nweight: 10\n---\n\nShio.\n"), "ja.md")
	if want := "---\ntitle: Shio\nweight: 20\n---\n\nShio.\n"; string(out) != want {
		t.Errorf("plain value not carried:\n%s", out)
	}
}

// A code block the source removed is named for a person, not deleted: fix
// never removes text.
func TestCarryNamesRemovedCode(t *testing.T) {
	parseDoc := func(name, src string) *parse.Document {
		doc, err := parse.Config{}.Parse(name, []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	base := parseDoc("en.md", "Start it.\n\n```shell\ntiled --fg\n```\n\nThen look.\n")
	cur := parseDoc("en.md", "Start it.\n\nThen look.\n")
	tr := "Kidou.\n\n```shell\ntiled --fg\n```\n\nMiru.\n"
	out, notes := CarryMechanical(base, cur, parseDoc("ja.md", tr), "ja.md")
	if string(out) != tr {
		t.Errorf("fix changed the translation:\n%s", out)
	}
	if len(notes) != 1 || notes[0].Line != 4 || !strings.Contains(notes[0].Message, "removed this code") {
		t.Errorf("notes = %+v, want one naming line 4 (the removed code)", notes)
	}
}
