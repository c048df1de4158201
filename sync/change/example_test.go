package change_test

import (
	"fmt"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
)

func ExampleDiffSource() {
	before, _ := parse.Parse("en.md", []byte("## Install\n\nDownload the [installer](/v1/dl).\n\nRun it\nonce.\n\nSet the region.\n"))
	after, _ := parse.Parse("en.md", []byte("## Install\n\nDownload the [installer](/v2/dl).\n\nRun it once.\n\nSet the region and zone.\n"))
	for _, c := range change.DiffSource(before, after).Changes {
		if c.Kind != change.Unchanged {
			fmt.Println(c.Kind, c.After.ID)
		}
	}
	// Output:
	// mechanical install/paragraph-1
	// whitespace install/paragraph-2
	// prose install/paragraph-3
}

func ExampleWordDiff() {
	for _, e := range change.WordDiff("Platforms reduce cognitive load.", "Platforms reduce the cognitive load of teams.") {
		if e.Op != change.Equal {
			fmt.Printf("%s %q\n", e.Op, e.Text)
		}
	}
	// Output:
	// insert "the "
	// insert " of teams"
}
