"""The web UI and HTTP API over a newsfusion store (`newsfusion serve`).

`create_app(db_path, token=None, read_only=False)` builds the FastAPI app; `serve(...)` runs
it with uvicorn. See the README's "Web UI and API" section for the routes.
"""

from __future__ import annotations

import ipaddress
import socket
import sys

from ..errors import UsageError
from ..settings import Settings
from .app import create_app

__all__ = ["create_app", "serve"]


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_can_listen(host: str, port: int) -> None:
    """Fail in one line, before uvicorn starts, when the address cannot be listened on."""
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as exc:
        raise UsageError(f"cannot listen on {host}:{port} ({exc.strerror or exc}); pick another --port or --host") from None


def serve(
    db_path: str,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    read_only: bool = False,
    settings: Settings | None = None,
) -> None:
    """Serve the store in `db_path` until interrupted."""
    import uvicorn

    app = create_app(db_path, token=token, read_only=read_only, settings=settings)
    _check_can_listen(host, port)
    if not _is_loopback(host) and token is None and not read_only:
        print(
            f"newsfusion: warning: anyone who can reach {host}:{port} can ingest articles; pass --token or --read-only",
            file=sys.stderr,
        )
    mode = "read-only" if read_only else ("writes need the token" if token else "writes open")
    print(f"newsfusion: serving {db_path} at http://{host}:{port}/ ({mode}); API docs at /docs", file=sys.stderr)
    # Pages poll /api/changes every few seconds: an access log would be mostly that.
    uvicorn.run(app, host=host, port=port, log_level="info", access_log=False)
