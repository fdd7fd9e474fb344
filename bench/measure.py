#!/usr/bin/env python3
"""Measures a running Huzhu with wrk (Debian's package): intake, the phone lookup, lists and search
(first and deep pages), a large case, the indicators dashboard, plus two reference points: the HTTP floor
(a static asset of the same server) and the machine's durable single-row SQLite commit rate.
Usage: measure.py BASE_URL TOKEN DATA_DIR. Prints a Markdown table."""
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid

BASE, TOKEN, DATA = sys.argv[1], sys.argv[2], sys.argv[3]
DURATION = os.environ.get("HUZHU_BENCH_SECONDS", "8")
rows = []


def api(path):
    request = urllib.request.Request(BASE + path, headers={"Authorization": f"Bearer {TOKEN}"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)


def wrk(name, path, connections, script=None):
    """Runs wrk for DURATION seconds and records throughput, p50 and p99."""
    args = ["wrk", "-t", str(min(connections, 2)), "-c", str(connections), "-d", f"{DURATION}s", "--latency",
            "-H", f"Authorization: Bearer {TOKEN}"]
    if script:
        args += ["-s", script]
    output = subprocess.run(args + [BASE + path], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    def percentile(p):
        value, unit = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", output).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    rows.append((name, connections, rate, percentile(50), percentile(99), int(errors.group(1)) if errors else 0))


def lua(body):
    handle = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
    handle.write(body)
    handle.close()
    return handle.name


def sqlite_commit_rate(seconds=3):
    """Single-row transactions with WAL and synchronous FULL, as Huzhu's embedded database commits."""
    path = os.path.join(tempfile.mkdtemp(), "commit.sqlite")
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
    count, end = 0, time.perf_counter() + seconds
    while time.perf_counter() < end:
        db.execute("BEGIN")
        db.execute("INSERT INTO t (v) VALUES ('x')")
        db.execute("COMMIT")
        count += 1
    return count / seconds


def main():
    workers = api("/api/v1/workers")["items"][:40]
    phones = [api(f"/api/v1/workers/{w['id']}?reveal=true")["phones"][0] for w in workers]
    ids = [w["id"] for w in workers]
    stylesheet = re.search(r'href="(/static/huzhu-[0-9a-f]+\.css)"', urllib.request.urlopen(BASE + "/login").read().decode()).group(1)
    wrk("HTTP floor (static asset)", stylesheet, 32)

    intake = lua("""
local known = {%s}
local n = 0
request = function()
  n = n + 1
  local body
  if n %% 2 == 0 then
    body = '{"channel":"hotline","topics":["wage_arrears"],"summary":"压测来电","outcome":"advice","worker_id":"' .. known[(n %% #known) + 1] .. '"}'
  else
    body = '{"channel":"hotline","topics":["overtime"],"summary":"压测新工友","outcome":"advice","worker":{"full_name":"压测工友","phones":["139' .. string.format("%%08d", (n * 7919 + math.random(0, 7918)) %% 100000000) .. '"]}}'
  end
  return wrk.format("POST", "/api/v1/contacts", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer %s"}, body)
end
""" % (",".join(f'"{i}"' for i in ids), TOKEN))
    for connections in (1, 8, 32, 64):
        wrk("intake POST /api/v1/contacts", "/api/v1/contacts", connections, intake)

    lookup = lua("""
local phones = {%s}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/api/v1/lookup?phone=" .. phones[(n %% #phones) + 1])
end
""" % ",".join(f'"{p}"' for p in phones))
    wrk("screen-pop lookup", "/api/v1/lookup", 8, lookup)

    wrk("contacts list, first page", "/api/v1/contacts", 8)
    cursor = None
    for _ in range(40):
        page = api("/api/v1/contacts" + (f"?after={cursor}" if cursor else ""))
        cursor = page.get("next") or cursor
    wrk("contacts list, page 41", f"/api/v1/contacts?after={cursor}", 8)
    wrk("worker search by partial name, first page", "/api/v1/workers?q=%E7%8E%8B", 8)
    cursor = None
    for _ in range(20):
        page = api("/api/v1/workers?q=%E7%8E%8B" + (f"&after={cursor}" if cursor else ""))
        cursor = page.get("next") or cursor
    wrk("worker search by partial name, page 21", f"/api/v1/workers?q=%E7%8E%8B&after={cursor}", 8)

    db = sqlite3.connect(os.path.join(DATA, "huzhu.sqlite"))
    # The largest case of the token owner's office (a caseworker reads their office's cases).
    case, size = db.execute("""
        SELECT cw.case_id, COUNT(*) AS n FROM case_workers cw JOIN cases c ON c.id = cw.case_id
        WHERE c.office_id = (SELECT office_id FROM users WHERE login = 'g1.bj.2')
        GROUP BY cw.case_id ORDER BY n DESC LIMIT 1""").fetchone()
    case = str(uuid.UUID(bytes=case)) if isinstance(case, bytes) else case
    wrk(f"collective case ({size} workers) GET /api/v1/cases/:id", f"/api/v1/cases/{case}", 8)

    print(f"durable SQLite commits/s (WAL, synchronous FULL): {sqlite_commit_rate():.0f}")
    print()
    print("| scenario | clients | req/s | p50 ms | p99 ms | non-2xx |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, connections, rate, p50, p99, errors in rows:
        print(f"| {name} | {connections} | {rate:,.0f} | {p50:.2f} | {p99:.2f} | {errors} |")


if __name__ == "__main__":
    main()
