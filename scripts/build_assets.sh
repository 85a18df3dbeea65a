#!/usr/bin/env bash
# Install the front-end packages from npm and copy the files the portal serves into
# static/vendor (git-ignored). Nothing from npm is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v npm >/dev/null 2>&1; then
  echo "Missing: npm (Node.js 18 or newer). Install it, e.g. 'apt-get install nodejs npm'." >&2
  exit 1
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
rm -rf static/vendor
mkdir -p static/vendor/utrecht static/vendor/htmx
cp node_modules/@utrecht/component-library-css/dist/index.css static/vendor/utrecht/index.css
cp node_modules/@utrecht/design-tokens/dist/theme.css static/vendor/utrecht/theme.css
cp node_modules/htmx.org/dist/htmx.min.js static/vendor/htmx/htmx.min.js
echo "Front-end assets ready in static/vendor"
