"""`tieup serve`: a one-line error for a bad database; served on loopback, read-only
unless the token variable is set."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from tieup.cli import app

runner = CliRunner()


def test_serve_bad_database_one_line_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["serve", "--db", f"sqlite:///{tmp_path}/missing/dir/x.db"])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("tieup: cannot open database")
    assert "--db" in lines[0]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def served(db_url: str) -> Iterator[str]:
    """`tieup serve` in a subprocess, with a token in $WEB_TEST_TOKEN."""
    port = _free_port()
    env = {**os.environ, "WEB_TEST_TOKEN": "tok"}
    command = [sys.executable, "-c", "from tieup.cli import main; main()", "serve",
               "--db", db_url, "--port", str(port), "--token-env", "WEB_TEST_TOKEN"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):  # at most 30 s to start
            try:
                httpx.get(f"{base}/openapi.json", timeout=1)
                break
            except httpx.TransportError:
                assert process.poll() is None, process.stdout.read() if process.stdout else ""
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_answers_on_loopback_with_ingest_behind_token(served: str) -> None:
    body = httpx.get(f"{served}/api/orgs/Renault", timeout=10).json()
    assert body["org"]["id"] == "renault-group"
    unauthorised = httpx.post(f"{served}/api/articles", json={"id": "x", "text": "y"},
                              timeout=10)
    assert unauthorised.status_code == 401
    assert unauthorised.json()["error"]["code"] == "unauthorized"
