package release

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// fakeBinary stands in for cnpe-i18n in the fake release: the install
// script runs "cnpe-i18n --version" after installing it.
const fakeBinary = "#!/bin/sh\necho \"cnpe-i18n v1.2.3 (fake release)\"\n"

// fakeRelease is a release directory served on 127.0.0.1, as GitHub
// serves https://github.com/OWNER/REPO/releases/download/TAG/NAME.
type fakeRelease struct {
	files    map[string][]byte // "v1.2.3/checksums.txt" → content
	requests []string
}

func (f *fakeRelease) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/")
	f.requests = append(f.requests, name)
	data, ok := f.files[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Write(data)
}

func tarGz(t *testing.T, name string, content []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for _, f := range []struct {
		name string
		data []byte
		mode int64
	}{{"README.md", []byte("# cnpe-i18n\n"), 0o644}, {name, content, 0o755}} {
		if err := tw.WriteHeader(&tar.Header{Name: f.name, Mode: f.mode, Size: int64(len(f.data))}); err != nil {
			t.Fatal(err)
		}
		tw.Write(f.data)
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	gz.Close()
	return buf.Bytes()
}

func zipArchive(t *testing.T, name string, content []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(content)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func checksums(files map[string][]byte) []byte {
	var b strings.Builder
	for name, data := range files {
		sum := sha256.Sum256(data)
		b.WriteString(hex.EncodeToString(sum[:]) + "  " + name + "\n")
	}
	return []byte(b.String())
}

// installRun is one run of scripts/install-action.sh.
type installRun struct {
	exit      int
	stderr    string
	outputs   map[string]string // GITHUB_OUTPUT
	path      string            // GITHUB_PATH
	toolCache string
}

// runInstall runs the action's install script as the action does, with
// the runner's variables pointing into a temporary directory.
func runInstall(t *testing.T, mode string, env map[string]string) installRun {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the install script runs in bash on Linux and macOS runners here")
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash not found")
	}
	if _, err := exec.LookPath("curl"); err != nil {
		t.Skip("curl not found")
	}
	dir := t.TempDir()
	r := installRun{toolCache: env["RUNNER_TOOL_CACHE"]}
	if r.toolCache == "" {
		r.toolCache = filepath.Join(dir, "toolcache")
	}
	script, err := filepath.Abs("../../scripts/install-action.sh")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bash, script, mode)
	cmd.Env = append(os.Environ(),
		"GITHUB_OUTPUT="+filepath.Join(dir, "output"),
		"GITHUB_PATH="+filepath.Join(dir, "path"),
		"RUNNER_TOOL_CACHE="+r.toolCache,
		"RUNNER_OS=Linux", "RUNNER_ARCH=X64",
		"GITHUB_ACTION_REF=", "CNPE_I18N_VERSION=",
		"NO_PROXY=127.0.0.1", "no_proxy=127.0.0.1",
	)
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err = cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		r.exit = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	r.stderr = stderr.String()
	r.outputs = map[string]string{}
	out, _ := os.ReadFile(filepath.Join(dir, "output"))
	for line := range strings.Lines(string(out)) {
		if k, v, ok := strings.Cut(strings.TrimSpace(line), "="); ok {
			r.outputs[k] = v
		}
	}
	p, _ := os.ReadFile(filepath.Join(dir, "path"))
	r.path = strings.TrimSpace(string(p))
	return r
}

func TestInstallRelease(t *testing.T) {
	archive := archiveName(t, "linux", "amd64")
	data := tarGz(t, "cnpe-i18n", []byte(fakeBinary))
	rel := &fakeRelease{files: map[string][]byte{"v1.2.3/" + archive: data}}
	rel.files["v1.2.3/checksums.txt"] = checksums(map[string][]byte{
		archive:                           data,
		archiveName(t, "darwin", "arm64"): []byte("another archive"),
	})
	srv := httptest.NewServer(rel)
	defer srv.Close()

	r := runInstall(t, "release", map[string]string{"CNPE_I18N_BASE_URL": srv.URL, "GITHUB_ACTION_REF": "v1.2.3"})
	if r.exit != 0 {
		t.Fatalf("exit %d: %s", r.exit, r.stderr)
	}
	if r.outputs["found"] != "true" {
		t.Errorf("found = %q, want true", r.outputs["found"])
	}
	wantDir := filepath.Join(r.toolCache, "cnpe-i18n", "v1.2.3", "linux_amd64")
	if r.path != wantDir {
		t.Errorf("GITHUB_PATH = %q, want %q", r.path, wantDir)
	}
	got, err := os.ReadFile(filepath.Join(wantDir, "cnpe-i18n"))
	if err != nil || string(got) != fakeBinary {
		t.Errorf("installed binary = %q, %v", got, err)
	}
	if !strings.Contains(r.stderr, "cnpe-i18n v1.2.3 (fake release)") {
		t.Errorf("the installed binary did not run: %s", r.stderr)
	}

	// A second run finds the binary where the cache restored it and
	// downloads nothing.
	rel.requests = nil
	r2 := runInstall(t, "release", map[string]string{"CNPE_I18N_BASE_URL": srv.URL, "CNPE_I18N_VERSION": "v1.2.3", "RUNNER_TOOL_CACHE": r.toolCache})
	if r2.exit != 0 || r2.outputs["found"] != "true" {
		t.Fatalf("cached run: exit %d, found %q: %s", r2.exit, r2.outputs["found"], r2.stderr)
	}
	if len(rel.requests) != 0 {
		t.Errorf("cached run downloaded %v", rel.requests)
	}
}

