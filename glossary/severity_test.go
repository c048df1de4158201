package glossary

import (
	"encoding/json"
	"testing"
)

func TestSeverityJSONRoundTrip(t *testing.T) {
	for _, s := range []Severity{SeverityDefault, Info, Warning, Error} {
		b, err := json.Marshal(Finding{Severity: s})
		if err != nil {
			t.Fatal(err)
		}
		var f Finding
		if err := json.Unmarshal(b, &f); err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		if f.Severity.Level() != s.Level() {
			t.Errorf("%v read back as %v", s, f.Severity)
		}
		again, _ := json.Marshal(f)
		if string(again) != string(b) {
			t.Errorf("JSON %s written again as %s", b, again)
		}
	}
	var s Severity
	if err := s.UnmarshalText([]byte("fatal")); err == nil {
		t.Error("unknown severity read without error")
	}
}
