# One-command set-up on Debian bookworm: `make run` opens the app, `make test` runs every test.
# Both install missing Debian packages first (with sudo when not root), then configure and build.

BUILD ?= build
JOBS ?= 2
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=Release

# The dependency table of DESIGN.md, plus the build tools themselves.
PACKAGES := build-essential cmake pkg-config libsfml-dev libimgui-dev catch2 libbenchmark-dev libcli11-dev \
  nlohmann-json3-dev libtomlplusplus-dev libmd4c-dev libfmt-dev fonts-noto-cjk xvfb xauth libgl1-mesa-dri \
  golang-go golang-1.19-src unzip

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps configure build run test bench clean

all: build

# Installs only what is missing, so a machine that has everything never calls apt-get.
deps:
	@missing=$$(for p in $(PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing packages:" $$missing; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

configure: deps
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

build: configure
	cmake --build $(BUILD) -j$(JOBS)

run: build
	./$(BUILD)/gopherbus $(ARGS)

test: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

# The benchmarks of the README (the blackscholes trace is unzipped into the build folder once).
bench: build
	./scripts/bench.sh $(BUILD)

clean:
	rm -rf $(BUILD)
