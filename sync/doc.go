// Package sync works out which units of a translated page are stale
// because their source changed since the translation was made.
//
// It is empty until the sync engine lands (issue 3).
package sync
