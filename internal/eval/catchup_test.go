package main

import (
	"bufio"
	"slices"
	"strings"
	"testing"
)

func TestFindCatchUps(t *testing.T) {
	l := contentLayout{Dir: "content", Source: "en"}
	en, ko, ja := "content/en/a.md", "content/ko/a.md", "content/ja/a.md"
	commits := []commit{
		{Hash: "c0", Time: 10, Changes: []fileChange{{Path: en, New: "e1"}, {Path: ko, New: "k1"}, {Path: ja, New: "j1"}}},
		{Hash: "c1", Parent: "c0", Time: 20, Changes: []fileChange{{Path: ko, Old: "k1", New: "k2"}}},                                       // typo fix: English unchanged
		{Hash: "c2", Parent: "c1", Time: 30, Changes: []fileChange{{Path: en, Old: "e1", New: "e2"}}},                                       // English moves on
		{Hash: "c3", Parent: "c2", Time: 40, Changes: []fileChange{{Path: ko, Old: "k2", New: "k3"}}},                                       // catch-up
		{Hash: "c4", Parent: "c3", Time: 50, Changes: []fileChange{{Path: ko, Old: "k3", New: "k4"}}},                                       // follow-up: English unchanged since c3
		{Hash: "c5", Parent: "c4", Time: 60, Changes: []fileChange{{Path: ja, Old: "j1", New: "j2"}, {Path: "content/ja/b.md", New: "jb"}}}, // catch-up, and a new page
		{Hash: "c6", Parent: "c5", Time: 70, Changes: []fileChange{{Path: en, Old: "e2", New: "e3"}, {Path: ko, Old: "k4", New: "k5"}}},     // English and translation in one commit
		{Hash: "c7", Parent: "c6", Time: 80, Changes: []fileChange{{Path: ko, Old: "k5", New: "k6"}}},                                       // nothing new since c6
		{Hash: "c8", Parent: "c7", Time: 90, Changes: []fileChange{{Path: "content/ko/a.txt", Old: "x", New: "y"}}},
	}
	tests := []struct {
		name  string
		langs []string
		since int64
		want  []string // commit:lang
	}{
		{"all", nil, 0, []string{"c3:ko", "c5:ja"}},
		{"one language", []string{"ja"}, 0, []string{"c5:ja"}},
		{"since", nil, 45, []string{"c5:ja"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, c := range findCatchUps(commits, l, tt.langs, tt.since) {
				got = append(got, c.Commit+":"+c.Lang)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	c := findCatchUps(commits, l, nil, 0)[0]
	if c.Parent != "c2" || c.PrevCommit != "c1" || c.SrcPrev != "e1" || c.SrcParent != "e2" || c.TrBefore != "k2" || c.TrAfter != "k3" || c.Source != en {
		t.Errorf("c3 candidate: got %+v", c)
	}
	if want := []version{{"c1", "k2", "e1"}, {"c0", "k1", "e1"}}; !slices.Equal(c.Earlier, want) {
		t.Errorf("c3's earlier versions: got %v, want %v", c.Earlier, want)
	}
	if want := []version{{"c4", "k4", "e2"}, {"c6", "k5", "e3"}, {"c7", "k6", "e3"}}; !slices.Equal(c.Later, want) {
		t.Errorf("c3's later versions: got %v, want %v", c.Later, want)
	}
}

func TestParseLog(t *testing.T) {
	a, b, m := strings.Repeat("a", 40), strings.Repeat("b", 40), strings.Repeat("c", 40)
	blob := strings.Repeat("1", 40)
	out := "\x1e" + a + " 100\x00\n:000000 100644 " + zeroID + " " + blob + " A\x00content/en/x.md\x00" +
		"\x1e" + b + " " + a + " 200\x00" +
		"\x1e" + m + " " + b + " " + a + " 300\x00\n:100644 000000 " + blob + " " + zeroID + " D\x00content/en/x.md\x00"
	got, err := parseLog(bufio.NewReader(strings.NewReader(out)))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("got %d commits, want 3", len(got))
	}
	if got[0].Parent != "" || got[0].Time != 100 || len(got[0].Changes) != 1 || got[0].Changes[0] != (fileChange{Path: "content/en/x.md", New: blob}) {
		t.Errorf("root commit: got %+v", got[0])
	}
	if got[1].Parent != a || len(got[1].Changes) != 0 {
		t.Errorf("empty commit: got %+v", got[1])
	}
	if got[2].Parent != b || got[2].Time != 300 || got[2].Changes[0] != (fileChange{Path: "content/en/x.md", Old: blob}) {
		t.Errorf("merge: got %+v, want first parent %s and a deletion", got[2], b)
	}
}

func TestSample(t *testing.T) {
	var cands []candidate
	for i, l := range []string{"ko", "ko", "ko", "ko", "ko", "ko", "ja", "ja", "zh"} {
		cands = append(cands, candidate{Seq: i, Lang: l, Commit: string(rune('a' + i))})
	}
	count := func(cs []candidate) map[string]int {
		n := map[string]int{}
		for _, c := range cs {
			n[c.Lang]++
		}
		return n
	}
	got := count(sample(slices.Clone(cands), 6, 1, func(candidate) bool { return true }))
	if got["ko"] != 3 || got["ja"] != 2 || got["zh"] != 1 {
		t.Errorf("6 of 9: got %v, want ko 3, ja 2, zh 1 (taken in turn)", got)
	}
	first := sample(slices.Clone(cands), 4, 7, func(c candidate) bool { return c.Commit != "g" })
	again := sample(slices.Clone(cands), 4, 7, func(c candidate) bool { return c.Commit != "g" })
	if !slices.EqualFunc(first, again, func(a, b candidate) bool { return a.Commit == b.Commit }) {
		t.Errorf("same seed, different samples: %v and %v", first, again)
	}
	for i, c := range first {
		if c.Commit == "g" {
			t.Errorf("sample kept a rejected candidate")
		}
		if i > 0 && first[i-1].Seq > c.Seq {
			t.Errorf("sample not in history order: %v", first)
		}
	}
}
