// Package enum names the values of the report enums by a table each, so
// that String, MarshalText and UnmarshalText read the same table and JSON
// round-trips:
//
//	var names = [...]string{"current", "stale"}
//	func (s State) String() string { return enum.Name(s, names[:]) }
//	func (s *State) UnmarshalText(b []byte) (err error) {
//		*s, err = enum.Parse[State]("state", b, names[:])
//		return err
//	}
package enum

import "fmt"

// Name is the name of e in names, or "unknown" out of range.
func Name[E ~int](e E, names []string) string {
	if e >= 0 && int(e) < len(names) {
		return names[e]
	}
	return "unknown"
}

// Parse reads a name back; what names the enum in the error.
func Parse[E ~int](what string, b []byte, names []string) (E, error) {
	for i, n := range names {
		if n == string(b) {
			return E(i), nil
		}
	}
	return 0, fmt.Errorf("unknown %s %q", what, b)
}
