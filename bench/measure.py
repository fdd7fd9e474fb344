#!/usr/bin/env python3
"""Measures a running Huzhu: the indicators (cold, then warm), the reference points (the HTTP floor: a
static asset of the same server; the machine's durable single-row SQLite commit rate), intake at 1 to 64
clients (checking that every acknowledged contact was committed), the phone lookup, a contact, lists and
search (first and deep pages), and a large collective case.
Usage: measure.py BASE_URL TOKEN NETWORK_TOKEN DATA_DIR. The database is the embedded one in DATA_DIR, or
PostgreSQL when DATABASE_URL names it. Prints a Markdown table; writes the figures to DATA_DIR/results.json."""
import json
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid

from loadgen import lua, table, wrk

BASE, TOKEN, NETWORK_TOKEN, DATA = sys.argv[1:5]
POSTGRES = os.environ.get("DATABASE_URL", "").startswith("postgres")
AUTH = f"Authorization: Bearer {TOKEN}"
rows = []


def api(path, token=TOKEN):
    request = urllib.request.Request(BASE + path, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=600) as response:
        return json.load(response)


def sql(query):
    """One value from the database under test."""
    if POSTGRES:
        return subprocess.run(["psql", os.environ["DATABASE_URL"], "-Atc", query], capture_output=True, text=True,
                              check=True).stdout.strip().split("|")
    row = sqlite3.connect(os.path.join(DATA, "huzhu.sqlite")).execute(query).fetchone()
    return [str(uuid.UUID(bytes=v)) if isinstance(v, bytes) else str(v) for v in row]


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


def indicators(name, query, token):
    """The first request after the server started (cold), then the median of five more (warm)."""
    def once():
        started = time.perf_counter()
        api("/api/v1/indicators?" + query, token)
        return (time.perf_counter() - started) * 1000
    cold = once()
    warm = statistics.median(once() for _ in range(5))
    rows.append({"name": f"{name}, cold (first request)", "clients": 1, "rate": 1000 / cold, "p50": cold, "p99": cold, "errors": 0})
    rows.append({"name": f"{name}, warm (median of 5)", "clients": 1, "rate": 1000 / warm, "p50": warm, "p99": warm, "errors": 0})


def intake(known):
    script = lua("""
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
""" % (",".join(f'"{i}"' for i in known), TOKEN))
    for connections in (1, 8, 32, 64):
        before = int(sql("SELECT COUNT(*) FROM contacts")[0])
        row = wrk("intake POST /api/v1/contacts (half known workers, half new)", BASE + "/api/v1/contacts", connections,
                  [AUTH], script)
        time.sleep(0.5)
        committed = int(sql("SELECT COUNT(*) FROM contacts")[0]) - before
        acknowledged = row["answered"] - row["errors"]
        row["name"] += f"; {acknowledged:,} acknowledged, {committed:,} committed"
        rows.append(row)
        # wrk counts the answers it read; a request still in flight when it stops may be committed unread.
        assert 0 < acknowledged <= committed, f"{acknowledged} acknowledged but {committed} committed"


def main():
    contacts_at_start = int(sql("SELECT COUNT(*) FROM contacts")[0])
    indicators("indicators: the network for a year", "scope=network&period_kind=year&period_from=2025-01-01", NETWORK_TOKEN)
    indicators("indicators: an office for a month", "scope=office&period_kind=month&period_from=2026-10-01", TOKEN)

    workers = api("/api/v1/workers")["items"][:40]
    phones = [api(f"/api/v1/workers/{w['id']}?reveal=true")["phones"][0] for w in workers]
    login_page = urllib.request.urlopen(BASE + "/login").read().decode()
    stylesheet = re.search(r'href="(/static/huzhu-[0-9a-f]+\.css)"', login_page).group(1)
    rows.append(wrk("HTTP floor (a static asset of the same server)", BASE + stylesheet, 32))

    intake([w["id"] for w in workers])

    lookup = lua("""
local phones = {%s}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/api/v1/lookup?phone=" .. phones[(n %% #phones) + 1])
end
""" % ",".join(f'"{p}"' for p in phones))
    rows.append(wrk("screen-pop: phone lookup with history", BASE + "/api/v1/lookup", 8, [AUTH], lookup))

    contacts = api("/api/v1/contacts")["items"]
    rows.append(wrk("one contact GET /api/v1/contacts/:id", BASE + f"/api/v1/contacts/{contacts[0]['id']}", 8, [AUTH]))
    rows.append(wrk("contacts list, first page", BASE + "/api/v1/contacts", 8, [AUTH]))
    cursor = None
    for _ in range(40):
        page = api("/api/v1/contacts" + (f"?after={cursor}" if cursor else ""))
        cursor = page.get("next") or cursor
    rows.append(wrk("contacts list, page 41", BASE + f"/api/v1/contacts?after={cursor}", 8, [AUTH]))
    rows.append(wrk("worker search by partial name 王, first page", BASE + "/api/v1/workers?q=%E7%8E%8B", 8, [AUTH]))
    cursor, pages = None, 1
    for _ in range(20):
        page = api("/api/v1/workers?q=%E7%8E%8B" + (f"&after={cursor}" if cursor else ""))
        if not page.get("next"):
            break
        cursor, pages = page["next"], pages + 1
    if pages == 21:
        rows.append(wrk("worker search 王, page 21", BASE + f"/api/v1/workers?q=%E7%8E%8B&after={cursor}", 8, [AUTH]))
    else:
        print(f"worker search 王: {pages} page(s) of results, so page 21 is not measured")

    # The largest case of the token owner's office (a caseworker reads their office's cases).
    case, size = sql("""
        SELECT cw.case_id, COUNT(*) AS n FROM case_workers cw JOIN cases c ON c.id = cw.case_id
        WHERE c.office_id = (SELECT office_id FROM users WHERE login = 'g1.bj.2')
        GROUP BY cw.case_id ORDER BY n DESC LIMIT 1""")
    rows.append(wrk(f"collective case ({size} workers) GET /api/v1/cases/:id", BASE + f"/api/v1/cases/{case}", 8, [AUTH]))

    commits = sqlite_commit_rate()
    print(f"durable single-row SQLite commits/s (WAL, synchronous FULL): {commits:,.0f}")
    print()
    print(table(rows))
    with open(os.path.join(DATA, "results.json"), "w") as handle:
        json.dump({"contacts_at_start": contacts_at_start, "commits_per_second": commits, "rows": rows}, handle, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
