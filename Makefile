# rapport — the two commands of the README's quick start are `make run` and
# `make test`; both install the cmark-gfm C library first when it is missing.

SWIFT ?= swift
SITE ?= .
RAPPORT_RELEASE = .build/release/rapport

.PHONY: run test serve bench build release check deps sample format clean

## make run: build rapport (release), render the sample site into Output/ and
## write its newsletters as emails into Output/outbox/ (nothing is sent)
run: deps
	$(SWIFT) build -c release --product rapport
	$(RAPPORT_RELEASE) build --site $(SITE)
	$(RAPPORT_RELEASE) outbox --site $(SITE)
	@echo "Open $(SITE)/Output/index.html in a browser; the emails are in $(SITE)/Output/outbox/new/."

## make test: run every test suite (installs the PDF and browser tools the
## print and preview tests drive: weasyprint, poppler-utils, chromium)
test: deps
	@sh scripts/install-deps.sh --test-tools
	$(SWIFT) test

## make serve: preview the sample site with live reload on http://127.0.0.1:8000
serve: deps
	$(SWIFT) build -c release --product rapport
	$(RAPPORT_RELEASE) serve --site $(SITE)

## make bench: time rapport against Hugo and libcmark-gfm on synthetic sites
## (BENCH_ARGS=--large adds 100,000 customers; see Benchmarks/README.md and BENCHMARKS.md)
bench: deps
	bash Benchmarks/bench.sh $(BENCH_ARGS)

## make build: debug build of the rapport binary
build: deps
	$(SWIFT) build --product rapport

## make check: validate the sample site without writing anything
check: deps
	$(SWIFT) build --product rapport
	.build/debug/rapport check --site $(SITE)

## make deps: install libcmark-gfm (Debian/Ubuntu apt, or Homebrew on macOS) when missing
deps:
	@sh scripts/install-deps.sh

## make sample: re-embed the sample site (rapport.yml, Content/, Layouts/) for `rapport init`
sample:
	sh scripts/embed-sample.sh

## make format: format the Swift sources with the checked-in .swift-format
format:
	$(SWIFT) format --in-place --recursive --configuration .swift-format Sources Tests Package.swift

clean:
	rm -rf .build Output/*
