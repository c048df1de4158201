package sync

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
)

// WriteJSON writes a status report as indented JSON, one page at a time,
// so that a report of thousands of pages is never held twice in memory.
// The result is what json.Encoder with SetIndent("", "  ") and
// SetEscapeHTML(false) writes.
func WriteJSON(w io.Writer, r *Report) error {
	return writeJSON(w, r)
}

// writeJSON is WriteJSON; a page that holds its JSON already (a report
// spliced from the cache: pageJSON's bytes in frag) is written as it is.
func writeJSON(w io.Writer, r *Report) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	field := func(name string, v any, last bool) error {
		b, err := marshalIndent(v, "  ")
		if err != nil {
			return err
		}
		bw.WriteString("  \"" + name + "\": ")
		bw.Write(b)
		if !last {
			bw.WriteString(",")
		}
		bw.WriteString("\n")
		return nil
	}
	bw.WriteString("{\n")
	for _, f := range []struct {
		name string
		v    any
	}{{"schema_version", r.SchemaVersion}, {"source_language", r.Source}, {"languages", r.Languages}, {"notes", r.Notes}, {"history", r.History}, {"since", r.Since}} {
		if (f.name == "since" && r.Since == nil) || (f.name == "notes" && len(r.Notes) == 0) {
			continue
		}
		if err := field(f.name, f.v, false); err != nil {
			return err
		}
	}
	bw.WriteString("  \"pages\": [")
	for i := range r.Pages {
		if i > 0 {
			bw.WriteString(",")
		}
		b := r.Pages[i].frag
		if b == nil {
			var err error
			if b, err = pageJSON(&r.Pages[i]); err != nil {
				return err
			}
		}
		bw.WriteString("\n    ")
		bw.Write(b)
	}
	if len(r.Pages) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("],\n")
	if err := field("strings", r.Strings, false); err != nil {
		return err
	}
	if err := field("problems", r.Problems, true); err != nil {
		return err
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

// pageJSON is a page's report as WriteJSON writes it in the list of
// pages (after the indent of its first line).
func pageJSON(p *PageReport) ([]byte, error) {
	return marshalIndent(p, "    ")
}

func marshalIndent(v any, prefix string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}
