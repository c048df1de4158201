package parse

import "fmt"

// Kind is the kind of a translation unit.
type Kind int

// The unit kinds. Their String forms are the spellings used in JSON output.
const (
	FrontMatter Kind = iota + 1
	Heading
	Paragraph
	ListItem
	TableCell
	Blockquote
	Code
	HTML
	Shortcode
)

var kindNames = [...]string{
	FrontMatter: "front_matter",
	Heading:     "heading",
	Paragraph:   "paragraph",
	ListItem:    "list_item",
	TableCell:   "table_cell",
	Blockquote:  "blockquote",
	Code:        "code",
	HTML:        "html",
	Shortcode:   "shortcode",
}

func (k Kind) String() string {
	if k > 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// ParseKind returns the Kind spelled s, as in JSON output.
func ParseKind(s string) (Kind, error) {
	for k, name := range kindNames {
		if name == s && k > 0 {
			return Kind(k), nil
		}
	}
	return 0, fmt.Errorf("unknown unit kind %q", s)
}

// MarshalText implements encoding.TextMarshaler.
func (k Kind) MarshalText() ([]byte, error) {
	if k <= 0 || int(k) >= len(kindNames) {
		return nil, fmt.Errorf("invalid unit kind %d", int(k))
	}
	return []byte(k.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *Kind) UnmarshalText(b []byte) error {
	v, err := ParseKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// Format is the syntax of a page's front matter.
type Format int

// Front matter syntaxes.
const (
	NoFrontMatter Format = iota
	YAML
	TOML
	JSON
)

func (f Format) String() string {
	switch f {
	case YAML:
		return "yaml"
	case TOML:
		return "toml"
	case JSON:
		return "json"
	}
	return "none"
}

// MarshalText implements encoding.TextMarshaler.
func (f Format) MarshalText() ([]byte, error) { return []byte(f.String()), nil }
