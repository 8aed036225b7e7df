"""Helpers for the fault tests: a site's fingerprint, corpora to switch between, a build killed at a stage."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STAGES = ("entities", "render", "zip", "write")  # extracting, rendering, zipping, writing and swapping
SIGNALS = ("SIGINT", "SIGKILL")


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file under `folder` and the hash of its bytes: two sites are byte-identical when these are equal."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def corpora(target: Path) -> tuple[Path, Path]:
    """The default corpus, and the same with one article more: two sites that differ in every listing."""
    first, second = target / "corpus-a", target / "corpus-b"
    shutil.copytree(ROOT / "corpus", first)
    shutil.copytree(ROOT / "corpus", second)
    (second / "extra.md").write_text(
        "---\ntitle: An extra article about the Saindak copper mine\ndate: 2025-02-03\nsource: Test Desk\n---\n"
        "The Saindak copper and gold project in Chagai produced more metal this year, officials in Quetta said.\n",
        encoding="utf-8")
    return first, second


@dataclass(frozen=True)
class KillPoint:
    stage: str
    signal: str
    delay: float  # seconds after the stage's first log line

    def __str__(self) -> str:
        return f"{self.signal} {self.delay:.2f}s into {self.stage}"


def kill_points(count: int, seed: int) -> list[KillPoint]:
    """Every stage with every signal first, then random ones: `count` points in all, the same for one seed."""
    rng = random.Random(seed)
    points = [KillPoint(stage, name, rng.uniform(0, 0.8)) for stage in STAGES for name in SIGNALS]
    while len(points) < count:
        points.append(KillPoint(rng.choice(STAGES), rng.choice(SIGNALS), rng.uniform(0, 1.5)))
    return points[:count]


def killed_build(corpus: Path, out: Path, cache: Path, point: KillPoint) -> tuple[int, str]:
    """build.py, sent `point.signal` `point.delay` seconds after it logs the start of `point.stage`."""
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "--corpus", str(corpus), "--out", str(out), "--cache", str(cache)],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env={**os.environ, "CI": "true"},
    )
    log = []
    assert process.stderr is not None
    for line in process.stderr:
        log.append(line)
        if line.startswith(f"lode: {point.stage}…"):
            time.sleep(point.delay)
            if process.poll() is None:
                process.send_signal(getattr(signal, point.signal))
            break
    log.extend(process.stderr)
    return process.wait(timeout=600), "".join(log)
