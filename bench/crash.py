#!/usr/bin/env python3
"""Crash durability: serves Huzhu on the embedded database, drives concurrent intake through the API,
kills the server with SIGKILL at a random moment, and checks on disk that every contact whose creation
was acknowledged (201) is there, intact, and that the database passes its integrity check; then the
same with SIGTERM, which must also let the server finish and exit cleanly. Repeated --kills times.
Usage: crash.py [--kills N] [--clients N] [--bin PATH] (default: the release build in .build-bench).
Exits 1 if anything acknowledged is missing or changed."""
import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid

PORT = int(os.environ.get("HUZHU_CRASH_PORT", "18110"))
BASE = f"http://127.0.0.1:{PORT}"


def start(binary, data, command="serve"):
    env = dict(os.environ, HUZHU_DATA_DIR=data, HUZHU_PORT=str(PORT), HUZHU_REMINDER_INTERVAL_MINUTES="0",
               HUZHU_API_RATE_LIMIT="0")  # a flood of intake is the point here, not a client to slow down
    server = subprocess.Popen([binary, command], env=env, stdout=subprocess.DEVNULL,
                              stderr=open(os.path.join(data, "server.log"), "a"))
    for _ in range(200):
        try:
            urllib.request.urlopen(BASE + "/healthz", timeout=2).read()
            return server
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the server did not start; see server.log")


def intake(token, label, acknowledged, stop):
    """Records contacts until `stop`; keeps (id, summary) of each one answered 201."""
    n = 0
    while not stop.is_set():
        n += 1
        summary = f"crash {label} {n} {uuid.uuid4()}"
        body = json.dumps({"channel": "hotline", "topics": ["wage_arrears"], "summary": summary, "outcome": "advice",
                           "worker": {"full_name": "崩溃测试", "phones": [f"199{random.randrange(10**8):08d}"]}}).encode()
        request = urllib.request.Request(BASE + "/api/v1/contacts", data=body, method="POST", headers={
            "Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                if response.status == 201:
                    acknowledged.append((json.load(response)["id"], summary))
        except (urllib.error.URLError, ConnectionError, OSError, ValueError):
            return  # the server is gone (or going): stop this client


def check(data, acknowledged):
    """Reads the database file as the crash left it: every acknowledged contact (its sealed summary at
    least as long as the words), and the integrity check."""
    db = sqlite3.connect(os.path.join(data, "huzhu.sqlite"))
    lost = 0
    for contact_id, summary in acknowledged:
        key = uuid.UUID(contact_id)  # stored as upper-case text by Fluent's SQLite driver
        # The summary is sealed with the deployment's key: an acknowledged contact is there with its sealed words.
        row = db.execute("SELECT summary_cipher FROM contacts WHERE id IN (?, ?)", (str(key).upper(), key.bytes)).fetchone()
        if row is None or not row[0] or len(row[0]) < len(summary.encode()):
            lost += 1
    integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    db.close()
    return lost, integrity


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--bin", default=os.path.join(os.path.dirname(__file__), "..", ".build-bench", "release", "huzhu"))
    args = parser.parse_args()
    data = tempfile.mkdtemp(prefix="huzhu-crash-")
    demo = start(args.bin, data, "demo")  # migrates and loads the demo network
    demo.send_signal(signal.SIGTERM)
    demo.wait(timeout=60)
    env = dict(os.environ, HUZHU_DATA_DIR=data)
    token = subprocess.run([args.bin, "token", "create", "--user", "caseworker", "--name", "crash"], env=env,
                           capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
    total, failures = 0, 0
    for round_ in range(args.kills + 1):
        graceful = round_ == args.kills  # the last round stops the server with SIGTERM instead
        server = start(args.bin, data)
        acknowledged, stop = [], threading.Event()
        clients = [threading.Thread(target=intake, args=(token, f"{round_}-{i}", acknowledged, stop)) for i in range(args.clients)]
        for client in clients:
            client.start()
        time.sleep(random.uniform(0.5, 3.0))
        server.send_signal(signal.SIGTERM if graceful else signal.SIGKILL)
        status = server.wait(timeout=60)
        stop.set()
        for client in clients:
            client.join()
        lost, integrity = check(data, acknowledged)
        total += len(acknowledged)
        how = "SIGTERM" if graceful else "SIGKILL"
        print(f"{how} {round_ + 1}: {len(acknowledged)} acknowledged, {lost} lost, integrity {integrity}"
              + (f", exit status {status}" if graceful else ""))
        if lost or integrity != "ok" or (graceful and status != 0) or not acknowledged:
            failures += 1
    print(f"{args.kills} kills and one graceful stop: {total} contacts acknowledged, "
          f"{'0 lost' if failures == 0 else str(failures) + ' rounds failed'} (data in {data})")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
