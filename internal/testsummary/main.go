// Command testsummary reads "go test -json" on stdin, prints what go test
// prints without -v (the package lines, and the output of failing tests)
// and ends with how many tests were skipped and why, so that a skipped
// corpus or a missing hugo is never silent. make test pipes into it:
//
//	go test -json ./... | go run ./internal/testsummary
//
// It exits 1 when a test or a package failed.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// event is one line of go test -json (cmd/test2json).
type event struct {
	Action  string
	Package string
	Test    string
	Output  string
}

// skip is one skipped test and the reason it gave.
type skip struct{ test, reason string }

type summary struct {
	out    io.Writer
	failed bool
	// output buffers each running test's lines until it ends.
	output map[string][]string
	skips  []skip
}

func main() {
	s := &summary{out: os.Stdout, output: map[string][]string{}}
	if err := s.read(os.Stdin); err != nil {
		fmt.Fprintln(os.Stderr, "testsummary:", err)
		os.Exit(1)
	}
	s.printSkips()
	if s.failed {
		os.Exit(1)
	}
}

func (s *summary) read(r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		line := sc.Bytes()
		var e event
		if len(line) == 0 || line[0] != '{' || json.Unmarshal(line, &e) != nil {
			// Not an event: go vet or the go command speaking.
			fmt.Fprintf(s.out, "%s\n", line)
			continue
		}
		s.add(e)
	}
	return sc.Err()
}

func (s *summary) add(e event) {
	key := e.Package + " " + e.Test
	switch {
	case e.Action == "build-output":
		fmt.Fprint(s.out, e.Output)
	case e.Action == "build-fail":
		s.failed = true
	case e.Test == "":
		// Package lines: ok, FAIL, "no test files", a panic outside tests;
		// not the bare PASS that -json's implied -v adds.
		if e.Action == "output" && e.Output != "PASS\n" {
			fmt.Fprint(s.out, e.Output)
		}
		if e.Action == "fail" {
			s.failed = true
		}
	case e.Action == "output":
		s.output[key] = append(s.output[key], e.Output)
	case e.Action == "fail":
		s.failed = true
		fmt.Fprint(s.out, strings.Join(s.output[key], ""))
		delete(s.output, key)
	case e.Action == "skip":
		s.skips = append(s.skips, skip{test: e.Package + "." + e.Test, reason: skipReason(s.output[key])})
		delete(s.output, key)
	case e.Action == "pass":
		delete(s.output, key)
	}
}

// skipReason is the message a test passed to t.Skip: the lines of its
// output that are neither the "=== RUN" nor the "--- SKIP" line, without
// the file:line prefix.
func skipReason(lines []string) string {
	var msg []string
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "=== ") || strings.HasPrefix(t, "--- ") {
			continue
		}
		if i := strings.Index(t, ": "); i > 0 && strings.Contains(t[:i], ".go:") {
			t = t[i+2:]
		}
		msg = append(msg, t)
	}
	if len(msg) == 0 {
		return "no reason given"
	}
	return strings.Join(msg, " ")
}

// printSkips prints "N skipped" and the tests grouped by reason, the most
// common reason first.
func (s *summary) printSkips() {
	if len(s.skips) == 0 {
		fmt.Fprintln(s.out, "0 skipped")
		return
	}
	byReason := map[string][]string{}
	for _, k := range s.skips {
		byReason[k.reason] = append(byReason[k.reason], k.test)
	}
	reasons := make([]string, 0, len(byReason))
	for r := range byReason {
		reasons = append(reasons, r)
	}
	slices.SortFunc(reasons, func(a, b string) int {
		if d := len(byReason[b]) - len(byReason[a]); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	fmt.Fprintf(s.out, "%d skipped:\n", len(s.skips))
	for _, r := range reasons {
		tests := byReason[r]
		slices.Sort(tests)
		fmt.Fprintf(s.out, "  %d: %s\n", len(tests), r)
		for _, t := range tests {
			fmt.Fprintf(s.out, "      %s\n", t)
		}
	}
}
