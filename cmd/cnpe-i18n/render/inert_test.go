package render

import "testing"

// TestLiveMarkup: the check the comment tests rely on finds each kind of
// live markup, and passes what Comment makes of it once escaped.
func TestLiveMarkup(t *testing.T) {
	tests := []struct {
		name, body string
		live       bool
	}{
		{"mention", "ping @octocat", true},
		{"team mention", "ping @org/team", true},
		{"reference", "see #1234", true},
		{"html comment", "a <!-- b --> c", true},
		{"script link", "[x](javascript:alert(1))", true},
		{"foreign tag", "<img src=x>", true},
		{"backtick", "a `code` b", true},
		{"our tags", "<details><summary><b>x</b></summary>\n<del>a</del><ins>b</ins></details>", false},
		{"escaped", EscapeMD("ping @octocat, see #1234 <img src=x> `code` [x](javascript:alert(1)) <!-- c -->"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := LiveMarkup(CommentMarker + "\n" + tt.body)
			if (len(got) > 0) != tt.live {
				t.Errorf("LiveMarkup(%q) = %q, want live %v", tt.body, got, tt.live)
			}
		})
	}
	if got := LiveMarkup("no marker"); len(got) == 0 {
		t.Error("a comment without the marker passes")
	}
}
