// Package layers states the module's pipeline order, lowest first, and its
// test checks that no package imports one above it:
//
//	go test ./internal/layers
//
// A new package gets a rank here before it can land.
package layers

// Order ranks the module's packages by import path relative to the module;
// a package may import only packages of a lower rank.
var Order = map[string]int{
	"parse":                   0,
	"internal/enum":           0,
	"internal/levenshtein":    0,
	"internal/cache":          0,
	"internal/cputime":        0,
	"parse/parsetest":         1,
	"internal/corpustest":     0,
	"internal/bench":          0,
	"internal/layers":         0,
	"internal/release":        0,
	"internal/dist":           1,
	"internal/actionworkflow": 0,
	"internal/testsummary":    0,
	"glossary":                1,
	"translations":            1,
	"sync/history":            2,
	"sync/site":               2,
	"sync/change":             3,
	"sync/align":              4,
	"sync/edit":               5,
	"sync":                    6,
	"cmd/cnpe-i18n/render":    7,
	"cmd/cnpe-i18n":           8,
	"internal/eval":           9, // a tool: it may import anything
}
