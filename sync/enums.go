package sync

import (
	"encoding/json"
	"fmt"
)

// parseName finds s among names, for the UnmarshalText methods.
func parseName(what, s string, names []string) (int, error) {
	for i, n := range names {
		if n == s {
			return i, nil
		}
	}
	return 0, fmt.Errorf("unknown %s %q", what, s)
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *PageState) UnmarshalText(b []byte) error {
	i, err := parseName("page state", string(b), pageStateNames[:])
	*s = PageState(i)
	return err
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *UnitState) UnmarshalText(b []byte) error {
	i, err := parseName("unit state", string(b), unitStateNames[:])
	*s = UnitState(i)
	return err
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *ChangeKind) UnmarshalText(b []byte) error {
	i, err := parseName("change kind", string(b), changeNames[:])
	*k = ChangeKind(i)
	return err
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *BaseKind) UnmarshalText(b []byte) error {
	i, err := parseName("base kind", string(b), []string{"none", "pin", "inferred"})
	*k = BaseKind(i)
	return err
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (o *Op) UnmarshalText(b []byte) error {
	i, err := parseName("word diff op", string(b), []string{"equal", "delete", "insert"})
	*o = Op(i)
	return err
}

func jsonNumber(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
