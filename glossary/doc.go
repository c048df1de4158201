// Package glossary checks terminology in translations against a glossary.
//
// It is empty until the glossary lands (issue 6).
package glossary
