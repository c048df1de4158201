package change

import (
	"strings"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// TestUnitWordDiffShowsCode: a prose change in a unit with inline code
// shows the code, never the placeholder the fingerprint uses for it; a
// unit without masked parts is diffed on the words a reader sees.
func TestUnitWordDiffShowsCode(t *testing.T) {
	tests := []struct {
		name, before, after string
		inserted, deleted   string // in the diff's insert and delete runs
		equal               string // in an equal run
	}{
		{"code kept, words changed", "Run `kubectl apply` to install it.", "Run `kubectl apply` to install the chart.",
			"the chart", "it", "`kubectl apply`"},
		{"code changed with words", "Start with `make build` first.", "Start with `make test` always.",
			"test", "build", "`make "},
		{"no code: plain words", "Read the [guide](/a/) twice.", "Read the [guide](/b/) once.",
			"once", "twice", "Read the guide"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err1 := parse.Parse("a.md", []byte(tt.before+"\n"))
			a, err2 := parse.Parse("a.md", []byte(tt.after+"\n"))
			if err1 != nil || err2 != nil {
				t.Fatal(err1, err2)
			}
			edits := UnitWordDiff(&b.Units[0], &a.Units[0])
			var ins, del, eq strings.Builder
			for _, e := range edits {
				if strings.ContainsRune(e.Text, '\uFFFC') {
					t.Errorf("edit %+v shows the placeholder", e)
				}
				map[Op]*strings.Builder{Insert: &ins, Delete: &del, Equal: &eq}[e.Op].WriteString(e.Text)
			}
			if !strings.Contains(ins.String(), tt.inserted) || !strings.Contains(del.String(), tt.deleted) || !strings.Contains(eq.String(), tt.equal) {
				t.Errorf("diff %+v: want %q inserted, %q deleted, %q kept", edits, tt.inserted, tt.deleted, tt.equal)
			}
		})
	}
}
