// Package release tests what ships cnpe-i18n without a Go toolchain: the
// GitHub Action's install script (scripts/install-action.sh) against a
// fake release served on 127.0.0.1, and the release configuration
// (.goreleaser.yaml) against the names that script downloads.
//
//	go test ./internal/release
package release
