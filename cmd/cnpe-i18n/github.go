package main

import (
	"fmt"
	"io"
	"strings"

	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
)

// writeAnnotations writes one GitHub workflow command per finding:
// ::warning file=…,line=…,endLine=…,title=…::message. Data and
// properties are escaped as the runner requires, so page text cannot
// end the command or start another.
func writeAnnotations(w io.Writer, r *isync.Report) {
	for _, f := range findings(r) {
		level := f.level()
		if level == "note" {
			level = "notice"
		}
		fmt.Fprintf(w, "::%s file=%s,line=%d,endLine=%d,title=%s::%s\n", level,
			escapeProperty(f.File), f.Line, f.EndLine, escapeProperty(f.Title), escapeData(excerpt(f.Message, 900)))
	}
}

// escapeData escapes a workflow command's message.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
