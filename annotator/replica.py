"""Reads on a streaming replica, writes on the primary (``DATABASE_REPLICA_URL``).

Which requests read the replica: ``GET``/``HEAD`` requests of the views named in
``REPLICA_READ_VIEWS`` (lists, exports, statistics, the source network), nothing else. Every
other request, every write, and every read in the same request after a write or inside a
transaction on the primary, goes to the primary.

Lag (read-your-writes): a request that may have written (any other method) answers with a
``primary_lsn`` cookie holding the primary's WAL position after it. While a client carries the
cookie, a replica read first asks the replica whether it has replayed that position
(``pg_last_wal_replay_lsn()``, one cheap query): if so the replica serves it (and the cookie is
dropped), if not the primary does. So a user never misses their own writes however far the
replica lags, and others read data that is at most the replica's lag old. The cookie lasts
``REPLICA_PIN_SECONDS``; a replica that cannot be reached sends the reads to the primary.
"""

from __future__ import annotations

import logging
from contextvars import ContextVar

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import DatabaseError, connections

logger = logging.getLogger(__name__)

REPLICA = "replica"
COOKIE = "primary_lsn"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
# URL names (``name=`` in the urlconfs) whose GET reads may be served by the replica.
REPLICA_READ_VIEWS = frozenset({
    "claims:document-list", "claims:review-queue", "claims:dashboard", "claims:project-list",  # pages
    "claims:source-network", "claims:source-registry", "claims:source-trends",
    "api:document-list", "api:claim-list", "api:source-list",   # API lists
    "api:export-claims", "api:stats", "api:network",            # exports, statistics, the network
})

# Sign-in data is always read from the primary: a session or token created a moment ago must
# be found at once, whatever the replica's lag.
PRIMARY_ONLY_APPS = frozenset({"auth", "sessions", "authtoken", "contenttypes"})

_use_replica: ContextVar[bool] = ContextVar("use_replica", default=False)
_wrote: ContextVar[bool] = ContextVar("wrote", default=False)


class PrimaryReplicaRouter:
    """Reads go to the replica only while ``ReplicaMiddleware`` allows it for this request."""

    def db_for_read(self, model, **hints):
        if model._meta.app_label in PRIMARY_ONLY_APPS:
            return "default"
        if _use_replica.get() and not _wrote.get() and not connections["default"].in_atomic_block:
            return REPLICA
        return "default"

    def db_for_write(self, model, **hints):
        _wrote.set(True)  # later reads of this request see the write: the primary
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same data on both

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


class ReplicaMiddleware:
    """Decides per request whether its reads may use the replica; sets the lag cookie."""

    def __init__(self, get_response):
        if REPLICA not in settings.DATABASES:
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        use, wrote = _use_replica.set(False), _wrote.set(False)
        try:
            response = self.get_response(request)
            if request.method not in SAFE_METHODS and response.status_code < 400:
                lsn = primary_lsn()
                if lsn:
                    response.set_cookie(COOKIE, lsn, max_age=settings.REPLICA_PIN_SECONDS, httponly=True,
                                        samesite="Lax", secure=request.is_secure())
            elif getattr(request, "_replica_caught_up", False):
                response.delete_cookie(COOKIE, samesite="Lax")
            return response
        finally:
            _use_replica.reset(use)
            _wrote.reset(wrote)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method not in SAFE_METHODS or match is None or match.view_name not in REPLICA_READ_VIEWS:
            return None
        pinned = request.COOKIES.get(COOKIE)
        if pinned:
            if not replica_has_replayed(pinned):
                return None  # the replica has not caught up with this client's writes
            request._replica_caught_up = True
        elif not replica_reachable():
            return None
        _use_replica.set(True)
        return None


def primary_lsn() -> str | None:
    """The primary's current WAL position, e.g. ``0/3000148``."""
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT pg_current_wal_lsn()::text")
            return cursor.fetchone()[0]
    except DatabaseError:
        logger.exception("could not read the primary's WAL position")
        return None


def replica_reachable() -> bool:
    try:  # a query, not ensure_connection(): it runs the health check on a kept connection
        with connections[REPLICA].cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except DatabaseError:
        logger.warning("replica unreachable; reading the primary", exc_info=True)
        return False


def replica_has_replayed(lsn: str) -> bool:
    """Whether the replica has replayed the primary's WAL up to ``lsn`` (False if unreachable)."""
    try:
        with connections[REPLICA].cursor() as cursor:
            cursor.execute("SELECT coalesce(pg_last_wal_replay_lsn() >= %s::pg_lsn, false)", [lsn])
            return bool(cursor.fetchone()[0])
    except DatabaseError:
        logger.warning("replica unreachable or cookie unreadable; reading the primary", exc_info=True)
        return False
