package parse_test

import (
	"fmt"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

func ExampleParse() {
	src := []byte(`---
title: Getting started
weight: 10
---

## Before you begin

You need the [portal](https://portal.example.org) and the ` + "`hl`" + ` tool.

| Capability | Self-service |
|---|---|
| Builds | Yes |
`)
	doc, err := parse.Parse("getting-started.md", src)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, u := range doc.Units {
		fmt.Printf("%-32s %-12s line %d translatable=%v %q\n", u.ID, u.Kind, u.Line, u.Translatable, u.Text)
	}
	// Output:
	// front_matter/title               front_matter line 2 translatable=true "Getting started"
	// front_matter/weight              front_matter line 3 translatable=false "10"
	// before-you-begin/heading         heading      line 6 translatable=true "Before you begin"
	// before-you-begin/paragraph-1     paragraph    line 8 translatable=true "You need the [portal](https://portal.example.org) and the `hl` tool."
	// before-you-begin/table-1/r0c0    table_cell   line 10 translatable=true "Capability"
	// before-you-begin/table-1/r0c1    table_cell   line 10 translatable=true "Self-service"
	// before-you-begin/table-1/r1c0    table_cell   line 12 translatable=true "Builds"
	// before-you-begin/table-1/r1c1    table_cell   line 12 translatable=true "Yes"
}

// A reflowed paragraph keeps its fingerprint; a new link target changes
// only the full fingerprint: a mechanical change, no retranslation.
func ExampleUnit_fingerprints() {
	before, _ := parse.Parse("a.md", []byte("See the [guide](/v1/guide) for\nthe details.\n"))
	reflowed, _ := parse.Parse("a.md", []byte("See the [guide](/v1/guide)\nfor the details.\n"))
	relinked, _ := parse.Parse("a.md", []byte("See the [guide](/v2/guide) for\nthe details.\n"))
	a, b, c := before.Units[0], reflowed.Units[0], relinked.Units[0]
	fmt.Println("reflowed: same text", a.Fingerprint == b.Fingerprint, "same full", a.FullFingerprint() == b.FullFingerprint())
	fmt.Println("relinked: same text", a.Fingerprint == c.Fingerprint, "same full", a.FullFingerprint() == c.FullFingerprint())
	// Output:
	// reflowed: same text true same full true
	// relinked: same text true same full false
}
