package glossary

import (
	_ "embed"
)

//go:embed starter.yaml
var starterYAML []byte

// Starter is the glossary shipped with the tool: the cloud native
// platform engineering community's terms with the ja, ko and zh
// renderings its site uses, proposals for the community to confirm.
func Starter() *Glossary {
	g, err := Parse("starter.yaml", starterYAML)
	if err != nil {
		panic("starter glossary: " + err.Error()) // tested: cannot happen
	}
	return g
}
