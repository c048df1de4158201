package translations

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// billionLaughs is a YAML table whose nine levels of nine aliases expand
// to 9^9 strings.
func billionLaughs() string {
	var b strings.Builder
	b.WriteString("a: &a [\"lol\"]\n")
	for i := 1; i < 9; i++ {
		prev := string(rune('a' + i - 1))
		fmt.Fprintf(&b, "%c: &%c [%s]\n", 'a'+i, 'a'+i, strings.Repeat("*"+prev+",", 8)+"*"+prev)
	}
	b.WriteString("read_more:\n  other: *i\n")
	return b.String()
}

func TestHostileBillionLaughs(t *testing.T) {
	src := billionLaughs()
	var err error
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err = ParseTable("i18n/ja.yaml", []byte(src))
	runtime.ReadMemStats(&after)
	if n := after.TotalAlloc - before.TotalAlloc; n > 256<<20 {
		t.Errorf("allocated %d MB for a %d-byte table, bound 256 MB", n>>20, len(src))
	}
	var pe *parse.Error
	if !errors.Is(err, parse.ErrTooComplex) || !errors.As(err, &pe) {
		t.Fatalf("got error %v, want one wrapping parse.ErrTooComplex", err)
	}
	// The limit is crossed by the aliases of the list on line 7 (g: 9^6
	// strings).
	if pe.Path != "i18n/ja.yaml" || pe.Line != 7 || pe.Col == 0 {
		t.Errorf("got position %s:%d:%d, want i18n/ja.yaml:7 with a column", pe.Path, pe.Line, pe.Col)
	}
	if !strings.Contains(err.Error(), "aliases expand to more than") {
		t.Errorf("got %q, want it to name the aliases", err)
	}
}

// TestHostileAliasesWithinBound: an anchor used a few times is read.
func TestHostileAliasesWithinBound(t *testing.T) {
	src := "base: &b\n  other: Read more\nread_more: *b\n"
	tab, err := ParseTable("i18n/en.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if m := tab.Message("read_more"); m == nil || m.Other() != "Read more" {
		t.Errorf("got %+v, want read_more = Read more", m)
	}
}

func TestHostileManyTableKeys(t *testing.T) {
	var b strings.Builder
	for i := range parse.MaxKeys + 1 {
		fmt.Fprintf(&b, "k%d = \"v\"\n", i)
	}
	_, err := ParseTable("i18n/ja.toml", []byte(b.String()))
	var pe *parse.Error
	if !errors.Is(err, parse.ErrTooComplex) || !errors.As(err, &pe) || pe.Line != parse.MaxKeys+1 {
		t.Fatalf("got %v, want too complex at line %d", err, parse.MaxKeys+1)
	}
}
