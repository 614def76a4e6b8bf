# Kodiak: `make run` opens the REPL on an in-memory database; `make test` runs
# every test suite. Both install the Debian packages the build needs first.
.PHONY: all deps build run test unit asan sql cli docs conformance fuzz bench clean

BUILD_DIR ?= build
ASAN_DIR ?= build-asan
FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
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

# The libFuzzer targets (clang, ASan+UBSan), each for FUZZ_SECONDS on its
# seed corpus in fuzz/corpus; new inputs go to $(FUZZ_DIR)/corpus.
fuzz: deps
	@cmake -S . -B $(FUZZ_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
	  -DKODIAK_FUZZ=ON -DKODIAK_TOOLS=OFF >/dev/null
	@cmake --build $(FUZZ_DIR) -j $(JOBS) --target sql_parser_fuzz
	@echo "== fuzzing the SQL parser ($(FUZZ_SECONDS) s)"
	@mkdir -p $(FUZZ_DIR)/corpus/sql
	@$(FUZZ_DIR)/sql_parser_fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -timeout=10 \
	  $(FUZZ_DIR)/corpus/sql fuzz/corpus/sql > $(FUZZ_DIR)/sql_parser_fuzz.log 2>&1 \
	  || (tail -60 $(FUZZ_DIR)/sql_parser_fuzz.log; exit 1)
	@grep -E "^Done [0-9]+ runs" $(FUZZ_DIR)/sql_parser_fuzz.log | tail -1

test: unit sql cli docs conformance asan fuzz

bench: build
	@bench/run.sh $(BUILD_DIR)

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR) $(FUZZ_DIR)
