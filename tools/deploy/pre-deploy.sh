#!/usr/bin/env bash
# The pre-deploy gate at the seed's path: runs `deploylint pre-deploy` (working tree clean, expected
# branch, no secrets, migrations valid, required env vars set, preDeploy.commands) and exits with its code.
#
#   tools/deploy/pre-deploy.sh [--environment NAME] [--branch NAME] [--format table|json]
#
# Runs this repository's own build when there is one (deploylint's repository), else the project's
# installed deploylint (npx --no-install: a deploy gate never downloads its judge on the fly).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [[ -f "$root/packages/cli/dist/bin.js" ]]; then
  command=(node "$root/packages/cli/bin/deploylint.js")
else
  command=(npx --no-install deploylint)
fi

exec "${command[@]}" pre-deploy "$@"
