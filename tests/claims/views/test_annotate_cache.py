"""The annotate page's cached parts (claims.views.fragments): a page served from the cache is
the page rendered afresh, for every role, after every kind of change; nothing of one user's
request (CSRF token, claims they alone see) reaches another's."""

from __future__ import annotations

import re

import pytest

from claims import services, sources, suggestions
from claims.models import Claim, Sentence, SourceKind, SourceRating, Suggestion, SuggestionState
from claims.services import Link
from claims.views import fragments
from tests.factories import DocumentFactory, SourceFactory

pytestmark = pytest.mark.django_db

TEXT = (
    "Frappes au nord.\n"
    "Le ministère a annoncé l’ouverture du port, selon l’agence de presse Mehr.\n"
    "Les combats continuent au nord, a déclaré le porte-parole d'al-Nahrain.\n"
    "La colonne est entrée dans la ville, selon un témoin.\n"
    "Photo : AFP\n"
)
# What differs from one request to the next whatever the state: the CSRF token, the CSP nonce.
PER_REQUEST = re.compile(r'(csrfmiddlewaretoken" value="|"X-CSRFToken": "|nonce=")[^"]+')


def page(client, document) -> str:
    response = client.get(document.get_absolute_url())
    assert response.status_code == 200
    return PER_REQUEST.sub(r"\1-", response.content.decode())


def fresh(client, document) -> str:
    """The page rendered with nothing cached."""
    fragments.cache.clear()
    return page(client, document)


def span(document, phrase: str) -> tuple[int, int]:
    start = document.text.index(phrase)
    return start, start + len(phrase)


def claim(document, user, phrase, tag="unsourced", chain=()):
    start, end = span(document, phrase)
    return services.claim_create(document=document, user=user, start=start, end=end, tag=tag, chain=list(chain))


@pytest.fixture
def world(analyst, other_analyst, reviewer, admin_user):
    mehr = SourceFactory(slug="mehr", name="Mehr News Agency", aliases=["Mehr"])
    nahrain = SourceFactory(slug="al-nahrain", name="Al-Nahrain", aliases=["al-Nahrain"])
    document = DocumentFactory(title="Le port", text=TEXT)
    draft = claim(document, analyst, "Le ministère a annoncé l’ouverture du port", "sourced", [Link(mehr, 0)])
    submitted = claim(document, analyst, "Les combats continuent au nord", "sourced", [Link(nahrain, 0)])
    services.claim_submit(claim=submitted, user=analyst)
    approved = claim(document, analyst, "Frappes au nord")
    services.claim_submit(claim=approved, user=analyst)
    services.claim_review(claim=approved, reviewer=reviewer, decision="approve", comment="Bien <vu>.")
    deleted = claim(document, analyst, "Photo : AFP")
    services.claim_delete(claim=deleted, user=analyst)
    claim(document, other_analyst, "La colonne est entrée dans la ville")  # a draft only bob and admins see
    suggestion = Suggestion.objects.create(
        document=document, tag="sourced", confidence=0.9, **dict(zip(("start", "end"), span(document, "La colonne est entrée dans la ville, selon un témoin."))),
        attributions=[{"source": {"slug": "mehr", "name": "Mehr News Agency", "kind": "news_outlet"}, "mention": {}}],
    )
    document.suggestion_state = SuggestionState.READY
    document.save(update_fields=["suggestion_state"])
    users = {"analyst": analyst, "other_analyst": other_analyst, "reviewer": reviewer, "admin": admin_user}
    return {"document": document, "mehr": mehr, "nahrain": nahrain, "draft": draft, "submitted": submitted,
            "approved": approved, "deleted": deleted, "suggestion": suggestion, **users}


def fetched(claim_: Claim) -> Claim:
    return Claim.with_deleted.get(pk=claim_.pk)


def edit(w, **changes):
    draft = fetched(w["draft"])
    fields = {"tag": draft.tag, "chain": services.chain_of(draft), "start": draft.start, "end": draft.end, **changes}
    services.claim_update(claim=draft, user=w["analyst"], version=draft.version, **fields)


def unprepared(w):
    """The document as it is while its sentences are being found (then they come)."""
    rows = list(Sentence.objects.filter(document=w["document"]).values("index", "start", "end", "kind"))
    Sentence.objects.filter(document=w["document"]).delete()
    return rows


