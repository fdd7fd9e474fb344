#!/usr/bin/env python3
"""The peer comparison: django-helpdesk 2.6.1 from PyPI in a virtual environment, served by gunicorn on
SQLite (DEBUG off, no mail), loaded with as many tickets as Huzhu's run had contacts, and measured like
Huzhu: ticket creation through /api/tickets/ against contact creation, one ticket and the ticket list
through the API against one contact and the contact list, its search against Huzhu's worker search.
Usage: run.py DATA_DIR COUNT HUZHU_RESULTS_JSON. Prints both tables and the ratios."""
import base64
import json
import os
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from loadgen import lua, one_by_one, table, wrk  # noqa: E402

DATA, COUNT, HUZHU = sys.argv[1], int(sys.argv[2]), sys.argv[3]
PORT = int(os.environ.get("HUZHU_BENCH_PEER_PORT", "18090"))
BASE = f"http://127.0.0.1:{PORT}"
HERE = os.path.dirname(os.path.abspath(__file__))
VENV = os.path.join(DATA, "venv")
ENV = dict(os.environ, PEER_DATA=DATA, DJANGO_SETTINGS_MODULE="peer_settings", PYTHONPATH=HERE)


def venv(tool):
    return os.path.join(VENV, "bin", tool)


def setup():
    os.makedirs(DATA, exist_ok=True)
    if not os.path.exists(venv("gunicorn")):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
        subprocess.run([venv("pip"), "install", "-q", "django-helpdesk==2.6.1", "gunicorn==23.0.0"], check=True)
    subprocess.run([venv("django-admin"), "migrate", "--noinput", "-v", "0"], env=ENV, check=True)
    started = time.perf_counter()
    token, session, queue, ticket = subprocess.run([venv("python"), os.path.join(HERE, "peer_load.py"), str(COUNT)], env=ENV,
                                                   check=True, capture_output=True, text=True).stdout.split()
    print(f"peer loaded to {COUNT:,} tickets in {time.perf_counter() - started:.1f} s")
    return token, session, int(queue), int(ticket)


def timed_or_loaded(name, path, headers):
    """wrk at 8 clients when one request is quick; one request at a time when it is not."""
    started = time.perf_counter()
    with urllib.request.urlopen(urllib.request.Request(BASE + path, headers=headers), timeout=900) as response:
        response.read()
    if time.perf_counter() - started < 1:
        return wrk(name, BASE + path, 8, [f"{k}: {v}" for k, v in headers.items()])
    return one_by_one(name + " (one at a time: too slow for wrk)", BASE + path, headers)


def main():
    token, session, queue, ticket = setup()
    server = subprocess.Popen([venv("gunicorn"), "-w", "5", "-b", f"127.0.0.1:{PORT}", "--timeout", "900",
                               "django.core.wsgi:get_wsgi_application()"], env=ENV, cwd=DATA,
                              stdout=subprocess.DEVNULL, stderr=open(os.path.join(DATA, "gunicorn.log"), "w"))
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(BASE + "/login/", timeout=5).read()
                break
            except OSError:
                time.sleep(0.3)
        auth = {"Authorization": f"Token {token}"}
        create = lua("""
local n = 0
request = function()
  n = n + 1
  local body = '{"queue": %d, "title": "压测来电 ' .. n .. '", "description": "压测：拖欠工资", "submitter_email": "bench' .. n .. '@example.org", "priority": 3}'
  return wrk.format("POST", "/api/tickets/", {["Content-Type"] = "application/json", ["Authorization"] = "Token %s"}, body)
end
""" % (queue, token))
        rows = [wrk("ticket creation POST /api/tickets/", BASE + "/api/tickets/", clients, script=create) for clients in (1, 8)]
        rows.append(timed_or_loaded("one ticket GET /api/tickets/:id/", f"/api/tickets/{ticket}/", auth))
        rows.append(timed_or_loaded("ticket list GET /api/tickets/", "/api/tickets/", auth))
        query = base64.b64encode(json.dumps({"filtering": {}, "sorting": "created", "sortreverse": True,
                                             "search_string": ""}).encode()).decode()
        search = f"/datatables_ticket_list/{query}?draw=1&start=0&length=25&" + urllib.parse.urlencode({"search[value]": "王"})
        rows.append(timed_or_loaded("ticket search 王 (the staff list's search)", search, {"Cookie": f"sessionid={session}"}))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait()

    print(f"## django-helpdesk 2.6.1 (gunicorn, 5 workers, SQLite), {COUNT:,} tickets")
    print()
    print(table(rows))
    ours = {row["name"].split(";")[0] + f"@{row['clients']}": row for row in json.load(open(HUZHU))["rows"]}
    pairs = [
        ("creation, 1 client", rows[0], ours["intake POST /api/v1/contacts (half known workers, half new)@1"]),
        ("creation, 8 clients", rows[1], ours["intake POST /api/v1/contacts (half known workers, half new)@8"]),
        ("one record", rows[2], ours["one contact GET /api/v1/contacts/:id@8"]),
        ("list, first page", rows[3], ours["contacts list, first page@8"]),
        ("search 王, first page", rows[4], ours["worker search by partial name 王, first page@8"]),
    ]
    print()
    print("| comparison | django-helpdesk req/s | Huzhu req/s | throughput ratio | helpdesk p50 ms | Huzhu p50 ms |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, peer, huzhu in pairs:
        print(f"| {name} | {peer['rate']:,.2f} | {huzhu['rate']:,.1f} | {huzhu['rate'] / peer['rate']:,.1f}× "
              f"| {peer['p50']:,.1f} | {huzhu['p50']:,.2f} |")


if __name__ == "__main__":
    main()
