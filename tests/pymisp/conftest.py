"""Starts a fresh `jisr serve` on a free port for the PyMISP suite."""

import os
import re
import secrets
import string
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
import requests
from pymisp import PyMISP

ROOT = Path(__file__).resolve().parents[2]


def jisr_binary() -> Path:
    explicit = os.environ.get("JISR_BIN")
    if explicit:
        return Path(explicit)
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    return target / "debug" / "jisr"


def random_key() -> str:
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(40))


class Server:
    def __init__(self, data_dir: str, admin_key: str):
        env = dict(os.environ, JISR_ADMIN_KEY=admin_key, JISR_LOG="warn")
        self.proc = subprocess.Popen(
            [str(jisr_binary()), "serve", "--data", data_dir, "--listen", "127.0.0.1:0"],
            env=env, stderr=subprocess.PIPE, text=True,
        )
        self.url = None
        deadline = time.monotonic() + 60
        assert self.proc.stderr is not None
        while time.monotonic() < deadline:
            line = self.proc.stderr.readline()
            if not line:
                break
            m = re.search(r"listening on (http://\S+)", line)
            if m:
                self.url = m.group(1)
                break
        if self.url is None:
            self.proc.kill()
            raise RuntimeError("jisr did not start")
        self.admin_key = admin_key

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture(scope="session")
def server():
    with tempfile.TemporaryDirectory() as data:
        s = Server(data, random_key())
        try:
            yield s
        finally:
            s.stop()


@pytest.fixture(scope="session")
def admin(server) -> PyMISP:
    return PyMISP(server.url, server.admin_key, ssl=False)


@pytest.fixture
def raw(server):
    """Plain HTTP access, for the error cases PyMISP hides."""
    def call(method, path, key=None, **kw):
        headers = {"Authorization": key or server.admin_key, "Accept": "application/json",
                   "Content-Type": "application/json"}
        headers.update(kw.pop("headers", {}))
        return requests.request(method, server.url + path, headers=headers, timeout=30, **kw)
    return call
