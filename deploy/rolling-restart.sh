#!/usr/bin/env bash
# Restarts Kedu instances behind nginx one at a time, with no failed request (docs/deploy.md).
#
#   deploy/rolling-restart.sh 3001 3002
#
# For each port: mark the instance `down` in nginx's upstream file and reload nginx (new requests
# go to the others; requests already sent to it finish), restart it (SIGTERM lets its in-flight
# requests finish), wait until its /healthz answers 200, put it back and reload.
# Settings (environment), with the defaults of the recipe in docs/deploy.md:
#   KEDU_UPSTREAM_FILE   /etc/nginx/kedu-upstream.conf
#   KEDU_NGINX_RELOAD    nginx -s reload
#   KEDU_RESTART         systemctl restart kedu@{port}      ({port} is replaced)
#   KEDU_HOST            127.0.0.1                          (where /healthz of each instance answers)
#   KEDU_DRAIN_SECONDS   2                                  (for nginx's old workers to hand over)
#   KEDU_HEALTH_SECONDS  120                                (the longest a start may take)
set -euo pipefail

upstream_file=${KEDU_UPSTREAM_FILE:-/etc/nginx/kedu-upstream.conf}
reload=${KEDU_NGINX_RELOAD:-nginx -s reload}
restart=${KEDU_RESTART:-systemctl restart kedu@\{port\}}
host=${KEDU_HOST:-127.0.0.1}
drain=${KEDU_DRAIN_SECONDS:-2}
health_seconds=${KEDU_HEALTH_SECONDS:-120}

[ "$#" -gt 0 ] || { echo "usage: $0 <port> [<port> …]" >&2; exit 2; }
[ -w "$upstream_file" ] || { echo "cannot write the upstream file $upstream_file (KEDU_UPSTREAM_FILE)" >&2; exit 2; }

# `server <host>:<port> …;` ⇄ `server <host>:<port> down …;`
mark_down() { sed -i -E "s/^([[:space:]]*server[[:space:]]+[^[:space:]]+:$1)([[:space:]])/\1 down\2/" "$upstream_file"; }
mark_up() { sed -i -E "s/^([[:space:]]*server[[:space:]]+[^[:space:]]+:$1) down([[:space:]])/\1\2/" "$upstream_file"; }

for port in "$@"; do
  grep -Eq "^[[:space:]]*server[[:space:]]+[^[:space:]]+:$port[[:space:]]" "$upstream_file" || { echo "port $port is not in $upstream_file" >&2; exit 2; }
  echo "[$port] out of the pool"
  mark_down "$port"
  # put it back whatever happens next: an instance left `down` would quietly halve the capacity
  trap 'mark_up "$port"; $reload' EXIT
  $reload
  sleep "$drain"
  echo "[$port] restarting"
  bash -c "${restart//\{port\}/$port}"
  deadline=$((SECONDS + health_seconds))
  until curl -fsS -o /dev/null "http://$host:$port/healthz"; do
    if [ "$SECONDS" -ge "$deadline" ]; then echo "[$port] not healthy after ${health_seconds} s; it stays out of the pool" >&2; trap - EXIT; exit 1; fi
    sleep 0.5
  done
  mark_up "$port"
  trap - EXIT
  $reload
  echo "[$port] healthy and back in the pool"
  sleep "$drain"
done
