package sync

import (
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/glossary"
)

func TestIsName(t *testing.T) {
	keep := keepTerms(&glossary.Glossary{Terms: []*glossary.Term{
		{EN: []string{"platform engineering"}, Keep: true},
		{EN: []string{"golden path"}, Langs: map[string]*glossary.Rendering{"ja": {Use: []string{"ゴールデンパス"}}}},
	}}, "ja")
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Kubernetes", true},
		{"checksum", true},
		{")", true},
		{"Stack Overflow", true},
		{"January 2006", true},
		{"02 Jan 2006 15:04:05 MST", true},
		{"platform engineering", true}, // kept by the glossary
		{"golden path", false},         // translated by the glossary
		{"Read more", false},
		{"ICP license:", false},
		{`Distributed under <a href="x">CC BY</a>`, false},
		{`The Authors <a Href="X">CC</a>`, false},
	} {
		if got := isName(tt.text, keep); got != tt.want {
			t.Errorf("isName(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
