package parse

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// jsonFields lists the leaf fields of a JSON front matter object.
func jsonFields(doc *Document, fm FrontMatterBlock) ([]field, error) {
	if err := checkSize(doc, fm); err != nil {
		return nil, err
	}
	body := doc.Src[fm.BodyStart:fm.BodyEnd]
	if off, err := checkJSON(body); err != nil {
		return nil, doc.errorAt(fm.BodyStart+off, err)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	w := jsonWalker{doc: doc, dec: dec, base: fm.BodyStart, body: body}
	if err := w.value(nil); err != nil {
		// A syntax error has its offset; any other (a truncated object)
		// stands where the decoder stopped.
		base := fm.BodyStart
		if !errors.As(err, new(*json.SyntaxError)) {
			base += int(dec.InputOffset())
		}
		return nil, jsonError(doc, base, err)
	}
	return w.fields, nil
}

type jsonWalker struct {
	doc    *Document
	dec    *json.Decoder
	base   int
	body   []byte
	fields []field
}

// next returns the next token and the offset where it starts.
func (w *jsonWalker) next() (json.Token, int, error) {
	off := int(w.dec.InputOffset())
	for off < len(w.body) && (isSpaceByte(w.body[off]) || w.body[off] == ':' || w.body[off] == ',') {
		off++
	}
	tok, err := w.dec.Token()
	return tok, w.base + off, err
}

func (w *jsonWalker) value(path []string) error {
	tok, start, err := w.next()
	if err != nil {
		return err
	}
	switch tok {
	case json.Delim('{'):
		for w.dec.More() {
			key, keyStart, err := w.next()
			if err != nil {
				return err
			}
			name, ok := key.(string)
			if !ok {
				return fmt.Errorf("object key is %v, not a string", key)
			}
			n := len(w.fields)
			if err := w.value(appendPath(path, name)); err != nil {
				return err
			}
			if len(w.fields) > n {
				w.fields[n].keyLine = w.doc.Lines.Line(keyStart)
			}
		}
		_, _, err = w.next()
		return err
	case json.Delim('['):
		for w.dec.More() {
			if err := w.skip(); err != nil {
				return err
			}
		}
		if _, _, err := w.next(); err != nil {
			return err
		}
		end := w.base + int(w.dec.InputOffset())
		w.fields = append(w.fields, field{path: slices.Clone(path), value: strings.TrimSpace(string(w.doc.Src[start:end])), start: start, end: end, keyLine: w.doc.Lines.Line(start)})
		return nil
	}
	end := w.base + int(w.dec.InputOffset())
	f := field{path: slices.Clone(path), start: start, end: end, keyLine: w.doc.Lines.Line(start), scalar: true}
	switch v := tok.(type) {
	case string:
		f.value = v
	case nil:
		f.value = ""
	default:
		f.value = fmt.Sprint(v)
	}
	w.fields = append(w.fields, f)
	return nil
}

// skip consumes one value.
func (w *jsonWalker) skip() error {
	depth := 0
	for {
		tok, _, err := w.next()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth == 0 {
			return nil
		}
	}
}
