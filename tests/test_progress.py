"""Progress: a redrawn bar on a terminal, plain lines elsewhere."""

from __future__ import annotations

import io

from extract.progress import BarProgress, LogProgress, Progress, progress_for


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 0.25
        return self.now


def test_a_terminal_gets_a_bar_with_stage_count_and_rate() -> None:
    stream = FakeTerminal()
    progress = progress_for(stream, environ={})
    assert isinstance(progress, BarProgress)
    progress.clock = Clock()
    progress.stage("render", 4)
    for _ in range(4):
        progress.advance()
    progress.finish()
    output = stream.getvalue()
    assert "\r" in output and "render" in output and "████" in output and "4/4" in output and "/s" in output


def test_ci_and_pipes_get_log_lines() -> None:
    assert isinstance(progress_for(FakeTerminal(), environ={"CI": "true"}), LogProgress)
    assert not isinstance(progress_for(FakeTerminal(), environ={"CI": "true"}), BarProgress)
    assert type(progress_for(io.StringIO(), quiet=True)) is Progress
    stream = io.StringIO()
    progress = LogProgress(stream, clock=Clock())
    progress.stage("clean", 200)
    for _ in range(200):
        progress.advance()
    progress.finish()
    lines = stream.getvalue().splitlines()
    assert lines[0] == "lode: clean… 200 items"
    assert lines[-1].startswith("lode: clean: 200/200 done (")
    assert 5 <= len(lines) <= 13, "a line every 10%, not every item"
