package main

import (
	"path"
	"slices"
	"strings"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
)

// contentLayout says where pages live: <Dir>/<lang>/<page>, the source
// language's pages being the sources of the others'.
type contentLayout struct {
	Dir    string // content directory, relative to the root ("content")
	Source string // source language ("en")
}

// split returns the language of a page path and its path inside the
// language's directory; ok is false for files that are not Markdown pages
// under Dir.
func (l contentLayout) split(p string) (lang, rel string, ok bool) {
	rest, found := strings.CutPrefix(p, l.Dir+"/")
	if !found || path.Ext(p) != ".md" {
		return "", "", false
	}
	lang, rel, ok = strings.Cut(rest, "/")
	return lang, rel, ok && lang != "" && rel != ""
}

func (l contentLayout) page(lang, rel string) string { return l.Dir + "/" + lang + "/" + rel }

// candidate is a commit that changed a translation while the translation's
// source had changed since the translation's previous version: a likely
// catch-up, to be confirmed on the words (confirm).
type candidate struct {
	Seq         int // index of the commit in the first-parent line
	Commit      string
	Parent      string
	Time        int64
	Lang        string
	Translation string
	Source      string
	TrBefore    string // the translation's blob at the parent
	TrAfter     string // and at the commit
	PrevCommit  string // the commit that made TrBefore
	SrcPrev     string // the source's blob after PrevCommit
	SrcParent   string // the source's blob at the parent
	// Earlier are the translation's versions before the parent's, newest
	// first: Earlier[0] is made by PrevCommit (at most maxEarlier).
	Earlier []version
	// Later are the translation's versions after the commit's, oldest
	// first (at most maxLater): what the translators did next, for
	// reading a false flag (-explain).
	Later []version
}

// maxLater bounds how far forward a flag is followed (-explain).
const maxLater = 8

// version is a translation as one commit left it, and its source then.
type version struct {
	Commit  string
	Tr, Src string // blobs
}

// maxEarlier bounds how far back a unit's history is followed.
const maxEarlier = 24

// findCatchUps replays the first-parent line (oldest first) and returns
// the changes of translations made when their source had changed since the
// translation's previous version. langs, when not empty, restricts the
// languages; commits before since (Unix seconds) are replayed but not
// returned.
func findCatchUps(commits []commit, l contentLayout, langs []string, since int64) []candidate {
	blob := map[string]string{}       // path → blob, as of the commit replayed
	prevCommit := map[string]string{} // translation → commit of its last change
	srcAt := map[string]string{}      // translation → source blob after that commit
	hist := map[string][]version{}    // translation → its versions, oldest first
	var out []candidate
	open := map[string][]int{} // translation → candidates (indexes into out) still following it
	for seq, c := range commits {
		var touched []string
		for _, ch := range c.Changes {
			lang, rel, ok := l.split(ch.Path)
			if !ok || lang == l.Source {
				continue
			}
			touched = append(touched, ch.Path)
			if ch.Old == "" || ch.New == "" || ch.Old == ch.New || c.Parent == "" || c.Time < since {
				continue
			}
			if len(langs) > 0 && !slices.Contains(langs, lang) {
				continue
			}
			src := l.page(l.Source, rel)
			prev, now := srcAt[ch.Path], blob[src]
			if prev == "" || now == "" || prev == now || prevCommit[ch.Path] == "" {
				continue
			}
			out = append(out, candidate{Seq: seq, Commit: c.Hash, Parent: c.Parent, Time: c.Time,
				Lang: lang, Translation: ch.Path, Source: src, TrBefore: ch.Old, TrAfter: ch.New,
				PrevCommit: prevCommit[ch.Path], SrcPrev: prev, SrcParent: now, Earlier: newestFirst(hist[ch.Path])})
		}
		for _, ch := range c.Changes {
			if ch.New == "" {
				delete(blob, ch.Path)
			} else {
				blob[ch.Path] = ch.New
			}
		}
		for _, t := range touched {
			_, rel, _ := l.split(t)
			prevCommit[t] = c.Hash
			srcAt[t] = blob[l.page(l.Source, rel)]
			if blob[t] == "" {
				delete(hist, t)
				continue
			}
			v := version{Commit: c.Hash, Tr: blob[t], Src: srcAt[t]}
			hist[t] = append(hist[t], v)
			still := open[t][:0]
			for _, k := range open[t] {
				out[k].Later = append(out[k].Later, v)
				if len(out[k].Later) < maxLater {
					still = append(still, k)
				}
			}
			open[t] = still
		}
		for k := len(out) - 1; k >= 0 && out[k].Seq == seq; k-- {
			open[out[k].Translation] = append(open[out[k].Translation], k)
		}
	}
	return out
}

// newestFirst returns the last maxEarlier versions, newest first.
func newestFirst(vs []version) []version {
	n := min(len(vs), maxEarlier)
	out := make([]version, n)
	for i := range n {
		out[i] = vs[len(vs)-1-i]
	}
	return out
}

// catchUpDocs are the four versions of a catch-up, parsed.
type catchUpDocs struct {
	TrBefore, TrAfter  *parse.Document
	SrcPrev, SrcParent *parse.Document
	// Earlier are the translation's earlier versions with their source,
	// newest first, starting with TrBefore and SrcPrev.
	Earlier []versionDocs
}

// versionDocs is one version of a translation and the source then.
type versionDocs struct{ Tr, Src *parse.Document }

// confirmed reports whether the translation's words changed and its
// source's words had changed since the translation's previous version:
// edits of links, white space, markup or metadata alone do not count.
func (d catchUpDocs) confirmed() bool {
	return wordsChanged(d.TrBefore, d.TrAfter) && wordsChanged(d.SrcPrev, d.SrcParent)
}

// wordsChanged reports whether a translatable unit's words changed, or one
// was added or removed, between two versions of a page.
func wordsChanged(before, after *parse.Document) bool {
	for _, c := range change.DiffSource(before, after).Changes {
		if wordChange(c) {
			return true
		}
	}
	return false
}

// wordChange reports a change of words: prose, or a translatable unit
// added or removed.
func wordChange(c *change.Change) bool {
	switch c.Kind {
	case change.Prose:
		return true
	case change.Added:
		return c.After != nil && c.After.Translatable
	case change.Removed:
		return c.Before != nil && c.Before.Translatable
	}
	return false
}
