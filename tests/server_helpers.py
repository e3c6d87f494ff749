"""A real resgestae server (uvicorn in a subprocess) on a free loopback port, for tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

CHROMIUM = Path("/usr/bin/chromium")  # Debian's chromium (`make browser`), never a downloaded one
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


@contextmanager
def chromium() -> Iterator[object]:
    """A headless Chromium (Playwright's `Browser`) for one test module; skips the
    test when Playwright is not installed."""
    import pytest

    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield browser
        browser.close()


def screenshot_path(name: str, tmp: Path) -> Path:
    """Where a browser test writes its screenshot `name`: under `tmp` (the test's own
    temporary folder), unless RESGESTAE_SCREENSHOTS names a folder, e.g.
    `RESGESTAE_SCREENSHOTS=tests/artifacts` to refresh the committed screenshots on purpose."""
    folder = Path(os.environ.get("RESGESTAE_SCREENSHOTS") or tmp)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`resgestae serve --db DB [args]` on 127.0.0.1; stopped by `stop()`."""

    def __init__(self, db: Path, token: str | None = None, log: Path | None = None,
                 wait: float = 60.0, args: tuple[str, ...] = ()) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {k: v for k, v in os.environ.items() if k != "RESGESTAE_TOKEN"}
        if token:
            env["RESGESTAE_TOKEN"] = token
        self.log = open(log or db.with_suffix(".log"), "wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-c", "import sys; from resgestae.cli import main; sys.exit(main())",
             "serve", "--db", str(db), "--port", str(self.port), *args],
            stdout=self.log, stderr=subprocess.STDOUT, env=env,
        )
        self._wait(wait)

    def _wait(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                code, log = self.proc.returncode, self.log.name
                raise RuntimeError(f"server exited with {code}: see {log}")
            try:
                if httpx.get(self.url + "/v1/stats", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"server did not answer within {timeout} s")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()
