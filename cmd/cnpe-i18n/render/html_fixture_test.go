package render

import (
	"os"
	"path/filepath"
	"testing"

	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
	"github.com/cnpe-i18n/cnpe-i18n/translations"
)

// htmlFixture is a small report written for these tests: two languages, a
// stale page with a changed, a new and a removed unit, a missing page,
// a UI string, and repository text that tries to inject markup.
func htmlFixture() *isync.Report {
	stale := isync.PageReport{
		Lang: "ko", Source: "content/en/guide/setup.md", Translation: "content/ko/guide/setup.md",
		State: isync.PageStale, Words: 7,
		Base: &isync.Base{Kind: isync.BaseInferred, Commit: "0123456789abcdef", Confidence: 0.9},
		Units: []isync.UnitReport{
			{ID: "p-intro", State: isync.UnitStale, Line: 5, EndLine: 6, SourceLine: 5,
				SourceBefore: "Install the tool with one command.", SourceAfter: "Install the agent with two commands.",
				Words: []change.Edit{{Op: change.Equal, Text: "Install the "}, {Op: change.Delete, Text: "tool"}, {Op: change.Insert, Text: "agent"},
					{Op: change.Equal, Text: " with "}, {Op: change.Delete, Text: "one command."}, {Op: change.Insert, Text: "two commands."}},
				Text: "한 줄 명령으로 도구를 설치합니다."},
			{ID: "p-new", State: isync.UnitNew, SourceLine: 9, SourceAfter: "Restart the service afterwards."},
			{ID: "p-gone", State: isync.UnitObsolete, Line: 12, EndLine: 12, SourceLine: 11,
				SourceBefore: "This step is optional.", Text: "이 단계는 선택 사항입니다."},
		},
	}
	hostile := isync.PageReport{
		Lang: "ja", Source: "content/en/<b>bold</b>.md", Translation: "content/ja/<b>bold</b>.md",
		State: isync.PageStale, Words: 2,
		Units: []isync.UnitReport{{ID: "p-x", State: isync.UnitStale, Line: 3, SourceLine: 3,
			Words: []change.Edit{{Op: change.Delete, Text: "<script>alert(1)</script>"}, {Op: change.Insert, Text: "<img src=x onerror=alert(2)>"}},
			Text:  "<script>alert(3)</script>"}},
	}
	return &isync.Report{
		Source: "en", Languages: []string{"ja", "ko"},
		Pages: []isync.PageReport{
			{Lang: "ja", Source: "content/en/guide/setup.md", Translation: "content/ja/guide/setup.md", State: isync.PageCurrent},
			{Lang: "ja", Source: "content/en/guide/extra.md", State: isync.PageMissing},
			hostile,
			stale,
			{Lang: "ko", Source: "content/en/guide/extra.md", State: isync.PageMissing},
			{Lang: "ko", Source: "content/en/<b>bold</b>.md", Translation: "content/ko/<b>bold</b>.md", State: isync.PageCurrent},
		},
		Strings: []translations.Entry{{Lang: "ko", Key: "read_more", State: translations.Stale, File: "i18n/ko.toml", Line: 2,
			Source: "Read more", SourceBefore: "More", Text: "더 보기"}},
	}
}

// writeHTML renders r into a new directory and returns it.
func writeHTML(t *testing.T, r *isync.Report, l Linker) string {
	t.Helper()
	dir := t.TempDir()
	err := HTML(r, l, func(name string, data []byte) error {
		file := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return err
		}
		return os.WriteFile(file, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}
