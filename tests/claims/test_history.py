"""The audit history: triggers catch every write (services, bulk updates, admin), with the user."""

import pghistory
import pytest
from django.db import transaction

from claims import history, services
from claims.models import Claim, ClaimEvent
from claims.services import Link
from tests.factories import PASSWORD, DocumentFactory, SourceFactory

pytestmark = pytest.mark.django_db

TEXT = "Une source a annoncé l’arrivée des troupes, selon l’agence Mehr citant al-Nahrain.\nFin.\n"


@pytest.fixture
def document():
    return DocumentFactory(text=TEXT)


@pytest.fixture
def mehr():
    return SourceFactory(slug="mehr", name="Mehr News Agency")


@pytest.fixture
def nahrain():
    return SourceFactory(slug="al-nahrain", name="al-Nahrain")


@pytest.fixture
def claim(document, analyst, mehr, nahrain):
    start = TEXT.index("l’arrivée")
    return services.claim_create(
        document=document,
        user=analyst,
        start=start,
        end=start + len("l’arrivée des troupes"),
        tag="sourced",
        chain=[Link(mehr, 0), Link(nahrain, 1)],
    )


def changes_of(step):
    return {c.field: (c.before, c.after) for c in step.changes}


def test_a_claim_lifecycle_is_a_timeline_of_steps_with_users(claim, analyst, reviewer, mehr, django_assert_max_num_queries):
    claim = services.claim_submit(claim=claim, user=analyst)
    services.claim_review(claim=claim, reviewer=reviewer, decision="reject", comment="Chain order <b>wrong</b>", reason="wrong_chain_order")
    claim.refresh_from_db()
    claim = services.claim_update(claim=claim, user=analyst, version=claim.version, chain=[Link(mehr, 0)])
    claim = services.claim_submit(claim=claim, user=analyst)
    services.claim_review(claim=claim, reviewer=reviewer, decision="approve", tag="unsourced")

    with django_assert_max_num_queries(6):
        steps = history.claim_timeline(claim_id=claim.pk)

    assert [(s.action, s.user) for s in steps] == [
        ("created", "ann"),
        ("submitted", "ann"),
        ("rejected", "rev"),
        ("edited", "ann"),
        ("submitted", "ann"),
        ("approved with corrections", "rev"),
    ]
    created, submitted, rejected, edited, _, approved = steps
    # The "created" step shows what the claim was made as: tag, span and chain.
    assert changes_of(created) == {
        "tag": (None, "sourced"),
        "span": (None, "[21, 42) «l’arrivée des troupes»"),
        "chain": ([], ["Mehr News Agency", "al-Nahrain"]),
    }
    assert changes_of(submitted) == {"status": ("draft", "submitted")}
    assert changes_of(rejected) == {"status": ("submitted", "rejected")}
    assert rejected.comment == "Chain order <b>wrong</b>" and rejected.reason == "Wrong chain order"
    assert changes_of(edited) == {"chain": (["Mehr News Agency", "al-Nahrain"], ["Mehr News Agency"])}
    assert changes_of(approved) == {
        "status": ("submitted", "approved"),
        "tag": ("sourced", "unsourced"),
        "chain": (["Mehr News Agency"], []),
        "correction": (None, {"tag": ["sourced", "unsourced"], "chain": [["mehr"], []]}),
    }


def test_span_changes_show_offsets_and_text(claim, analyst):
    start = TEXT.index("des troupes")
    services.claim_update(claim=claim, user=analyst, version=claim.version, start=start, end=start + len("des troupes"))
    step = history.claim_timeline(claim_id=claim.pk)[-1]
    assert step.action == "edited"
    before, after = changes_of(step)["span"]
    assert before == f"[{claim.start}, {claim.end}) «l’arrivée des troupes»"
    assert after == f"[{start}, {start + 11}) «des troupes»"


