package glossary

import (
	"errors"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// FuzzParse: any input parses or fails with an *Error carrying a line;
// never a panic.
func FuzzParse(f *testing.F) {
	f.Add([]byte(sample))
	f.Add(starterYAML)
	for _, s := range []string{"", "terms:", "terms: 3", "terms:\n  - en: [a, [b]]\n", "terms:\n  - en: x\n    ja: 5\n", "- a\n- b\n", "terms:\n  - en: x\n    scope: {a: b}\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := Parse("f.yaml", data)
		if err != nil {
			var ge *parse.Error
			if !errors.As(err, &ge) || ge.Line < 1 {
				t.Fatalf("error %T without a line: %v", err, err)
			}
			return
		}
		for _, lang := range g.Languages() {
			g.Matcher(lang) // prepares every form without panicking
		}
	})
}
