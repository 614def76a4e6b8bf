#!/usr/bin/env bash
# Runs every benchmark (make bench). Not part of make test: timings need a quiet machine.
set -euo pipefail
build="${1:-build}"
cmake --build "$build" --target engine_vs_sqlite function_vs_inline >/dev/null
"$build/engine_vs_sqlite" "${@:2}"
"$build/function_vs_inline"
