package sync_test

import (
	"fmt"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
)

func ExampleDiffSource() {
	before, _ := parse.Parse("en.md", []byte("## Install\n\nDownload the [installer](/v1/dl).\n\nRun it\nonce.\n\nSet the region.\n"))
	after, _ := parse.Parse("en.md", []byte("## Install\n\nDownload the [installer](/v2/dl).\n\nRun it once.\n\nSet the region and zone.\n"))
	for _, c := range isync.DiffSource(before, after).Changes {
		if c.Kind != isync.Unchanged {
			fmt.Println(c.Kind, c.After.ID)
		}
	}
	// Output:
	// mechanical install/paragraph-1
	// whitespace install/paragraph-2
	// prose install/paragraph-3
}

func ExampleAlign() {
	en, _ := parse.Parse("en.md", []byte("## Setup\n\nInstall Helm 3.12.\n\nThen configure the OpenTelemetry exporter.\n"))
	ja, _ := parse.Parse("ja.md", []byte("## セットアップ\n\nHelm 3.12 をインストールし、OpenTelemetry エクスポーターを設定します。\n"))
	for _, p := range isync.Align(en, ja, isync.AlignOptions{}) {
		var src, tgt []int
		for _, i := range p.Source {
			src = append(src, en.Units[i].Line)
		}
		for _, i := range p.Target {
			tgt = append(tgt, ja.Units[i].Line)
		}
		fmt.Println(src, "→", tgt)
	}
	// Output:
	// [1] → [1]
	// [3 5] → [3]
}

func ExampleWordDiff() {
	for _, e := range isync.WordDiff("Platforms reduce cognitive load.", "Platforms reduce the cognitive load of teams.") {
		if e.Op != isync.Equal {
			fmt.Printf("%s %q\n", e.Op, e.Text)
		}
	}
	// Output:
	// insert "the "
	// insert " of teams"
}
