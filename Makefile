# entente: make test | make bench | make run
GO ?= go

.PHONY: test reliability fuzz bench bench-deps run build vet fmt-check web

build:
	$(GO) build ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

# The test command: formatting, vet, and every test (real data from
# ../shared/data or $ENTENTE_DATA; under CI=true missing data fails).
test: fmt-check vet
	$(GO) test -count=1 ./...

# Corrupted copies of the data against the main commands (builds the
# binary; about a minute): prints the table corruption × command × outcome;
# then kills long writes at random moments, signals twice, and runs every
# fuzz target for FUZZTIME (docs/safety.md).
reliability:
	$(GO) test -count=1 -tags reliability -v -run TestCorruptData ./internal/reliabilitytest
	$(GO) test -count=1 -v -run 'TestKillDuringWrite|TestEveryCommandJSON$$' ./internal/cli
	$(GO) test -count=1 -v -run 'TestSignalStopsBlockedRead|TestSecondSignalExits' ./cmd/entente
	@$(MAKE) --no-print-directory fuzz

# Every fuzz target for FUZZTIME each (-fuzzminimizetime keeps the
# minimization of a large new input from taking a minute of it). A run
# that fails without writing a failing input to testdata/fuzz is Go 1.26's
# race at the -fuzztime deadline (golang/go#75804), reported, not fatal.
FUZZTIME ?= 10s
fuzz:
	@set -e; for p in $$($(GO) list ./...); do \
	  d=$$($(GO) list -f '{{.Dir}}' $$p); \
	  for f in $$($(GO) test -list '^Fuzz' $$p | grep '^Fuzz'); do \
	    printf '%s %s: ' $$p $$f; \
	    before=$$(ls $$d/testdata/fuzz/$$f 2>/dev/null | wc -l); \
	    if out=$$($(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 2s $$p 2>&1); then \
	      n=$$(echo "$$out" | grep execs | tail -1 | sed 's/.*execs: \([0-9]*\).*/\1 executions/'); \
	      echo "$${n:-no count: replaying the corpus took the time}"; \
	    elif [ "$$(ls $$d/testdata/fuzz/$$f 2>/dev/null | wc -l)" = "$$before" ] && echo "$$out" | grep -q 'context deadline exceeded'; then \
	      echo "stopped by the fuzztime race (golang/go#75804), no failing input"; \
	    else echo "$$out"; exit 1; fi; \
	  done; \
	done

# Go benchmarks plus whole-command timings (bench/*.sh, which measure peak
# memory with GNU time: installed from Debian's packages when missing).
bench: bench-deps
	$(GO) test -run '^$$' -bench . -benchmem ./...
	@set -e; for s in bench/*.sh; do bash "$$s"; done

bench-deps:
	@[ -x /usr/bin/time ] || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends time; }

# The main job: the report on the embedded 2024 world.
run:
	$(GO) run ./cmd/entente report

# The web application: bundles web/ (npm) into internal/web/dist, which the
# binary embeds; rebuild entente afterwards. Without it the binary still
# builds and serves the API, and its page says to run this.
web:
	cd web && npm ci --no-audit --no-fund && node build.mjs
