package align

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// genPair writes a source page of about n body units (headings,
// paragraphs with links and numbers, list items, code blocks) and a
// translation of it in invented CJK-like text that keeps links, numbers
// and code, drops about one unit in 50 and adds a translator's note about
// one in 70. Both are deterministic in seed.
func genPair(n int, seed uint64) (src, tgt string) {
	r := rand.New(rand.NewPCG(seed, 7))
	var s, t strings.Builder
	words := []string{"cluster", "node", "pod", "service", "the", "a", "runs", "with", "policy", "controller", "volume", "network"}
	sentence := func(k int) string {
		var b strings.Builder
		for w := 0; w < 4+r.IntN(12); w++ {
			if w > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[r.IntN(len(words))])
		}
		if k%5 == 0 {
			fmt.Fprintf(&b, " [guide %d](/docs/p%d/)", k, k)
		}
		if k%4 == 0 {
			fmt.Fprintf(&b, " in %d steps", k%97)
		}
		return b.String()
	}
	translate := func(en string) string {
		var b strings.Builder
		for _, f := range strings.Fields(en) {
			switch {
			case strings.HasPrefix(f, "[") || strings.HasPrefix(f, "(") || strings.Contains(f, "](") || f[0] >= '0' && f[0] <= '9':
				b.WriteString(f)
			default:
				b.WriteString(strings.Repeat("訳", 1+len(f)/3))
			}
		}
		return b.String()
	}
	// Lines are elements too (parse.MaxMarkdownElements): the page is
	// dense, with list items on consecutive lines and no blank line after
	// a heading, so that 50,000 units fit.
	for k := 0; k < n; k++ {
		var en, ja string
		switch {
		case k%12 == 0:
			en = fmt.Sprintf("\n## Section %d\n", k)
			ja = fmt.Sprintf("\n## 節 %d\n", k)
		case k%12 == 1:
			e := sentence(k) + ". " + sentence(k+1) + "."
			en = e + "\n"
			ja = translate(e) + "。\n"
		case k%48 == 11:
			code := fmt.Sprintf("\n```shell\nkubectl get pods -n ns%d\n```\n", k)
			en, ja = code, code
		default:
			e := sentence(k)
			en = "- " + e + "\n"
			ja = "- " + translate(e) + "\n"
		}
		s.WriteString(en)
		switch x := r.IntN(70); {
		case x == 0:
			// dropped by the translator
		case x == 1 && strings.HasPrefix(ja, "- "):
			t.WriteString(ja + "- 訳注：訳者の補足です。\n")
		default:
			t.WriteString(ja)
		}
	}
	return s.String(), t.String()
}
