"""Starts a real Huzhu server from the built binary, with the demo data, for the browser and CLI tests.

HUZHU_BIN names the binary (default: .build/debug/huzhu). Each test session gets a fresh data
directory and a free port on the loopback interface.
"""
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEMO_PASSWORD = "huzhu-demo"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self):
        self.binary = os.environ.get("HUZHU_BIN", str(ROOT / ".build" / "debug" / "huzhu"))
        self.data = tempfile.mkdtemp(prefix="huzhu-e2e-")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("HUZHU_") and k != "DATABASE_URL"}
        self.clock = Path(self.data) / "clock"
        self.env.update(HUZHU_DATA_DIR=self.data, HUZHU_PORT=str(self.port), HUZHU_TEST_CLOCK_FILE=str(self.clock))
        self.log = open(Path(self.data) / "server.log", "w")

    def command(self, *args):
        return subprocess.run([self.binary, *args], env=self.env, cwd=self.data, capture_output=True,
                              text=True, timeout=120)

    def start(self):
        self.process = subprocess.Popen([self.binary, "demo"], env=self.env, cwd=self.data,
                                        stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as response:
                    if json.load(response)["database"] == "up":
                        return
            except OSError:
                time.sleep(0.3)
            if self.process.poll() is not None:
                break
        raise RuntimeError("Huzhu did not start:\n" + (Path(self.data) / "server.log").read_text())

    def set_time(self, moment):
        """Moves the server's clock to `moment` (an aware datetime); None gives it back the real time."""
        if moment is None:
            self.clock.unlink(missing_ok=True)
        else:
            self.clock.write_text(moment.strftime("%Y-%m-%dT%H:%M:%SZ"))

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()
        shutil.rmtree(self.data, ignore_errors=True)

    def output(self):
        return (Path(self.data) / "server.log").read_text()


@pytest.fixture(scope="session")
def server():
    server = Server()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                     "--lang=zh-CN"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh"})
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")),
                              options=options)
    driver.implicitly_wait(5)
    yield driver
    driver.quit()
