package parse

import (
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// goldmarkAsIs is the parser markdown is, with goldmark's own inline
// HTML and linkify parsers (extension.GFM).
var goldmarkAsIs = goldmark.New(
	goldmark.WithExtensions(extension.GFM, extension.Footnote),
	goldmark.WithParserOptions(parser.WithAttribute()),
)

// dumpAST writes the tree of src as parsed by md: each node's kind and
// its segments (inline nodes) or lines (blocks).
func dumpAST(md goldmark.Markdown, src []byte) string {
	var b strings.Builder
	root := md.Parser().Parse(text.NewReader(src))
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			b.WriteString(")")
			return ast.WalkContinue, nil
		}
		fmt.Fprintf(&b, "(%s", n.Kind())
		switch n := n.(type) {
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				s := n.Segments.At(i)
				fmt.Fprintf(&b, " %d-%d", s.Start, s.Stop)
			}
		case *ast.Text:
			fmt.Fprintf(&b, " %d-%d", n.Segment.Start, n.Segment.Stop)
		case *ast.AutoLink:
			fmt.Fprintf(&b, " %d %q %q", n.AutoLinkType, n.URL(src), n.Label(src))
		default:
			if n.Type() == ast.TypeBlock {
				for i := 0; i < n.Lines().Len(); i++ {
					s := n.Lines().At(i)
					fmt.Fprintf(&b, " %d-%d/%d", s.Start, s.Stop, s.Padding)
				}
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

var rawHTMLCases = []string{
	"<code>x</code> and </a>",
	"<br> <br/> <br /> <hr\t/>",
	`<a href="/docs/">docs</a> <img src='x.png' alt=y>`,
	`<a href=/x/>x</a> <a b=c/ d>`,
	`<a b= >`,
	`<a b='x>' c>`,
	`<a b="x`,
	"<a\nhref=\"x\">split</a>",
	"<a href=\"x\ny\">split value</a>",
	"<service-name> <Foo-1 bar:baz._-x=1>",
	"<1.20 <a/b> <a b/c> </a b> </a/>",
	"<a b=\"é\"> <a b=é> <é>",
	"<!-- comment --> <?pi?> <!DOCTYPE x> <![CDATA[x]]>",
	"> quote <b>bold</b>\n>\n> <i\n> x>",
	"- item <kbd>Ctrl</kbd>\n\n  <kbd>C</kbd>\n",
	"\t<b>tab</b> text <b>",
	"x <span>",
	"| a | <b>b</b> |\n|---|---|\n| <i>c</i> | d |\n",
}

// TestRawHTMLSameAST: markdown's trees are goldmark's.
func TestRawHTMLSameAST(t *testing.T) {
	for _, c := range rawHTMLCases {
		for _, src := range []string{c, "Some text " + c + "\n", c + "\n\nMore <b>text</b>"} {
			if got, want := dumpAST(markdown, []byte(src)), dumpAST(goldmarkAsIs, []byte(src)); got != want {
				t.Errorf("%q:\ngot  %s\nwant %s", src, got, want)
			}
		}
	}
}

// TestRawHTMLFastPath: the fast path is in markdown's parser, and takes
// the tags it is meant for.
func TestRawHTMLFastPath(t *testing.T) {
	found := false
	for _, p := range inlineParsers() {
		_, ok := p.Value.(rawHTMLParser)
		found = found || ok
	}
	if !found {
		t.Error("markdown's inline parsers have no rawHTMLParser")
	}
	tests := []struct {
		line string
		want int
	}{
		{"<code>x", 6},
		{"</code>x", 7},
		{"<br />x", 6},
		{`<a href="/x" title='y' hidden>z`, 30},
		{"<a href=/x/>z", 12},
		{"<a\n", 0},
		{`<a b="é">`, 0},
		{"<a b= >x", 0},
		{"<1>", 0},
		{"</a/>", 0},
	}
	for _, tt := range tests {
		if got := simpleTag([]byte(tt.line)); got != tt.want {
			t.Errorf("simpleTag(%q) = %d, want %d", tt.line, got, tt.want)
		}
	}
}

// FuzzSameAST: the parser markdown configures, with its hand-matched
// inline HTML (rawhtml.go) and its autolink parser behind a quick look
// (linkify.go), makes goldmark's own trees, on a text alone and inside
// a line.
func FuzzSameAST(f *testing.F) {
	for _, c := range append(rawHTMLCases, linkifyCases...) {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1000 {
			return
		}
		for _, src := range []string{s, "x " + s + "\n"} {
			if got, want := dumpAST(markdown, []byte(src)), dumpAST(goldmarkAsIs, []byte(src)); got != want {
				t.Errorf("%q:\ngot  %s\nwant %s", src, got, want)
			}
		}
	})
}

// BenchmarkRawHTML parses text with inline tags with markdown's parser
// and with goldmark's own inline HTML parser.
func BenchmarkRawHTML(b *testing.B) {
	var src strings.Builder
	for i := range 200 {
		fmt.Fprintf(&src, "Run <code>kubectl get pods</code> on <a href=\"/docs/n%d/\">node %d</a>, then press <kbd>Enter</kbd>.<br>\n", i, i)
		if i%5 == 4 {
			src.WriteString("\n")
		}
	}
	for _, bc := range []struct {
		name string
		md   goldmark.Markdown
	}{{"goldmark", goldmarkAsIs}, {"fast", markdown}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(src.Len()))
			for b.Loop() {
				bc.md.Parser().Parse(text.NewReader([]byte(src.String())))
			}
		})
	}
}
