#!/usr/bin/env bash
# Refresh the locked dependencies from pyproject.toml (`make lock`), for Python 3.11 on any
# platform, with the hashes of every file:
#   requirements/base.txt  runtime (the Dockerfile installs it)
#   requirements/dev.txt   runtime and the dev extra, runtime pins as in base.txt (bootstrap)
# Pins already in the files are kept; arguments go to uv (--upgrade, --upgrade-package NAME).
# A file whose content did not change keeps its date, so bootstrap does not reinstall.
set -euo pipefail
cd "$(dirname "$0")/.."

compile() {
  .venv/bin/uv pip compile pyproject.toml --quiet --generate-hashes --python-version 3.11 \
    --universal --custom-compile-command "make lock" "$@"
}

before="$(mktemp -d)"
trap 'rm -rf "$before"' EXIT
mkdir -p requirements
for f in base dev; do
  if [ -f "requirements/$f.txt" ]; then cp -p "requirements/$f.txt" "$before/"; fi
done

compile "$@" -o requirements/base.txt
compile "$@" --extra dev -c requirements/base.txt -o requirements/dev.txt

for f in base dev; do
  if cmp -s "$before/$f.txt" "requirements/$f.txt"; then
    touch -r "$before/$f.txt" "requirements/$f.txt"
    echo "requirements/$f.txt: unchanged"
  else
    echo "requirements/$f.txt: updated; commit it"
  fi
done
