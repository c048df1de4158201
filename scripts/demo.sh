#!/usr/bin/env bash
# Builds the demo site's history in a temporary git repository and runs
# "cnpe-i18n status" on it: commit 1 is testdata/demo/site (English with
# Japanese and Korean translations), commit 2 applies testdata/demo/edits
# (the English changes translators have not seen yet).
# Usage: scripts/demo.sh [status flags...]
set -euo pipefail
repo_root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git_() { git -C "$work" -c user.name=Demo -c user.email=demo@example.org "$@"; }

git -C "$work" init -q -b main
cp -R "$repo_root/testdata/demo/site/." "$work/"
git_ add -A
GIT_AUTHOR_DATE=2026-01-05T10:00:00Z GIT_COMMITTER_DATE=2026-01-05T10:00:00Z git_ commit -q -m "Handbook with ja and ko translations"
cp -R "$repo_root/testdata/demo/edits/." "$work/"
git_ add -A
GIT_AUTHOR_DATE=2026-02-10T10:00:00Z GIT_COMMITTER_DATE=2026-02-10T10:00:00Z git_ commit -q -m "Getting started: Python, staging note, naming guide link; new on-call page"

cd "$repo_root"
go build -o "$work/.cnpe-i18n" ./cmd/cnpe-i18n
status=0
"$work/.cnpe-i18n" status -C "$work" --verbose "$@" || status=$?
if [ "$status" = 1 ]; then
  echo
  echo "(exit code 1: stale translations found, as --fail-on asks; use --fail-on none to exit 0)"
fi
exit "$status"
