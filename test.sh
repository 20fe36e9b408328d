#!/usr/bin/env bash
# Runs every test of the project: unit, integration and conformance tests.
set -euo pipefail
cd "$(dirname "$0")"
cargo test --workspace --release "$@"
