# rooftop-pv — the two commands: `make serve` (build and serve the calculator) and `make test`.
# Every target installs what a fresh machine lacks and is fast when nothing changed.

PORT ?= 8080
WASM_BINDGEN_VERSION := 0.2.130
# cargo installs binaries (wasm-bindgen-cli) into $CARGO_HOME/bin, ~/.cargo/bin by default.
export PATH := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(CURDIR)/node_modules/.bin:$(PATH)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

PKG_INPUTS := Cargo.toml $(wildcard Cargo.lock) $(shell find src js -type f) scripts/build-pkg.sh LICENSE CHANGELOG.md

.PHONY: serve test fuzz pkg site bench lint setup-rust setup-wasm setup-node setup-chromium setup-venv clean

serve: site
	@echo "rooftop-pv is served at http://127.0.0.1:$(PORT)/  (gzip-compressed; Ctrl-C stops it)"
	python3 scripts/serve.py target/site $(PORT)

# Each step names the setup it needs, so that a bare clone (no wasm32 target, wasm-bindgen-cli, venv,
# node_modules or Chromium) gets every tool before the first command that uses it.
test: lint pkg site setup-chromium setup-venv
	cargo test --quiet
	scripts/test-package.sh
	node --test tests/e2e/

# The fuzz harnesses at length (`make test` runs them bounded): the Rust property harness with
# ROOFTOP_PV_FUZZ_CASES cases per category, then the package tests with the Node harness's runs
# scaled by ROOFTOP_PV_FUZZ_RUNS. Counts per category are printed.
FUZZ_CASES ?= 2000
FUZZ_RUNS ?= 20
fuzz: pkg setup-venv
	ROOFTOP_PV_FUZZ_CASES=$(FUZZ_CASES) cargo test --release --quiet --test property -- --nocapture
	ROOFTOP_PV_FUZZ_RUNS=$(FUZZ_RUNS) scripts/test-package.sh

pkg: pkg/package.json
pkg/package.json: $(PKG_INPUTS) | setup-wasm setup-node
	scripts/build-pkg.sh

# The page: www/, the core's web build, the QR encoder (uqr, MIT) vendored from node_modules, and the
# .xlsx reader of the portfolio panel (read-excel-file 9.3.17 with fflate, MIT) bundled by esbuild.
site: target/site/index.html
target/site/index.html: pkg/package.json $(shell find www -type f) node_modules/.installed
	rm -rf target/site && mkdir -p target && cp -r www target/site && mkdir target/site/pkg && cp pkg/*.js pkg/rooftop_pv_bg.wasm target/site/pkg/
	mkdir -p target/site/vendor && cp node_modules/uqr/dist/index.mjs target/site/vendor/uqr.mjs && \
	  cp node_modules/uqr/LICENSE target/site/vendor/uqr.LICENSE
	printf "export { readSheet } from 'read-excel-file/universal';\n" | node_modules/.bin/esbuild --bundle --format=esm \
	  --minify --log-level=warning --outfile=target/site/vendor/read-excel-file.mjs && \
	  cat node_modules/read-excel-file/LICENSE node_modules/fflate/LICENSE > target/site/vendor/read-excel-file.LICENSE
	cd target/site && find . -type f ! -name sw.js ! -name precache.json | sed 's|^\./||' | sort | \
	  python3 -c 'import json,sys; print(json.dumps(["./"] + sys.stdin.read().split()))' > precache.json

bench: pkg site setup-venv setup-chromium
	cargo bench --bench weather --bench engine --bench calculate --bench money --bench storage
	node scripts/bench-node.mjs
	node scripts/bench-money.mjs
	node scripts/bench-portfolio.mjs
	node scripts/bench-portfolio-page.mjs

lint: setup-rust setup-wasm
	python3 scripts/build_climate.py --check
	cargo fmt --check
	cargo clippy --quiet --all-targets -- -D warnings
	cargo clippy --quiet --target wasm32-unknown-unknown --lib -- -D warnings

setup-rust:
	@rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
	@rustup component list --installed | grep -q '^clippy' || rustup component add clippy

setup-wasm:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@[ "$$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $(WASM_BINDGEN_VERSION)" ] || \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)

setup-node: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || ($(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y nodejs npm)
	npm ci --no-audit --no-fund
	touch $@

# Chromium for the page tests, CJK fonts so that its screenshots show the Chinese text, and poppler
# (pdftoppm, pdftotext) to read and render the printed report's pages.
# The reference models (PySAM's PVWatts v8, pvlib and its bundled weather files, numpy-financial).
setup-venv:
	@scripts/setup-venv.sh

setup-chromium:
	@(command -v chromium >/dev/null && command -v pdftoppm >/dev/null && fc-list :lang=zh 2>/dev/null | grep -q .) || \
	  ($(SUDO) apt-get update && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y chromium chromium-driver fonts-noto-cjk poppler-utils)

clean:
	rm -rf pkg target/site target/npm-consumer
