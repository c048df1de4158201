package main

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

// TestVersionStamped builds the binary the way the release does, with the
// version, commit and date stamped by -ldflags -X, and runs --version and
// version on it.
func TestVersionStamped(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found: cannot build a stamped binary")
	}
	bin := filepath.Join(t.TempDir(), "cnpe-i18n")
	ldflags := "-X main.version=v9.8.7 -X main.commit=0123456789abcdef0123456789abcdef01234567 -X main.date=2026-03-04T05:06:07Z"
	build := exec.Command(goBin, "build", "-ldflags", ldflags, "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	want := "cnpe-i18n v9.8.7 (commit 0123456789abcdef0123456789abcdef01234567, built 2026-03-04T05:06:07Z)\n"
	for _, args := range [][]string{{"--version"}, {"version"}} {
		out, err := exec.Command(bin, args...).Output()
		if err != nil {
			t.Fatalf("%s: %v", args, err)
		}
		if string(out) != want {
			t.Errorf("%s = %q, want %q", args, out, want)
		}
	}
	out, err := exec.Command(bin, "version", "--format", "json").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), `"version": "v9.8.7"`) || !strings.Contains(string(out), `"date": "2026-03-04T05:06:07Z"`) {
		t.Errorf("version --format json = %s", out)
	}
}

func TestReadBuildInfo(t *testing.T) {
	vcs := func(v string, modified bool) func() (*debug.BuildInfo, bool) {
		return func() (*debug.BuildInfo, bool) {
			info := &debug.BuildInfo{Main: debug.Module{Version: v}}
			info.Settings = []debug.BuildSetting{{Key: "vcs.revision", Value: "abc123"}, {Key: "vcs.time", Value: "2026-01-02T00:00:00Z"}}
			if modified {
				info.Settings = append(info.Settings, debug.BuildSetting{Key: "vcs.modified", Value: "true"})
			}
			return info, true
		}
	}
	none := func() (*debug.BuildInfo, bool) { return nil, false }
	tests := []struct {
		name string
		read func() (*debug.BuildInfo, bool)
		want string
	}{
		{"go install at a tag", func() (*debug.BuildInfo, bool) {
			return &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}, true
		}, "v1.2.3"},
		{"build in a clean checkout", vcs("(devel)", false), "(devel) (commit abc123, built 2026-01-02T00:00:00Z)"},
		{"build in a modified checkout", vcs("", true), "(devel) (commit abc123-dirty, built 2026-01-02T00:00:00Z)"},
		{"no build information", none, "(devel)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := readBuildInfo(tt.read)
			if got := b.String(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if b.Go != runtime.Version() {
				t.Errorf("Go = %q", b.Go)
			}
		})
	}
}
