// Package translations reports the state of Hugo i18n string tables.
//
// It is empty until the string tables land (issue 5).
package translations
