"""Shared fixtures: where things are, and a built copy of the default site."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
DEFAULT_CORPUS = ROOT / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The raw sample scrapes in ../shared/seeds: CI must fail, not skip, without them."""
    if not SEEDS.is_dir() or not any(SEEDS.glob("*.txt")):
        message = f"{SEEDS} is missing: the raw sample articles live in ../shared/seeds beside the project"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return SEEDS


def run_build(*args: str, env: dict[str, str] | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """build.py as a user runs it, in a fresh interpreter."""
    return subprocess.run(
        [sys.executable, str(ROOT / "build.py"), *args],
        capture_output=True, text=True, cwd=cwd, env={**os.environ, **(env or {})}, timeout=600,
    )


@pytest.fixture(scope="session")
def default_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default corpus, built once for the whole test session."""
    out = tmp_path_factory.mktemp("default") / "site"
    result = run_build("--corpus", str(DEFAULT_CORPUS), "--out", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    return out


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` and its bytes, for comparing builds."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
