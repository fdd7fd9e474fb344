"""Kannel (Debian's `kannel`: bearerbox and smsbox) with its fake SMSC (`fakesmsc`, from kannel-extras) on
free ports, and a Huzhu server (the demo) configured to send through it and to receive its calls."""
import importlib.util
import os
import re
import secrets
import socket
import shutil
import subprocess
import tempfile
import time
import urllib.parse
from pathlib import Path

import pytest

# The browser tests' server (a fresh data directory, a free port, the demo), loaded under its own name.
_spec = importlib.util.spec_from_file_location("huzhu_server", Path(__file__).resolve().parents[1] / "browser" / "conftest.py")
_server = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_server)
Server, free_port = _server.Server, _server.free_port

FAKESMSC = os.environ.get("FAKESMSC", "/usr/lib/kannel/test/fakesmsc")
# Debian installs the boxes in /usr/sbin, which is not on every PATH.
BEARERBOX = shutil.which("bearerbox") or "/usr/sbin/bearerbox"
SMSBOX = shutil.which("smsbox") or "/usr/sbin/smsbox"


def wait_for_port(port, seconds=30):
    """Waits until something listens on the loopback port (a box that is slow to start on a busy machine)."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"nothing listens on port {port}")


class Kannel:
    def __init__(self, huzhu_port, secret):
        self.dir = Path(tempfile.mkdtemp(prefix="huzhu-kannel-"))
        self.admin, self.box, self.smsc, self.sendsms = (free_port() for _ in range(4))
        self.secret = secret
        (self.dir / "kannel.conf").write_text(f"""
group = core
admin-port = {self.admin}
admin-password = {secrets.token_hex(8)}
smsbox-port = {self.box}
box-allow-ip = 127.0.0.1
log-file = "{self.dir}/bearerbox.log"
log-level = 1
dlr-storage = internal

group = smsc
smsc = fake
smsc-id = fake
port = {self.smsc}
connect-allow-ip = 127.0.0.1

group = smsbox
bearerbox-host = 127.0.0.1
bearerbox-port = {self.box}
sendsms-port = {self.sendsms}
global-sender = 01062345678
log-file = "{self.dir}/smsbox.log"
log-level = 1
mo-recode = true

group = sendsms-user
username = huzhu
password = kannel-password
max-messages = 10
concatenation = true

group = sms-service
keyword = default
get-url = "http://127.0.0.1:{huzhu_port}/sms/inbound/{secret}?from=%p&to=%P&text=%a"
catch-all = yes
max-messages = 0
""")
        self.processes = []
        self.phone = None

    def start(self):
        conf = str(self.dir / "kannel.conf")
        self.processes.append(subprocess.Popen([BEARERBOX, conf], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT))
        wait_for_port(self.box)
        wait_for_port(self.smsc)
        self.processes.append(subprocess.Popen([SMSBOX, conf], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT))
        wait_for_port(self.sendsms)
        self.connect_phone()

    def connect_phone(self, *messages):
        """The fake SMSC's client, which prints every message the gateway delivers to a phone and sends
        the given messages ('from to text|ucs2 body') as if phones had written them."""
        if self.phone:
            self.phone.terminate()
            self.phone.wait()
        self.phone_log = open(self.dir / f"fakesmsc-{len(self.processes)}.log", "w")
        # fakesmsc needs a message to choose from even when it is to send none (-m 0), or it stops at once.
        self.phone = subprocess.Popen([FAKESMSC, "-H", "127.0.0.1", "-r", str(self.smsc), "-i", "0.5", "-m", str(len(messages)),
                                       *(messages or ["0 0 text unused"])], stdout=self.phone_log, stderr=subprocess.STDOUT,
                                      stdin=subprocess.DEVNULL)
        self.processes.append(self.phone)
        time.sleep(1)

    def delivered(self):
        """The messages phones received: (to, text), the UCS-2 decoded."""
        found = []
        for log in self.dir.glob("fakesmsc-*.log"):
            for line in log.read_text(errors="replace").splitlines():
                match = re.search(r"Got message \d+: <(\S+) (\S+) (\S+) (.*)>", line)
                if match:
                    raw = urllib.parse.unquote_to_bytes(match[4].replace("+", "%20"))
                    text = raw.decode("utf-16-be") if match[3] == "ucs-2" else raw.decode("utf-8", "replace")
                    found.append((match[2], text))
        return found

    def stop(self):
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="session")
def gateway():
    secret = secrets.token_hex(16)
    server = Server()
    kannel = Kannel(server.port, secret)
    server.env.update(HUZHU_SMS_URL=f"http://127.0.0.1:{kannel.sendsms}/cgi-bin/sendsms", HUZHU_SMS_USER="huzhu",
                      HUZHU_SMS_PASSWORD="kannel-password", HUZHU_SMS_SECRET=secret,
                      HUZHU_SMS_CALLBACK_URL=server.url, HUZHU_SMS_GATEWAY_ADDRESSES="127.0.0.1")
    kannel.start()
    server.start()
    yield server, kannel
    server.stop()
    kannel.stop()
