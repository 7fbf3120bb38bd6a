# entente: make test | make bench | make run
GO ?= go

.PHONY: test bench run build vet fmt-check

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

# Go benchmarks plus whole-command timings (bench/*.sh).
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...
	@for s in bench/*.sh; do [ -f "$$s" ] && bash "$$s"; done; true

# The main job: the report on the embedded 2024 world.
run:
	$(GO) run ./cmd/entente report
