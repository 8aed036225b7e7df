"""Nothing lost: a build killed at any point, a full disk, a failing write or a second build at the same time
leaves a whole site at the output (the previous one byte-identical unless the new one was already in place),
a cache the next build can use, and nothing new beside the output.

`make fuzz` runs the kills at more points: LODE_KILL_POINTS (default 10 here) and LODE_FUZZ_SEED.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import extract.package
from extract.config import load_config
from extract.package import OutputError, write_site
from extract.pipeline import build

from ..conftest import run_build
from .crash_package import site
from .faults import corpora, fingerprint, kill_points, killed_build

HERE = Path(__file__).resolve().parent
KILL_POINTS = int(os.environ.get("LODE_KILL_POINTS", "10"))
SEED = int(os.environ.get("LODE_FUZZ_SEED", "15"))


@pytest.fixture(scope="module")
def two_sites(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Two corpora and their sites built clean (fresh caches): what every build after a fault must equal."""
    folder = tmp_path_factory.mktemp("faults")
    first, second = corpora(folder)
    references, sizes = {}, {}
    for corpus in (first, second):
        out = folder / f"clean-{corpus.name}" / "site"
        result = run_build("--corpus", str(corpus), "--out", str(out), "--cache", str(folder / f"cache-{corpus.name}"), "-q")
        assert result.returncode == 0, result.stderr
        references[corpus] = fingerprint(out)
        sizes[corpus] = sum(path.stat().st_size for path in out.rglob("*") if path.is_file())
    assert references[first] != references[second]
    return {"corpora": (first, second), "references": references, "bytes": sizes}


def beside(out: Path) -> list[str]:
    return sorted(path.name for path in out.parent.iterdir())


PACKAGE_POINTS = ["files:0", "files:150", "before-swap", "after-swap", "clearing"]


@pytest.mark.parametrize("signal_name", ["SIGKILL", "SIGINT"])
@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "two-renames"])
@pytest.mark.parametrize("point", PACKAGE_POINTS + ["mid-swap"])
def test_the_package_stage_killed_at_each_point_leaves_a_whole_site(tmp_path: Path, point: str, signal_name: str,
                                                                     exchange: bool) -> None:
    if point == "mid-swap" and exchange:
        point = "after-swap"  # one atomic exchange has no instant between two renames; its nearest point
    out = tmp_path / "out" / "site"
    write_site(site("old"), out)
    old, new = fingerprint(out), None
    command = [sys.executable, str(HERE / "crash_package.py"), str(out), point, signal_name] + ([] if exchange else ["--no-exchange"])
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode in (-9, 130), result.stderr
    write_site(site("new"), tmp_path / "reference" / "site")
    new = fingerprint(tmp_path / "reference" / "site")
    if point == "mid-swap":
        # Two renames leave an instant with no output folder; the previous site waits, whole, in a retired folder.
        retired = [path for path in out.parent.iterdir() if path.name.startswith(".site.old-")]
        assert not out.exists() and len(retired) == 1 and fingerprint(retired[0] / "site") == old
    elif point in ("after-swap", "clearing"):
        assert fingerprint(out) == new  # the new site was already in place
    else:
        assert fingerprint(out) == old
    if signal_name == "SIGINT" and point not in ("mid-swap", "clearing"):
        # Interrupted anywhere but in the clean-up itself, a build cleans up after itself.
        assert beside(out) == ["site"]
    # The next build clears what the killed one left (and puts back a retired site first).
    write_site(site("new"), out)
    assert fingerprint(out) == new and beside(out) == ["site"]


def test_builds_killed_at_random_points_lose_nothing(two_sites: dict, tmp_path: Path) -> None:
    """SIGINT and SIGKILL while extracting, rendering, zipping, writing and swapping (LODE_KILL_POINTS of them)."""
    first, second = two_sites["corpora"]
    references = two_sites["references"]
    out, cache = tmp_path / "out" / "site", tmp_path / "cache"
    assert run_build("--corpus", str(first), "--out", str(out), "--cache", str(cache), "-q").returncode == 0
    assert fingerprint(out) == references[first]
    current, outcomes = first, []
    for number, point in enumerate(kill_points(KILL_POINTS, SEED)):
        target = second if current is first else first
        if point.stage == "entities":
            # A cold cache, so that the kill lands in spaCy's work and leaves the cache half filled.
            shutil.rmtree(cache / "ner", ignore_errors=True)
            shutil.rmtree(cache / "entities", ignore_errors=True)
        code, log = killed_build(target, out, cache, point)
        assert code in (-9, 130, 0), f"point {number} ({point}): exit {code}\n{log[-2000:]}"
        now = fingerprint(out)
        assert now in (references[current], references[target]), f"point {number} ({point}) left a mixed site"
        outcomes.append((str(point), "previous" if now == references[current] else "new"))
        if now != references[target] and code != 0:
            assert now == references[current], f"point {number} ({point})"
        # The next build, with the cache the killed one used, succeeds, equals a clean build and leaves nothing beside.
        result = run_build("--corpus", str(target), "--out", str(out), "--cache", str(cache), "-q")
        assert result.returncode == 0, f"after point {number} ({point}): {result.stderr[-2000:]}"
        assert fingerprint(out) == references[target], f"after point {number} ({point}) the build differs from a clean one"
        assert beside(out) == ["site"], f"after point {number} ({point}): {beside(out)}"
        current = target
    print("\n".join(f"{point}: {outcome}" for point, outcome in outcomes))
    assert {point.stage for point in kill_points(KILL_POINTS, SEED)} == {"entities", "render", "zip", "write"}


