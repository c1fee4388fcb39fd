#!/usr/bin/env bash
# Migration gate for CI: the migrations rule pack (static checks) and `deploylint migrations verify`
# (up, down and up again on an embedded database, or a throwaway one on a real server) over this
# repository's migrations. Exits 0 when both pass, 1 when either reports an error, 2 on a usage or
# internal error.
#
# Usage: tools/db/migration-check.sh [--changed-since REF] [--database-url URL] [--timeout SECONDS] [--format NAME] [--cwd DIR]
#   --changed-since REF  lint and verify only what changed since the merge base with REF
#   --database-url URL   verify on a throwaway database on this server (postgres://… or mysql://…)
#   --timeout SECONDS    time one migration may take in verify (default 60)
#   --format NAME        reporter for both steps (stylish, json, sarif, github, …)
#   --cwd DIR            the repository to check (default: the current directory)
# DEPLOYLINT may name the CLI to run (default: node_modules/.bin/deploylint, else npx deploylint).
set -uo pipefail

lint_args=()
verify_args=()
cwd="."
while [ $# -gt 0 ]; do
  case "$1" in
    --changed-since) lint_args+=(--changed-since "$2"); verify_args+=(--changed-since "$2"); shift 2 ;;
    --database-url) verify_args+=(--database-url "$2"); shift 2 ;;
    --timeout) verify_args+=(--timeout "$2"); shift 2 ;;
    --format) lint_args+=(--format "$2"); verify_args+=(--format "$2"); shift 2 ;;
    --cwd) cwd="$2"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "migration-check: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

cd "$cwd" || exit 2
if [ -n "${DEPLOYLINT:-}" ]; then
  read -r -a deploylint <<< "$DEPLOYLINT"
elif [ -x node_modules/.bin/deploylint ]; then
  deploylint=(node_modules/.bin/deploylint)
else
  deploylint=(npx --no-install deploylint)
fi

echo "== deploylint: migrations rules" >&2
"${deploylint[@]}" --only 'migrations/*' "${lint_args[@]}"
lint_status=$?

echo "== deploylint migrations verify" >&2
"${deploylint[@]}" migrations verify "${verify_args[@]}"
verify_status=$?

# A step that could not judge (2) fails the gate closed, before findings (1).
if [ "$lint_status" -eq 2 ] || [ "$verify_status" -eq 2 ]; then exit 2; fi
if [ "$lint_status" -ne 0 ] || [ "$verify_status" -ne 0 ]; then exit 1; fi
exit 0
