"""An edit and a review of the same claim at the same moment: the row lock serialises them.

Two threads, each with its own PostgreSQL connection. One takes the claim's row lock and holds
it; the other is shown waiting on that lock in ``pg_stat_activity`` / ``pg_locks`` (no timing
thresholds), then goes on once the first commits, and sees what the first wrote.
"""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection, transaction

from claims import history, services
from claims.models import Claim, ClaimStatus, Review
from claims.services import Link, StaleVersion
from tests.factories import DocumentFactory, SourceFactory

pytestmark = pytest.mark.django_db(transaction=True)
TIMEOUT = 20


@pytest.fixture
def claim(analyst):
    document = DocumentFactory(text="Selon l’agence Mehr, le port est ouvert depuis lundi.\n")
    mehr = SourceFactory(slug="mehr", name="Mehr News Agency")
    start = document.text.index("le port")
    claim = services.claim_create(
        document=document, user=analyst, start=start, end=start + len("le port est ouvert"), tag="sourced",
        chain=[Link(mehr, 0, 6, 19)],
    )
    return services.claim_submit(claim=claim, user=analyst)


class Worker(threading.Thread):
    """Runs ``work`` on its own database connection; keeps its result or exception and its pid."""

    def __init__(self, work):
        super().__init__(daemon=True)
        self.work, self.result, self.error, self.pid, self.finished_at = work, None, None, None, None
        self.started = threading.Event()

    def run(self):
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                self.pid = cursor.fetchone()[0]
            self.started.set()
            self.result = self.work()
        except Exception as exc:  # noqa: BLE001 - handed to the test thread
            self.error = exc
        finally:
            self.finished_at = time.monotonic()
            self.started.set()
            connection.close()


def wait_until_blocked(pid: int) -> dict:
    """Poll the server until backend ``pid`` waits for a lock; return what it waits on."""
    deadline = time.monotonic() + TIMEOUT
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT a.wait_event_type, a.wait_event, l.locktype, l.granted, pg_blocking_pids(a.pid)"
                " FROM pg_stat_activity a LEFT JOIN pg_locks l ON l.pid = a.pid AND NOT l.granted"
                " WHERE a.pid = %s",
                [pid],
            )
            row = cursor.fetchone()
            if row and row[0] == "Lock":
                return {"wait_event_type": row[0], "wait_event": row[1], "locktype": row[2], "granted": row[3], "blocked_by": row[4]}
            time.sleep(0.01)
    raise AssertionError(f"backend {pid} never waited for a lock")


def hold_lock_then(work, locked: threading.Event, release: threading.Event):
    """Do ``work`` inside a transaction and keep it (and its row locks) open until ``release``."""

    def run():
        with transaction.atomic():
            result = work()
            locked.set()
            assert release.wait(TIMEOUT)
            committed = time.monotonic()
        return result, committed

    return run


def test_an_approval_waits_for_a_concurrent_edit_and_sees_it(claim, admin_user, reviewer):
    locked, release = threading.Event(), threading.Event()
    version = claim.version
    editor = Worker(
        hold_lock_then(
            lambda: services.claim_update(claim=claim, user=admin_user, version=version, tag="unsourced"),
            locked, release,
        )
    )
    approver = Worker(lambda: services.claim_review(claim=claim, reviewer=reviewer, decision="approve"))
    editor.start()
    assert locked.wait(TIMEOUT), editor.error
    approver.start()
    assert approver.started.wait(TIMEOUT)

    waiting = wait_until_blocked(approver.pid)
    assert waiting["blocked_by"] == [editor.pid]  # the approval waits for the editor's row lock
    assert approver.is_alive() and not Review.objects.exists()

    release.set()
    editor.join(TIMEOUT), approver.join(TIMEOUT)
    assert editor.error is None and approver.error is None, (editor.error, approver.error)
    _, edit_committed = editor.result
    assert approver.finished_at >= edit_committed  # it finished only after the edit committed

    claim.refresh_from_db()
    review = approver.result
    assert (claim.status, claim.tag, claim.version) == (ClaimStatus.APPROVED, "unsourced", version + 2)
    assert review.decision == "approve" and review.claim.version == version + 2  # it saw the edit
    steps = history.claim_timeline(claim_id=claim.pk)
    assert [(s.action, s.user) for s in steps][-2:] == [("edited", "root"), ("approved", "rev")]
    assert {c.field: (c.before, c.after) for c in steps[-2].changes}["tag"] == ("sourced", "unsourced")


def test_an_edit_waits_for_a_concurrent_approval_and_is_refused_as_stale(claim, admin_user, reviewer):
    locked, release = threading.Event(), threading.Event()
    version = claim.version
    approver = Worker(
        hold_lock_then(lambda: services.claim_review(claim=claim, reviewer=reviewer, decision="approve"), locked, release)
    )
    editor = Worker(lambda: services.claim_update(claim=claim, user=admin_user, version=version, tag="unsourced"))
    approver.start()
    assert locked.wait(TIMEOUT), approver.error
    editor.start()
    assert editor.started.wait(TIMEOUT)

    waiting = wait_until_blocked(editor.pid)
    assert waiting["blocked_by"] == [approver.pid]
    release.set()
    approver.join(TIMEOUT), editor.join(TIMEOUT)

    assert approver.error is None
    assert isinstance(editor.error, StaleVersion)  # refused cleanly: nothing overwritten
    assert editor.error.current.version == version + 1
    claim.refresh_from_db()
    assert (claim.status, claim.tag) == (ClaimStatus.APPROVED, "sourced")
    steps = history.claim_timeline(claim_id=claim.pk)
    assert [(s.action, s.user) for s in steps][-1] == ("approved", "rev")
    assert "edited" not in [s.action for s in steps]


def test_two_bulk_approvals_of_the_same_claims_never_deadlock_and_approve_once(analyst, reviewer, admin_user):
    document = DocumentFactory(text="Un. Deux. Trois. Quatre. Cinq. Six. Sept. Huit.\n")
    ids = []
    for i in range(0, 40, 5):
        made = services.claim_create(document=document, user=analyst, start=i, end=i + 3, tag="unsourced")
        ids.append(services.claim_submit(claim=made, user=analyst).pk)
    barrier = threading.Barrier(2)

    def bulk(user, order):
        def run():
            barrier.wait(TIMEOUT)
            return services.claims_bulk_approve(claim_ids=order, reviewer=user)
        return run

    first, second = Worker(bulk(reviewer, ids)), Worker(bulk(admin_user, list(reversed(ids))))
    first.start(), second.start()
    first.join(TIMEOUT), second.join(TIMEOUT)
    assert first.error is None and second.error is None, (first.error, second.error)
    approved = [c.pk for c in first.result.approved] + [c.pk for c in second.result.approved]
    assert sorted(approved) == sorted(ids)  # each claim approved exactly once
    refused = {**first.result.refused, **second.result.refused}
    assert all("this one is approved" in why for why in refused.values())
    assert Review.objects.count() == len(ids)
    assert set(Claim.objects.values_list("status", flat=True)) == {"approved"}
