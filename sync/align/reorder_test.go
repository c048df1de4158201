package align

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/parse/parsetest"
)

// TestReorderTableColumns: cells of rows the translation reorders pair
// by the column the parser gives them, not by their place among the
// row's cells: a cell left empty on one side has no unit, and the cells
// after it keep their column.
func TestReorderTableColumns(t *testing.T) {
	src := "Flags:\n\n| Flag | Default | Meaning |\n|---|---|---|\n" +
		"| `--dry-run` | | Show the plan only. |\n" +
		"| `--force` | `false` | Overwrite files. |\n" +
		"| `--quiet` | `false` | Print nothing. |\n"
	tgt := "フラグ：\n\n| フラグ | 既定 | 意味 |\n|---|---|---|\n" +
		"| `--quiet` | `false` | 何も表示しません。 |\n" +
		"| `--dry-run` | なし | 計画だけを表示します。 |\n" +
		"| `--force` | `false` | ファイルを上書きします。 |\n"
	s, tr := parsetest.MustParse(t, "en.md", src), parsetest.MustParse(t, "ja.md", tgt)
	pairs := Align(s, tr, Options{})
	checkPairs(t, s, tr, pairs)
	got := map[string]string{}
	for _, p := range pairs {
		if len(p.Source) == 1 {
			var ids []string
			for _, j := range p.Target {
				ids = append(ids, cellOf(tr.Units[j].ID))
			}
			got[cellOf(s.Units[p.Source[0]].ID)] = strings.Join(ids, "+")
		}
	}
	// Source row 1 is target row 2; 2 is 3; 3 is 1.
	for _, want := range []string{"r1c0=r2c0", "r1c2=r2c2", "r2c1=r3c1", "r2c2=r3c2", "r3c0=r1c0", "r3c2=r1c2"} {
		from, to, _ := strings.Cut(want, "=")
		if got[from] != to {
			t.Errorf("source cell %s pairs with %q, want %s (all: %v)", from, got[from], to, fmt.Sprint(got))
		}
	}
}

// cellOf is the row and column part of a table cell's ID.
func cellOf(id string) string {
	if i := strings.LastIndex(id, "/r"); i >= 0 {
		return id[i+1:]
	}
	return id
}
