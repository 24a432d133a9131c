# fangkong — two commands: `make demo` and `make test`. Everything else is a step of those.
SHELL := /bin/bash
.DEFAULT_GOAL := help
NOW ?= 2020-02-04T10:00:00+08:00

.PHONY: help setup test test-native lint demo bench

help:
	@echo "make demo   set up and show the engine on the example filings"
	@echo "make test   set up and run every test"
	@echo "make bench  run the benchmarks (results in BENCHMARKS.md)"

setup:
	@scripts/setup.sh rust

lint: setup
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo build --lib --target wasm32-unknown-unknown --release

test-native: setup
	cargo test

test: lint test-native

demo: setup
	cargo build --release -q
	@for f in examples/filings/*.json; do \
	  echo "== $$f (now $(NOW))"; \
	  target/release/fangkong check-filing $$f --now $(NOW) | python3 -c 'import json,sys; a=json.load(sys.stdin); print("decision:", a["decision"]); [print(" ", d["severity"], d["ruleId"], d["path"], d["message"]) for d in a["diagnostics"]]; [print("  gate", g["id"], "passed" if g["passed"] else "FAILED") for g in a["gates"] if not g["passed"]]'; \
	done
