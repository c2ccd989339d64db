# One-command set-up on Debian bookworm: `make run` opens the app, `make test` runs every test.
# Both install missing Debian packages first (with sudo when not root), then configure and build.

BUILD ?= build
JOBS ?= 2
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=Release

# The dependency table of DESIGN.md, plus the build tools themselves.
PACKAGES := build-essential cmake pkg-config libsfml-dev libimgui-dev catch2 libbenchmark-dev libcli11-dev \
  nlohmann-json3-dev libtomlplusplus-dev libmd4c-dev libfmt-dev fonts-noto-cjk xvfb xauth libgl1-mesa-dri \
  golang-go golang-1.19-src unzip

# What `make fuzz` needs besides: clang 14 and its runtime libraries (libFuzzer, ASan, UBSan).
FUZZ_PACKAGES := clang-14 libclang-rt-14-dev
FUZZ_BUILD ?= build-fuzz
# Seconds each target fuzzes after replaying its corpus and regressions (5: the CI's step stays under 3 minutes
# from a clean clone); `make fuzz FUZZ_TIME=runs=1000000` for a long run.
FUZZ_TIME ?= 5
# Which targets (default: all seven, as scripts/fuzz.sh lists them); `make fuzz FUZZ_TARGETS=fuzz_lesson` for one.
FUZZ_TARGETS ?=

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps fuzz-deps configure build run test bench fuzz clean

all: build

# Installs only what is missing from the list $(1), so a machine that has everything never calls apt-get.
define install_missing
	@missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing packages:" $$missing; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
endef

deps:
	$(call install_missing,$(PACKAGES))

fuzz-deps: deps
	$(call install_missing,$(FUZZ_PACKAGES))

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

# The libFuzzer targets of fuzz/, built with clang in their own folder and run briefly each (scripts/fuzz.sh).
fuzz: fuzz-deps
	FUZZ_TARGETS="$(FUZZ_TARGETS)" JOBS=$(JOBS) ./scripts/fuzz.sh $(FUZZ_BUILD) $(FUZZ_TIME)

clean:
	rm -rf $(BUILD)
