#!/usr/bin/env bash
# Exchange formats (issue 5): import and export times of an edition with STATEMENTS statements
# (default 5,000) in every format, then every reader fed FUZZ damaged files (default 1,000,000
# each, made from the national edition: bytes flipped, inserted, removed, repeated, the end cut
# off; the CASE reader also gets packages changed in their structure that are still JSON, made
# from a 24-statement edition). Prints the times, and per reader how many inputs were refused, still valid, or panicked;
# exits 1 on any panic or on an edition that does not read back identically.
#
# Usage: bench/formats.sh [STATEMENTS] [FUZZ]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/raamwerk-target}"
cd "$repo"
cargo build --release -q -p formats --example bench_formats >&2
echo "===== Raamwerk exchange formats ($(date -u +%Y-%m-%dT%H:%M:%SZ)) ====="
"$CARGO_TARGET_DIR/release/examples/bench_formats" "${1:-5000}" "${2:-1000000}"
