#!/usr/bin/env bash
# mypy (with django-stubs) on the core (sdd_portal/) and every app's services, against the
# committed baseline of known errors (mypy-baseline.txt, without line numbers):
#   scripts/mypy.sh check      fail on errors that are not in the baseline (make lint)
#   scripts/mypy.sh baseline   write the current errors as the new baseline (make mypy-baseline)
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-check}"
VENV=.venv

# The django-stubs plugin imports the settings, which start an embedded PostgreSQL and Redis
# unless these are set; the settings only parse them, nothing connects.
export DJANGO_DEBUG=true
export DATABASE_URL="postgres://mypy@127.0.0.1:9/mypy"
export REDIS_URL="redis://127.0.0.1:9/0"

mapfile -t targets < <(
  echo sdd_portal
  git ls-files -- '*/services.py' '*/services/*.py' | grep -v -e '^sdd_portal/' -e '^tests/'
)

out="$(mktemp)"
trap 'rm -f "$out"' EXIT
status=0
"$VENV/bin/mypy" --no-error-summary --no-color-output "${targets[@]}" > "$out" 2>&1 || status=$?
if [ "$status" -gt 1 ]; then  # 1: type errors; anything else: mypy itself failed
  cat "$out" >&2
  echo "mypy failed (exit $status)" >&2
  exit "$status"
fi

if [ "$mode" = baseline ]; then
  "$VENV/bin/mypy-baseline" sync < "$out"
  echo "Wrote mypy-baseline.txt ($(grep -c ": error:" mypy-baseline.txt || true) known errors); commit it."
else
  "$VENV/bin/mypy-baseline" filter < "$out" || {
    echo "New mypy errors (above). Fix them; only if one must stay, run 'make mypy-baseline'." >&2
    exit 1
  }
fi
