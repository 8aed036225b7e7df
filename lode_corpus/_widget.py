"""The Python side of Lode's browser widget: run a reader's query like a REPL, describe what it gave as data.

The widget's worker calls `start()` once and `Session.run(code)` per query. Output is plain data
(text and table rows) that the page turns into elements with textContent: nothing here is markup.
The same code runs under CPython in the tests.
"""

from __future__ import annotations

import ast
import json
import sys
import time
import traceback
import types
from collections.abc import Callable
from typing import Any

from . import load, use
from .model import Corpus
from .tables import Table, table

FLUSH_SECONDS = 0.05  # stream output to the page at most this often …
FLUSH_CHARS = 8192  # … or when this much is waiting
MAX_OUTPUT = 200_000  # characters of stdout/stderr per query; past that it is dropped, so a print loop cannot swamp the page
MAX_REPR = 20_000
MAX_TABLE_ROWS = 1000
FILENAME = "<query>"
MISSING_MODULE_NOTE = (
    "The widget runs Python's standard library and lode_corpus; other packages (numpy, pandas …) "
    "are not shipped with the site."
)

Emit = Callable[[str, str], None]


class Output:
    """A write-only text stream that forwards to the page in batches and stops at MAX_OUTPUT."""

    def __init__(self, kind: str, emit: Emit, budget: list[int]) -> None:
        self.kind = kind
        self.emit = emit
        self.budget = budget  # shared by stdout and stderr: [characters left]
        self.pending: list[str] = []
        self.size = 0
        self.last = time.monotonic()

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if self.budget[0] <= 0:
            return len(text)
        if len(text) >= self.budget[0]:
            text = text[: self.budget[0]] + f"\n… output stopped after {MAX_OUTPUT:,} characters\n"
            self.budget[0] = 0
        else:
            self.budget[0] -= len(text)
        self.pending.append(text)
        self.size += len(text)
        if self.size >= FLUSH_CHARS or time.monotonic() - self.last >= FLUSH_SECONDS:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self.pending:
            self.emit(self.kind, "".join(self.pending))
            self.pending.clear()
            self.size = 0
        self.last = time.monotonic()

    def isatty(self) -> bool:
        return False

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:
        return "utf-8"


class NoInput:
    """stdin: the widget has no keyboard to read from."""

    def readline(self, *args: object) -> str:
        raise OSError("input() is not available in the widget: put the values in your code")

    read = readline

    def isatty(self) -> bool:
        return False


class Session:
    """One reader's namespace: `articles`, `entities`, `search`, `table`, `clusters`, `figures` and `corpus` to start with."""

    def __init__(self, corpus: Corpus, emit: Emit | None = None) -> None:
        self.corpus = corpus
        self.emit: Emit = emit or (lambda kind, text: None)
        self.namespace: dict[str, Any] = {}
        self.reset()

    def reset(self) -> None:
        """Forget the reader's variables; keep the corpus."""
        import lode_corpus

        self.namespace = {
            "__name__": "__main__",
            "__builtins__": __builtins__,
            "articles": self.corpus.articles,
            "entities": self.corpus.entities,
            "search": self.corpus.search,
            "table": table,
            "clusters": self.corpus.clusters,
            "figures": self.corpus.figures,
            "corpus": lode_corpus,
        }

    def run(self, code: str) -> dict[str, Any]:
        """Run `code`; stdout and stderr stream through `emit` as they come.

        Returns {"ok": bool, "value": repr or None, "table": {...} or None, "error": traceback or None}.
        """
        budget = [MAX_OUTPUT]
        stdout, stderr = Output("stdout", self.emit, budget), Output("stderr", self.emit, budget)
        saved = sys.stdout, sys.stderr, sys.stdin
        sys.stdout, sys.stderr, sys.stdin = stdout, stderr, NoInput()  # type: ignore[assignment]
        try:
            # Showing the value runs the reader's code too (a __repr__ can raise): inside the try.
            return {"ok": True, "error": None, **describe_value(self._execute(code))}
        except BaseException as error:  # noqa: BLE001 - the reader's error, reported to the reader
            return {"ok": False, "value": None, "table": None, "error": describe_error(error)}
        finally:
            stdout.flush()
            stderr.flush()
            sys.stdout, sys.stderr, sys.stdin = saved

    def run_json(self, code: str) -> str:
        """`run` for the browser's worker: the same answer as JSON text, so no Python object crosses over."""
        return json.dumps(self.run(code), ensure_ascii=False)

    def _execute(self, code: str) -> Any:
        tree = ast.parse(code, FILENAME, "exec")
        last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        if last is not None:
            tree.body.pop()
        exec(compile(tree, FILENAME, "exec"), self.namespace)  # noqa: S102 - running the reader's code is the point
        if last is None:
            return None
        value = eval(compile(ast.Expression(last.value), FILENAME, "eval"), self.namespace)  # noqa: S307
        if value is not None:
            self.namespace["_"] = value
        return value


def describe_value(value: Any) -> dict[str, Any]:
    """The last expression's value as the page shows it: a table for tables and lists of corpus
    objects, otherwise its repr, like Python's own prompt."""
    shown = as_table(value)
    if shown is not None:
        data = shown.to_dict()
        data["total"] = len(data["rows"])
        data["rows"] = data["rows"][:MAX_TABLE_ROWS]
        return {"value": None, "table": data}
    if value is None or isinstance(value, types.ModuleType):
        # A module's repr says nothing useful; `help(corpus)` does.
        return {"value": None if value is None else repr(value), "table": None}
    text = repr(value)
    if len(text) > MAX_REPR:
        text = text[:MAX_REPR] + f"… ({len(text) - MAX_REPR:,} more characters)"
    return {"value": text, "table": None}


def as_table(value: Any) -> Table | None:
    if isinstance(value, Table):
        return value
    if hasattr(value, "_lode_rows") and len(value):
        return table(value)
    if isinstance(value, (list, tuple)) and value and all(hasattr(item, "_lode_row") for item in value):
        return table(value)
    return None


def describe_error(error: BaseException) -> str:
    """A traceback as Python prints it, without the widget's own frames."""
    if isinstance(error, ModuleNotFoundError) and MISSING_MODULE_NOTE not in getattr(error, "__notes__", ()):
        error.add_note(MISSING_MODULE_NOTE)
    tb = error.__traceback__
    # Drop frames until the reader's code (or a library it called) begins.
    while tb is not None and tb.tb_frame.f_code.co_filename == __file__:
        tb = tb.tb_next
    if isinstance(error, SyntaxError):
        tb = None
    return "".join(traceback.format_exception(type(error), error, tb))


def start(path: str = "data/corpus.json", emit: Emit | None = None) -> Session:
    """Load the corpus, make it the package's default, and open a session on it."""
    corpus = use(load(path))
    return Session(corpus, emit)
