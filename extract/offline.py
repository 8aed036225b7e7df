"""The offline copy: the whole site as one deterministic zip that works when unzipped.

Same files, same bytes, same order every time: entries sorted by path, every
timestamp fixed, permissions fixed, no extra fields. The zip never contains
itself (it is made from the offline rendering, before it exists).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

ZIP_NAME = "lode-offline.zip"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can record
# Already-compressed formats gain nothing from deflate.
STORED_SUFFIXES = (".zip", ".gz", ".png", ".jpg", ".jpeg", ".webp", ".woff2", ".whl")


@dataclass(frozen=True)
class Download:
    path: str
    size: int

    @property
    def size_label(self) -> str:
        """'23 MB', '840 KB': rounded, for pages."""
        if self.size >= 10 * 1024 * 1024:
            return f"{self.size / 1024 / 1024:.0f} MB"
        if self.size >= 1024 * 1024:
            return f"{self.size / 1024 / 1024:.1f} MB"
        return f"{max(1, round(self.size / 1024))} KB"


def offline_zip(files: dict[str, bytes], folder: str = "lode-site") -> bytes:
    """`files` in a zip under one folder (unzipping never scatters files), in path order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(files):
            if path == ZIP_NAME:
                continue
            info = zipfile.ZipInfo(f"{folder}/{path}", date_time=FIXED_TIME)
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, so the permissions above mean the same everywhere
            info.compress_type = zipfile.ZIP_STORED if path.endswith(STORED_SUFFIXES) else zipfile.ZIP_DEFLATED
            archive.writestr(info, files[path], compresslevel=9)
    return buffer.getvalue()
