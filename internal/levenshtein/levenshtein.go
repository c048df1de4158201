// Package levenshtein computes edit distances, for "did you mean" on
// flags and for near misses of glossary renderings:
//
//	levenshtein.Distance([]rune("テレメトリ"), []rune("テレメトリー")) // 1
//	levenshtein.Distance([]byte("--formt"), []byte("--format"))     // 1
package levenshtein

// Distance is the Levenshtein distance between a and b: the fewest
// insertions, deletions and substitutions of elements that turn a into b.
func Distance[T comparable](a, b []T) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
