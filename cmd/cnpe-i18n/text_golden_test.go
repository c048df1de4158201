package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
)

// goldenReport is a report written for the text golden tests: Korean and
// Japanese pages (wide characters), stale, new and obsolete units, and
// more pages that need work than the summary ranks.
func goldenReport() *isync.Report {
	r := &isync.Report{Source: "en", Languages: []string{"ja", "ko"}}
	stale := isync.PageReport{
		Lang: "ko", Source: "content/en/docs/install.md", Translation: "content/ko/docs/설치.md", State: isync.PageStale, Words: 9,
		Base: &isync.Base{Kind: isync.BaseInferred, Commit: "4b825dc642cb6eb9a060e54bf8d69288fbee4904", Path: "content/en/docs/install.md", Confidence: 0.8},
		Units: []isync.UnitReport{
			{ID: "p-run", State: isync.UnitStale, Line: 7, EndLine: 8, SourceLine: 7,
				SourceBefore: "Run the installer once.", SourceAfter: "Run the new installer twice.",
				Words: change.WordDiff("Run the installer once.", "Run the new installer twice."),
				Text:  "설치 프로그램을 한 번 실행합니다."},
			{ID: "p-check", State: isync.UnitNew, Line: 8, EndLine: 8, SourceLine: 11, SourceAfter: "Check the logs for errors."},
			{ID: "p-old", State: isync.UnitObsolete, Line: 14, EndLine: 14, SourceLine: 12, SourceBefore: "Reboot is not needed.", Text: "재부팅은 필요 없습니다."},
		},
	}
	r.Pages = append(r.Pages, stale)
	for i, name := range []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"} {
		r.Pages = append(r.Pages, isync.PageReport{Lang: "ja", Source: "content/en/docs/" + name + ".md", Translation: "content/ja/docs/" + name + ".md",
			State: isync.PageStale, Words: i + 1,
			Units: []isync.UnitReport{{ID: "p-" + name, State: isync.UnitStale, Line: 3, SourceLine: 3, Words: change.WordDiff("old words", "new words"), Text: "古い訳"}}})
	}
	r.Pages = append(r.Pages,
		isync.PageReport{Lang: "ja", Source: "content/en/docs/install.md", Translation: "content/ja/docs/install.md", State: isync.PageCurrent},
		isync.PageReport{Lang: "ja", Source: "content/en/docs/extra.md", State: isync.PageMissing},
		isync.PageReport{Lang: "ko", Source: "content/en/docs/extra.md", State: isync.PageMissing},
		isync.PageReport{Lang: "ko", Translation: "content/ko/docs/gone.md", State: isync.PageOrphan, RenamedTo: "content/en/docs/extra.md"},
	)
	return r
}

// checkGolden compares got with testdata/golden/NAME, rewriting it with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	file := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -run %s -update rewrites it):\ngot:\n%s\nwant:\n%s", file, t.Name(), got, want)
	}
}

func TestStatusTextGolden(t *testing.T) {
	for _, tc := range []struct {
		name    string
		verbose bool
		states  []string
	}{
		{"status-summary.txt", false, nil},
		{"status-verbose.txt", true, nil},
		{"status-state-new.txt", true, []string{"new"}},
		{"status-state-missing.txt", false, []string{"missing"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			filter, err := parseStates(tc.states)
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			printStatus(&b, goldenReport(), false, tc.verbose, filter)
			checkGolden(t, tc.name, b.Bytes())
		})
	}
}

func TestStatusStateFlag(t *testing.T) {
	if _, err := parseStates([]string{"stale", "new", "missing"}); err != nil {
		t.Errorf("parseStates(stale,new,missing): %v", err)
	}
	if _, err := parseStates([]string{"outdated"}); err == nil {
		t.Errorf("parseStates(outdated) succeeded, want a usage error")
	}
}

func TestDiffTextGolden(t *testing.T) {
	p := goldenReport().Pages[0]
	var b bytes.Buffer
	printDiff(&b, p, false)
	checkGolden(t, "diff-ko.txt", b.Bytes())
}

func TestPageWritesDirectlyWhenNotATerminal(t *testing.T) {
	t.Setenv("PAGER", "false") // would fail if it ran
	var out bytes.Buffer
	if err := page(&streams{Out: &out}, []byte("text\n"), false); err != nil || out.String() != "text\n" {
		t.Errorf("page = %q, %v; want the text written directly", out.String(), err)
	}
}
