#!/usr/bin/env bash
# The committed OpenAPI document (docs/api/openapi.yaml):
#   scripts/openapi.sh write   regenerate it from the code
#   scripts/openapi.sh check   fail when it differs from the code (drift), then lint it with
#                              the NL API Design Rules ruleset (Spectral): zero errors allowed
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-check}"
PY=.venv/bin/python
SPEC=docs/api/openapi.yaml
tmp="$(mktemp --suffix=.yaml)"
trap 'rm -f "$tmp"' EXIT

DJANGO_DEBUG=true "$PY" manage.py spectacular --validate --fail-on-warn --file "$tmp"
if [ "$mode" = write ]; then
  cp "$tmp" "$SPEC"
  echo "Wrote $SPEC"
elif ! diff -q "$SPEC" "$tmp" >/dev/null 2>&1; then
  echo "$SPEC does not match the code (API drift). Run 'make openapi' and commit the result:" >&2
  diff -u "$SPEC" "$tmp" | head -60 >&2 || true
  exit 1
fi

# Spectral from the npm registry, in its own folder (not in the front-end assets).
dir=.data/spectral
if [ ! -x "$dir/node_modules/.bin/spectral" ]; then
  command -v npm >/dev/null 2>&1 || { echo "Missing: npm (for the Spectral API linter)" >&2; exit 1; }
  mkdir -p "$dir"
  echo '{"private": true}' > "$dir/package.json"
  (cd "$dir" && npm install --no-audit --no-fund --loglevel=error @stoplight/spectral-cli@6.16.3 >/dev/null)
fi
"$dir/node_modules/.bin/spectral" lint --fail-severity=error --display-only-failures \
  -r docs/api/adr-ruleset.yaml "$SPEC"
