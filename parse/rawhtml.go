package parse

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// inlineParsers are goldmark's, with its inline HTML parser given a fast
// path (rawHTMLParser), and GFM's autolink parser behind a quick look
// (linkifyParser), at the priority extension.Linkify gives it.
func inlineParsers() []util.PrioritizedValue {
	ps := parser.DefaultInlineParsers()
	raw := parser.NewRawHTMLParser()
	for i, p := range ps {
		if p.Value == raw {
			ps[i].Value = rawHTMLParser{raw}
		}
	}
	return append(ps, util.Prioritized(linkifyParser{extension.NewLinkifyParser()}, 999))
}

// rawHTMLParser is goldmark's inline HTML parser with a fast path for a
// tag that stands whole on its line in plain ASCII (<code>, </a>,
// <a href="x">): goldmark matches tags with regular expressions run on a
// rune reader, a tenth of a status run's parse time. A tag the fast path
// is unsure of, and comments, declarations and the like, go to goldmark.
// The nodes are the ones goldmark makes (TestRawHTMLSameAST and FuzzSameAST
// compare the trees).
type rawHTMLParser struct {
	parser.InlineParser
}

func (p rawHTMLParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if n := simpleTag(line); n > 0 && n < len(line) && seg.Padding == 0 {
		// What goldmark's parser makes of a match within one line.
		node := ast.NewRawHTML()
		node.Segments.Append(text.NewSegment(seg.Start, seg.Start+n))
		block.Advance(n)
		return node
	}
	return p.InlineParser.Parse(parent, block, pc)
}

// simpleTag returns the length of the open or closing tag at the start
// of line when it is sure goldmark's regular expressions match exactly
// that much, else 0 (which says nothing: the tag may still match). It
// follows the patterns' first choice at each step, which gives their
// match when it succeeds, and gives up (0) on a line break, a byte past
// ASCII and any path that fails.
func simpleTag(line []byte) int {
	if len(line) < 3 || line[0] != '<' {
		return 0
	}
	i := 1
	closing := line[1] == '/'
	if closing {
		i++
	}
	if i >= len(line) || !isASCIILetter(line[i]) {
		return 0
	}
	for i++; i < len(line) && (isASCIILetter(line[i]) || isASCIIDigit(line[i]) || line[i] == '-'); i++ {
	}
	if !closing {
		// Attributes: [ \t]+ name ([ \t]* = [ \t]* value)?
		for {
			j := skipBlanks(line, i)
			if j == i || j >= len(line) || !isAttrNameStart(line[j]) {
				break
			}
			for j++; j < len(line) && isAttrName(line[j]); j++ {
			}
			i = j
			k := skipBlanks(line, j)
			if k >= len(line) || line[k] != '=' {
				continue // a name without a value
			}
			k = skipBlanks(line, k+1)
			end := attrValue(line, k)
			if end <= k {
				return 0
			}
			i = end
		}
	}
	i = skipBlanks(line, i)
	if !closing && i < len(line) && line[i] == '/' {
		i++
	}
	if i >= len(line) || line[i] != '>' {
		return 0
	}
	return i + 1
}

// attrValue returns the end of the attribute value at line[k], or k when
// there is none it is sure of.
func attrValue(line []byte, k int) int {
	if k >= len(line) {
		return k
	}
	switch q := line[k]; q {
	case '"', '\'':
		for j := k + 1; j < len(line); j++ {
			switch c := line[j]; {
			case c == q:
				return j + 1
			case c == '\n' || c == '\r' || c >= 0x80:
				return k
			}
		}
		return k
	}
	j := k
	for ; j < len(line); j++ {
		c := line[j]
		if c <= ' ' || c >= 0x80 || c == '"' || c == '\'' || c == '=' || c == '<' || c == '>' || c == '`' {
			break
		}
	}
	if j < len(line) && line[j] >= 0x80 {
		return k // the value may go on
	}
	return j
}

func skipBlanks(line []byte, i int) int {
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	return i
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isASCIIDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isAttrNameStart(c byte) bool {
	return isASCIILetter(c) || c == '_' || c == ':'
}
func isAttrName(c byte) bool {
	return isAttrNameStart(c) || isASCIIDigit(c) || c == '.' || c == '-'
}
