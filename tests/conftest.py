"""Shared fixtures: where things are, and a built copy of the default site."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
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


def run_build(*args: str, env: dict[str, str] | None = None, cwd: Path = ROOT,
              prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    """build.py as a user runs it, in a fresh interpreter (after `prefix`, a command that runs it)."""
    return subprocess.run(
        [*prefix, sys.executable, str(ROOT / "build.py"), *args],
        capture_output=True, text=True, cwd=cwd, env={**os.environ, **(env or {})}, timeout=600,
    )


def as_a_user() -> tuple[str, ...]:
    """A command prefix that runs a program bound by file permissions. Root (CI runs as root) reads files whose
    permissions forbid it; without the capabilities that let it (setpriv drops them) it is refused like anyone."""
    if os.geteuid() != 0:
        return ()
    return ("setpriv", "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-all")


def built(tmp_path_factory: pytest.TempPathFactory, corpus: Path, name: str) -> Path:
    """`corpus` built by build.py into a fresh temporary folder; the site's folder."""
    out = tmp_path_factory.mktemp(name) / "site"
    result = run_build("--corpus", str(corpus), "--out", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def default_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default corpus, built once for the whole test session."""
    return built(tmp_path_factory, DEFAULT_CORPUS, "default")


# Markup and script in every field a Markdown article has: nothing of it may reach a page as markup.
HOSTILE = """---
title: "<script>alert('title')</script> & friends"
source: "<img src=x onerror=alert(1)>"
url: "javascript:alert(1)"
date: 2025-01-02
---
Body with <script>alert('body')</script> and <b>raw html</b> and a [bad link](javascript:alert(2)).

## Heading <iframe src=//evil.example>
"""


@pytest.fixture(scope="session")
def seeds_site(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    """The raw samples in ../shared/seeds, built once for the whole test session."""
    return built(tmp_path_factory, seeds_dir, "seeds")


@pytest.fixture(scope="session")
def hostile_corpus_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A corpus of hostile text in files and folders named like the site's own (embed, search, python, EMBED)."""
    corpus = tmp_path_factory.mktemp("hostile-corpus")
    for name in ["embed.md", "search/python.md", "EMBED/index.md", "embed/embed.md", "static/404.md"]:
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        # Each file its own text, or the build would merge them as copies of one article.
        (corpus / name).write_text(HOSTILE + f"\nOnly {name} has this paragraph.\n", encoding="utf-8")
    out = tmp_path_factory.mktemp("hostile") / "site"
    result = run_build("--corpus", str(corpus), "--out", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    return out


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` and its bytes, for comparing builds."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@dataclass(frozen=True)
class HostileBuild:
    corpus: Path
    site: Path
    report: Path
    cases: list  # tests.hostile.corpus.Expected, one per file or crawler record
    result: subprocess.CompletedProcess


@pytest.fixture(scope="session")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> HostileBuild:
    """The hostile suite's corpus (tests/hostile/corpus.py) built once, with its curator's report."""
    from .hostile.corpus import write_hostile_corpus

    folder = tmp_path_factory.mktemp("hostile-suite")
    cases = write_hostile_corpus(folder / "corpus", folder / "outside")
    site, report = folder / "out" / "site", folder / "report.csv"
    result = run_build("--corpus", str(folder / "corpus"), "--out", str(site), "--cache", str(folder / "cache"),
                       "--report", str(report), prefix=as_a_user())
    assert result.returncode == 0, result.stderr
    return HostileBuild(folder / "corpus", site, report, cases, result)