func TestInstallReleaseWindowsZip(t *testing.T) {
	if _, err := exec.LookPath("unzip"); err != nil {
		t.Skip("unzip not found")
	}
	archive := archiveName(t, "windows", "arm64")
	data := zipArchive(t, "cnpe-i18n.exe", []byte(fakeBinary))
	rel := &fakeRelease{files: map[string][]byte{"v1.2.3/" + archive: data}}
	rel.files["v1.2.3/checksums.txt"] = checksums(map[string][]byte{archive: data})
	srv := httptest.NewServer(rel)
	defer srv.Close()

	r := runInstall(t, "release", map[string]string{"CNPE_I18N_BASE_URL": srv.URL, "CNPE_I18N_VERSION": "v1.2.3", "RUNNER_OS": "Windows", "RUNNER_ARCH": "ARM64"})
	if r.exit != 0 {
		t.Fatalf("exit %d: %s", r.exit, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(r.toolCache, "cnpe-i18n", "v1.2.3", "windows_arm64", "cnpe-i18n.exe")); err != nil {
		t.Error(err)
	}
}

func TestInstallChecksumMismatch(t *testing.T) {
	archive := archiveName(t, "linux", "amd64")
	data := tarGz(t, "cnpe-i18n", []byte(fakeBinary))
	tampered := tarGz(t, "cnpe-i18n", []byte("#!/bin/sh\necho tampered\n"))
	tests := []struct {
		name      string
		checksums []byte
		want      string
	}{
		{"mismatch", checksums(map[string][]byte{archive: tampered}), "checksum mismatch for " + archive},
		{"not listed", checksums(map[string][]byte{archiveName(t, "linux", "arm64"): data}), "checksums.txt of v1.2.3 does not list " + archive},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rel := &fakeRelease{files: map[string][]byte{"v1.2.3/" + archive: data, "v1.2.3/checksums.txt": tt.checksums}}
			srv := httptest.NewServer(rel)
			defer srv.Close()
			r := runInstall(t, "release", map[string]string{"CNPE_I18N_BASE_URL": srv.URL, "CNPE_I18N_VERSION": "v1.2.3"})
			if r.exit != 1 {
				t.Errorf("exit %d, want 1", r.exit)
			}
			if !strings.Contains(r.stderr, tt.want) {
				t.Errorf("stderr = %q, want %q in it", r.stderr, tt.want)
			}
			if r.outputs["found"] != "" || r.path != "" {
				t.Errorf("a refused download was installed: found %q, path %q", r.outputs["found"], r.path)
			}
			if _, err := os.Stat(filepath.Join(r.toolCache, "cnpe-i18n", "v1.2.3", "linux_amd64", "cnpe-i18n")); err == nil {
				t.Error("the refused binary is in the tool cache")
			}
		})
	}
}

// TestInstallSourceFallback: without a release, the action builds the
// tool from its own checkout, which is this repository.
func TestInstallSourceFallback(t *testing.T) {
	if testing.Short() {
		t.Skip("builds cnpe-i18n from source (-short)")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go command not found: cannot build from source")
	}
	srv := httptest.NewServer(&fakeRelease{files: map[string][]byte{}})
	defer srv.Close()
	env := map[string]string{"CNPE_I18N_BASE_URL": srv.URL, "CNPE_I18N_VERSION": "v9.9.9"}
	r := runInstall(t, "release", env)
	if r.exit != 0 {
		t.Fatalf("exit %d: %s", r.exit, r.stderr)
	}
	if r.outputs["found"] != "false" {
		t.Fatalf("found = %q, want false: %s", r.outputs["found"], r.stderr)
	}

	src, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	env["CNPE_I18N_SOURCE"] = src
	r = runInstall(t, "source", env)
	if r.exit != 0 {
		t.Fatalf("source build: exit %d: %s", r.exit, r.stderr)
	}
	out, err := exec.Command(filepath.Join(r.path, "cnpe-i18n"), "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(out), "cnpe-i18n v9.9.9") {
		t.Errorf("--version = %q, want the version it was asked for", out)
	}
}

func TestInstallResolve(t *testing.T) {
	tests := []struct {
		input, ref string
		exit       int
		version    string
		kind       string
	}{
		{input: "", ref: "v1.2.3", version: "v1.2.3", kind: "release"},
		{input: "v2.0.0-rc.1", ref: "main", version: "v2.0.0-rc.1", kind: "release"},
		{input: "", ref: "main", version: "main", kind: "source"},
		{input: "v1", version: "v1", kind: "source"},
		{input: "0123456789abcdef0123456789abcdef01234567", version: "0123456789abcdef0123456789abcdef01234567", kind: "source"},
		{input: "latest", version: "latest", kind: "source"},
		{input: "v1.2.3; rm -rf /", exit: 1},
	}
	for _, tt := range tests {
		t.Run(tt.input+"@"+tt.ref, func(t *testing.T) {
			r := runInstall(t, "resolve", map[string]string{"CNPE_I18N_VERSION": tt.input, "GITHUB_ACTION_REF": tt.ref})
			if r.exit != tt.exit {
				t.Fatalf("exit %d, want %d: %s", r.exit, tt.exit, r.stderr)
			}
			if r.outputs["version"] != tt.version || r.outputs["kind"] != tt.kind {
				t.Errorf("version %q kind %q, want %q %q", r.outputs["version"], r.outputs["kind"], tt.version, tt.kind)
			}
		})
	}
}
