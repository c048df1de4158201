#!/usr/bin/env bash
# Installs cnpe-i18n for the GitHub Action (action.yml), one step per mode:
#
#   install-action.sh resolve   which version: the "version" input, else the
#                               ref the action was used at (uses: …@v1.2.3)
#   install-action.sh release   download that release's archive for this
#                               runner, verify it against checksums.txt,
#                               put cnpe-i18n on PATH; found=false when
#                               there is no such release
#   install-action.sh source    build cnpe-i18n from the action's own
#                               checked-out source (never @latest)
#
# Environment: CNPE_I18N_VERSION (the input), GITHUB_ACTION_REF,
# RUNNER_OS, RUNNER_ARCH, RUNNER_TOOL_CACHE, GITHUB_OUTPUT, GITHUB_PATH,
# CNPE_I18N_SOURCE (the action's directory), CNPE_I18N_BASE_URL (where
# releases are downloaded from; tests point it at a local server).
set -euo pipefail

base_url="${CNPE_I18N_BASE_URL:-https://github.com/cnpe-i18n/cnpe-i18n/releases/download}"

say() { echo "cnpe-i18n: $*" >&2; }
fail() { echo "::error title=cnpe-i18n install::$*" >&2; exit 1; }
output() { echo "$1=$2" >> "${GITHUB_OUTPUT:-/dev/null}"; }

# version prints the version to install, refusing anything that is not a
# plain ref name.
version() {
  local v="${CNPE_I18N_VERSION:-}"
  if [ -z "$v" ]; then v="${GITHUB_ACTION_REF:-}"; fi
  case "$v" in
    *[!A-Za-z0-9._+/-]*) fail "invalid version: $v" ;;
  esac
  echo "$v"
}

# is_release: a release tag is vMAJOR.MINOR.PATCH with an optional
# pre-release or build suffix; branches, commit ids and v1 are built
# from source.
is_release() {
  [[ "$1" =~ ^v[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$ ]]
}

platform() {
  local os arch
  case "${RUNNER_OS:-$(uname -s)}" in
    Linux) os=linux ;;
    macOS | Darwin) os=darwin ;;
    Windows | MINGW* | MSYS*) os=windows ;;
    *) fail "unsupported runner OS: ${RUNNER_OS:-$(uname -s)}" ;;
  esac
  case "${RUNNER_ARCH:-$(uname -m)}" in
    X64 | x86_64 | amd64) arch=amd64 ;;
    ARM64 | aarch64 | arm64) arch=arm64 ;;
    *) fail "unsupported runner architecture: ${RUNNER_ARCH:-$(uname -m)}" ;;
  esac
  echo "${os}_${arch}"
}

install_dir() {
  echo "${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:-/tmp}}/cnpe-i18n/$1/$(platform)"
}

exe() {
  case "$(platform)" in windows_*) echo cnpe-i18n.exe ;; *) echo cnpe-i18n ;; esac
}

sha256() {
  if command -v sha256sum >/dev/null; then
    sha256sum "$1" | cut -d' ' -f1
  else
    shasum -a 256 "$1" | cut -d' ' -f1
  fi
}

# fetch URL FILE prints the HTTP status; curl's own failures end the script.
fetch() {
  curl -sS -L --retry 3 --connect-timeout 20 -o "$2" -w '%{http_code}' "$1"
}

on_path() {
  echo "$1" >> "${GITHUB_PATH:-/dev/null}"
  "$1/$(exe)" --version >&2
}

resolve() {
  local v kind=source
  v="$(version)"
  if is_release "$v"; then kind=release; fi
  output version "$v"
  output kind "$kind"
  output dir "$(install_dir "${v:-source}")"
  say "version ${v:-(none)}: $kind"
}

release() {
  local v dir name url status want got
  v="$(version)"
  is_release "$v" || fail "$v is not a release tag (vMAJOR.MINOR.PATCH)"
  dir="$(install_dir "$v")"
  if [ -x "$dir/$(exe)" ]; then
    say "using $dir/$(exe) from the cache"
    output found true
    on_path "$dir"
    return
  fi
  name="cnpe-i18n_${v#v}_$(platform)"
  case "$(platform)" in windows_*) name="$name.zip" ;; *) name="$name.tar.gz" ;; esac
  url="$base_url/$v"
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT

  status="$(fetch "$url/checksums.txt" "$tmp/checksums.txt")"
  if [ "$status" = 404 ]; then
    say "no release $v at $url: building from the action's source"
    output found false
    return
  fi
  [ "$status" = 200 ] || fail "downloading $url/checksums.txt: HTTP $status"
  status="$(fetch "$url/$name" "$tmp/$name")"
  [ "$status" = 200 ] || fail "downloading $url/$name: HTTP $status"

  want="$(awk -v n="$name" '$2 == n || $2 == "*" n { print $1 }' "$tmp/checksums.txt")"
  [ -n "$want" ] || fail "checksums.txt of $v does not list $name"
  got="$(sha256 "$tmp/$name")"
  [ "$want" = "$got" ] || fail "checksum mismatch for $name: checksums.txt says $want, the download is $got"

  mkdir -p "$tmp/x" "$dir"
  case "$name" in
    *.zip) (cd "$tmp/x" && unzip -q "../$name") ;;
    *) tar -xzf "$tmp/$name" -C "$tmp/x" ;;
  esac
  [ -f "$tmp/x/$(exe)" ] || fail "$name has no $(exe)"
  mv "$tmp/x/$(exe)" "$dir/$(exe)"
  chmod +x "$dir/$(exe)"
  say "installed $v ($name, sha256 $got) in $dir"
  output found true
  on_path "$dir"
}

source_build() {
  local v src dir ldflags=""
  v="$(version)"
  src="${CNPE_I18N_SOURCE:-}"
  [ -n "$src" ] || fail "CNPE_I18N_SOURCE must name the action's directory"
  [ -f "$src/go.mod" ] || fail "$src has no go.mod: cannot build from source"
  dir="$(install_dir "${v:-source}")-src"
  if [ -n "$v" ]; then ldflags="-X main.version=$v"; fi
  say "building cnpe-i18n ${v:-(no version)} from $src"
  mkdir -p "$dir"
  (cd "$src" && go build -trimpath -ldflags "$ldflags" -o "$dir/$(exe)" ./cmd/cnpe-i18n)
  on_path "$dir"
}

case "${1:-}" in
  resolve) resolve ;;
  release) release ;;
  source) source_build ;;
  *) echo "usage: $0 resolve|release|source" >&2; exit 2 ;;
esac
