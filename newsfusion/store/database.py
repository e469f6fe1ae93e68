"""The SQLite file: opening it, numbered migrations, and the one-writer transaction.

SQLite runs in WAL mode so readers never block the writer. Writes go through
`Database.write()`, which holds an in-process lock and an IMMEDIATE transaction, so there is
one writer at a time across threads and processes; a second process waits up to
`BUSY_TIMEOUT_MS` for the first to commit.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Iterator

from ..errors import StoreError

# A writer holding the lock longer than this means something is stuck; readers are never blocked.
BUSY_TIMEOUT_MS = 60_000

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def migrations() -> list[tuple[int, str, str]]:
    """The numbered schema migrations shipped with the package, in order: (number, name, sql)."""
    folder = resources.files("newsfusion.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort()
    numbers = [number for number, _, _ in found]
    if numbers != list(range(1, len(numbers) + 1)):
        raise StoreError(f"schema migrations are not numbered 1..n ({numbers}); the installation is damaged, reinstall newsfusion")
    return found


def connect(path: str, read_only: bool = False) -> sqlite3.Connection:
    """Open a connection with the pragmas every newsfusion connection uses."""
    try:
        if read_only:
            uri = f"file:{Path(path).resolve()}?mode=ro"
            connection = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        else:
            connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        connection.row_factory = sqlite3.Row
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not read_only:
            mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":
                raise StoreError(f"{path}: cannot switch the database to WAL mode (got {mode}); put it on a local disk")
            # NORMAL in WAL mode never corrupts the file; a power cut may lose the last commits,
            # which the next run ingests again.
            connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA foreign_keys = ON")
        return connection
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: cannot open the database ({exc}); check the path, or move a damaged file aside") from None


class Database:
    """One SQLite file: a connection, the schema brought up to date, and the write lock."""

    def __init__(self, path: str, read_only: bool = False):
        self.path = path
        self.read_only = read_only
        if read_only and not Path(path).exists():
            raise StoreError(f"{path} does not exist; ingest something first, or pass the right --db")
        parent = Path(path).resolve().parent
        if not read_only and not parent.is_dir():
            raise StoreError(f"{path}: folder {parent} does not exist; create it or pass another --db")
        self.connection = connect(path, read_only=read_only)
        self._lock = threading.RLock()
        self._depth = 0
        if read_only:
            self._check_version()
        else:
            self._migrate()

    def close(self) -> None:
        self.connection.close()

    @property
    def schema_version(self) -> int:
        return int(self.connection.execute("PRAGMA user_version").fetchone()[0])

    def _check_version(self) -> None:
        latest = len(migrations())
        if self.schema_version < latest:
            raise StoreError(f"{self.path} has schema {self.schema_version}, this newsfusion needs {latest}; open it once without --read-only to upgrade it")

    def _migrate(self) -> None:
        known = migrations()
        current = self.schema_version
        if current > len(known):
            raise StoreError(
                f"{self.path} has schema version {current}, newer than this newsfusion knows ({len(known)}); upgrade newsfusion"
            )
        for number, name, sql in known[current:]:
            try:
                with self.write() as connection:
                    # executescript would commit our transaction; run statement by statement.
                    for statement in _split_sql(sql):
                        connection.execute(statement)
                    connection.execute(f"PRAGMA user_version = {number}")
            except sqlite3.DatabaseError as exc:
                raise StoreError(f"{self.path}: migration {name} failed ({exc}); the database was left as it was") from None

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, the only way to change the database. Nested calls join the outer one."""
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only; writes are disabled")
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self.connection
                finally:
                    self._depth -= 1
                return
            try:
                self.connection.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise StoreError(f"{self.path}: another process is writing and did not finish within {BUSY_TIMEOUT_MS // 1000} s ({exc}); try again") from None
            self._depth = 1
            try:
                yield self.connection
            except BaseException:
                self.connection.execute("ROLLBACK")
                raise
            else:
                self.connection.execute("COMMIT")
            finally:
                self._depth = 0


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies (BEGIN ... END;) whole."""
    statements: list[str] = []
    current: list[str] = []
    for line in script.splitlines():
        stripped = line.strip()
        if not current and (not stripped or stripped.startswith("--")):
            continue
        current.append(line)
        candidate = "\n".join(current)
        if stripped.endswith(";") and sqlite3.complete_statement(candidate):
            statements.append(candidate)
            current = []
    if "\n".join(current).strip():
        statements.append("\n".join(current))
    return statements
