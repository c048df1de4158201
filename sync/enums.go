package sync

import (
	"fmt"
)

// The enums of the report are named by a table each; String, MarshalText
// and UnmarshalText read the same table, so JSON round-trips.

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

func (s PageState) String() string { return enumName(s, pageStateNames[:]) }
func (s UnitState) String() string { return enumName(s, unitStateNames[:]) }
func (k BaseKind) String() string  { return enumName(k, baseKindNames[:]) }

// MarshalText implements encoding.TextMarshaler.
func (s PageState) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// MarshalText implements encoding.TextMarshaler.
func (s UnitState) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// MarshalText implements encoding.TextMarshaler.
func (k BaseKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *PageState) UnmarshalText(b []byte) (err error) {
	*s, err = enumParse[PageState]("page state", b, pageStateNames[:])
	return err
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *UnitState) UnmarshalText(b []byte) (err error) {
	*s, err = enumParse[UnitState]("unit state", b, unitStateNames[:])
	return err
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *BaseKind) UnmarshalText(b []byte) (err error) {
	*k, err = enumParse[BaseKind]("base kind", b, baseKindNames[:])
	return err
}
