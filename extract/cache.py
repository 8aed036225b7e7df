"""Content-addressed caches in .lode-cache/ (JSON values, or bytes such as card images): nothing changed, nothing recomputed.

Entries are written to a temporary file and renamed into place, so a build
killed mid-write leaves either the whole entry or none; an entry that does not
parse is treated as missing, and one that cannot be written (a full disk) is
not kept: the cache only ever saves time, it never fails a build.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path


def key_of(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


class BytesCache:
    def __init__(self, folder: Path | None, namespace: str) -> None:
        self.folder = folder / namespace if folder is not None else None
        self.hits = self.misses = self.unwritten = 0

    def _path(self, key: str, suffix: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}{suffix}"

    def get(self, key: str, suffix: str = ".bin") -> bytes | None:
        if self.folder is None:
            self.misses += 1
            return None
        try:
            value = self._path(key, suffix).read_bytes()
        except OSError:
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str, value: bytes, suffix: str = ".bin") -> None:
        if self.folder is None:
            return
        path = self._path(key, suffix)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        except OSError:
            self.unwritten += 1  # a full or read-only disk: an entry not kept only costs time next build
            return
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(value)
            os.replace(temporary, path)
        except OSError:
            Path(temporary).unlink(missing_ok=True)
            self.unwritten += 1
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


class JsonCache(BytesCache):
    """JSON values; an entry that does not parse counts as missing."""

    def get(self, key: str, suffix: str = ".json") -> object | None:  # type: ignore[override]
        data = super().get(key, suffix)
        if data is None:
            return None
        try:
            return json.loads(data.decode("utf-8"))
        except ValueError:
            self.hits -= 1
            self.misses += 1
            return None

    def put(self, key: str, value: object, suffix: str = ".json") -> None:  # type: ignore[override]
        super().put(key, json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), suffix)
