// Command dist builds the release archives locally, as GoReleaser would
// from .goreleaser.yaml, without GoReleaser: one archive per platform and
// checksums.txt, in dist/. It is "make dist", and CI runs it to check the
// release configuration builds.
//
//	go run ./internal/dist [-config .goreleaser.yaml] [-out dist]
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/cnpe-i18n/cnpe-i18n/internal/release"
)

func main() {
	config := flag.String("config", ".goreleaser.yaml", "GoReleaser `file`")
	out := flag.String("out", "dist", "output `directory` (emptied first)")
	flag.Parse()
	if err := run(*config, *out); err != nil {
		fmt.Fprintln(os.Stderr, "dist:", err)
		os.Exit(1)
	}
}

func run(config, out string) error {
	c, err := release.LoadConfig(config)
	if err != nil {
		return err
	}
	v, err := gitVars()
	if err != nil {
		return err
	}
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	start := time.Now()
	arts, err := release.BuildAll(context.Background(), c, v, ".", out)
	if err != nil {
		return err
	}
	fmt.Printf("%s %s (%s), %d platforms in %s:\n", c.ProjectName, v.Tag, v.FullCommit, len(c.Targets()), time.Since(start).Round(time.Second))
	for _, a := range arts {
		fmt.Printf("  %-45s %8.1f MiB  sha256 %s\n", out+"/"+a.Name, float64(a.Size)/(1<<20), a.SHA256[:16])
	}
	return nil
}

// gitVars reads the version from git: the tag on HEAD, else a snapshot
// version after the latest tag, as GoReleaser's
// "{{ incpatch .Version }}-next".
func gitVars() (release.Vars, error) {
	var v release.Vars
	var err error
	if v.FullCommit, err = git("rev-parse", "HEAD"); err != nil {
		return v, fmt.Errorf("make dist needs a git checkout: %w", err)
	}
	if v.CommitTimestamp, err = git("log", "-1", "--format=%ct"); err != nil {
		return v, err
	}
	sec, err := strconv.ParseInt(v.CommitTimestamp, 10, 64)
	if err != nil {
		return v, err
	}
	v.CommitDate = time.Unix(sec, 0).UTC().Format(time.RFC3339)
	if tag, err := git("describe", "--tags", "--exact-match", "HEAD"); err == nil {
		v.Tag, v.Version = tag, strings.TrimPrefix(tag, "v")
		return v, nil
	}
	latest, err := git("describe", "--tags", "--abbrev=0")
	if err != nil {
		latest = "v0.0.0"
	}
	v.Version = incPatch(strings.TrimPrefix(latest, "v")) + "-next"
	v.Tag = "v" + v.Version
	return v, nil
}

// incPatch adds one to the patch number of MAJOR.MINOR.PATCH[-pre].
func incPatch(version string) string {
	core, _, _ := strings.Cut(version, "-")
	parts := strings.Split(core, ".")
	if len(parts) != 3 {
		return "0.0.1"
	}
	n, err := strconv.Atoi(parts[2])
	if err != nil {
		return "0.0.1"
	}
	return parts[0] + "." + parts[1] + "." + strconv.Itoa(n+1)
}

func git(args ...string) (string, error) {
	out, err := exec.Command("git", args...).Output()
	return strings.TrimSpace(string(out)), err
}
