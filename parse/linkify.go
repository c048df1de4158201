package parse

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// linkifyParser is GFM's autolink parser (bare URLs and e-mail addresses
// in text) behind a quick look at the line. Its trigger is white space, so
// goldmark calls it at every space of every line of text, and it finds a
// link at a handful of them. The look returns nil where the parser
// surely would, and saves its checks; elsewhere the parser runs. The
// trees are goldmark's own (TestLinkifySameAST and FuzzSameAST compare
// them).
type linkifyParser struct {
	parser.InlineParser
}

func (p linkifyParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	if line, _ := block.PeekLine(); len(line) > 0 && !mayLink(line) {
		return nil
	}
	return p.InlineParser.Parse(parent, block, pc)
}

// mayLink reports whether GFM's autolink parser may find a link at the
// start of line, as it reads it: after one of its trigger bytes, a URL
// (http:, https:, ftp: or www.) or an e-mail address, whose local part
// goldmark reads for at most 64 bytes before the @. It runs at every
// space of a page's text, so it reads bytes, not calls.
func mayLink(line []byte) bool {
	switch line[0] {
	case ' ', '*', '_', '~', '(':
		line = line[1:]
	}
	if len(line) == 0 {
		return false
	}
	switch line[0] {
	case 'h':
		if len(line) >= 5 && string(line[:5]) == "http:" || len(line) >= 6 && string(line[:6]) == "https:" {
			return true
		}
	case 'f':
		if len(line) >= 4 && string(line[:4]) == "ftp:" {
			return true
		}
	case 'w':
		if len(line) >= 4 && string(line[:4]) == "www." {
			return true
		}
	}
	i := 0
	for i < min(len(line), 64) && emailLocal[line[i]] {
		i++
	}
	return i > 0 && i < len(line) && line[i] == '@'
}

// emailLocal marks the bytes goldmark takes in the local part of an
// e-mail address (util.FindEmailIndex; TestEmailLocal checks them).
var emailLocal = func() (t [256]bool) {
	for _, c := range []byte("!#$%&'*+-./=?^_`{|}~") {
		t[c] = true
	}
	for c := '0'; c <= 'z'; c++ {
		if c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' {
			t[c] = true
		}
	}
	return t
}()