# Each change, and whose page it changes (the others' pages must still be what they were).
EVERYONE = {"analyst", "other_analyst", "reviewer", "admin"}
CHANGES = {
    "claim added": (lambda w: claim(w["document"], w["analyst"], "Photo : AFP", "unsourced"), {"analyst", "admin"}),
    "claim's tag edited": (lambda w: edit(w, tag="unsourced", chain=[]), {"analyst", "admin"}),
    "claim's span edited": (lambda w: edit(w, end=w["draft"].end - 5), {"analyst", "admin"}),
    "claim's chain edited": (lambda w: edit(w, chain=[Link(w["nahrain"], 0), Link(w["mehr"], 1)]), {"analyst", "admin"}),
    "claim submitted": (
        lambda w: services.claim_submit(claim=fetched(w["draft"]), user=w["analyst"]), {"analyst", "reviewer", "admin"},
    ),
    "claim reviewed": (
        lambda w: services.claim_review(
            claim=fetched(w["submitted"]), reviewer=w["reviewer"], decision="reject", reason="wrong_source",
            comment="<b>Non</b> & non.",
        ),
        {"analyst", "reviewer", "admin"},
    ),
    "review undone": (
        lambda w: services.claim_review_undo(claim=fetched(w["approved"]), reviewer=w["reviewer"]),
        {"analyst", "reviewer", "admin"},
    ),
    "claim deleted": (lambda w: services.claim_delete(claim=fetched(w["draft"]), user=w["analyst"]), {"analyst", "admin"}),
    "claim restored": (
        lambda w: services.claim_restore(claim=fetched(w["deleted"]), user=w["analyst"]), {"analyst", "admin"},
    ),
    "suggestion accepted": (
        lambda w: suggestions.suggestion_accept(suggestion=w["suggestion"], user=w["analyst"]), {"analyst", "admin"},
    ),
    # A source's name is in the chains and in the registry every page carries.
    "source renamed": (
        lambda w: services.source_update(source=w["mehr"], user=w["admin"], name="Mehr <Agence>"), EVERYONE,
    ),
    "source rated": (
        lambda w: sources.credibility_note_add(source=w["nahrain"], user=w["reviewer"], text="Partisan.", rating=SourceRating.UNRELIABLE),
        {"analyst", "reviewer", "admin"},
    ),
    "source added": (lambda w: services.source_create(name="Témoin", kind=SourceKind.PERSON), EVERYONE),
    "source merged": (
        lambda w: sources.source_merge(source=w["nahrain"], into=w["mehr"], user=w["admin"]), EVERYONE,
    ),
    "other analyst's claim added": (
        lambda w: claim(w["document"], w["other_analyst"], "Le ministère a annoncé"), {"other_analyst", "admin"},
    ),
}


@pytest.mark.parametrize("viewer", sorted(EVERYONE))
@pytest.mark.parametrize("change", list(CHANGES))
def test_a_cached_page_is_the_page_rendered_afresh_after_each_change(client, world, viewer, change):
    apply, changed_for = CHANGES[change]
    client.force_login(world[viewer])
    before = fresh(client, world["document"])
    assert page(client, world["document"]) == before  # now from the cache
    apply(world)
    after = page(client, world["document"])
    assert after == fresh(client, world["document"])
    assert (after != before) == (viewer in changed_for)


def test_sentences_found_after_the_first_view_replace_the_preparing_page(client, world):
    rows = unprepared(world)
    client.force_login(world["analyst"])
    before = page(client, world["document"])
    assert 'id="preparing"' in before and 'class="sentence' not in before
    Sentence.objects.bulk_create(Sentence(document=world["document"], **row) for row in rows)
    after = page(client, world["document"])
    assert 'id="preparing"' not in after and after.count('class="sentence') == len(rows)
    assert after == fresh(client, world["document"])


