#!/usr/bin/env bash
# Load the fictional demo batch into the local database (the one `make run` serves): the award
# is loaded and opened first if it is not there yet. Run `make run` afterwards, or beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f .env ]; then set -a; . ./.env; set +a; fi
PY=.venv/bin/python
AWARD_FILE="${LAUREL_AWARD_FILE:-awards/child10-2022.toml}"
$PY manage.py migrate --noinput
$PY manage.py createcachetable
open_now="--open-now"
case "${LAUREL_KEEP_AWARD_DATES:-false}" in 1|true|yes|on) open_now="" ;; esac
$PY manage.py load_award "$AWARD_FILE" --create-only $open_now
$PY manage.py load_demo
