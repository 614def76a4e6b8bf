#!/usr/bin/env bash
# Runs every benchmark (make bench). Not part of make test: timings need a quiet machine.
set -euo pipefail
build="${1:-build}"
cmake --build "$build" --target engine_vs_sqlite >/dev/null
"$build/engine_vs_sqlite" "${@:2}"
