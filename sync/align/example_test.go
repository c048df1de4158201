package align_test

import (
	"fmt"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/sync/align"
)

func ExampleAlign() {
	en, _ := parse.Parse("en.md", []byte("## Setup\n\nInstall Helm 3.12.\n\nThen configure the OpenTelemetry exporter.\n"))
	ja, _ := parse.Parse("ja.md", []byte("## セットアップ\n\nHelm 3.12 をインストールし、OpenTelemetry エクスポーターを設定します。\n"))
	for _, p := range align.Align(en, ja, align.Options{}) {
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