def unshare_command() -> list[str]:
    """A private mount namespace to mount a tmpfs in: as root directly, otherwise inside a user namespace."""
    if os.geteuid() == 0:
        return ["unshare", "--mount", "--propagation", "private"]
    return ["unshare", "--user", "--map-root-user", "--mount", "--propagation", "private"]


def test_a_full_disk_leaves_the_previous_site_and_a_usable_cache(two_sites: dict, tmp_path: Path) -> None:
    """A real full disk: output and cache on a tmpfs with room for one site and a half, so the new site cannot
    be written beside the old one."""
    first, second = two_sites["corpora"]
    megabytes = two_sites["bytes"][first] * 3 // 2 // 2**20 + 1
    command = unshare_command() + [sys.executable, str(HERE / "full_disk.py"), str(first), str(second), str(tmp_path),
                                   str(megabytes)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, f"could not mount a tmpfs in a private mount namespace: {result.stderr[-2000:]}"
    report = json.loads(result.stdout)
    assert report["first"][0] == 0, report["first"][1]
    assert report["second"][0] == 2 and "No space left on device" in report["second"][1], report["second"][1]
    assert "the previous site is unchanged" in report["second"][1]
    assert report["unchanged"] and report["beside"] == ["site"]
    assert report["third"][0] == 0, report["third"][1]
    assert report["after_room"] == two_sites["references"][second] and report["beside_after_room"] == ["site"]


def test_a_write_error_leaves_the_previous_site_and_the_next_build_equals_a_clean_one(
        two_sites: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = two_sites["corpora"]
    out, cache = tmp_path / "out" / "site", tmp_path / "cache"
    build(first, out, load_config(first, {}), cache=cache)
    before = fingerprint(out)
    written = []
    original = extract.package.write_file

    def failing_write(path: Path, data: bytes) -> None:
        if len(written) == 120:
            raise OSError(errno.EIO, os.strerror(errno.EIO), str(path))
        written.append(path)
        original(path, data)

    monkeypatch.setattr(extract.package, "write_file", failing_write)
    with pytest.raises(OutputError, match="Input/output error.*the previous site is unchanged"):
        build(second, out, load_config(second, {}), cache=cache)
    assert fingerprint(out) == before and beside(out) == ["site"]
    monkeypatch.setattr(extract.package, "write_file", original)
    build(second, out, load_config(second, {}), cache=cache)
    assert fingerprint(out) == two_sites["references"][second] and beside(out) == ["site"]


def test_a_cache_that_cannot_be_written_never_fails_the_build(two_sites: dict, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    first, _ = two_sites["corpora"]

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("extract.cache.tempfile.mkstemp", full)
    build(first, tmp_path / "site", load_config(first, {}), cache=tmp_path / "cache")
    assert fingerprint(tmp_path / "site") == two_sites["references"][first]


def test_two_builds_at_once_on_one_output_end_with_one_whole_site(two_sites: dict, tmp_path: Path) -> None:
    first, second = two_sites["corpora"]
    out = tmp_path / "out" / "site"
    builds = [subprocess.Popen([sys.executable, str(HERE.parents[1] / "build.py"), "--corpus", str(corpus), "--out", str(out),
                                "--cache", str(tmp_path / "cache"), "-q"], stderr=subprocess.PIPE, text=True)
              for corpus in (first, second)]
    results = [(process.wait(timeout=600), process.stderr.read()) for process in builds]
    assert all(code == 0 for code, _ in results), results
    assert fingerprint(out) in (two_sites["references"][first], two_sites["references"][second])
    assert beside(out) == ["site"]
