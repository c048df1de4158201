package cache

import (
	"encoding/binary"
	"testing"
)

func TestRecord(t *testing.T) {
	var whole []byte
	whole = binary.AppendUvarint(whole, 3)
	whole = append(whole, "abc"...)
	whole = binary.AppendVarint(whole, 2)
	whole = binary.AppendUvarint(whole, 7)
	whole = append(whole, "xy"...)
	overCount := append(append([]byte{3}, "abc"...), binary.AppendVarint(nil, 9)...)
	overCount = append(overCount, 7, 'x', 'y')
	tests := []struct {
		name    string
		data    []byte
		wantBad bool
	}{
		{"whole", whole, false},
		{"string cut short", whole[:3], true},
		{"count beyond the bytes left", overCount, true},
		{"empty", nil, true},
		{"malformed varint", []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewRecord(tt.data)
			s, n, v, b := r.String(), r.Count(), r.Int(), string(r.Bytes(2))
			if r.Bad() != tt.wantBad {
				t.Fatalf("Bad() = %v, want %v", r.Bad(), tt.wantBad)
			}
			if tt.wantBad {
				if r.Rest() != 0 || r.Bytes(1) != nil || r.String() != "" || r.Varint() != 0 {
					t.Error("a read after a failure returned data")
				}
				return
			}
			if s != "abc" || n != 2 || v != 7 || b != "xy" || r.Rest() != 0 {
				t.Errorf("read %q, %d, %d, %q with %d bytes left; want \"abc\", 2, 7, \"xy\" and none", s, n, v, b, r.Rest())
			}
		})
	}
}
