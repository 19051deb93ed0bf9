"""The database connection survives a server-side disconnect (CONN_HEALTH_CHECKS)."""

import psycopg
import pytest
from django.core.signals import request_started
from django.db import connection

pytestmark = pytest.mark.django_db(transaction=True)


def test_persistent_connection_survives_a_database_restart():
    """Django runs close_old_connections() at the start of every request; with health checks
    on, a connection the server dropped is replaced instead of failing the request."""
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] and connection.settings_dict["CONN_MAX_AGE"] > 0
    connection.ensure_connection()
    pid = connection.connection.info.backend_pid
    db = connection.settings_dict
    with psycopg.connect(
        host=db["HOST"] or None, port=db["PORT"] or None, user=db["USER"], dbname=db["NAME"], autocommit=True
    ) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])  # what a restart does to it
    request_started.send(sender=None)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        assert cursor.fetchone()[0] != pid


def test_admin_lists_every_model(admin_client):
    for model in ("source", "document", "sentence", "claim", "attribution", "review", "suggestion"):
        assert admin_client.get(f"/admin/claims/{model}/?q=x").status_code == 200, model
