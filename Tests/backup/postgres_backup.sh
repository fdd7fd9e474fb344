#!/usr/bin/env bash
# PostgreSQL backup as the README describes it: serves the demo network on a new database, dumps it with
# pg_dump while it is up, restores the dump into another new database with pg_restore, and checks that
# `huzhu digest` (every table's rows, and the evidence files) is the same for both.
# Usage: postgres_backup.sh HUZHU_BINARY (run as root beside a running PostgreSQL, as CI does).
set -euo pipefail
bin=$1
server=postgres://huzhu_ci:huzhu_ci@127.0.0.1:5432
su postgres -c psql >/dev/null <<'SQL'
DROP DATABASE IF EXISTS huzhu_backup_from;
DROP DATABASE IF EXISTS huzhu_backup_to;
CREATE DATABASE huzhu_backup_from OWNER huzhu_ci;
CREATE DATABASE huzhu_backup_to OWNER huzhu_ci;
SQL
work=$(mktemp -d)
export HUZHU_DATA_DIR="$work" HUZHU_PORT=18150 HUZHU_REMINDER_INTERVAL_MINUTES=0
HUZHU_SECRET_KEY=$(head -c 32 /dev/urandom | base64)
HUZHU_NETWORK_KEY=$(head -c 32 /dev/urandom | base64)
export HUZHU_SECRET_KEY HUZHU_NETWORK_KEY
DATABASE_URL=$server/huzhu_backup_from "$bin" demo >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 300); do curl -sf http://127.0.0.1:18150/healthz >/dev/null && break; sleep 0.2; done
pg_dump --format=custom --no-owner --file="$work/huzhu.dump" "$server/huzhu_backup_from"
DATABASE_URL=$server/huzhu_backup_from "$bin" digest >"$work/from.txt"
kill -TERM "$pid"
wait "$pid"
pg_restore --no-owner --exit-on-error --dbname="$server/huzhu_backup_to" "$work/huzhu.dump"
DATABASE_URL=$server/huzhu_backup_to "$bin" digest >"$work/to.txt"
diff "$work/from.txt" "$work/to.txt"
echo "pg_dump and pg_restore: $(wc -l <"$work/from.txt") digests equal ($(awk '{s+=$2} END {print s}' "$work/from.txt") rows)"
