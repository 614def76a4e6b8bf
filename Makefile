# Kodiak: `make run` opens the REPL on an in-memory database; `make test` runs
# every test suite. Both install the Debian packages the build needs first.
.PHONY: all deps build run test unit asan sql cli docs conformance bench clean

BUILD_DIR ?= build
ASAN_DIR ?= build-asan
JOBS ?= $(shell nproc)
CONFORMANCE_DIR ?= ../shared/conformance/sqllogictest

all: build

deps:
	@scripts/install-deps

$(BUILD_DIR)/build.ninja: CMakeLists.txt | deps
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null

build: deps $(BUILD_DIR)/build.ninja
	@cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	@$(BUILD_DIR)/kodiak

# Unit tests and the SQL tests under ASan + UBSan (leaks included).
asan: deps
	@cmake -S . -B $(ASAN_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKODIAK_SANITIZE=ON -DKODIAK_TOOLS=ON >/dev/null
	@cmake --build $(ASAN_DIR) -j $(JOBS) --target kodiak_unit_tests kodiak-sqllogictest
	@echo "== unit tests (ASan+UBSan)"
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 $(ASAN_DIR)/kodiak_unit_tests --gtest_brief=1
	@echo "== sql tests (ASan+UBSan)"
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 $(ASAN_DIR)/kodiak-sqllogictest --jobs $(JOBS) tests/sql

unit: build
	@echo "== unit tests"
	@$(BUILD_DIR)/kodiak_unit_tests --gtest_brief=1

sql: build
	@echo "== sql tests (tests/sql)"
	@$(BUILD_DIR)/kodiak-sqllogictest tests/sql

cli: build
	@echo "== cli tests (tests/cli)"
	@tests/cli/run.sh $(BUILD_DIR)/kodiak

docs: build
	@echo "== documentation examples (docs/*.md)"
	@python3 tests/docs/run_doc_examples.py $(BUILD_DIR)/kodiak docs/*.md

# SQLite's sqllogictest corpus: every file must pass at least 99.5% of its
# records (docs/conformance.md lists what still fails and why).
conformance: build
	@echo "== conformance ($(CONFORMANCE_DIR))"
	@$(BUILD_DIR)/kodiak-sqllogictest --min-pass 99.5 --max-failures 0 --jobs $(JOBS) $(CONFORMANCE_DIR)

test: unit sql cli docs conformance asan

bench: build
	@bench/run.sh $(BUILD_DIR)

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR)
