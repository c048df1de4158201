#!/usr/bin/env bash
# Builds the demo site's history in a git repository and runs
# "cnpe-i18n status" on it: commit 1 is testdata/demo/site (English with
# Japanese and Korean translations), commit 2 applies testdata/demo/edits
# (the English changes translators have not seen yet).
#
# The repository is kept (its path is printed at the end) so that the
# other commands can be tried on it. DEMO_DIR chooses where it goes
# (default: a new temporary directory); an existing DEMO_DIR is replaced
# only if it is an earlier demo repository.
#
# The demo finds stale translations on purpose, so status exits 1 (its
# --fail-on stale default); pass --fail-on none to exit 0.
# Usage: scripts/demo.sh [status flags...]
set -euo pipefail
repo_root="$(cd "$(dirname "$0")/.." && pwd)"
work="${DEMO_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/cnpe-i18n-demo.XXXXXX")}"
if [ -e "$work/.cnpe-i18n-demo" ]; then
  rm -rf "$work"
elif [ -n "$(ls -A "$work" 2>/dev/null)" ]; then
  echo "demo: $work exists and is not a demo repository; choose another DEMO_DIR" >&2
  exit 2
fi
mkdir -p "$work"
git_() { git -C "$work" -c user.name=Demo -c user.email=demo@example.org "$@"; }

git -C "$work" init -q -b main
cp -R "$repo_root/testdata/demo/site/." "$work/"
git_ add -A
GIT_AUTHOR_DATE=2026-01-05T10:00:00Z GIT_COMMITTER_DATE=2026-01-05T10:00:00Z git_ commit -q -m "Handbook with ja and ko translations"
cp -R "$repo_root/testdata/demo/edits/." "$work/"
git_ add -A
GIT_AUTHOR_DATE=2026-02-10T10:00:00Z GIT_COMMITTER_DATE=2026-02-10T10:00:00Z git_ commit -q -m "Getting started: Python, staging note, naming guide link; new on-call page"
# The marker and the binary stay out of the demo's git status.
touch "$work/.cnpe-i18n-demo"
printf '%s\n' .cnpe-i18n-demo bin/ >> "$work/.git/info/exclude"

mkdir -p "$work/bin"
(cd "$repo_root" && go build -o "$work/bin/cnpe-i18n" ./cmd/cnpe-i18n)
status=0
"$work/bin/cnpe-i18n" status -C "$work" --verbose "$@" || status=$?
echo
case "$status" in
  0) echo "demo: status exited 0." ;;
  1) echo "demo: status exited 1 on purpose: the demo's translations are stale, and --fail-on stale (the default) makes that exit 1 for CI. Pass --fail-on none to exit 0." ;;
  *) echo "demo: status exited $status (an error, not a finding)." ;;
esac
echo "demo: the repository is $work; try the other commands on it:"
echo "  cd $work && export PATH=\"$work/bin:\$PATH\""
echo "  cnpe-i18n diff content/ja/docs/getting-started.md"
echo "  cnpe-i18n stub --lang ja"
exit "$status"
