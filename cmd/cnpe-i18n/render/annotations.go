package render

import (
	"fmt"
	"io"
	"strings"

	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
)

// MaxAnnotations is how many annotations one run writes: GitHub shows
// ten per step, so more would be lost.
const MaxAnnotations = 10

// Annotations writes one GitHub workflow command per Finding:
// ::warning file=…,line=…,endLine=…,title=…::message. Data and
// properties are escaped as the runner requires, so page text cannot
// end the command or start another. At most MaxAnnotations are written:
// with more findings, the ones that matter most (warnings, stale units
// first) and a last notice that counts the rest.
func Annotations(w io.Writer, r *isync.Report) {
	budget := MaxAnnotations
	if r.History.IncompleteHistory() {
		fmt.Fprintf(w, "::error title=%s::%s\n", EscapeProperty("Incomplete git history"), EscapeData(r.History.Message))
		budget--
	}
	fs := ranked(Findings(r))
	limit := len(fs)
	if limit > budget {
		limit = budget - 1
	}
	for _, f := range fs[:limit] {
		level := f.level()
		if level == "note" {
			level = "notice"
		}
		fmt.Fprintf(w, "::%s file=%s,line=%d,endLine=%d,title=%s::%s\n", level,
			EscapeProperty(f.File), f.Line, f.EndLine, EscapeProperty(f.Title), EscapeData(Excerpt(f.Message, 900)))
	}
	if rest := len(fs) - limit; rest > 0 {
		fmt.Fprintf(w, "::notice title=%s::%s\n", EscapeProperty("cnpe-i18n"),
			EscapeData(fmt.Sprintf("%d more findings not annotated (GitHub shows %d per step): run cnpe-i18n status for all of them", rest, MaxAnnotations)))
	}
}

// EscapeData escapes a workflow command's message.
func EscapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// EscapeProperty escapes a workflow command's property value.
func EscapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
