package change

import "fmt"

// ChangeKind and Op are named by a table each; String, MarshalText and
// UnmarshalText read the same table, so JSON round-trips.

func (k ChangeKind) String() string { return enumName(k, changeNames[:]) }
func (o Op) String() string         { return enumName(o, opNames[:]) }

// MarshalText implements encoding.TextMarshaler.
func (k ChangeKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// MarshalText implements encoding.TextMarshaler.
func (o Op) MarshalText() ([]byte, error) { return []byte(o.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *ChangeKind) UnmarshalText(b []byte) (err error) {
	*k, err = enumParse[ChangeKind]("change kind", b, changeNames[:])
	return err
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (o *Op) UnmarshalText(b []byte) (err error) {
	*o, err = enumParse[Op]("word diff op", b, opNames[:])
	return err
}

func enumName[E ~int](e E, names []string) string {
	if e >= 0 && int(e) < len(names) {
		return names[e]
	}
	return "unknown"
}

func enumParse[E ~int](what string, b []byte, names []string) (E, error) {
	for i, n := range names {
		if n == string(b) {
			return E(i), nil
		}
	}
	return 0, fmt.Errorf("unknown %s %q", what, b)
}
