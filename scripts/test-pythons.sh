#!/usr/bin/env bash
# Run the test suite on every supported Python (3.11, 3.12, 3.13) this machine has, each in its
# own venv outside the checkout, and say which passed.
#
#   scripts/test-pythons.sh [VENV_ROOT] [PYTEST_ARGS...]   (default VENV_ROOT: ../venvs-kla)
#
# An interpreter is looked for as python3.X on PATH, then under ~/.pyenv/versions/3.X.*.
set -uo pipefail
cd "$(dirname "$0")/.."
root="${1:-../venvs-kla}"
failed=0
for minor in 3.11 3.12 3.13; do
  python="$(command -v "python$minor" || true)"
  if [ -z "$python" ]; then
    python="$(ls -d "$HOME"/.pyenv/versions/"$minor".*/bin/python 2>/dev/null | sort -V | tail -n 1)"
  fi
  if [ -z "$python" ]; then
    echo "python $minor: not found, skipped"
    continue
  fi
  venv="$root/py$minor"
  "$python" -m venv "$venv" && "$venv/bin/pip" install -q -c constraints/ci.txt -e '.[dev]' \
    && "$venv/bin/python" -m pytest -q -p no:randomly "${@:2}"
  code=$?
  echo "python $minor ($("$python" --version 2>&1)): exit $code"
  [ "$code" -eq 0 ] || failed=1
done
exit "$failed"
