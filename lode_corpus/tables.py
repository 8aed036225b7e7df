"""table(rows): a list of dicts, objects or tuples shown as a table.

In the widget a Table is drawn as an HTML table; anywhere else it prints as aligned text.
A table is data (column names and rows of strings), never markup.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any

from .model import Article, Entity

MAX_CELL = 300  # characters shown per cell; the full value is still in the data you passed


class Table:
    """Columns and rows of text. `len(t)` rows; `t.columns`; `t.rows` (lists of strings)."""

    def __init__(self, columns: list[str], rows: list[list[str]], title: str | None = None) -> None:
        self.columns = columns
        self.rows = rows
        self.title = title

    def __len__(self) -> int:
        return len(self.rows)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for the widget: {"columns": [...], "rows": [[...], ...], "title": ...}."""
        return {"columns": list(self.columns), "rows": [list(row) for row in self.rows], "title": self.title}

    def __repr__(self) -> str:
        if not self.rows:
            return f"{self.title + ': ' if self.title else ''}(no rows)"
        shown = self.rows[:50]
        widths = [min(40, max(len(c), *(len(row[i]) for row in shown))) for i, c in enumerate(self.columns)]

        def line(cells: list[str]) -> str:
            return "  ".join(_fit(cell, w).ljust(w) for cell, w in zip(cells, widths, strict=True)).rstrip()

        out = [self.title] if self.title else []
        out += [line(self.columns), "  ".join("-" * w for w in widths)] + [line(row) for row in shown]
        if len(self.rows) > len(shown):
            out.append(f"… {len(self.rows) - len(shown)} more rows")
        return "\n".join(out)


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def table(rows: Any, columns: Iterable[str] | None = None, title: str | None = None) -> Table:
    """Show rows as a table.

    rows may be: a list of dicts (keys are columns); objects such as articles, entities, mentions or
    search hits (their most useful fields); dataclasses or named tuples (their fields); plain tuples
    (columns 1, 2, 3 … unless `columns` names them); a dict (two columns: key and value); or single values.
    `columns` picks and orders the columns to show.

        table(articles[:5])
        table(entities.top(10, type="ORG"), columns=["name", "articles"])
        table(articles.count_by("source"), columns=["source", "articles"])
    """
    if isinstance(rows, Table):
        return rows
    if isinstance(rows, Mapping):
        items = [{"key": key, "value": value} for key, value in rows.items()]
    elif hasattr(rows, "_lode_rows"):
        items = rows._lode_rows()
    else:
        items = [_as_row(row) for row in rows]
    wanted = list(columns) if columns is not None else None
    header: list[str] = []
    for item in items:
        for key in item:
            if key not in header:
                header.append(key)
    if wanted is not None:
        positional = [str(i) for i in range(1, len(header) + 1)]
        if header == positional[: len(header)] and len(wanted) <= len(header):
            # Tuples have numbered columns: `columns` names them in order.
            items = [{name: item.get(str(i)) for i, name in enumerate(wanted, start=1)} for item in items]
        else:
            unknown = [c for c in wanted if c not in header]
            if unknown and items:
                raise KeyError(f"no column {unknown[0]!r}; the columns are: {', '.join(header)}")
        header = wanted
    body = [[_cell(item.get(column)) for column in header] for item in items]
    return Table(header, body, title)


def _as_row(row: Any) -> dict[str, Any]:
    if hasattr(row, "_lode_row"):
        return row._lode_row()
    if isinstance(row, Mapping):
        return {str(key): value for key, value in row.items()}
    if dataclasses.is_dataclass(row) and not isinstance(row, type):
        return {field.name: getattr(row, field.name) for field in dataclasses.fields(row)}
    if isinstance(row, tuple) and hasattr(row, "_fields"):
        return dict(zip(row._fields, row, strict=True))
    if isinstance(row, (tuple, list)):
        return {str(i): value for i, value in enumerate(row, start=1)}
    return {"value": row}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Entity):
        return value.name
    if isinstance(value, Article):
        return value.title
    if isinstance(value, float):
        text = f"{value:,.4g}" if abs(value) < 1e15 else repr(value)
    elif isinstance(value, (list, tuple, set, frozenset)):
        text = ", ".join(_cell(v) for v in value)
    else:
        text = str(value)
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"
