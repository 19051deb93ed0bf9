"""In-app notifications: new assignments, rejected claims, reviewers' comments.

Written by the services that cause them (in their transaction), read by the badge and the
notifications page. Each row belongs to one user; nobody reads anyone else's.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from claims.models import Notification, NotificationKind

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

    from claims.models import Assignment, Review

TEXT_LIMIT = 500


def _cut(text: str) -> str:
    return text if len(text) <= TEXT_LIMIT else text[: TEXT_LIMIT - 1] + "…"


def notify_review(*, review: "Review") -> None:
    """The claim's analyst hears of a rejection, or of a comment left on an approval."""
    claim = review.claim
    if review.decision == "reject":
        kind, what = NotificationKind.REJECTION, "rejected"
    elif review.comment:
        kind, what = NotificationKind.COMMENT, "approved with a comment"
    else:
        return
    comment = f": « {review.comment} »" if review.comment else ""
    Notification.objects.create(
        user_id=claim.annotator_id,
        kind=kind,
        text=_cut(f"Claim {claim.pk} {what} by {review.reviewer.get_username()}{comment}"),
        url=f"/documents/{claim.document_id}/?claim={claim.pk}",
    )


def notify_assignments(*, assignments: Iterable["Assignment"], titles: dict[int, str]) -> None:
    """One notification per analyst per batch of new assignments (not one per document)."""
    per_analyst: dict[int, list["Assignment"]] = {}
    for assignment in assignments:
        per_analyst.setdefault(assignment.analyst_id, []).append(assignment)
    rows = []
    for analyst_id, mine in per_analyst.items():
        first = mine[0]
        text = f"New assignment: {titles.get(first.document_id, first.document_id)}"
        if len(mine) > 1:
            text = f"{len(mine)} new documents assigned to you"
        rows.append(Notification(user_id=analyst_id, kind=NotificationKind.ASSIGNMENT, text=_cut(text), url="/queue/"))
    Notification.objects.bulk_create(rows)


def notification_list(*, user: "AbstractBaseUser") -> QuerySet[Notification]:
    return Notification.objects.filter(user=user)


def unread_count(*, user: "AbstractBaseUser") -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


@transaction.atomic
def notifications_mark_read(*, user: "AbstractBaseUser") -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())
