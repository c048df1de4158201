package align

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/parse/parsetest"
)

// describePairs writes an alignment as "S1+S2=T1" steps of unit IDs'
// ordinals (source and target line numbers), one per line.
func describePairs(src, tgt *parse.Document, pairs []Pair) string {
	var b strings.Builder
	for _, p := range pairs {
		var s, t []string
		for _, i := range p.Source {
			s = append(s, fmt.Sprint(src.Units[i].Line))
		}
		for _, i := range p.Target {
			t = append(t, fmt.Sprint(tgt.Units[i].Line))
		}
		fmt.Fprintf(&b, "%s=%s\n", strings.Join(s, "+"), strings.Join(t, "+"))
	}
	return b.String()
}

func TestAlign(t *testing.T) {
	tests := []struct {
		name     string
		src, tgt string
		want     string // source lines = target lines, one step per line
	}{
		{
			name: "one to one",
			src:  "# Title\n\nFirst paragraph with [a link](/x/).\n\nSecond paragraph, 42 items.\n",
			tgt:  "# タイトル\n\n[リンク](/ja/x/)付きの最初の段落。\n\n二番目の段落、42 項目。\n",
			want: "1=1\n3=3\n5=5\n",
		},
		{
			name: "translator merges two paragraphs",
			src: "## Kickoff\n\nThe event was held in Tokyo on December 8.\n\nIt gathered 120 engineers from Hitachi and LINE Yahoo.\n\n" +
				"![Slide](/images/slide.png)\n\nThe next meetup is in March.\n",
			tgt: "## キックオフ\n\nイベントは12月8日に東京で開催され、日立とLINEヤフーから120人のエンジニアが集まりました。\n\n" +
				"![スライド](/images/slide.png)\n\n次回のミートアップは3月です。\n",
			want: "1=1\n3+5=3\n7=5\n9=7\n",
		},
		{
			name: "translator splits a paragraph",
			src:  "## Setup\n\nInstall the agent with Helm 3.12 and then configure the OpenTelemetry exporter to send traces to Jaeger.\n\n## Next\n\nRead more.\n",
			tgt:  "## セットアップ\n\nHelm 3.12 でエージェントをインストールします。\n\n次に OpenTelemetry エクスポーターを設定して Jaeger にトレースを送ります。\n\n## 次へ\n\n続きを読む。\n",
			want: "1=1\n3=3+5\n5=7\n7=9\n",
		},
		{
			name: "no blank line after headings",
			src:  "## Platform\n\nA platform is a product.\n\n## Team\n\nA team runs it.\n",
			tgt:  "## プラットフォーム\nプラットフォームはプロダクトです。\n## チーム\nチームが運用します。\n",
			want: "1=1\n3=2\n5=3\n7=4\n",
		},
		{
			name: "footnote link becomes a superscript HTML link",
			src:  "Atlassian says so [[1](https://example.org/atlassian)].\n\nFowler agrees [[2](https://example.org/fowler)].\n",
			tgt:  "Atlassianはそう言います<sup><a href=\"https://example.org/atlassian\">1</a></sup>。\n\nFowlerも同意します<sup><a href=\"https://example.org/fowler\">2</a></sup>。\n",
			want: "1=1\n3=3\n",
		},
		{
			name: "translator's note added, a paragraph left out",
			src:  "## Intro\n\nKubernetes runs containers on 3 nodes.\n\nCharts are packaged with Helm 3.\n\n## End\n\nThat is all.\n",
			tgt:  "## はじめに\n\n訳注：この節は初心者向けです。\n\nKubernetes は 3 つのノードでコンテナを動かします。\n\n## おわりに\n\n以上です。\n",
			want: "1=1\n=3\n3=5\n5=\n7=7\n9=9\n",
		},
		{
			name: "translator reorders a list",
			src: "Tools:\n\n- The `mkdocs` builder, version 1.6.\n- The [link checker](https://example.org/lychee/).\n" +
				"- A spelling dictionary for 12 languages.\n- Patience.\n",
			tgt: "ツール：\n\n- [リンクチェッカー](https://example.org/lychee/)。\n- 12 言語の綴り辞書。\n" +
				"- `mkdocs` ビルダー(バージョン 1.6)。\n- 忍耐。\n",
			want: "1=1\n3=5\n4=3\n5=4\n6=6\n",
		},
		{
			name: "reordered list whose English lost an item",
			src:  "Tools:\n\n- The `mkdocs` builder, version 1.6.\n- A spelling dictionary for 12 languages.\n- Patience.\n",
			tgt: "ツール：\n\n- [リンクチェッカー](https://example.org/lychee/)。\n- 12 言語の綴り辞書。\n" +
				"- `mkdocs` ビルダー(バージョン 1.6)。\n- 忍耐。\n",
			want: "1=1\n3=5\n4=4\n5=6\n=3\n",
		},
		{
			name: "list items without anchors or names keep their order",
			src:  "Steps:\n\n- Open the settings page.\n- Choose a language.\n- Save and close.\n",
			tgt:  "手順：\n\n- 言語を選びます。\n- 設定ページを開きます。\n- 保存して閉じます。\n",
			want: "1=1\n3=3\n4=4\n5=5\n",
		},
		{
			name: "lists in the same order are not moved by a shared number",
			src:  "Limits:\n\n- Up to 10 pods per node.\n- Up to 10 nodes per zone.\n",
			tgt:  "制限：\n\n- ノードあたり最大 10 個の Pod。\n- ゾーンあたり最大 10 個のノード。\n",
			want: "1=1\n3=3\n4=4\n",
		},
		{
			name: "translator reorders the rows of a table",
			src: "Flags:\n\n| Flag | Meaning |\n|---|---|\n| `--dry-run` | Show the plan only. |\n" +
				"| `--force` | Overwrite files. |\n| `--quiet` | Print nothing. |\n",
			tgt: "フラグ：\n\n| フラグ | 意味 |\n|---|---|\n| `--quiet` | 何も表示しません。 |\n" +
				"| `--dry-run` | 計画だけを表示します。 |\n| `--force` | ファイルを上書きします。 |\n",
			want: "1=1\n3=3\n3=3\n5=6\n5=6\n6=7\n6=7\n7=5\n7=5\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, tgt := parsetest.MustParse(t, "en.md", tt.src), parsetest.MustParse(t, "ja.md", tt.tgt)
			pairs := Align(src, tgt, Options{})
			checkPairs(t, src, tgt, pairs)
			got := describePairs(src, tgt, pairs)
			if got != tt.want {
				t.Errorf("alignment:\n got %s\nwant %s", strings.ReplaceAll(got, "\n", " "), strings.ReplaceAll(tt.want, "\n", " "))
			}
		})
	}
}
