package release

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func loadConfig(t *testing.T) *Config {
	t.Helper()
	c, err := LoadConfig("../../.goreleaser.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// archiveName is the name the release configuration gives the archive of
// version 1.2.3 for one platform: what the install script must download.
func archiveName(t *testing.T, os, arch string) string {
	t.Helper()
	name, err := loadConfig(t).ArchiveName(Target{os, arch}, Vars{Version: "1.2.3", Tag: "v1.2.3"})
	if err != nil {
		t.Fatal(err)
	}
	return name
}

// TestConfigPlatforms: releases cover the six platforms docs maintainers
// run CI and desktops on.
func TestConfigPlatforms(t *testing.T) {
	c := loadConfig(t)
	var got []string
	for _, tg := range c.Targets() {
		name, err := c.ArchiveName(tg, Vars{Version: "1.2.3", Tag: "v1.2.3"})
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, name)
	}
	slices.Sort(got)
	want := []string{
		"cnpe-i18n_1.2.3_darwin_amd64.tar.gz",
		"cnpe-i18n_1.2.3_darwin_arm64.tar.gz",
		"cnpe-i18n_1.2.3_linux_amd64.tar.gz",
		"cnpe-i18n_1.2.3_linux_arm64.tar.gz",
		"cnpe-i18n_1.2.3_windows_amd64.zip",
		"cnpe-i18n_1.2.3_windows_arm64.zip",
	}
	if !slices.Equal(got, want) {
		t.Errorf("archives:\n got %q\nwant %q", got, want)
	}
	if name, _ := c.ChecksumName(Vars{}); name != "checksums.txt" {
		t.Errorf("checksum file %q, want checksums.txt (the install script reads it)", name)
	}
}

// TestConfigStampsVersion: the release binary's --version reads the
// variables the ldflags set.
func TestConfigStampsVersion(t *testing.T) {
	got, err := loadConfig(t).Ldflags(Vars{Tag: "v1.2.3", FullCommit: "abc", CommitDate: "2026-01-02T03:04:05Z"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"-X main.version=v1.2.3", "-X main.commit=abc", "-X main.date=2026-01-02T03:04:05Z"} {
		if !strings.Contains(got, want) {
			t.Errorf("ldflags %q lack %q", got, want)
		}
	}
}

func TestLoadConfigErrors(t *testing.T) {
	tests := []struct{ name, yaml, want string }{
		{"no project", "builds: [{}]\narchives: [{}]\n", "no project_name"},
		{"two builds", "project_name: x\nbuilds: [{}, {}]\narchives: [{}]\n", "want one build, have 2"},
		{"md5", "project_name: x\nbuilds: [{}]\narchives: [{}]\nchecksum: {algorithm: md5}\n", `checksum algorithm "md5"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "g.yaml")
			os.WriteFile(p, []byte(tt.yaml), 0o644)
			_, err := LoadConfig(p)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
	c := &Config{ProjectName: "x", Archives: []Archive{{NameTemplate: "{{ .Nope }}", Formats: []string{"zip"}}}}
	if _, err := c.ArchiveName(Target{"linux", "amd64"}, Vars{}); err == nil {
		t.Error("a template field GoReleaser has but the local build does not fill was accepted")
	}
}

// TestWriteArchive checks both archive formats carry the files with
// their modes and the commit time, and the checksums file lists them.
func TestWriteArchive(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "cnpe-i18n")
	readme := filepath.Join(dir, "README.md")
	os.WriteFile(bin, []byte("binary"), 0o755)
	os.WriteFile(readme, []byte("# read me\n"), 0o644)
	files := []archiveFile{{"cnpe-i18n", bin, 0o755}, {"README.md", readme, 0o644}}
	mtime := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

	var arts []Artifact
	for _, name := range []string{"a.tar.gz", "a.zip"} {
		a, err := writeArchive(filepath.Join(dir, name), files, mtime)
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
		data, _ := os.ReadFile(filepath.Join(dir, name))
		got := map[string]string{}
		if strings.HasSuffix(name, ".zip") {
			zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range zr.File {
				rc, _ := f.Open()
				b, _ := io.ReadAll(rc)
				got[f.Name] = f.Mode().Perm().String() + " " + f.Modified.UTC().Format(time.RFC3339) + " " + string(b)
			}
		} else {
			gz, err := gzip.NewReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			tr := tar.NewReader(gz)
			for {
				h, err := tr.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				b, _ := io.ReadAll(tr)
				got[h.Name] = os.FileMode(h.Mode).Perm().String() + " " + h.ModTime.UTC().Format(time.RFC3339) + " " + string(b)
			}
		}
		want := map[string]string{
			"cnpe-i18n": "-rwxr-xr-x 2026-01-02T03:04:05Z binary",
			"README.md": "-rw-r--r-- 2026-01-02T03:04:05Z # read me\n",
		}
		for k, w := range want {
			if got[k] != w {
				t.Errorf("%s: %s = %q, want %q", name, k, got[k], w)
			}
		}
	}
	if _, err := writeChecksums(filepath.Join(dir, "checksums.txt"), []Artifact{arts[1], arts[0]}); err != nil {
		t.Fatal(err)
	}
	sums, _ := os.ReadFile(filepath.Join(dir, "checksums.txt"))
	want := arts[0].SHA256 + "  a.tar.gz\n" + arts[1].SHA256 + "  a.zip\n"
	if string(sums) != want {
		t.Errorf("checksums.txt = %q, want %q", sums, want)
	}
}
