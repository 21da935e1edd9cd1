# Evalbook: `make demo` renders the demo notebook, `make test` runs every test.
SWIFT ?= swift
DEPS := libedit-dev libcmark-dev pkg-config libzstd-dev libsnappy-dev liblz4-dev zlib1g-dev libbrotli-dev
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo >/dev/null 2>&1 && [ "$$(id -u)" != 0 ] && echo sudo)

.PHONY: all deps build release demo lint test bench clean

all: build

# Install the C libraries with apt-get only when one is missing.
deps:
	@missing=""; \
	for p in $(DEPS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product evalbook

demo: release
	.build/release/evalbook run notebooks/delivery_eta.md

# swift-format's rules (.swift-format; Tests/ has its own for snake_case fixture fields).
lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

# The PostgreSQL tests run against a private server that this starts (and always stops).
test: deps lint
	bash scripts/pg/with_test_server.sh $(SWIFT) test

bench: release
	bash benchmarks/run.sh

clean:
	rm -rf .build
