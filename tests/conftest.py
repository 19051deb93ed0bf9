"""Shared fixtures. Tests talk to the real PostgreSQL the settings point at (never mocked)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from claims.permissions import ANALYST_GROUP, REVIEWER_GROUP


def pytest_report_header(config):
    """One line naming the database server the whole suite runs against."""
    import psycopg
    from django.conf import settings

    db = settings.DATABASES["default"]
    with psycopg.connect(
        host=db.get("HOST") or None,
        port=db.get("PORT") or None,
        user=db.get("USER") or None,
        password=db.get("PASSWORD") or None,
        dbname="postgres",
    ) as conn:
        version = conn.execute("SHOW server_version").fetchone()[0]
    return f"database: postgresql {version}"


@pytest.fixture
def analyst(django_user_model):
    from tests.factories import UserFactory

    return UserFactory(username="ann", groups=[ANALYST_GROUP])


@pytest.fixture
def other_analyst(django_user_model):
    from tests.factories import UserFactory

    return UserFactory(username="bob", groups=[ANALYST_GROUP])


@pytest.fixture
def reviewer(django_user_model):
    from tests.factories import UserFactory

    return UserFactory(username="rev", groups=[REVIEWER_GROUP])


@pytest.fixture
def admin_user(django_user_model):
    from tests.factories import UserFactory

    return UserFactory(username="root", is_superuser=True, is_staff=True)


@pytest.fixture
def roles(db):
    return {name: Group.objects.get(name=name) for name in (ANALYST_GROUP, REVIEWER_GROUP)}
