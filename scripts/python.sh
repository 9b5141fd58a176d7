#!/usr/bin/env bash
# The Python the virtual environment is built with (Makefile: PYTHON). Laurel runs on 3.11 and
# newer; the tests are measured faster on 3.12: coverage then follows the code through
# sys.monitoring ([tool.coverage.run] core), which on 3.11 it must trace line by line (the
# SQLite run of `make test` used about a third less CPU; docs/architecture.md, "Tests").
# So: the first of python3.12 or python3.13 that runs, then pyenv's 3.12 or 3.13 if pyenv is
# there, else python3. PYTHON=... on make's command line overrides this.
set -u
for candidate in python3.12 python3.13; do
  if "$candidate" -c "import venv" >/dev/null 2>&1; then
    command -v "$candidate"
    exit 0
  fi
done
if command -v pyenv >/dev/null 2>&1; then
  root=$(pyenv root)
  for version in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.1[23]\.[0-9]+$' | sort -V); do
    if "$root/versions/$version/bin/python3" -c "import venv" >/dev/null 2>&1; then
      echo "$root/versions/$version/bin/python3"
      exit 0
    fi
  done
fi
echo python3
