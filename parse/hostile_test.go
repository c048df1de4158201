package parse

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// memoryBound is what reading one file may allocate in total: an upper
// bound of the memory it holds at any moment.
const memoryBound = 256 << 20

// allocated returns the bytes f allocates. The tests that call it do not
// run in parallel, so the count is theirs.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// repeat builds n copies of f(i).
func repeat(n int, f func(i int) string) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(f(i))
	}
	return b.String()
}

// tooComplex checks that src fails as too complex at line:col, in
// bounded memory.
func tooComplex(t *testing.T, src string, wantLine, wantCol int, wantText string) {
	t.Helper()
	var err error
	n := allocated(func() { _, err = Parse("hostile.md", []byte(src)) })
	if n > memoryBound {
		t.Errorf("allocated %d MB, bound %d MB", n>>20, memoryBound>>20)
	}
	var pe *Error
	if !errors.Is(err, ErrTooComplex) || !errors.As(err, &pe) {
		t.Fatalf("got error %v, want one wrapping ErrTooComplex", err)
	}
	if pe.Path != "hostile.md" || pe.Line != wantLine || pe.Col != wantCol {
		t.Errorf("got position %s:%d:%d, want hostile.md:%d:%d", pe.Path, pe.Line, pe.Col, wantLine, wantCol)
	}
	if !strings.Contains(err.Error(), wantText) {
		t.Errorf("got %q, want it to say %q", err, wantText)
	}
}

func TestHostileNestedYAMLFrontMatter(t *testing.T) {
	for _, n := range []int{10_000, 30_000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			src := "---\ntitle: t\nnested: " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n---\nBody.\n"
			// The mapping is the first level, the 100th bracket the 101st.
			tooComplex(t, src, 3, len("nested: ")+MaxDepth, "nesting deeper than 100 levels")
		})
	}
	t.Run("block", func(t *testing.T) {
		src := "---\n" + repeat(MaxDepth+1, func(i int) string { return strings.Repeat(" ", i) + "k:\n" }) + "---\n"
		tooComplex(t, src, MaxDepth+2, MaxDepth+1, "nesting deeper")
	})
	t.Run("compact sequences", func(t *testing.T) {
		src := "---\nk: \n" + strings.Repeat("- ", 10_000) + "x\n---\n"
		tooComplex(t, src, 3, 2*MaxDepth+1, "nesting deeper")
	})
}

func TestHostileNestedJSONFrontMatter(t *testing.T) {
	const n = 9_990
	src := "{\"a\": " + strings.Repeat("{\"a\": ", n) + "1" + strings.Repeat("}", n+1) + "\n"
	tooComplex(t, src, 1, 1+6*MaxDepth, "nesting deeper")
}

func TestHostileNestedTOMLFrontMatter(t *testing.T) {
	const n = 100_000
	src := "+++\na = " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n+++\n"
	tooComplex(t, src, 2, len("a = ")+MaxDepth+1, "nesting deeper")
}

func TestHostileManyFrontMatterKeys(t *testing.T) {
	t.Run("40k keys", func(t *testing.T) {
		src := "---\n" + repeat(40_000, func(i int) string { return fmt.Sprintf("k%d: v\n", i) }) + "---\n"
		tooComplex(t, src, 1, 1, "front matter of 388890 bytes, limit 262144")
	})
	t.Run("one key over", func(t *testing.T) {
		src := "---\n" + repeat(MaxKeys+1, func(i int) string { return fmt.Sprintf("k%d: v\n", i) }) + "---\n"
		tooComplex(t, src, MaxKeys+2, 1, "more than 5000 keys")
	})
}

func TestHostileManyTOMLKeys(t *testing.T) {
	t.Run("300k keys", func(t *testing.T) {
		src := "+++\n[t]\n" + repeat(300_000, func(i int) string { return fmt.Sprintf("k%d = 1\n", i) }) + "+++\n"
		tooComplex(t, src, 1, 1, "front matter of")
	})
	t.Run("one key over", func(t *testing.T) {
		src := "+++\n[t]\n" + repeat(MaxKeys, func(i int) string { return fmt.Sprintf("k%d = 1\n", i) }) + "+++\n"
		tooComplex(t, src, MaxKeys+2, 1, "more than 5000 keys")
	})
	t.Run("inline table", func(t *testing.T) {
		src := "+++\nt = {" + repeat(MaxKeys+1, func(i int) string { return fmt.Sprintf("k%d = 1, ", i) }) + "z = 1}\n+++\n"
		tooComplex(t, src, 2, 1, "more than 5000 keys")
	})
}

