package render

import (
	"fmt"
	"io"
	"strings"

	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
)

// Annotations writes one GitHub workflow command per Finding:
// ::warning file=…,line=…,endLine=…,title=…::message. Data and
// properties are escaped as the runner requires, so page text cannot
// end the command or start another.
func Annotations(w io.Writer, r *isync.Report) {
	if r.History.IncompleteHistory() {
		fmt.Fprintf(w, "::error title=%s::%s\n", EscapeProperty("Incomplete git history"), EscapeData(r.History.Message))
	}
	for _, f := range Findings(r) {
		level := f.level()
		if level == "note" {
			level = "notice"
		}
		fmt.Fprintf(w, "::%s file=%s,line=%d,endLine=%d,title=%s::%s\n", level,
			EscapeProperty(f.File), f.Line, f.EndLine, EscapeProperty(f.Title), EscapeData(Excerpt(f.Message, 900)))
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
