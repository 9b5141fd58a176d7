#!/usr/bin/env bash
# Prepare and serve Laurel: gunicorn (web) and one task worker; Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
# Everything Laurel writes (database, keys, uploads, backups) is for its own user only.
umask 077
# A .env file in the repository root, if there is one, sets the environment (see .env.example).
if [ -f .env ]; then set -a; . ./.env; set +a; fi
PY=.venv/bin/python
PORT="${PORT:-8000}"
AWARD_FILE="${LAUREL_AWARD_FILE:-awards/child10-2022.toml}"

$PY manage.py migrate --noinput
$PY manage.py createcachetable
$PY manage.py collectstatic --noinput --verbosity 0
# The default award is loaded once; later edits in the staff area are kept. A window already
# past is opened from today for eight weeks, unless LAUREL_KEEP_AWARD_DATES=true.
open_now="--open-now"
case "${LAUREL_KEEP_AWARD_DATES:-false}" in 1|true|yes|on) open_now="" ;; esac
$PY manage.py load_award "$AWARD_FILE" --create-only $open_now
$PY manage.py ensure_first_staff

pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

$PY manage.py laurel_worker --queue-name '*' --no-reload --interval 1 &
pids+=($!)
.venv/bin/gunicorn config.wsgi \
  --bind "${BIND:-127.0.0.1}:$PORT" \
  --workers "${WEB_WORKERS:-2}" \
  --threads "${WEB_THREADS:-1}" \
  --graceful-timeout 20 \
  --forwarded-allow-ips "${FORWARDED_ALLOW_IPS:-127.0.0.1}" &
pids+=($!)
echo "Laurel is serving on http://127.0.0.1:$PORT/ (Ctrl-C stops it)"
# Stop everything as soon as either process ends.
wait -n
