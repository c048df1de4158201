package sync

import (
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/parse/parsetest"
	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
)

// TestOlderSourceVote is olderSource's decision for one step back: does
// a translation follow the older of two source versions?
func TestOlderSourceVote(t *testing.T) {
	const older = "Read the [guide](/docs/v1/).\n\nRun `tool --slow` with the Kubernetes Receiver.\n\nIt takes 5 minutes.\n"
	tests := []struct {
		name, newer, tr string
		want            bool
	}{
		{"link and code kept from the older", "Read the [guide](/docs/v2/).\n\nRun `tool --fast` first.\n\nIt takes 5 minutes.\n",
			"[ガイド](/ja/docs/v1/)を読んでください。\n\n最初に `tool --slow` を実行します。\n\n5分かかります。\n", true},
		{"link and code of the newer", "Read the [guide](/docs/v2/).\n\nRun `tool --fast` first.\n\nIt takes 5 minutes.\n",
			"[ガイド](/ja/docs/v2/)を読んでください。\n\n最初に `tool --fast` を実行します。\n\n5分かかります。\n", false},
		{"one number is not enough", "Read the [guide](/docs/v1/).\n\nRun `tool --slow` first.\n\nIt takes 7 minutes.\n",
			"[ガイド](/ja/docs/v1/)を読んでください。\n\n最初に `tool --slow` を実行します。\n\n5分かかります。\n", false},
		{"a section the newer added and the translation lacks does not vote", older + "\nSee [limits](/docs/limits/) and `tool --help`.\n",
			"[ガイド](/ja/docs/v1/)を読んでください。\n\n最初に `tool --slow` を実行します。\n\n5分かかります。\n", false},
		{"Latin words only the newer has do not vote when the translation lacks them", "Read the [guide](/docs/v1/).\n\nRun `tool --slow` with Kubeletstats Receiver.\n\nIt takes 5 minutes.\n",
			"[ガイド](/ja/docs/v1/)を読んでください。\n\n最初に `tool --slow` を実行します。\n\n5分かかります。\n", false},
		{"Latin words kept in a CJK translation vote", "Read the [guide](/docs/v1/).\n\nRun `tool --fast` with the Kubeletstats Receiver.\n\nIt takes 5 minutes.\n",
			"[ガイド](/ja/docs/v1/)を読んでください。\n\n最初に Kubernetes Receiver で `tool --slow` を実行します。\n\n5分かかります。\n", true},
		{"Latin words in a Latin-script translation do not vote", "Read the [guide](/docs/v1/).\n\nRun `tool --fast` with the Kubeletstats Receiver.\n\nIt takes 5 minutes.\n",
			"Lisez le [guide](/fr/docs/v1/).\n\nLancez `tool --slow` avec le Kubernetes Receiver.\n\nCela prend 5 minutes.\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, n := parsetest.MustParse(t, "older.md", older), parsetest.MustParse(t, "newer.md", tt.newer)
			tr := parsetest.MustParse(t, "tr.md", tt.tr)
			latin := mostlyLatin(tr)
			ts, ns := skeletonOf(tr, latin), skeletonOf(n, latin)
			got := ts.holdsBeyond(ns) && ts.closer(skeletonOf(o, latin), ns, changedAnchors(change.DiffSource(o, n), latin))
			if got != tt.want {
				t.Errorf("older wins = %v, want %v (translation skeleton %v, newer %v)", got, tt.want, ts, ns)
			}
		})
	}
}
