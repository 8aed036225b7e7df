"""`build.py --serve`: the preview server rebuilds when a corpus file changes."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .conftest import ROOT


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(condition, seconds: float = 20.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            result = condition()
            if result:
                return result
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError("timed out")


def test_serve_previews_and_rebuilds_on_a_corpus_change(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    article = corpus / "note.md"
    article.write_text("---\ntitle: First version\ndate: 2025-01-01\n---\nA paragraph about copper.\n", encoding="utf-8")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "--corpus", str(corpus), "--out", str(tmp_path / "site"),
         "--serve", "--port", str(port), "-q"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "CI": "true"},
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        home = wait_for(lambda: fetch(base))
        assert "First version" in home
        assert "/__lode__/reload.js" in home, "preview pages reload themselves after a rebuild"
        assert "__lode__" not in (tmp_path / "site" / "index.html").read_text(), "the built files stay clean"
        version = fetch(base + "__lode__/version")
        article.write_text("---\ntitle: Second version\ndate: 2025-01-01\n---\nA paragraph about gold.\n", encoding="utf-8")
        wait_for(lambda: "Second version" in fetch(base + "index.html"))
        # The new files are swapped in a moment before the server counts the rebuild: wait for both.
        assert wait_for(lambda: fetch(base + "__lode__/version") != version)
    finally:
        # Ctrl-C stops the preview; a rebuild under way finishes first, which on a loaded machine takes a while
        # (how long is no business of this test: it only must stop).
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
