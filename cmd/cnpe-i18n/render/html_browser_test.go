package render

import (
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The browser test opens the report in headless Chromium (Debian's
// chromium package; .ci/run installs it) from file://, checks what a
// reader sees and saves screenshots.
//
//	CNPE_I18N_SCREENSHOTS=DIR   where the PNGs go (default: a temporary directory)
//	CNPE_I18N_REPORT=DIR        also screenshot a report made by "cnpe-i18n report"
//	CNPE_I18N_REPORT_PAGE=FILE  and this page file of it (as named by PageFile)
//	CHROMIUM=PATH               the browser (default: chromium on $PATH)

func browser(t *testing.T) context.Context {
	t.Helper()
	path := os.Getenv("CHROMIUM")
	if path == "" {
		var err error
		if path, err = exec.LookPath("chromium"); err != nil {
			t.Skip("SKIP: chromium not installed (apt-get install -y chromium); the HTML report is not tested in a browser")
		}
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("no-default-browser-check", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelA() })
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

func screenshotDir(t *testing.T) string {
	if dir := os.Getenv("CNPE_I18N_SCREENSHOTS"); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	return t.TempDir()
}

func fileURL(path string) string {
	abs, _ := filepath.Abs(path)
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
}

// open loads a report file and fails the test on a timeout.
func open(t *testing.T, ctx context.Context, file string) {
	t.Helper()
	tctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	// Navigate waits for the load event. (WaitVisible("main") hangs on
	// pages taller than the viewport with this chromedp version.)
	if err := chromedp.Do(tctx, chromedp.Navigate(fileURL(file))); err != nil {
		t.Fatalf("open %s: %v", file, err)
	}
	if n := eval[int](t, tctx, `document.querySelectorAll("main").length`); n != 1 {
		t.Fatalf("open %s: %d main elements, want 1", file, n)
	}
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// screenshot saves the first screen as NAME.png and the whole page as
// NAME-full.png.
func screenshot(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	for suffix, shot := range map[string]chromedp.Action[[]byte]{"": chromedp.CaptureScreenshot(), "-full": chromedp.FullScreenshot(100)} {
		png, err := chromedp.Run(ctx, shot)
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		file := filepath.Join(dir, name+suffix+".png")
		if err := os.WriteFile(file, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot %s", file)
	}
}

func TestHTMLInBrowser(t *testing.T) {
	ctx := browser(t)
	shots := screenshotDir(t)
	r := htmlFixture()
	dir := writeHTML(t, r, GitHubLinker("", "owner/repo", "abc1234abc1234abc1234abc1234abc1234abc12"))

	open(t, ctx, filepath.Join(dir, "index.html"))
	if got := eval[int](t, ctx, `document.querySelectorAll("tr.lang-row").length`); got != len(r.Languages) {
		t.Errorf("overview rows = %d, want one per language (%d)", got, len(r.Languages))
	}
	if got := eval[string](t, ctx, `document.querySelector("tr.lang-row:nth-child(2)").innerText.replace(/\s+/g, " ").trim()`); got != "ko 66.7% 33.3% 1 1 7 1" {
		t.Errorf("ko overview row = %q", got)
	}
	if got := eval[string](t, ctx, `document.querySelector("table.pages tbody tr a").textContent`); got != "content/ko/guide/setup.md" {
		t.Errorf("first ranked page = %q, want the one with most words to redo", got)
	}
	if got := eval[string](t, ctx, `document.body.innerText`); !strings.Contains(got, "content/ja/<b>bold</b>.md") {
		t.Errorf("the hostile path is not shown as text")
	}
	if got := eval[int](t, ctx, `document.querySelectorAll("b, script:not([src]), img").length`); got != 0 {
		t.Errorf("%d elements made from repository text", got)
	}
	if got := eval[string](t, ctx, `(document.querySelector(".skip").focus(), document.activeElement.textContent)`); got != "Skip to content" {
		t.Errorf("focused element = %q, want the skip link", got)
	}
	screenshot(t, ctx, shots, "fixture-overview")

	open(t, ctx, filepath.Join(dir, "lang-ko.html"))
	if err := chromedp.Do(ctx, chromedp.SendKeys("#filter", "nothing-matches")); err != nil {
		t.Fatal(err)
	}
	if got := eval[int](t, ctx, `[...document.querySelectorAll("#work-table tbody tr")].filter(r => !r.hidden).length`); got != 0 {
		t.Errorf("filter left %d rows visible, want 0", got)
	}

	open(t, ctx, filepath.Join(dir, filepath.FromSlash(PageFile(r.Pages[3]))))
	if got := eval[int](t, ctx, `document.querySelectorAll("article.unit").length`); got != 3 {
		t.Errorf("page view lists %d units, want 3 (stale, new, obsolete)", got)
	}
	if got := eval[string](t, ctx, `[...document.querySelectorAll("article.unit-stale del")].map(e => e.textContent).join("|")`); got != "tool|one command." {
		t.Errorf("marked deletions = %q", got)
	}
	if got := eval[string](t, ctx, `document.querySelector("article.unit-stale .tr .text").lang`); got != "ko" {
		t.Errorf("translation lang = %q, want ko", got)
	}
	if got := eval[string](t, ctx, `document.querySelector("article.unit-stale h3 a").href`); got != "https://github.com/owner/repo/blob/abc1234abc1234abc1234abc1234abc1234abc12/content/ko/guide/setup.md#L5-L6" {
		t.Errorf("line link = %q", got)
	}
	if got := eval[string](t, ctx, `document.querySelector("article.unit-obsolete .label").textContent`); got != "English removed (was content/en/guide/setup.md:11 in base 0123456789)" {
		t.Errorf("removed unit label = %q, want it to name the base version", got)
	}
	screenshot(t, ctx, shots, "fixture-page")
}

// TestHTMLReportInBrowser screenshots a report made by the command, for
// people to look at: CNPE_I18N_REPORT=DIR [CNPE_I18N_REPORT_PAGE=FILE].
func TestHTMLReportInBrowser(t *testing.T) {
	dir := os.Getenv("CNPE_I18N_REPORT")
	if dir == "" {
		t.Skip("SKIP: set CNPE_I18N_REPORT to a report directory to screenshot it")
	}
	ctx := browser(t)
	shots := screenshotDir(t)
	prefix := os.Getenv("CNPE_I18N_SHOT_PREFIX")
	if page := os.Getenv("CNPE_I18N_REPORT_PAGE"); page != "" {
		open(t, ctx, filepath.Join(dir, filepath.FromSlash(page)))
		t.Logf("%s: %d units", page, eval[int](t, ctx, `document.querySelectorAll("article.unit").length`))
		screenshot(t, ctx, shots, prefix+"page")
	}
	open(t, ctx, filepath.Join(dir, "index.html"))
	if got := eval[int](t, ctx, `document.querySelectorAll("tr.lang-row").length`); got == 0 {
		t.Errorf("overview has no language rows")
	}
	screenshot(t, ctx, shots, prefix+"overview")
}