func TestHostileDeepMarkdownNesting(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		line, col int
	}{
		{"lists", strings.Repeat("- ", 1_000_000) + "x\n", 1, 2*MaxDepth + 1},
		{"block quotes", strings.Repeat("> ", 1_000_000) + "x\n", 1, 2*MaxDepth + 1},
		{"ordered lists", "Intro.\n\n" + strings.Repeat("1. ", 200) + "x\n", 3, 3*MaxDepth + 1},
		// Each line continues the items above it by indentation and opens
		// 40 more: the markers alone never reach the limit.
		{"lists by indentation", repeat(3, func(i int) string {
			return strings.Repeat("  ", 40*i) + strings.Repeat("- ", 40) + "x\n"
		}), 3, 2*40*2 + 2*(MaxDepth-80) + 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tooComplex(t, tt.src, tt.line, tt.col, "nesting deeper than 100 levels")
		})
	}
}

// TestHostileDeepMarkdownNestingAllowed: what the depth bound must not
// refuse.
func TestHostileDeepMarkdownNestingAllowed(t *testing.T) {
	for name, src := range map[string]string{
		"thematic break":        strings.Repeat("- ", 300) + "\n",
		"deep but within limit": strings.Repeat("> ", MaxDepth-1) + "- x\n",
		"long plain line":       strings.Repeat("a ", 10_000) + "\n",
		"code in a fence":       "```\n" + strings.Repeat(" ", 150) + "x\n```\n",
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := Parse("ok.md", []byte(src)); err != nil {
				t.Fatalf("got %v, want no error", err)
			}
		})
	}
}

func TestHostileReferenceDefinitions(t *testing.T) {
	src := "# Links\n\n" + repeat(100_000, func(i int) string { return fmt.Sprintf("[r%d]: /u%d\n", i, i) }) + "\n[r1] [r2]\n"
	tooComplex(t, src, 3+MaxReferenceRun, 1, "more than 1000 link reference definitions")

	// Runs split by blank lines are read.
	split := repeat(3*MaxReferenceRun, func(i int) string {
		if i%MaxReferenceRun == 0 {
			return "\n"
		}
		return fmt.Sprintf("[r%d]: /u%d\n", i, i)
	}) + "\n[r1] [r2]\n"
	if _, err := Parse("ok.md", []byte(split)); err != nil {
		t.Fatalf("got %v, want no error", err)
	}
}

