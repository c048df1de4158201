// Package parsetest helps tests that need parsed pages:
//
//	doc := parsetest.MustParse(t, "en.md", "# Title\n\nText.\n")
package parsetest

import (
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// MustParse parses src as the page name, and fails the test if it does
// not parse.
func MustParse(t testing.TB, name, src string) *parse.Document {
	t.Helper()
	doc, err := parse.Parse(name, []byte(src))
	if err != nil {
		t.Fatalf("parse %s: %v", name, err)
	}
	return doc
}
