# The targets the README and CI use. `make test` is the one test command.
SHELL := /bin/bash
GO ?= go
# The linters are pinned in tools/go.mod (versions and checksums) and built
# like any other dependency, so a second run takes seconds.
TOOL = $(GO) tool -modfile=tools/go.mod
STATICCHECK ?= $(TOOL) staticcheck
ACTIONLINT ?= $(TOOL) actionlint
FUZZTIME ?= 2m
# FUZZFLAGS: extra go test flags for fuzzing, e.g. -parallel 1 for one core.
FUZZFLAGS ?=

.PHONY: test lint lint-actions golden fuzz bench bench-status demo build dist release-check

build:
	$(GO) build -o bin/cnpe-i18n ./cmd/cnpe-i18n

# test: formatting, vet, staticcheck, actionlint, and every test with the
# race detector; it ends with how many tests were skipped and why.
test: lint
	set -o pipefail; $(GO) test -race -count=1 -json ./... | $(GO) run ./internal/testsummary

lint: lint-actions
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) mod tidy -diff
	$(STATICCHECK) ./...

# lint-actions: actionlint on the CI recipes in docs/workflows and on
# action.yml (as the equivalent workflow, since actionlint reads workflows
# only). actionlint runs shellcheck on the scripts when it is installed.
lint-actions:
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  $(GO) run ./internal/actionworkflow action.yml > "$$tmp/action.yml" && \
	  echo "actionlint docs/workflows/*.yml action.yml" && \
	  $(ACTIONLINT) docs/workflows/*.yml "$$tmp/action.yml"

# dist: the release archives for the six platforms and checksums.txt in
# dist/, built from .goreleaser.yaml without GoReleaser.
dist:
	$(GO) run ./internal/dist -config .goreleaser.yaml -out dist

# release-check: GoReleaser's own check of .goreleaser.yaml. Building
# GoReleaser from source takes minutes (see docs/release.md), so CI runs
# make dist instead.
GORELEASER ?= $(GO) run github.com/goreleaser/goreleaser/v2@v2.15.4
release-check:
	$(GORELEASER) check

# golden: rewrite the golden files of every package that has them.
golden:
	$(GO) test ./parse/... ./sync/... ./cmd/... ./internal/... -run 'Golden|Script|Scenarios|Docs' -update

# fuzz: run each fuzz target for FUZZTIME, with FUZZFLAGS.
fuzz:
	$(GO) test ./parse -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) $(FUZZFLAGS)
	$(GO) test ./parse -run '^$$' -fuzz '^FuzzDataFields$$' -fuzztime $(FUZZTIME) $(FUZZFLAGS)
	$(GO) test ./parse -run '^$$' -fuzz '^FuzzFrontMatterNesting$$' -fuzztime $(FUZZTIME) $(FUZZFLAGS)
	$(GO) test ./sync/edit -run '^$$' -fuzz '^FuzzFrontMatterEdits$$' -fuzztime $(FUZZTIME) $(FUZZFLAGS)
	$(GO) test ./glossary -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) $(FUZZFLAGS)
	$(GO) test ./translations -run '^$$' -fuzz '^FuzzParseTable$$' -fuzztime $(FUZZTIME) $(FUZZFLAGS)
	$(GO) test ./sync/align -run '^$$' -fuzz '^FuzzAlign$$' -fuzztime $(FUZZTIME) $(FUZZFLAGS)

# bench: the hot-path benchmarks.
bench:
	$(GO) test ./parse -run '^$$' -bench . -benchmem -count 6

# bench-status: generate a repository shaped like kubernetes/website's
# Markdown history (54,000 commits, a third of them pull-request merges;
# renames, deletions; 7,300 Markdown files in 16 languages, 60 MB) and time
# status on it: cold, and warm too when the binary has a cache.
BENCH_REPO ?= /tmp/cnpe-bench
bench-status:
	test -d $(BENCH_REPO) || $(GO) run ./internal/bench -gen $(BENCH_REPO)
	$(GO) run ./internal/bench -run $(BENCH_REPO) -count 5

# demo: the README's first command.
demo:
	scripts/demo.sh
