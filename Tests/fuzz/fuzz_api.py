#!/usr/bin/env python3
"""API fuzzing: serves Huzhu with the demo data, then lets Schemathesis generate requests from the served
OpenAPI document (valid and invalid ones) for a bounded time, with a caseworker's token. Fails on any
server error (5xx), on an answer whose status, content type or body the document does not describe, or
if the server crashed. Operations on one record are given the id of a real demo record (a case, contact,
worker, employer and an uploaded evidence file) so that they reach past the 404.
Usage: fuzz_api.py [--bin PATH] [--seconds N] (default: .build/debug/huzhu, 120 s)."""
import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"
# One record of each kind, and the operations that take its id.
RECORDS = {
    "case": r"^/api/v1/cases/\{id\}",
    "contact": r"^/api/v1/contacts/\{id\}$",
    "worker": r"^/api/v1/workers/\{id\}$",
    "employer": r"^/api/v1/employers/\{id\}$",
    "file": r"^/api/v1/files/\{id\}$",
}
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(base, token, path, body=None, content_type="application/json"):
    request = urllib.request.Request(base + path, data=body, headers={"Authorization": f"Bearer {token}"})
    if body is not None:
        request.add_header("Content-Type", content_type)
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def demo_records(base, token):
    """The ids of one demo record of each kind; the evidence file is uploaded to the case."""
    case = next(c for c in call(base, token, "/api/v1/cases")["cases"] if c["workers"] > 0)
    boundary = "huzhu-fuzz-boundary"
    upload = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"dot.png\"\r\n"
              f"Content-Type: image/png\r\n\r\n").encode() + PNG + f"\r\n--{boundary}--\r\n".encode()
    evidence = call(base, token, f"/api/v1/cases/{case['id']}/files", upload, f"multipart/form-data; boundary={boundary}")
    return {
        "case": case["id"],
        "contact": call(base, token, "/api/v1/contacts")["items"][0]["id"],
        "worker": call(base, token, "/api/v1/workers")["items"][0]["id"],
        "employer": call(base, token, "/api/v1/employers")[0]["id"],
        "file": evidence["id"],
    }


def config(records):
    lines = []
    for kind, pattern in RECORDS.items():
        lines += ["[[operations]]", f"include-path-regex = {json.dumps(pattern)}",
                  f"parameters = {{ \"path.id\" = \"{records[kind]}\" }}", ""]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=str(ROOT / ".build" / "debug" / "huzhu"))
    parser.add_argument("--seconds", type=int, default=120)
    args = parser.parse_args()
    args.bin = os.path.abspath(args.bin)  # the server runs in its data folder
    data = tempfile.mkdtemp(prefix="huzhu-fuzz-")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("HUZHU_") and k != "DATABASE_URL"}
    env.update(HUZHU_DATA_DIR=data, HUZHU_PORT=str(port), HUZHU_REMINDER_INTERVAL_MINUTES="0")
    log = open(os.path.join(data, "server.log"), "w")
    server = subprocess.Popen([args.bin, "demo"], env=env, cwd=data, stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        token = subprocess.run([args.bin, "token", "create", "--user", "caseworker", "--name", "fuzz"], env=env,
                               cwd=data, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
        settings = os.path.join(data, "schemathesis.toml")
        Path(settings).write_text(config(demo_records(base, token)))
        fuzz = subprocess.run([
            shutil.which("schemathesis") or "schemathesis", "--config-file", settings, "run",
            base + "/api/v1/openapi.json", "--header", f"Authorization: Bearer {token}",
            "--checks", CHECKS, "--phases", "examples,coverage,fuzzing", "--max-time", str(args.seconds),
            "--workers", "2", "--suppress-health-check", "all"], cwd=data)
        crashed = server.poll() is not None
    finally:
        server.terminate()
        status = server.wait(timeout=60)
    if crashed or status != 0:
        print(f"the server stopped or exited with {status} (see {data}/server.log)")
    sys.exit(1 if fuzz.returncode or crashed or status else 0)


if __name__ == "__main__":
    main()
