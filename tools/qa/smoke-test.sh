#!/usr/bin/env bash
# Smoke-tests a deployed environment: runs `deploylint smoke --environment <environment>` with any
# further arguments passed through, and exits with its code (0 passed, 1 a check failed, 2 cannot run).
#
#   tools/qa/smoke-test.sh <environment> [--url https://…] [--format table|json|junit|github|sarif|…]
#
# Runs this repository's own build when there is one (deploylint's repository), else the project's
# installed deploylint (npx --no-install: a deploy step never downloads its judge on the fly).
set -euo pipefail

usage="usage: tools/qa/smoke-test.sh <environment> [deploylint smoke options]"
if [[ $# -lt 1 || -z "$1" ]]; then
  echo "$usage" >&2
  exit 2
fi
case "$1" in
  -h | --help) ;;
  -*)
    # An option first means the environment was forgotten: smoke must not guess where it is.
    echo "$usage (the environment comes first, got $1)" >&2
    exit 2
    ;;
esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [[ -f "$root/packages/cli/dist/bin.js" ]]; then
  command=(node "$root/packages/cli/bin/deploylint.js")
else
  command=(npx --no-install deploylint)
fi

if [[ "$1" == "-h" || "$1" == "--help" ]]; then
  exec "${command[@]}" smoke --help
fi
environment="$1"
shift
exec "${command[@]}" smoke --environment "$environment" "$@"
