"""A full disk, for real: run inside a private mount namespace (`unshare --mount`, see test_faults.py), mount a
small tmpfs, build one corpus onto it (it fits), then a second (the new site cannot fit beside the old one).
Prints a JSON account of what happened for the test to judge. Usage: full_disk.py CORPUS_A CORPUS_B FOLDER MB
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.hostile.faults import fingerprint  # noqa: E402

BUILD = Path(__file__).resolve().parents[2] / "build.py"


def build(corpus: Path, out: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(BUILD), "--corpus", str(corpus), "--out", str(out), "--cache", str(cache), "-q"],
                          capture_output=True, text=True, timeout=600)


def main() -> None:
    corpus_a, corpus_b, folder, megabytes = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
    disk = folder / "disk"
    disk.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={megabytes}m", "tmpfs", str(disk)], check=True)
    out, cache = disk / "out" / "site", disk / "cache"
    first = build(corpus_a, out, cache)
    before = fingerprint(out) if out.is_dir() else {}
    second = build(corpus_b, out, cache)
    after = fingerprint(out) if out.is_dir() else {}
    beside = sorted(path.name for path in out.parent.iterdir())
    # Room again: the next build, with the cache the failed one used, must equal a clean build.
    subprocess.run(["mount", "-o", f"remount,size={megabytes * 4}m", str(disk)], check=True)
    third = build(corpus_b, out, cache)
    print(json.dumps({
        "first": [first.returncode, first.stderr], "second": [second.returncode, second.stderr],
        "third": [third.returncode, third.stderr], "unchanged": before == after and bool(before),
        "beside": beside, "after_room": fingerprint(out) if out.is_dir() else {},
        "beside_after_room": sorted(path.name for path in out.parent.iterdir()),
    }))


if __name__ == "__main__":
    main()