def test_every_role_sees_its_own_claims_whoever_filled_the_cache(client, world):
    """Each user's page is what it was with nothing cached, in any order of visits."""
    document = world["document"]
    alone = {}
    for name in ("analyst", "other_analyst", "reviewer", "admin"):
        client.force_login(world[name])
        alone[name] = fresh(client, document)
    cards = {name: html.count('class="claim-card') for name, html in alone.items()}
    assert cards == {"analyst": 3, "other_analyst": 1, "reviewer": 2, "admin": 4}
    for name in ("admin", "reviewer", "other_analyst", "analyst", "admin"):  # the cache filled by the others
        client.force_login(world[name])
        assert page(client, document) == alone[name]


def test_nothing_of_a_request_is_cached_and_text_stays_escaped(client, world):
    services.source_update(source=world["mehr"], user=world["admin"], name="Mehr <Agence>")
    client.force_login(world["analyst"])
    fragments.cache.clear()
    first = client.get(world["document"].get_absolute_url()).content.decode()
    second = client.get(world["document"].get_absolute_url()).content.decode()
    values = [v.decode() for v in (fragments.cache.get(k) for k in _keys()) if v]
    assert len(values) == 3 and not any("csrf" in v.lower() or "nonce" in v for v in values)
    assert not any("<!--fragment:" in html for html in (first, second))  # every part spliced in
    for html in (first, second):
        assert "Mehr &lt;Agence&gt;" in html and "Mehr <Agence>" not in html
        assert "Bien &lt;vu&gt;." in html
    # Each response carries its own token: masked anew each time, never the cached one.
    tokens = [re.search(r'"X-CSRFToken": "([^"]+)"', html).group(1) for html in (first, second)]
    assert tokens[0] != tokens[1]


def _keys() -> list[str]:
    """The keys stored in the fragment cache, as ``cache.get`` takes them."""
    return [key.split(":", 2)[-1] for key in fragments.cache._cache]


# --- the page's queries, compiled once per user and roles (selectors._compiled_for) ------------


def test_a_role_change_shows_at_once(client, world, reviewer):
    """The compiled queries are keyed by the user's roles, read afresh each request: a reviewer
    taken out of the Reviewer group sees the others' submitted claims no more, at once."""
    from django.contrib.auth.models import Group

    client.force_login(reviewer)
    document = world["document"]
    assert page(client, document).count('class="claim-card') == 2
    reviewer.groups.remove(Group.objects.get(name="Reviewer"))
    assert page(client, document).count('class="claim-card') == 0
    reviewer.groups.add(Group.objects.get(name="Reviewer"))
    assert page(client, document).count('class="claim-card') == 2


def test_a_project_document_is_seen_by_its_members_only_as_their_roles_say(client, world, analyst, admin_user):
    """Document visibility goes through the compiled queries too: in a project, a document is a
    404 for an analyst until it is assigned to them, then shows their claims."""
    from claims import projects

    document = world["document"]
    project = projects.project_create(user=admin_user, name="Port")
    projects.project_documents_add(project=project, user=admin_user, document_ids=[document.pk])
    client.force_login(analyst)
    assert client.get(document.get_absolute_url()).status_code == 404  # in a project, not a member
    projects.member_set(project=project, user=admin_user, username=analyst.username, role="analyst")
    assert client.get(document.get_absolute_url()).status_code == 404  # a member, not assigned
    projects.assignments_create(project=project, user=admin_user, document_ids=[document.pk], analysts=[analyst.username])
    assert page(client, document).count('class="claim-card') == 3
    assert page(client, document) == fresh(client, document)


def test_compiled_queries_are_those_the_orm_compiles_for_the_user(world, analyst, reviewer, admin_user):
    from django.db.models.expressions import RawSQL

    from claims import selectors
    from claims.models import Document

    document = world["document"]
    for user in (analyst, reviewer, admin_user):
        selectors._COMPILED.clear()
        compiled = selectors._compiled_for(user)
        fresh_documents = Document.objects.visible_to(user).filter(pk=RawSQL("%s", [document.pk])).order_by().values("pk")
        assert selectors._for_document(compiled.documents, document.pk) == (
            fresh_documents.query.sql_with_params()[0], list(fresh_documents.query.sql_with_params()[1])
        )
        state = selectors.annotation_state(user=user, document=document)
        selectors._COMPILED.clear()
        assert selectors.annotation_state(user=user, document=document) == state
        assert selectors._compiled_for(user) is selectors._compiled_for(user)  # compiled once
