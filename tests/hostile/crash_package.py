"""Run the package stage in this process and kill it (SIGKILL, or Ctrl-C) at one exact point of writing and
swapping: tests/hostile/test_faults.py checks what is left. Usage: crash_package.py OUT POINT SIGNAL [--no-exchange]

POINT is one of: files:<n> (after n files of the new site), before-swap, mid-swap (the fallback's instant with
no output folder), after-swap (new site in place, old one not yet deleted), clearing (deleting the old site).
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from extract import package  # noqa: E402


def site(version: str, count: int = 300) -> dict[str, bytes]:
    """A site of `count` files whose every byte says which version it is."""
    files = {f"articles/a{n:03d}.html": f"<p>{version} {n}</p>".encode() * 50 for n in range(count)}
    return files | {"data/corpus.json": f'{{"version": "{version}"}}'.encode(), "index.html": version.encode()}


def main() -> None:
    out, point, signal_name = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    number = getattr(signal, signal_name)

    def die() -> None:
        os.kill(os.getpid(), number)
        signal.pause()  # SIGINT raises KeyboardInterrupt from here; SIGKILL never returns

    if "--no-exchange" in sys.argv:
        package.exchange = lambda first, second: False  # as on a system without renameat2
    if point.startswith("files:"):
        limit, written = int(point.split(":")[1]), [0]
        original_write = package.write_file

        def write_file(path: Path, data: bytes) -> None:
            if written[0] == limit:
                die()
            original_write(path, data)
            written[0] += 1

        package.write_file = write_file
    elif point == "before-swap":
        original_swap = package.swap_into_place
        package.swap_into_place = lambda staging, out: (die(), original_swap(staging, out))
    elif point == "mid-swap":
        original_rename = os.rename

        def rename(source: str, target: str) -> None:
            original_rename(source, target)
            if Path(target).name == "site" and Path(target).parent.name.startswith(f".{out.name}.old-"):
                die()  # the old site retired, the new one not yet in place

        package.os.rename = rename
    elif point == "after-swap":
        original_exchange, original_rename = package.exchange, os.rename

        def exchange(first: Path, second: Path) -> bool:
            done = original_exchange(first, second)
            if done:
                die()
            return done

        def rename(source: str, target: str) -> None:
            original_rename(source, target)
            if Path(target) == out.resolve():
                die()

        package.exchange, package.os.rename = exchange, rename
    elif point == "clearing":
        def rmtree(path, ignore_errors=False):
            victims = sorted(Path(path).rglob("*.html"))
            for victim in victims[: len(victims) // 2]:
                victim.unlink()
            die()

        package.shutil.rmtree = rmtree  # the package module's shutil is this process's
    package.write_site(site("new"), out)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(130)
