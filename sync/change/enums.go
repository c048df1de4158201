package change

import "github.com/cnpe-i18n/cnpe-i18n/internal/enum"

// ChangeKind and Op are named by a table each; String, MarshalText and
// UnmarshalText read the same table, so JSON round-trips.

func (k ChangeKind) String() string { return enum.Name(k, changeNames[:]) }
func (o Op) String() string         { return enum.Name(o, opNames[:]) }

// MarshalText implements encoding.TextMarshaler.
func (k ChangeKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// MarshalText implements encoding.TextMarshaler.
func (o Op) MarshalText() ([]byte, error) { return []byte(o.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *ChangeKind) UnmarshalText(b []byte) (err error) {
	*k, err = enum.Parse[ChangeKind]("change kind", b, changeNames[:])
	return err
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (o *Op) UnmarshalText(b []byte) (err error) {
	*o, err = enum.Parse[Op]("word diff op", b, opNames[:])
	return err
}
