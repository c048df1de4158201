package sync

import (
	"encoding"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
)

// TestEnumsRoundTrip: every named value of every report enum reads back
// as itself, and an unknown name is an error.
func TestEnumsRoundTrip(t *testing.T) {
	type enum = encoding.TextMarshaler
	tests := []struct {
		name  string
		names []string
		value func(i int) enum
		read  func(b []byte) (int, error)
	}{
		{"PageState", pageStateNames[:], func(i int) enum { return PageState(i) },
			func(b []byte) (int, error) { var v PageState; err := v.UnmarshalText(b); return int(v), err }},
		{"UnitState", unitStateNames[:], func(i int) enum { return UnitState(i) },
			func(b []byte) (int, error) { var v UnitState; err := v.UnmarshalText(b); return int(v), err }},
		{"ChangeKind", namesOf(func(i int) enum { return change.ChangeKind(i) }), func(i int) enum { return change.ChangeKind(i) },
			func(b []byte) (int, error) { var v change.ChangeKind; err := v.UnmarshalText(b); return int(v), err }},
		{"BaseKind", baseKindNames[:], func(i int) enum { return BaseKind(i) },
			func(b []byte) (int, error) { var v BaseKind; err := v.UnmarshalText(b); return int(v), err }},
		{"Op", namesOf(func(i int) enum { return change.Op(i) }), func(i int) enum { return change.Op(i) },
			func(b []byte) (int, error) { var v change.Op; err := v.UnmarshalText(b); return int(v), err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for i, want := range tt.names {
				b, err := tt.value(i).MarshalText()
				if err != nil || string(b) != want {
					t.Fatalf("value %d marshals to %q, %v; want %q", i, b, err, want)
				}
				got, err := tt.read(b)
				if err != nil || got != i {
					t.Errorf("%q reads as %d, %v; want %d", b, got, err, i)
				}
			}
			if b, _ := tt.value(len(tt.names)).MarshalText(); string(b) != "unknown" {
				t.Errorf("value out of range marshals to %q, want unknown", b)
			}
			if _, err := tt.read([]byte("no-such-name")); err == nil {
				t.Error("an unknown name reads without error")
			}
		})
	}
}

// namesOf lists the names of an enum of another package: its values from
// 0 up to the first one that marshals as "unknown".
func namesOf(value func(int) encoding.TextMarshaler) []string {
	var names []string
	for i := 0; ; i++ {
		b, err := value(i).MarshalText()
		if err != nil || string(b) == "unknown" {
			return names
		}
		names = append(names, string(b))
	}
}