// TestHostileBoundedMemory: pages under the 8 MiB size limit that hold
// as much of one costly construct as the limits let through parse, or
// fail as too complex, in bounded memory. Under the race detector, which
// makes them slow, the Markdown pages are an eighth of the size.
func TestHostileBoundedMemory(t *testing.T) {
	const fm = MaxStructuredBytes - 100
	page := DefaultMaxBytes - 1024
	if raceEnabled {
		page /= 8
	}
	tests := map[string]string{
		"YAML flow items":   "---\na: [" + fill(fm, func(int) string { return "1," }) + "1]\n---\n",
		"YAML block items":  "---\na:\n" + fill(fm, func(int) string { return "- v\n" }) + "---\n",
		"YAML flow mapping": "---\na: {" + repeat(MaxKeys-2, func(i int) string { return fmt.Sprintf("k%d: 1, ", i) }) + "z: 1}\n---\n",
		"YAML keys":         "---\n" + repeat(MaxKeys, func(i int) string { return fmt.Sprintf("k%d: v\n", i) }) + "---\n",
		"YAML deep blocks":  "---\n" + fill(fm, func(i int) string { return strings.Repeat(" ", i%(MaxDepth-1)) + "k:\n" }) + "---\n",
		"YAML deep flows": "---\n" + fill(fm, func(i int) string {
			return fmt.Sprintf("k%d: %s%s\n", i, strings.Repeat("[", MaxDepth-1), strings.Repeat("]", MaxDepth-1))
		}) + "---\n",
		"YAML anchors": "---\na: &a [" + fill(fm/2, func(int) string { return "1," }) + "1]\n" + repeat(1000, func(i int) string { return fmt.Sprintf("b%d: *a\n", i) }) + "---\n",
		"TOML array":   "+++\na = [" + fill(fm, func(int) string { return "1," }) + "1]\n+++\n",
		"TOML keys":    "+++\n" + repeat(MaxKeys-1, func(i int) string { return fmt.Sprintf("k%d = 1\n", i) }) + "+++\n",
		"TOML deep arrays": "+++\n" + fill(fm, func(i int) string {
			return fmt.Sprintf("k%d = %s%s\n", i, strings.Repeat("[", MaxDepth), strings.Repeat("]", MaxDepth))
		}) + "+++\n",
		"JSON array": "{\"a\": [" + fill(fm, func(int) string { return "1," }) + "1]}\n",
		"JSON deep objects": "{" + fill(fm, func(i int) string {
			return fmt.Sprintf("\"k%d\": %s1%s, ", i, strings.Repeat("{\"a\":", MaxDepth-2), strings.Repeat("}", MaxDepth-2))
		}) + "\"z\": 1}\n",
	}
	for name, f := range map[string]func(i int) string{
		"lists":    func(int) string { return strings.Repeat("- ", MaxDepth) + "x\n" },
		"quotes":   func(int) string { return strings.Repeat(">", MaxDepth) + " x\n" },
		"indented": func(i int) string { return strings.Repeat("  ", i%MaxDepth) + "- x\n" },
		"refs": func(i int) string {
			return fmt.Sprintf("[r%d]: /u\n", i) + strings.Repeat("\n", b2i(i%(MaxReferenceRun-1) == 0))
		},
		"brackets": func(int) string { return "[" },
		"links":    func(int) string { return "[a](b) " },
		"emphasis": func(int) string { return "*a _" },
		"table": func(i int) string {
			return strings.Repeat("| x | y |\n", b2i(i > 0)) + strings.Repeat("| a | b |\n|---|---|\n", b2i(i == 0))
		},
		"shortcodes": func(int) string { return "{{< x >}}" },
		"html":       func(int) string { return "<div>" },
		"paragraphs": func(int) string { return "a\n\n" },
		"lines":      func(int) string { return "a\n" },
	} {
		tests["Markdown "+name] = markdownPage(page, f)
	}
	for name, src := range tests {
		if len(src) > DefaultMaxBytes {
			t.Fatalf("%s: %d bytes, over the size limit", name, len(src))
		}
		t.Run(name, func(t *testing.T) {
			var err error
			n := allocated(func() { _, err = Parse("big.md", []byte(src)) })
			if n > memoryBound {
				t.Errorf("allocated %d MB, bound %d MB (error: %v)", n>>20, memoryBound>>20, err)
			}
			if err != nil && !errors.Is(err, ErrTooComplex) {
				t.Errorf("got error %v, want none or ErrTooComplex", err)
			}
			t.Logf("%s: %d bytes: allocated %d MB, error %v", name, len(src), n>>20, err)
		})
	}
}

// TestHostileManyMarkdownElements: a page past MaxMarkdownElements is
// refused at the line where it crosses the limit.
func TestHostileManyMarkdownElements(t *testing.T) {
	src := "Text.\n\n" + strings.Repeat("*a _", MaxMarkdownElements) + "\n"
	// Two lines, then the delimiters of line 3.
	tooComplex(t, src, 3, 1, "more than 150000 Markdown elements")

	// Container markers count.
	lists := "Text.\n\n" + strings.Repeat(strings.Repeat("- ", MaxDepth)+"x\n", MaxMarkdownElements/MaxDepth)
	tooComplex(t, lists, 2+MaxMarkdownElements/(MaxDepth+1)+1, 1, "more than 150000 Markdown elements")
}

// fill repeats f(i) while the result stays within n bytes.
func fill(n int, f func(i int) string) string {
	var b strings.Builder
	for i := 0; ; i++ {
		s := f(i)
		if b.Len()+len(s) > n {
			return b.String()
		}
		b.WriteString(s)
	}
}