@pytest.mark.django_db(transaction=True)
def test_bulk_updates_outside_any_request_are_caught_without_a_user(claim):
    # Its own transaction, as in a shell: pghistory's context settings are transaction-local.
    Claim.objects.filter(pk=claim.pk).update(status="approved")  # a queryset update: no save(), no signal
    step = history.claim_timeline(claim_id=claim.pk)[-1]
    assert step.user is None
    assert changes_of(step) == {"status": ("draft", "approved")}
    assert step.action == "status set to approved"


def test_a_named_context_gives_scripts_a_user(claim, admin_user):
    with pghistory.context(user=admin_user.pk):
        Claim.objects.filter(pk=claim.pk).update(tag="unsourced")
    assert history.claim_timeline(claim_id=claim.pk)[-1].user == "root"


def test_bulk_approval_is_one_step_per_claim_with_the_reviewer(document, analyst, reviewer):
    claims = [
        services.claim_submit(
            claim=services.claim_create(document=document, user=analyst, start=i, end=i + 3, tag="unsourced"), user=analyst
        )
        for i in (0, 4)
    ]
    result = services.claims_bulk_approve(claim_ids=[c.pk for c in claims], reviewer=reviewer)
    assert len(result.approved) == 2
    for claim in claims:
        assert [(s.action, s.user) for s in history.claim_timeline(claim_id=claim.pk)][-1] == ("approved", "rev")


def test_deleted_claims_keep_their_history(claim, analyst):
    services.claim_delete(claim=claim, user=analyst)
    steps = history.claim_timeline(claim_id=claim.pk)
    assert [(s.action, s.user) for s in steps] == [("created", "ann"), ("deleted", "ann")]
    assert ClaimEvent.objects.filter(pgh_obj_id=claim.pk).count() == 2


def test_admin_edits_of_a_source_are_recorded_with_the_admin(client, admin_user, mehr):
    client.login(username=admin_user.username, password=PASSWORD)
    response = client.post(
        f"/admin/claims/source/{mehr.pk}/change/",
        {"slug": "mehr", "name": "Mehr News", "kind": "news_outlet", "aliases": "Mehr,MNA", "country": "IR", "url": "", "description": "", "status": "confirmed"},
    )
    assert response.status_code == 302, response.content[:2000]
    steps = history.source_timeline(source_id=mehr.pk)
    assert [(s.action, s.user) for s in steps] == [("created", None), ("edited", "root")]
    assert changes_of(steps[-1])["name"] == ("Mehr News Agency", "Mehr News")
    assert steps[-1].via == f"/admin/claims/source/{mehr.pk}/change/"


def test_an_edit_saved_and_submitted_in_one_request_reads_as_two_steps(claim, analyst, mehr):
    # As the annotate page's "Submit for review" does: one request, one transaction, two services.
    with pghistory.context(user=analyst.pk, url=f"/claims/{claim.pk}/"), transaction.atomic():
        claim = services.claim_update(claim=claim, user=analyst, version=claim.version, chain=[Link(mehr, 0)])
        services.claim_submit(claim=claim, user=analyst, version=claim.version)
    steps = history.claim_timeline(claim_id=claim.pk)
    assert [(s.action, s.user) for s in steps] == [("created", "ann"), ("edited", "ann"), ("submitted", "ann")]
    assert changes_of(steps[1]) == {"chain": (["Mehr News Agency", "al-Nahrain"], ["Mehr News Agency"])}
    assert changes_of(steps[2]) == {"status": ("draft", "submitted")}
    assert steps[2].via == f"/claims/{claim.pk}/"


def test_submitting_an_unchanged_form_shows_no_empty_edit(claim, analyst):
    with pghistory.context(user=analyst.pk), transaction.atomic():
        claim = services.claim_update(claim=claim, user=analyst, version=claim.version)  # nothing changed
        services.claim_submit(claim=claim, user=analyst, version=claim.version)
    assert [s.action for s in history.claim_timeline(claim_id=claim.pk)] == ["created", "submitted"]
