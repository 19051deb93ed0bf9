"""API throttles whose state lives in PostgreSQL: one statement a request, shared by every
server and worker, whatever the cache.

DRF's own throttles keep the time of every request of the last period in the cache and rewrite
the list at each request; with the database cache that production uses, that is six round
trips (a read, a count of the whole cache table, a transaction, a select, an update, a commit)
and a value that grows with the rate. These keep one number a user or address, updated by one
``INSERT ... ON CONFLICT`` (the generic cell rate algorithm: a rate of N per period lets N
requests through at once, then one every period/N).
"""

from __future__ import annotations

import random

from django.db import connection
from rest_framework import throttling

from claims.models import ThrottleBucket

TABLE = ThrottleBucket._meta.db_table
# The arrival time moves on by one interval per request let through, and only while it stays
# within the tolerance of now; otherwise no row is returned and the request is refused.
_TAKE = f"""
INSERT INTO {TABLE} AS bucket (key, arrival)
SELECT %(key)s, extract(epoch FROM clock_timestamp()) + %(interval)s
ON CONFLICT (key) DO UPDATE
SET arrival = greatest(bucket.arrival, excluded.arrival - %(interval)s) + %(interval)s
WHERE greatest(bucket.arrival, excluded.arrival - %(interval)s) - (excluded.arrival - %(interval)s) <= %(tolerance)s
RETURNING arrival
"""
_WAIT = f"SELECT arrival - extract(epoch FROM clock_timestamp()) - %s FROM {TABLE} WHERE key = %s"
_FORGET = f"DELETE FROM {TABLE} WHERE arrival < extract(epoch FROM clock_timestamp()) - 86400"


class _DatabaseThrottle:
    """The state of DRF's ``SimpleRateThrottle`` subclasses, kept in ``ThrottleBucket``."""

    def allow_request(self, request, view) -> bool:
        if self.rate is None:
            return True
        key = self.get_cache_key(request, view)
        if key is None:
            return True
        interval = self.duration / self.num_requests
        tolerance = self.duration - interval
        with connection.cursor() as cursor:
            if random.random() < 0.001:  # now and then, the buckets idle for a day
                cursor.execute(_FORGET)
            cursor.execute(_TAKE, {"key": key, "interval": interval, "tolerance": tolerance})
            if cursor.fetchone() is not None:
                return True
            cursor.execute(_WAIT, [tolerance, key])
            row = cursor.fetchone()
        self._wait = max(row[0] if row else interval, 0.0)
        return False

    def wait(self) -> float:
        return self._wait


class UserRateThrottle(_DatabaseThrottle, throttling.UserRateThrottle):
    """Per signed-in user (and per address for anonymous requests), ``DEFAULT_THROTTLE_RATES["user"]``."""


class AnonRateThrottle(_DatabaseThrottle, throttling.AnonRateThrottle):
    """Per address for anonymous requests, ``DEFAULT_THROTTLE_RATES["anon"]``."""
