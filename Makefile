# The targets the README and CI use. `make test` is the one test command.
GO ?= go
STATICCHECK ?= $(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2
FUZZTIME ?= 2m

.PHONY: test lint golden fuzz bench bench-status demo build

build:
	$(GO) build -o bin/cnpe-i18n ./cmd/cnpe-i18n

# test: formatting, vet, staticcheck, and every test with the race detector.
test: lint
	$(GO) test -race -count=1 ./...

lint:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) mod tidy -diff
	$(STATICCHECK) ./...

# golden: rewrite the golden files of every package that has them.
golden:
	$(GO) test ./parse/... ./sync/... ./cmd/... -run 'Golden|Script|Scenarios' -update

# fuzz: run each fuzz target for FUZZTIME.
fuzz:
	$(GO) test ./parse -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME)
	$(GO) test ./parse -run '^$$' -fuzz '^FuzzDataFields$$' -fuzztime $(FUZZTIME)
	$(GO) test ./sync/edit -run '^$$' -fuzz '^FuzzFrontMatterEdits$$' -fuzztime $(FUZZTIME)
	$(GO) test ./glossary -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME)
	$(GO) test ./translations -run '^$$' -fuzz '^FuzzParseTable$$' -fuzztime $(FUZZTIME)

# bench: the hot-path benchmarks.
bench:
	$(GO) test ./parse -run '^$$' -bench . -benchmem -count 6

# bench-status: generate a kubernetes/website-scale repository (7,400
# Markdown files in 16 languages, 60 MB, 3,000 commits) and time status on it.
BENCH_REPO ?= /tmp/cnpe-bench
bench-status:
	test -d $(BENCH_REPO) || $(GO) run ./internal/bench -gen $(BENCH_REPO)
	$(GO) run ./internal/bench -run $(BENCH_REPO) -count 5

# demo: the README's first command.
demo:
	scripts/demo.sh
