package parse

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDumpDir writes every field Parse returns for each .md file under
// $CNPE_PARSE_DUMP_DIR to $CNPE_PARSE_DUMP_OUT, one JSON line per file
// (the error text for a file that does not parse). Two dumps made by two
// versions of the package compare with cmp: a change that is meant to
// leave the output alone must leave the dump byte-identical.
//
//	CNPE_PARSE_DUMP_DIR=/work/repos/k8s-md CNPE_PARSE_DUMP_OUT=/tmp/new.jsonl go test ./parse -run TestDumpDir
func TestDumpDir(t *testing.T) {
	dir, out := os.Getenv("CNPE_PARSE_DUMP_DIR"), os.Getenv("CNPE_PARSE_DUMP_OUT")
	if dir == "" || out == "" {
		t.Skip("set CNPE_PARSE_DUMP_DIR and CNPE_PARSE_DUMP_OUT to dump a directory's parse")
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	n := 0
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		if !d.Type().IsRegular() || !strings.HasSuffix(path, ".md") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		line, err := dumpDoc(rel, src)
		if err != nil {
			return err
		}
		n++
		_, err = w.Write(append(line, '\n'))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("dumped %d files to %s", n, out)
}

// dumpDoc is the JSON of everything Parse returns for src, the fields
// that Unit's own JSON leaves out (Plain, Spans) included.
func dumpDoc(path string, src []byte) ([]byte, error) {
	type unitDump struct {
		Unit  Unit
		Plain string
		Spans []Span
	}
	type docDump struct {
		Path        string
		Err         string           `json:",omitempty"`
		BOM, CRLF   bool             `json:",omitempty"`
		FrontMatter FrontMatterBlock `json:",omitempty"`
		Lines       int              `json:",omitempty"`
		Units       []unitDump       `json:",omitempty"`
	}
	d := docDump{Path: path}
	for _, cfg := range []Config{{}, {FrontMatterOnly: true}} {
		doc, err := cfg.Parse(path, src)
		if err != nil {
			d.Err += fmt.Sprintf("%v | ", err)
			continue
		}
		d.BOM, d.CRLF, d.FrontMatter, d.Lines = doc.BOM, doc.CRLF, doc.FrontMatter, doc.Lines.Count()
		for _, u := range doc.Units {
			d.Units = append(d.Units, unitDump{u, u.Plain, u.Spans})
		}
	}
	return json.Marshal(d)
}
