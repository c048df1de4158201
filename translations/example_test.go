package translations_test

import (
	"fmt"

	"github.com/cnpe-i18n/cnpe-i18n/translations"
)

func ExampleCompare() {
	en, _ := translations.ParseTable("i18n/en.toml", []byte("[read_more]\nother = \"Read more\"\n[tags]\nother = \"Tags\"\n[toc]\nother = \"Contents\"\n"))
	ja, _ := translations.ParseTable("i18n/ja.toml", []byte("[tags]\nother = \"Tags\"\n[toc]\nother = \"目次\"\n"))
	for _, e := range translations.Compare("ja", en, ja, nil) {
		fmt.Printf("%s:%d %s %s\n", e.File, e.Line, e.Key, e.State)
	}
	// Output:
	// i18n/en.toml:1 read_more missing
	// i18n/ja.toml:1 tags untranslated
	// i18n/ja.toml:3 toc current
}
