"""SQL for outlet template lines: how many articles of an outlet printed a short line."""

from __future__ import annotations

import sqlite3
from typing import Iterable


def outlet_line_counts(connection: sqlite3.Connection, outlet: str, keys: Iterable[int]) -> dict[int, int]:
    keys = list(keys)
    if not keys:
        return {}
    placeholders = ",".join("?" * len(keys))
    rows = connection.execute(
        f"SELECT line_key, articles FROM outlet_lines WHERE outlet = ? AND line_key IN ({placeholders})", (outlet, *keys)
    ).fetchall()
    return {int(key): int(count) for key, count in rows}


def add_outlet_lines(connection: sqlite3.Connection, increments: dict[tuple[str, int], int]) -> None:
    connection.executemany(
        "INSERT INTO outlet_lines (outlet, line_key, articles) VALUES (?, ?, ?)"
        " ON CONFLICT (outlet, line_key) DO UPDATE SET articles = articles + excluded.articles",
        [(outlet, key, count) for (outlet, key), count in increments.items()],
    )
