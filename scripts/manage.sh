#!/usr/bin/env bash
# manage.py with the same environment `make run` uses (a .env file in the repository root).
set -euo pipefail
cd "$(dirname "$0")/.."
# Everything Laurel writes (database, keys, uploads, backups) is for its own user only.
umask 077
if [ -f .env ]; then set -a; . ./.env; set +a; fi
exec .venv/bin/python manage.py "$@"
