"""The load generator of the benchmarks: wrk (Debian's package), with Lua scripts for varied requests.
Each scenario gives throughput, p50, p99 and the count of non-2xx answers; slow single requests are timed
one by one instead (wrk gives up on a request after its timeout)."""
import os
import re
import statistics
import subprocess
import tempfile
import time
import urllib.request

DURATION = os.environ.get("HUZHU_BENCH_SECONDS", "8")


def wrk(name, url, connections, headers=(), script=None):
    """Runs wrk for DURATION seconds; returns the scenario's figures."""
    args = ["wrk", "-t", str(min(connections, 2)), "-c", str(connections), "-d", f"{DURATION}s", "--latency",
            "--timeout", "10s"]
    for header in headers:
        args += ["-H", header]
    if script:
        args += ["-s", script]
    output = subprocess.run(args + [url], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))

    def percentile(p):
        found = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", output)
        if not found:
            return float("nan")
        value, unit = found.groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    timeouts = re.search(r"Socket errors:.*timeout (\d+)", output)
    answered = int(re.search(r"(\d+) requests in", output).group(1))
    return {"name": name, "clients": connections, "rate": rate, "answered": answered, "p50": percentile(50), "p99": percentile(99),
            "errors": (int(errors.group(1)) if errors else 0) + (int(timeouts.group(1)) if timeouts else 0)}


def one_by_one(name, url, headers=None, times=3):
    """Times `times` sequential GETs (for requests too slow for wrk); the figures of the median."""
    seconds = []
    for _ in range(times):
        started = time.perf_counter()
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=900) as response:
            response.read()
        seconds.append(time.perf_counter() - started)
    median = statistics.median(seconds) * 1000
    return {"name": name, "clients": 1, "rate": 1000 / median, "p50": median, "p99": max(seconds) * 1000, "errors": 0}


def lua(body):
    handle = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
    handle.write(body)
    handle.close()
    return handle.name


def table(rows):
    lines = ["| scenario | clients | req/s | p50 ms | p99 ms | non-2xx |", "|---|---:|---:|---:|---:|---:|"]
    for row in rows:
        lines.append(f"| {row['name']} | {row['clients']} | {row['rate']:,.1f} | {row['p50']:.2f} | {row['p99']:.2f} "
                     f"| {row['errors']} |")
    return "\n".join(lines)
