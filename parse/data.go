package parse

import (
	"errors"
	"path"
	"strings"
)

// Field is a leaf value of a TOML, YAML or JSON data file.
type Field struct {
	// Key is the dotted path; list items are numbered (menu.main.0.name).
	Key string
	// Value is the decoded scalar, or the raw text of a list or table.
	Value  string
	Scalar bool
	// Line is the line of the key.
	Line int
}

// DataFormat is the format of a data file by its extension (.toml, .yaml,
// .yml, .json), or NoFrontMatter.
func DataFormat(name string) Format {
	switch strings.ToLower(path.Ext(name)) {
	case ".toml":
		return TOML
	case ".yaml", ".yml":
		return YAML
	case ".json":
		return JSON
	}
	return NoFrontMatter
}

// DataFields lists the leaf fields of a whole data file, such as a site
// configuration, with the reader front matter is read with. A syntax
// error is an *Error with the line.
func DataFields(name string, format Format, data []byte) ([]Field, error) {
	if len(data) > MaxStructuredBytes {
		return nil, &Error{Path: name, Err: tooLarge("file", len(data))}
	}
	doc := &Document{Path: name, Src: data, Lines: NewLines(data)}
	fm := FrontMatterBlock{Format: format, End: len(data), BodyEnd: len(data)}
	var (
		fields []field
		err    error
	)
	switch format {
	case YAML:
		fields, err = yamlFields(doc, fm)
	case TOML:
		fields, err = tomlFields(doc, fm)
	case JSON:
		fields, err = jsonFields(doc, fm)
	default:
		return nil, &Error{Path: name, Err: errors.New("not a TOML, YAML or JSON file")}
	}
	if err != nil {
		// Not front matter: say what the decoder said, without the prefix.
		var pe *Error
		var fe *frontMatterError
		if errors.As(err, &pe) && errors.As(pe.Err, &fe) {
			pe.Err = errors.New(fe.msg)
		}
		return nil, err
	}
	out := make([]Field, len(fields))
	for i, f := range fields {
		out[i] = Field{Key: joinKey(f.path), Value: f.value, Scalar: f.scalar, Line: f.keyLine}
	}
	return out, nil
}
