package parse

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"

	"github.com/goccy/go-yaml"
	"github.com/pelletier/go-toml/v2"
)

// Errors a page can be refused with. They are wrapped in an *Error that
// names the file and position; test them with errors.Is.
var (
	ErrBinary      = errors.New("binary file")
	ErrTooLarge    = errors.New("file too large")
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrFrontMatter = errors.New("invalid front matter")
)

// Error is an error in a file at a position. Line and Col are 1-based;
// zero means unknown. Col counts runes.
type Error struct {
	Path string
	Line int
	Col  int
	Err  error
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %v", e.Path, e.Line, e.Col, e.Err)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// PathError is err, from opening or reading path, as an *Error. The
// *fs.PathError wrapper is dropped so the path is not said twice.
func PathError(path string, err error) *Error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &Error{Path: path, Err: err}
}

// DecodeError is an error from decoding the whole of data, the content of
// path, as TOML (go-toml), YAML (goccy/go-yaml) or JSON (encoding/json),
// at the line the decoder's error gives.
func DecodeError(path string, data []byte, err error) *Error {
	var de *toml.DecodeError
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &de):
		row, col := de.Position()
		return &Error{Path: path, Line: row, Col: col, Err: err}
	case errors.As(err, &se):
		return &Error{Path: path, Line: lineOf(data, se.Offset), Err: err}
	case errors.As(err, &te):
		return &Error{Path: path, Line: lineOf(data, te.Offset), Err: err}
	case errors.As(err, new(yaml.Error)):
		return YAMLError(path, 1, err)
	}
	return &Error{Path: path, Err: err}
}

func lineOf(data []byte, off int64) int {
	return bytes.Count(data[:min(max(off, 0), int64(len(data)))], []byte("\n")) + 1
}

// YAMLError is a YAML decoding error in path as an *Error at the line and
// column the decoder gives, counted from firstLine (1 for a whole file).
// An error without a position stands at firstLine.
func YAMLError(path string, firstLine int, err error) *Error {
	var ye yaml.Error
	if errors.As(err, &ye) && ye.GetToken() != nil {
		pos := ye.GetToken().Position
		return &Error{Path: path, Line: firstLine + pos.Line - 1, Col: pos.Column, Err: errors.New(ye.GetMessage())}
	}
	return &Error{Path: path, Line: firstLine, Err: err}
}

// frontMatterError is a front matter problem with its detail.
type frontMatterError struct {
	msg string
}

func (e *frontMatterError) Error() string        { return "invalid front matter: " + e.msg }
func (e *frontMatterError) Is(target error) bool { return target == ErrFrontMatter }
