package main

import (
	"bytes"
	"strings"
	"testing"
)

// stream is a go test -json run: a skip with a reason, two skips for the
// same reason in two packages, a skip without a reason, a pass, a failure
// and a package that does not build.
const stream = `{"Action":"start","Package":"ex/a"}
{"Action":"run","Package":"ex/a","Test":"TestCorpus"}
{"Action":"output","Package":"ex/a","Test":"TestCorpus","Output":"=== RUN   TestCorpus\n"}
{"Action":"output","Package":"ex/a","Test":"TestCorpus","Output":"    corpus.go:31: corpus not found (set CNPE_CORPUS)\n"}
{"Action":"output","Package":"ex/a","Test":"TestCorpus","Output":"--- SKIP: TestCorpus (0.00s)\n"}
{"Action":"skip","Package":"ex/a","Test":"TestCorpus"}
{"Action":"run","Package":"ex/a","Test":"TestHugo"}
{"Action":"output","Package":"ex/a","Test":"TestHugo","Output":"=== RUN   TestHugo\n"}
{"Action":"output","Package":"ex/a","Test":"TestHugo","Output":"    hugo_test.go:32: hugo not installed\n"}
{"Action":"output","Package":"ex/a","Test":"TestHugo","Output":"--- SKIP: TestHugo (0.00s)\n"}
{"Action":"skip","Package":"ex/a","Test":"TestHugo"}
{"Action":"run","Package":"ex/a","Test":"TestSilent"}
{"Action":"output","Package":"ex/a","Test":"TestSilent","Output":"--- SKIP: TestSilent (0.00s)\n"}
{"Action":"skip","Package":"ex/a","Test":"TestSilent"}
{"Action":"run","Package":"ex/a","Test":"TestFine"}
{"Action":"output","Package":"ex/a","Test":"TestFine","Output":"=== RUN   TestFine\n"}
{"Action":"output","Package":"ex/a","Test":"TestFine","Output":"    fine_test.go:3: chatter of a passing test\n"}
{"Action":"pass","Package":"ex/a","Test":"TestFine"}
{"Action":"output","Package":"ex/a","Output":"PASS\n"}
{"Action":"output","Package":"ex/a","Output":"ok  \tex/a\t0.01s\n"}
{"Action":"pass","Package":"ex/a"}
{"Action":"run","Package":"ex/b","Test":"TestCorpus"}
{"Action":"output","Package":"ex/b","Test":"TestCorpus","Output":"    corpus.go:31: corpus not found (set CNPE_CORPUS)\n"}
{"Action":"skip","Package":"ex/b","Test":"TestCorpus"}
{"Action":"run","Package":"ex/b","Test":"TestBroken"}
{"Action":"output","Package":"ex/b","Test":"TestBroken","Output":"=== RUN   TestBroken\n"}
{"Action":"output","Package":"ex/b","Test":"TestBroken","Output":"    b_test.go:9: got 1, want 2\n"}
{"Action":"output","Package":"ex/b","Test":"TestBroken","Output":"--- FAIL: TestBroken (0.00s)\n"}
{"Action":"fail","Package":"ex/b","Test":"TestBroken"}
{"Action":"output","Package":"ex/b","Output":"FAIL\tex/b\t0.02s\n"}
{"Action":"fail","Package":"ex/b"}
`

func TestSummary(t *testing.T) {
	var out bytes.Buffer
	s := &summary{out: &out, output: map[string][]string{}}
	if err := s.read(strings.NewReader(stream)); err != nil {
		t.Fatal(err)
	}
	s.printSkips()
	want := `ok  	ex/a	0.01s
=== RUN   TestBroken
    b_test.go:9: got 1, want 2
--- FAIL: TestBroken (0.00s)
FAIL	ex/b	0.02s
4 skipped:
  2: corpus not found (set CNPE_CORPUS)
      ex/a.TestCorpus
      ex/b.TestCorpus
  1: hugo not installed
      ex/a.TestHugo
  1: no reason given
      ex/a.TestSilent
`
	if out.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", out.String(), want)
	}
	if !s.failed {
		t.Error("a failing test did not fail the summary")
	}
}

func TestSummaryBuildFailure(t *testing.T) {
	const stream = `{"ImportPath":"ex/c [ex/c.test]","Action":"build-output","Output":"# ex/c\n./c.go:3:1: syntax error\n"}
{"ImportPath":"ex/c [ex/c.test]","Action":"build-fail"}
{"Action":"output","Package":"ex/c","Output":"FAIL\tex/c [build failed]\n"}
{"Action":"fail","Package":"ex/c"}
go: some message that is not JSON
`
	var out bytes.Buffer
	s := &summary{out: &out, output: map[string][]string{}}
	if err := s.read(strings.NewReader(stream)); err != nil {
		t.Fatal(err)
	}
	s.printSkips()
	want := "# ex/c\n./c.go:3:1: syntax error\nFAIL\tex/c [build failed]\ngo: some message that is not JSON\n0 skipped\n"
	if out.String() != want {
		t.Errorf("got:\n%q\nwant:\n%q", out.String(), want)
	}
	if !s.failed {
		t.Error("a build failure did not fail the summary")
	}
}
