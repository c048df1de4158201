package release

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Artifact is one file of a local release.
type Artifact struct {
	Name   string // file name in the output directory
	Size   int64
	SHA256 string
}

// BuildAll builds every target of c from the module in dir, archives each
// binary with the configured files and writes the checksums file, all in
// out: what "goreleaser release --snapshot" puts in dist/, without
// GoReleaser. Entries carry the commit time, so a rebuild of the same
// commit gives the same archives.
func BuildAll(ctx context.Context, c *Config, v Vars, dir, out string) ([]Artifact, error) {
	mtime := time.Unix(0, 0).UTC()
	if sec, err := strconv.ParseInt(v.CommitTimestamp, 10, 64); err == nil {
		mtime = time.Unix(sec, 0).UTC()
	}
	extra, err := extraFiles(dir, c.Archives[0].Files)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, err
	}
	defer os.RemoveAll(filepath.Join(out, ".build"))
	var arts []Artifact
	for _, t := range c.Targets() {
		name, err := c.ArchiveName(t, v)
		if err != nil {
			return nil, err
		}
		bin, err := buildBinary(ctx, c, v, t, dir, out)
		if err != nil {
			return nil, err
		}
		files := append([]archiveFile{{name: path.Base(bin), src: bin, mode: 0o755}}, extra...)
		a, err := writeArchive(filepath.Join(out, name), files, mtime)
		os.Remove(bin)
		if err != nil {
			return nil, err
		}
		arts = append(arts, a)
	}
	sumName, err := c.ChecksumName(v)
	if err != nil {
		return nil, err
	}
	sums, err := writeChecksums(filepath.Join(out, sumName), arts)
	if err != nil {
		return nil, err
	}
	return append(arts, sums), nil
}

func buildBinary(ctx context.Context, c *Config, v Vars, t Target, dir, out string) (string, error) {
	b := c.Builds[0]
	v.Os, v.Arch = t.Os, t.Arch
	ldflags, err := c.Ldflags(v)
	if err != nil {
		return "", err
	}
	bin := filepath.Join(out, ".build", t.Os+"_"+t.Arch, b.Binary)
	if t.Os == "windows" {
		bin += ".exe"
	}
	args := append([]string{"build"}, b.Flags...)
	args = append(args, "-ldflags", ldflags, "-o", bin, b.Main)
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), b.Env...)
	cmd.Env = append(cmd.Env, "GOOS="+t.Os, "GOARCH="+t.Arch)
	if msg, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build for %s/%s: %v\n%s", t.Os, t.Arch, err, msg)
	}
	return bin, nil
}

type archiveFile struct {
	name string // path inside the archive
	src  string
	mode os.FileMode
}

// extraFiles expands the archive's file globs, relative to dir, in a
// stable order.
func extraFiles(dir string, globs []string) ([]archiveFile, error) {
	var files []archiveFile
	for _, g := range globs {
		matches, err := filepath.Glob(filepath.Join(dir, filepath.FromSlash(g)))
		if err != nil {
			return nil, err
		}
		if len(matches) == 0 {
			return nil, fmt.Errorf("archive files: %q matches nothing", g)
		}
		sort.Strings(matches)
		for _, m := range matches {
			rel, err := filepath.Rel(dir, m)
			if err != nil {
				return nil, err
			}
			files = append(files, archiveFile{name: filepath.ToSlash(rel), src: m, mode: 0o644})
		}
	}
	return files, nil
}

// writeArchive writes a .tar.gz or .zip of files and returns its size and
// checksum.
func writeArchive(name string, files []archiveFile, mtime time.Time) (Artifact, error) {
	f, err := os.Create(name)
	if err != nil {
		return Artifact{}, err
	}
	h := sha256.New()
	w := io.MultiWriter(f, h)
	if strings.HasSuffix(name, ".zip") {
		err = writeZip(w, files, mtime)
	} else if strings.HasSuffix(name, ".tar.gz") {
		err = writeTarGz(w, files, mtime)
	} else {
		err = fmt.Errorf("%s: unknown archive format", name)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return Artifact{}, err
	}
	info, err := os.Stat(name)
	if err != nil {
		return Artifact{}, err
	}
	return Artifact{Name: filepath.Base(name), Size: info.Size(), SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

func writeTarGz(w io.Writer, files []archiveFile, mtime time.Time) error {
	gz := gzip.NewWriter(w)
	tw := tar.NewWriter(gz)
	for _, f := range files {
		data, err := os.ReadFile(f.src)
		if err != nil {
			return err
		}
		hdr := &tar.Header{Name: f.name, Mode: int64(f.mode), Size: int64(len(data)), ModTime: mtime, Format: tar.FormatPAX}
		if err := tw.WriteHeader(hdr); err != nil {
			return err
		}
		if _, err := tw.Write(data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return gz.Close()
}

func writeZip(w io.Writer, files []archiveFile, mtime time.Time) error {
	zw := zip.NewWriter(w)
	for _, f := range files {
		data, err := os.ReadFile(f.src)
		if err != nil {
			return err
		}
		hdr := &zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: mtime}
		hdr.SetMode(f.mode)
		fw, err := zw.CreateHeader(hdr)
		if err != nil {
			return err
		}
		if _, err := fw.Write(data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// writeChecksums writes "<sha256>  <name>" lines, sorted by name, as
// GoReleaser and sha256sum do.
func writeChecksums(name string, arts []Artifact) (Artifact, error) {
	sorted := append([]Artifact(nil), arts...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	var b strings.Builder
	for _, a := range sorted {
		fmt.Fprintf(&b, "%s  %s\n", a.SHA256, a.Name)
	}
	if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
		return Artifact{}, err
	}
	sum := sha256.Sum256([]byte(b.String()))
	return Artifact{Name: filepath.Base(name), Size: int64(b.Len()), SHA256: hex.EncodeToString(sum[:])}, nil
}
