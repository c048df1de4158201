package sync

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/internal/corpustest"
	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/parse/parsetest"
	"github.com/cnpe-i18n/cnpe-i18n/sync/edit"
)

const koLatest = "website/content/ko/resources/whitepaper/latest/index.md"

// TestCorpusUnitProvenance checks the promise of a base per unit on the
// real history: translating one stale paragraph of the ko whitepaper
// (uncommitted, committed, squash-merged from a branch) takes that unit
// off the list and leaves every other unit as it was.
func TestCorpusUnitProvenance(t *testing.T) {
	root := corpustest.Clone(t)
	before := unitList(t, root, koLatest)
	if n := countState(before, "stale"); n < 25 {
		t.Fatalf("%d stale units before, want the 25+ the corpus has", n)
	}
	target := firstStale(t, before, parse.Paragraph, 0)
	translate := func(t *testing.T) {
		t.Helper()
		retranslate(t, root, koLatest, target)
	}
	want := slices.DeleteFunc(slices.Clone(before), func(u string) bool { return u == target })

	t.Run("uncommitted", func(t *testing.T) {
		translate(t)
		checkUnits(t, unitList(t, root, koLatest), want)
	})
	t.Run("committed", func(t *testing.T) {
		gitIn(t, root, "commit", "-q", "-a", "-m", "ko: translate one paragraph")
		checkUnits(t, unitList(t, root, koLatest), want)
	})
	t.Run("squash merge", func(t *testing.T) {
		gitIn(t, root, "reset", "-q", "--hard", "HEAD~1")
		checkUnits(t, unitList(t, root, koLatest), before)
		gitIn(t, root, "checkout", "-q", "-b", "ko-sync")
		translate(t)
		gitIn(t, root, "commit", "-q", "-a", "-m", "ko: translate one paragraph")
		gitIn(t, root, "checkout", "-q", "main")
		gitIn(t, root, "merge", "-q", "--squash", "ko-sync")
		gitIn(t, root, "commit", "-q", "-m", "ko: sync one paragraph (#1)")
		gitIn(t, root, "branch", "-q", "-D", "ko-sync")
		checkUnits(t, unitList(t, root, koLatest), want)
	})
	t.Run("accept --unit, then a squash merge", func(t *testing.T) {
		second := firstStale(t, want, parse.Paragraph, 0)
		want2 := slices.DeleteFunc(slices.Clone(want), func(u string) bool { return u == second })
		gitIn(t, root, "checkout", "-q", "-b", "ko-review")
		site, err := Load(context.Background(), root, Options{})
		if err != nil {
			t.Fatal(err)
		}
		edits, notes := site.PlanReview([]UnitRef{{Path: koLatest, ID: strings.Fields(second)[2]}})
		site.Close()
		if len(edits) != 1 || len(notes) != 0 {
			t.Fatalf("PlanReview: %d edits, notes %v; want one edit", len(edits), notes)
		}
		if errs := edit.Apply(root, edits); len(errs) > 0 {
			t.Fatal(errs)
		}
		checkUnits(t, unitList(t, root, koLatest), want2)
		gitIn(t, root, "commit", "-q", "-a", "-m", "ko: reviewed one paragraph")
		gitIn(t, root, "checkout", "-q", "main")
		gitIn(t, root, "merge", "-q", "--squash", "ko-review")
		gitIn(t, root, "commit", "-q", "-m", "ko: review (#2)")
		checkUnits(t, unitList(t, root, koLatest), want2)
	})
}

// unitList is the page's units that need work, one "state change id
// source-id" string each, in report order.
func unitList(t *testing.T, root, page string) []string {
	t.Helper()
	report, err := Status(context.Background(), root, Options{Paths: []string{page}})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range report.Pages {
		if p.Translation != page {
			continue
		}
		var out []string
		for _, u := range p.Units {
			out = append(out, strings.Join([]string{u.State.String(), u.Change.String(), u.ID, u.SourceID}, " "))
		}
		return out
	}
	t.Fatalf("no report for %s", page)
	return nil
}

func countState(units []string, state string) int {
	n := 0
	for _, u := range units {
		if strings.HasPrefix(u, state+" ") {
			n++
		}
	}
	return n
}

// firstStale is the skip-th stale unit of the kind.
func firstStale(t *testing.T, units []string, kind parse.Kind, skip int) string {
	t.Helper()
	for _, u := range units {
		if strings.HasPrefix(u, "stale ") && strings.Contains(u, "/"+kind.String()) {
			if skip == 0 {
				return u
			}
			skip--
		}
	}
	t.Fatalf("no stale %s", kind)
	return ""
}

// retranslate changes the words of the translated unit named in a
// unitList entry, as a translator bringing it up to date would.
func retranslate(t *testing.T, root, page, entry string) {
	t.Helper()
	id := strings.Fields(entry)[2]
	file := filepath.Join(root, filepath.FromSlash(page))
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	doc := parsetest.MustParse(t, page, string(src))
	for _, u := range doc.Units {
		if u.ID == id {
			out := slices.Concat(src[:u.End:u.End], []byte(" 갱신된 문장입니다."), src[u.End:])
			if err := os.WriteFile(file, out, 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	t.Fatalf("%s: no unit %s", page, id)
}

func checkUnits(t *testing.T, got, want []string) {
	t.Helper()
	for _, u := range want {
		if !slices.Contains(got, u) {
			t.Errorf("lost: %s", u)
		}
	}
	for _, u := range got {
		if !slices.Contains(want, u) {
			t.Errorf("unexpected: %s", u)
		}
	}
}

func gitIn(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=Test", "-c", "user.email=test@example.org"}, args...)...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}
