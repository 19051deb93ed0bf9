"""Users, token, registry sources and the corpus of a benchmark run."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.management import call_command
from django.db import connection

from bench import corpus

PASSWORD = "bench-password-123"
LONG_DOCUMENT_SENTENCES = 200
LONG_DOCUMENT_CLAIMS = 100


@dataclass
class Fixture:
    analyst: object
    token: str
    source_ids: list[int]
    annotator_ids: list[int]
    long_document_id: int
    span: tuple[int, int]


def prepare() -> Fixture:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from knox.models import AuthToken

    from claims.models import Sentence, Source

    call_command("seed", verbosity=0)  # the registry (no demo users: DEBUG is off)
    # The seed articles queued their suggestions; the worker beside the server would run
    # spaCy on them in the middle of the measurements.
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.all().delete()
    User = get_user_model()
    analysts = []
    for i in range(4):
        user = User.objects.create_user(username=f"bench-analyst-{i}", password=PASSWORD)
        user.groups.add(Group.objects.get(name="Analyst"))
        analysts.append(user)
    # Exports and lists as an administrator: every claim is in reach, as in the COPY limit.
    admin = User.objects.create_superuser(username="bench-admin", password=PASSWORD, email="")
    token = AuthToken.objects.create(user=admin, expiry=None)[1]  # for the whole run
    source_ids = list(Source.objects.order_by("pk").values_list("pk", flat=True))
    raw = connection.connection if connection.connection else (connection.ensure_connection() or connection.connection)
    [long_id] = corpus.load(
        raw, documents=1, claims_per_document=LONG_DOCUMENT_CLAIMS, annotator_ids=[analysts[0].pk],
        source_ids=source_ids, sentences_per_document=LONG_DOCUMENT_SENTENCES,
    )
    sentence = Sentence.objects.filter(document_id=long_id, kind="body").order_by("index").first()
    return Fixture(analysts[0], token, source_ids, [u.pk for u in analysts], long_id, (sentence.start, sentence.end))


def grow(documents: int, fixture: Fixture, *, claims_per_document: int = 5) -> int:
    if documents <= 0:
        return 0
    connection.ensure_connection()
    done = 0
    while done < documents:  # batches keep the client's memory flat at size L
        batch = min(20_000, documents - done)
        corpus.load(connection.connection, documents=batch, claims_per_document=claims_per_document,
                    target_chars=1500 if claims_per_document <= 5 else 2300, annotator_ids=fixture.annotator_ids,
                    source_ids=fixture.source_ids, seed=done)
        done += batch
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return documents


def claim_count() -> int:
    from claims.models import Claim

    return Claim.objects.count()
