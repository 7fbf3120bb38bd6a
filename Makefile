# entente: make test | make bench | make run
GO ?= go

.PHONY: test reliability bench bench-deps run build vet fmt-check web

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
# binary; about a minute): prints the table corruption × command × outcome.
reliability:
	$(GO) test -count=1 -tags reliability -v -run TestCorruptData ./internal/reliabilitytest

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
