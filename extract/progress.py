"""Progress of a build: a bar on a terminal, plain log lines in CI and logs."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Silent progress: what the stages call. Subclasses show it."""

    def stage(self, name: str, total: int = 0) -> None:
        """A stage begins; `total` items (articles, pages) to go, 0 when not counted."""

    def advance(self, count: int = 1) -> None:
        """`count` more items of the current stage are done."""

    def finish(self) -> None:
        """The build is over (success or failure)."""


class LogProgress(Progress):
    """One line when a stage starts and ends, and every 10% of a long stage: readable in CI logs."""

    def __init__(self, stream: TextIO = sys.stderr, clock=time.monotonic) -> None:
        self.stream, self.clock = stream, clock
        self.name, self.total, self.done, self.started, self.next_report = "", 0, 0, 0.0, 0

    def stage(self, name: str, total: int = 0) -> None:
        self._end_stage()
        self.name, self.total, self.done, self.started = name, total, 0, self.clock()
        self.last_advance = self.started
        self.next_report = max(1, total // 10)
        self._line(f"{name}…" + (f" {total} items" if total else ""))

    def advance(self, count: int = 1) -> None:
        self.done += count
        self.last_advance = self.clock()
        if self.total >= 100 and self.done >= self.next_report and self.done < self.total:
            self.next_report += max(1, self.total // 10)
            self._line(f"{self.name}: {self.done}/{self.total} ({self._rate()})")

    def finish(self) -> None:
        self._end_stage()

    def _end_stage(self) -> None:
        if self.name and self.total:
            self._line(f"{self.name}: {self.done}/{self.total} done ({self._rate()})")
        self.name = ""

    def _rate(self) -> str:
        # Up to the last item done, not to when the next stage began.
        elapsed = max(self.last_advance - self.started, 1e-6)
        return f"{self.done / elapsed:.0f}/s"

    def _line(self, text: str) -> None:
        print(f"lode: {text}", file=self.stream, flush=True)


class BarProgress(LogProgress):
    """A one-line bar redrawn in place: stage, items done, rate."""

    WIDTH = 28

    def stage(self, name: str, total: int = 0) -> None:
        self._end_stage()
        self.name, self.total, self.done, self.started = name, total, 0, self.clock()
        self.last_advance = self.started
        self.last_draw = 0.0
        self._draw(force=True)

    def advance(self, count: int = 1) -> None:
        self.done += count
        self.last_advance = self.clock()
        self._draw()

    def _end_stage(self) -> None:
        if self.name:
            self._draw(force=True)
            self.stream.write("\n")
            self.stream.flush()
        self.name = ""

    def _draw(self, force: bool = False) -> None:
        now = self.clock()
        if not force and now - self.last_draw < 0.1:
            return  # redrawing more often than 10 times a second costs more than it shows
        self.last_draw = now
        if self.total:
            filled = int(self.WIDTH * self.done / self.total)
            bar = "█" * filled + "░" * (self.WIDTH - filled)
            text = f"{self.name:<10} {bar} {self.done}/{self.total} {self._rate()}"
        else:
            text = f"{self.name:<10} …"
        self.stream.write("\r\x1b[2K" + text)
        self.stream.flush()


def progress_for(stream: TextIO, quiet: bool = False, environ: dict[str, str] | None = None) -> Progress:
    """A bar on an interactive terminal, log lines elsewhere (CI, pipes), nothing when quiet."""
    if quiet:
        return Progress()
    environ = environ if environ is not None else {}
    interactive = stream.isatty() and not environ.get("CI") and environ.get("TERM") != "dumb"
    return BarProgress(stream) if interactive else LogProgress(stream)
