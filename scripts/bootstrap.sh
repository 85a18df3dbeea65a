#!/usr/bin/env bash
# Prepare this machine for `make run` (mode: run) or `make test` (mode: test):
# Debian packages (installed when root), the virtualenv with the Python packages,
# and the front-end assets from npm. Says in one line what is missing otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"
PYTHON="${PYTHON:-python3}"

fail() { echo "Missing: $*" >&2; exit 1; }

# 1. Python 3.11+ with venv.
command -v "$PYTHON" >/dev/null 2>&1 || fail "python3 (3.11 or newer): apt-get install python3 python3-venv"
"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || fail "Python 3.11 or newer (found $("$PYTHON" --version 2>&1))"

# 2. Debian packages: WeasyPrint's libraries and Node.js for the assets; Chromium for tests.
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core)
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
"$PYTHON" -c 'import ensurepip' >/dev/null 2>&1 || packages+=(python3-venv)
if [ "$mode" = test ]; then packages+=(chromium); fi
if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      echo "Installing Debian packages: ${missing[*]}"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
      fail "Debian packages ${missing[*]}: run 'sudo apt-get install ${missing[*]}' (or run make as root)"
    fi
  fi
else
  echo "Note: not a Debian/Ubuntu system; make sure Pango (for WeasyPrint), npm and, for tests, Chromium are installed." >&2
fi
if [ "$mode" = test ] && [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  fail "Chromium at ${CHROMIUM_PATH:-/usr/bin/chromium}: apt-get install chromium (or set CHROMIUM_PATH)"
fi

# 3. Virtualenv with the project and its development tools, exactly as locked
#    (requirements/dev.txt, with hashes; `make lock` refreshes it from pyproject.toml).
LOCK=requirements/dev.txt
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv || fail "python3-venv: apt-get install python3-venv"
fi
if [ ! -f .venv/.installed ] || [ "$LOCK" -nt .venv/.installed ] || [ pyproject.toml -nt .venv/.installed ]; then
  echo "Installing Python packages into .venv ($LOCK)"
  if ! { .venv/bin/python -m pip install --quiet --require-hashes -r "$LOCK" \
         && .venv/bin/python -m pip install --quiet --no-deps -e .; } > .venv/install.log 2>&1; then
    tail -n 20 .venv/install.log >&2
    fail "Python packages could not be installed (full log: .venv/install.log)"
  fi
  touch .venv/.installed
fi

# 4. Front-end assets from npm (never committed).
if [ ! -f static/vendor/htmx/htmx.min.js ] || [ package-lock.json -nt static/vendor/htmx/htmx.min.js ] \
   || { [ "$mode" = test ] && [ ! -f node_modules/axe-core/axe.min.js ]; }; then
  bash scripts/build_assets.sh
fi
