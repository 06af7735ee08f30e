#!/usr/bin/env bash
# Run the test suite at the lowest versions kla-cli declares (pyproject.toml's floors), so that
# a floor that no longer works is found here and not by a user.
#
#   scripts/test-lowest.sh [VENV]      (default VENV: .venv-lowest, beside this checkout)
#
# With uv: `uv pip install --resolution lowest-direct` (each direct dependency at its floor);
# without: pip with constraints/lowest.txt, which pins the same floors. Keep the two in step:
# raise a floor in pyproject.toml and in constraints/lowest.txt together.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${1:-.venv-lowest}"
python="${PYTHON:-python3}"

rm -rf "$venv"
"$python" -m venv "$venv"
if command -v uv > /dev/null; then
  uv pip install -q --python "$venv/bin/python" --resolution lowest-direct -e '.[dev]' \
    -c constraints/lowest.txt
else
  "$venv/bin/pip" install -q -c constraints/lowest.txt -e '.[dev]'
fi
"$venv/bin/pip" freeze | grep -i -E '^(typer|pydantic|pyyaml|rich|openpyxl|defusedxml|python-calamine)==' || true
"$venv/bin/python" -m pytest -q -p no:randomly "${@:2}"
