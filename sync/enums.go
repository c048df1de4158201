package sync

import "github.com/cnpe-i18n/cnpe-i18n/internal/enum"

// The enums of the report are named by a table each; String, MarshalText
// and UnmarshalText read the same table, so JSON round-trips.

func (s PageState) String() string { return enum.Name(s, pageStateNames[:]) }
func (s UnitState) String() string { return enum.Name(s, unitStateNames[:]) }
func (k BaseKind) String() string  { return enum.Name(k, baseKindNames[:]) }

// MarshalText implements encoding.TextMarshaler.
func (s PageState) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// MarshalText implements encoding.TextMarshaler.
func (s UnitState) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// MarshalText implements encoding.TextMarshaler.
func (k BaseKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *PageState) UnmarshalText(b []byte) (err error) {
	*s, err = enum.Parse[PageState]("page state", b, pageStateNames[:])
	return err
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *UnitState) UnmarshalText(b []byte) (err error) {
	*s, err = enum.Parse[UnitState]("unit state", b, unitStateNames[:])
	return err
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *BaseKind) UnmarshalText(b []byte) (err error) {
	*k, err = enum.Parse[BaseKind]("base kind", b, baseKindNames[:])
	return err
}