// markdownPage is a page of about size bytes: f(i) repeated up to just
// under MaxMarkdownElements, then plain text on long lines.
func markdownPage(size int, f func(i int) string) string {
	var b strings.Builder
	b.WriteString("Start.\n\n")
	elements := 2
	for i := 0; ; i++ {
		s := f(i)
		n := 0
		for _, line := range strings.SplitAfter(s, "\n") {
			if strings.HasSuffix(line, "\n") {
				depth, _ := containerDepth([]byte(line))
				n += 1 + depth
			}
			for _, c := range []byte(line) {
				if delimiter[c] {
					n++
				}
			}
		}
		if elements+n > MaxMarkdownElements-10_000 || b.Len()+len(s) > size {
			break
		}
		elements += n
		b.WriteString(s)
	}
	b.WriteString("\n\n")
	line := strings.Repeat("plain words ", 600) + "\n"
	for b.Len()+len(line) < size {
		b.WriteString(line)
	}
	return b.String()
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestHostileTOMLArrayFields: an array or inline table field's text is its
// own value, not the front matter up to it (which made many array fields
// cost quadratic memory).
func TestHostileTOMLArrayFields(t *testing.T) {
	src := "+++\na = [[1]]\nb = [2, 3]\nc = {x = 1}\n+++\n"
	doc, err := Parse("arrays.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{"a": "[[1]]", "b": "[2, 3]", "c": "{x = 1}"} {
		u := doc.Field(key)
		if u == nil {
			t.Fatalf("no field %q", key)
		}
		if u.Text != want || src[u.Start:u.End] != want {
			t.Errorf("%s: got text %q span %q, want %q", key, u.Text, src[u.Start:u.End], want)
		}
	}
}

// TestHostileStubRawTokens: a field's Text is its value, so that a stub
// can copy the value rather than the token (issue 17, data loss 3). An
// alias has the anchored scalar's value, and a plain scalar continued
// after a blank line keeps all its lines in its span.
func TestHostileStubRawTokens(t *testing.T) {
	tests := []struct {
		name, src, key       string
		wantText, wantSpan   string
		wantTranslatableSpan bool
	}{
		{
			name: "alias of a scalar", key: "title",
			src:      "---\nbase: &t Anchored title\ntitle: *t\n---\n",
			wantText: "Anchored title", wantSpan: "*t",
		},
		{
			name: "plain scalar over a blank line", key: "title",
			src:      "---\ntitle: A long\n\n  title after a blank line\ndraft: true\n---\n",
			wantText: "A long\ntitle after a blank line", wantSpan: "A long\n\n  title after a blank line",
			wantTranslatableSpan: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("stub.md", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			u := doc.Field(tt.key)
			if u == nil {
				t.Fatalf("no field %q", tt.key)
			}
			if u.Text != tt.wantText {
				t.Errorf("got text %q, want %q", u.Text, tt.wantText)
			}
			if got := tt.src[u.Start:u.End]; got != tt.wantSpan {
				t.Errorf("got span %q, want %q", got, tt.wantSpan)
			}
			if got := len(u.Spans) > 0; got != tt.wantTranslatableSpan {
				t.Errorf("got visible spans %v, want %v", u.Spans, tt.wantTranslatableSpan)
			}
		})
	}
}

// FuzzCheckMarkdown: checkMarkdown, which skips counting delimiters
// while the page is short enough, finds what the count finds, at the same
// place. The first seed passes the length bound with some 75,000
// delimiters, under the element limit: a count that finds nothing.
func FuzzCheckMarkdown(f *testing.F) {
	f.Add("Text.\n\n" + strings.Repeat("*a _", MaxMarkdownElements/4+1) + "\n")
	f.Add("Text.\n\n" + strings.Repeat(strings.Repeat("- ", MaxDepth)+"x\n", MaxMarkdownElements/MaxDepth))
	f.Add(strings.Repeat("> ", MaxDepth+1) + "deep\n")
	f.Add(strings.Repeat("[a]: /b\n", MaxReferenceRun+1))
	f.Add("- a\n  - b\n\t> c\n[x]: y\n\n* * *\n")
	f.Fuzz(func(t *testing.T, src string) {
		doc := &Document{Path: "p.md", Src: []byte(src), Lines: NewLines([]byte(src))}
		_, want := checkLines(doc, 0, true)
		got := checkMarkdown(doc, 0)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("checkMarkdown = %v, want %v", got, want)
		}
	})
}
