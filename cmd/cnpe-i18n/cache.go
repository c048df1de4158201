package main

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime/debug"
	"sort"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/cnpe-i18n/cnpe-i18n/cmd/cnpe-i18n/render"
	"github.com/cnpe-i18n/cnpe-i18n/internal/cache"
)

// toolIdentity names this binary in cache entries: its version and
// commit, and the executable's size and time, so that a development
// build never reads what another build wrote.
func toolIdentity() string {
	b := readBuildInfo(debug.ReadBuildInfo)
	id := b.Version + " " + b.Commit + " " + b.Go
	if exe, err := os.Executable(); err == nil {
		if fi, err := os.Stat(exe); err == nil {
			id += " " + strconv.FormatInt(fi.Size(), 10) + " " + strconv.FormatInt(fi.ModTime().UnixNano(), 10)
		}
	}
	return id
}

// openCache is the cache of the repository at root, nil with --no-cache
// or when it cannot be opened (a read-only checkout runs without one).
func openCache(root string, noCache bool) *cache.Store {
	if noCache {
		return nil
	}
	st, err := cache.Open(cache.Options{Root: root, Tool: toolIdentity()})
	if err != nil {
		return nil
	}
	return st
}

type cacheOptions struct {
	global *globalOptions
	Root   string
	DryRun bool
}

func newCmdCache(s *streams, global *globalOptions) *cobra.Command {
	opts := &cacheOptions{global: global}
	cmd := &cobra.Command{
		Use:   "cache info|clear",
		Short: "Show or clear the cache of history and page reports",
		Long: `The cache keeps, between runs on a repository, the git history index
(brought up to date from the commit it last saw when the new commits
were made on top of it, or are merges that changed none of the files it
reads, or, for a read of one git log such as a glossary check of one
language, merges of branches; read again in full after a force-push, or
a merge that changed pages for a whole-site status), the front
matter of every page by its file's stat and blob id, and the report of
every page and its translations under a key of everything it is made
from. Output
is the same with and without it; --no-cache turns it off for one run.

It lives in .git/cnpe-i18n when the repository's .git is a directory,
else under the user cache directory ($XDG_CACHE_HOME/cnpe-i18n). A
damaged entry, or one written by another version, is ignored and
rewritten. Least recently used entries go when it passes 512 MiB.`,
		Example: `  cnpe-i18n cache info
  cnpe-i18n cache clear --dry-run`,
	}
	info := &cobra.Command{
		Use:   "info [--format text|json]",
		Short: "Print where the cache is and what it holds",
		Long: `Info prints the cache's directory, its entries and bytes, by kind.

JSON: {"dir", "entries", "bytes", "limit", "kinds": {KIND: {"entries", "bytes"}}}.`,
		Example: `  cnpe-i18n cache info --format json`,
		Args:    cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			st, err := opts.store()
			if err != nil {
				return err
			}
			in, err := st.Info()
			if err != nil {
				return err
			}
			return writeCacheInfo(s, opts.global.Format, in, "")
		},
	}
	clear := &cobra.Command{
		Use:   "clear [--dry-run] [--format text|json]",
		Short: "Remove every entry of the cache",
		Long: `Clear removes every entry of the repository's cache (of every tool
version). With --dry-run it prints what it would remove.`,
		Example: `  cnpe-i18n cache clear`,
		Args:    cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			st, err := opts.store()
			if err != nil {
				return err
			}
			in, err := st.Clear(opts.DryRun)
			verb := "removed"
			if opts.DryRun {
				verb = "would remove"
			}
			if werr := writeCacheInfo(s, opts.global.Format, in, verb); werr != nil {
				return werr
			}
			return err
		},
	}
	clear.Flags().BoolVar(&opts.DryRun, "dry-run", false, "print what would be removed, remove nothing")
	cmd.PersistentFlags().StringVarP(&opts.Root, "root", "C", ".", "repository root")
	cmd.AddCommand(info, clear)
	return cmd
}

// store checks the output format and opens the repository's cache.
func (o *cacheOptions) store() (*cache.Store, error) {
	if err := o.global.checkFormat("text", "json"); err != nil {
		return nil, err
	}
	root, _, err := resolveRoot(o.Root, nil)
	if err != nil {
		return nil, err
	}
	return cache.Open(cache.Options{Root: root, Tool: toolIdentity()})
}

func writeCacheInfo(s *streams, format string, in cache.Info, verb string) error {
	if format == "json" {
		enc := json.NewEncoder(s.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(in)
	}
	if verb != "" {
		fmt.Fprintf(s.Out, "%s %d entries, %d bytes from %s\n", verb, in.Entries, in.Bytes, render.EscapeText(in.Dir))
		return nil
	}
	fmt.Fprintf(s.Out, "cache %s\n%d entries, %d bytes (limit %d)\n", render.EscapeText(in.Dir), in.Entries, in.Bytes, in.Limit)
	kinds := make([]string, 0, len(in.Kinds))
	for k := range in.Kinds {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		fmt.Fprintf(s.Out, "  %-8s %6d entries %12d bytes\n", k, in.Kinds[k].Entries, in.Kinds[k].Bytes)
	}
	return nil
}
