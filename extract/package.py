"""Stage 7, package: the rendered files -> the output folder, all or nothing.

The site is written into a temporary folder beside the output and swapped into
place only when every file is written, so a failed build leaves the previous
site exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
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
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
    try:
        for relative in sorted(files):
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[relative])
        # mkdtemp makes a private (0700) folder; a published site must be world-readable.
        os.chmod(staging, 0o755)
        swap_into_place(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def swap_into_place(staging: Path, out: Path) -> None:
    """Replace `out` by `staging` with two renames; the old site is deleted only after the new one is in place."""
    retired = None
    if out.exists():
        retired = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
        os.rename(out, retired / "site")
    try:
        os.rename(staging, out)
    except OSError:
        if retired is not None:
            os.rename(retired / "site", out)
        raise
    if retired is not None:
        shutil.rmtree(retired, ignore_errors=True)
