#!/usr/bin/env bash
# Heavy uploads (issue 20): a workbook that unpacks to 1 GiB (bulk in the sheet, and in the
# shared strings) and a CASE package with 20,000 items in one chain (and 9,000, refused for its
# depth rather than its size). Prints, per upload, the file's size, the reader's time and the
# peak memory of a process that reads nothing else. Before the fix the bomb took the server
# from 366 MB to 3.3 GB and the 12,000-deep chain did not finish in 120 s.
#
# Usage: bench/uploads.sh
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/raamwerk-target}"
cd "$repo"
cargo build --release -q -p formats --example bench_uploads >&2
echo "===== Raamwerk heavy uploads ($(date -u +%Y-%m-%dT%H:%M:%SZ)) ====="
"$CARGO_TARGET_DIR/release/examples/bench_uploads"
