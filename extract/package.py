"""Stage 7, package: the rendered files -> the output folder, all or nothing.

The site is written into a staging folder beside the output (a rename across file systems is a copy, so it
must be beside it) and exchanged with the old one in one atomic rename, so a build that fails, is killed or
fills the disk leaves either the previous site or the new one, whole, never a mix and never nothing. Builds
of one output take turns (a lock on the output's parent folder, which adds no file), and each clears what
a killed one left beside the output: after any build the parent holds nothing new but the output.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class OutputError(Exception):
    """The output folder cannot be (re)placed."""


def check_output(out: Path, corpus: Path, project_files: list[Path] = ()) -> None:
    """Refuse output folders whose replacement would destroy something that is not a Lode site."""
    out, corpus = out.resolve(), corpus.resolve()
    if out == corpus or out in corpus.parents:
        raise OutputError(f"{out}: the output folder would replace the corpus; choose another --out")
    if corpus in out.parents:
        raise OutputError(f"{out}: the output folder is inside the corpus; choose one outside it")
    for path in project_files:
        if path.resolve() == out or out in path.resolve().parents:
            raise OutputError(f"{out}: the output folder holds Lode's own files; choose another --out")
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: exists and is not a folder; choose another --out")
    if out.is_dir() and any(out.iterdir()) and not (out / "data" / "corpus.json").is_file():
        raise OutputError(
            f"{out}: not empty and not a previous Lode site; Lode replaces its output folder whole, so pick an empty or new one"
        )


def write_site(files: dict[str, bytes], out: Path) -> None:
    """Write `files` into a fresh folder and swap it in for `out`."""
    out = out.resolve()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with output_lock(out):
            clear_leftovers(out)
            staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
            try:
                for relative in sorted(files):
                    target = staging / relative
                    target.parent.mkdir(parents=True, exist_ok=True)
                    write_file(target, files[relative])
                # mkdtemp makes a private (0700) folder; a published site must be world-readable.
                os.chmod(staging, 0o755)
                swap_into_place(staging, out)
            finally:
                # After the exchange the staging name holds the previous site; after a failure, the half-written one.
                shutil.rmtree(staging, ignore_errors=True)
    except OSError as error:
        raise OutputError(f"{out}: cannot write the site ({error.strerror or error}); the previous site is unchanged") from error


def write_file(path: Path, data: bytes) -> None:
    """One file of the site (the one place the package stage writes, so tests can make it fail)."""
    path.write_bytes(data)


@contextmanager
def output_lock(out: Path) -> Iterator[None]:
    """Builds of the same output take turns at writing it: two at once each swap in a whole site, and
    the last one stays. The lock is on the parent folder itself, so no lock file is left beside the site."""
    handle = os.open(out.parent, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # closing releases the lock, even if the build is interrupted


def leftovers(out: Path) -> list[Path]:
    """What builds of `out` killed before they could clean up left beside it: staging and retired folders."""
    prefixes = (f".{out.name}.building-", f".{out.name}.old-")
    return sorted(path for path in out.parent.iterdir() if path.name.startswith(prefixes))


def clear_leftovers(out: Path) -> None:
    """Remove the leftovers of killed builds (only ever called holding the lock, when no other build of `out`
    is writing). A build killed between the two renames of the fallback swap left no `out` at all, but its
    previous site in a retired folder: that is put back first."""
    for path in leftovers(out):
        retired = path / "site"
        if path.name.startswith(f".{out.name}.old-") and not out.exists() and (retired / "data" / "corpus.json").is_file():
            os.rename(retired, out)
        shutil.rmtree(path, ignore_errors=True)


RENAME_EXCHANGE = 2  # linux/fs.h
AT_FDCWD = -100


def exchange(first: Path, second: Path) -> bool:
    """Atomically swap two paths (Linux renameat2 RENAME_EXCHANGE); False where the system or file system
    cannot, and the caller falls back to two renames."""
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def swap_into_place(staging: Path, out: Path) -> None:
    """Put `staging` at `out`; the previous site, if any, ends up at `staging` (for the caller to delete).

    One atomic exchange where the system has it: at every instant `out` is the old site or the new one. The
    fallback (two renames) has an instant with no `out`; a build killed there leaves the previous site in a
    retired folder, which the next build puts back (clear_leftovers).
    """
    if not out.exists():
        os.rename(staging, out)
        return
    if exchange(staging, out):
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
    os.rename(out, retired / "site")
    try:
        os.rename(staging, out)
    except BaseException:
        if out.exists():  # interrupted just after the new site went in: the old one is not needed
            shutil.rmtree(retired, ignore_errors=True)
        else:
            os.rename(retired / "site", out)
            os.rmdir(retired)
        raise
    os.rename(retired / "site", staging)  # the caller deletes the old site under the staging name
    os.rmdir(retired)
