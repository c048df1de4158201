package sync

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// enKoHugo is the hugo.toml of a test site in English and Korean.
const enKoHugo = "defaultContentLanguage = \"en\"\n[languages.en]\ncontentDir = \"content/en\"\n[languages.ko]\ncontentDir = \"content/ko\"\n"

// commitStep writes files and commits them; it returns the commit.
func commitStep(t *testing.T, dir, msg string, files map[string]string) string {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git(t, dir, "add", "-A")
	git(t, dir, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", msg)
	out, err := exec.Command("git", "-C", dir, "rev-parse", "HEAD").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(out))
}

func readFile(t *testing.T, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// otelSite builds a site shaped like opentelemetry.io, without a
// cnpe-i18n.yaml: languages in config/_default/hugo.yaml, content/<lang>/
// directories, translations pinned with default_lang_commit (one of them
// "# patched"), and drifted_from_default flags.
func otelSite(t *testing.T) (dir, c1 string, pages map[string]string) {
	t.Helper()
	dir = t.TempDir()
	git(t, dir, "init", "-q", "-b", "main")
	c1 = commitStep(t, dir, "english", map[string]string{
		"config/_default/hugo.yaml": "defaultContentLanguage: en\nlanguages:\n  en: {label: English}\n  ja: {label: Japanese}\n",
		"content/en/guide.md":       "---\ntitle: Guide\n---\n\nBuild the collector.\n\nDeploy the collector.\n",
		"content/en/kept.md":        "---\ntitle: Kept\n---\n\nThis page does not change.\n",
		"content/en/gone.md":        "---\ntitle: Gone\n---\n\nSoon removed.\n",
	})
	pages = map[string]string{
		"content/ja/guide.md": "---\ntitle: ガイド\nweight: 10 # order\ndefault_lang_commit: " + c1 + " # patched\n---\n\nコレクターをビルドします。\n\nコレクターをデプロイします。\n",
		"content/ja/kept.md":  "---\ntitle: 保持\ndefault_lang_commit: " + c1 + "\n---\n\nこのページは変わりません。\n",
		"content/ja/gone.md":  "---\ntitle: 消去\ndefault_lang_commit: " + c1 + "\n---\n\nまもなく削除。\n",
	}
	commitStep(t, dir, "japanese", pages)
	// English changes after the pins; the Japanese kept page gets a typo
	// fix, which must not move its base.
	commitStep(t, dir, "english moves on", map[string]string{
		"content/en/guide.md": "---\ntitle: Guide\n---\n\nBuild the collector from source.\n\nDeploy the collector.\n",
		"content/ja/kept.md":  strings.Replace(pages["content/ja/kept.md"], "変わりません", "変わりません ", 1),
	})
	pages["content/ja/kept.md"] = readFile(t, dir, "content/ja/kept.md")
	git(t, dir, "rm", "-q", "content/en/gone.md")
	commitStep(t, dir, "remove gone", nil)
	return dir, c1, pages
}

func TestCommitPinsDetected(t *testing.T) {
	dir, c1, _ := otelSite(t)
	s := loadSite(t, dir)
	if !s.Config.CommitPins() || s.Config.PinField() != "default_lang_commit" || s.Config.FlagField() != "drifted_from_default" {
		t.Fatalf("convention not detected: %+v", s.Config)
	}
	r := s.Status(Options{})
	if len(r.Notes) != 2 || !strings.Contains(r.Notes[1], "default_lang_commit") {
		t.Errorf("notes %q, want the assumed directories and the pin convention", r.Notes)
	}
	want := map[string]PageState{"content/ja/guide.md": PageStale, "content/ja/kept.md": PageCurrent, "content/ja/gone.md": PageOrphan}
	for _, p := range r.Pages {
		if p.State != want[p.Translation] {
			t.Errorf("%s: %s, want %s", p.Translation, p.State, want[p.Translation])
		}
		if p.Source != "" && (p.Base == nil || p.Base.Kind != BasePin || p.Base.Commit != c1) {
			t.Errorf("%s: base %+v, want the commit pin %s", p.Translation, p.Base, c1)
		}
	}
}

// TestCommitPinRoundTrip: mark writes opentelemetry.io's flag values,
// accept writes the commit at HEAD, drops "# patched" and the flag, and
// every other byte of the front matter stays.
func TestCommitPinRoundTrip(t *testing.T) {
	dir, c1, pages := otelSite(t)
	s := loadSite(t, dir)
	applyAll(t, dir, s.PlanMark(nil, nil))
	guide := pages["content/ja/guide.md"]
	marked := strings.Replace(guide, "# patched\n", "# patched\ndrifted_from_default: true\n", 1)
	for name, want := range map[string]string{
		"content/ja/guide.md": marked,
		"content/ja/kept.md":  pages["content/ja/kept.md"],
		"content/ja/gone.md":  strings.Replace(pages["content/ja/gone.md"], c1+"\n", c1+"\ndrifted_from_default: file not found\n", 1),
	} {
		if got := readFile(t, dir, name); got != want {
			t.Errorf("mark %s:\n%s\nwant:\n%s", name, got, want)
		}
	}
	if edits := loadSite(t, dir).PlanMark(nil, nil); len(edits) != 0 {
		t.Errorf("mark again plans %d edits, want none", len(edits))
	}
	head := commitStep(t, dir, "marked", nil)
	s = loadSite(t, dir)
	edits, notes := s.PlanAccept(AcceptOptions{Paths: []string{"content/ja/guide.md"}})
	if len(notes) > 0 {
		t.Fatalf("notes: %v", notes)
	}
	applyAll(t, dir, edits)
	want := strings.Replace(guide, c1+" # patched", head, 1)
	if got := readFile(t, dir, "content/ja/guide.md"); got != want {
		t.Errorf("accept:\n%s\nwant:\n%s", got, want)
	}
	commitStep(t, dir, "accepted", nil)
	if p := pageState(t, dir, "content/ja/guide.md"); p.State != PageCurrent || p.Base.Commit != head {
		t.Errorf("after accept: %s with base %+v, want current at %s", p.State, p.Base, head)
	}
}

// TestCommitPinAbsent: a pin to a commit the clone does not have leaves
// the page untracked with a message naming the pin.
func TestCommitPinAbsent(t *testing.T) {
	dir, _, pages := otelSite(t)
	bad := strings.Repeat("ab", 20)
	kept := strings.Replace(pages["content/ja/kept.md"], "default_lang_commit: ", "default_lang_commit: "+bad+"\nx: ", 1)
	commitStep(t, dir, "bad pin", map[string]string{"content/ja/kept.md": kept})
	p := pageState(t, dir, "content/ja/kept.md")
	if p.State != PageUntracked || p.Base == nil || !strings.Contains(p.Base.Message, bad[:12]) {
		t.Errorf("%s with base %+v, want untracked naming %s", p.State, p.Base, bad[:12])
	}
}

func TestBundleTwin(t *testing.T) {
	for in, want := range map[string]string{
		"content/en/docs/a.md":       "content/en/docs/a/index.md",
		"content/en/docs/a/index.md": "content/en/docs/a.md",
		"content/en/docs/_index.md":  "",
	} {
		if got := bundleTwin(in); got != want {
			t.Errorf("bundleTwin(%s) = %q, want %q", in, got, want)
		}
	}
}
