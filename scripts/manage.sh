#!/usr/bin/env bash
# manage.py with the same environment `make run` uses (a .env file in the repository root).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f .env ]; then set -a; . ./.env; set +a; fi
exec .venv/bin/python manage.py "$@"
