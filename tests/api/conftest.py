"""Fixtures for the REST API tests: token clients per role, a document with a three-link chain."""

from __future__ import annotations

import pytest
from knox.models import AuthToken
from rest_framework.test import APIClient

from claims import services
from claims.models import SourceKind
from tests.factories import SourceFactory

# The contract's example: Mehr -> al-Nahrain -> an unnamed Iraqi security source.
TEXT = (
    "Une source de la sécurité irakienne a annoncé l’entrée d’une colonne militaire américaine dans la "
    "province d’al-Anbar, dans l’ouest du pays, selon l’agence de presse Mehr citant al-Nahrain.\n"
    "« Tout va bien », a déclaré le porte-parole 🙂 de la coalition. Les combats continuent.\n"
)
FIRST_SENTENCE_END = TEXT.index("\n")


def span_of(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def client_for(user) -> APIClient:
    """An API client that authenticates with ``user``'s token, as a script would."""
    _, token = AuthToken.objects.create(user=user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


@pytest.fixture
def api():
    return client_for


@pytest.fixture
def sources(db):
    return {
        "mehr": SourceFactory(
            slug="mehr", name="Mehr News Agency", kind=SourceKind.NEWS_OUTLET, aliases=["Mehr", "l’agence de presse Mehr"]
        ),
        "al-nahrain": SourceFactory(slug="al-nahrain", name="al-Nahrain", kind=SourceKind.NEWS_OUTLET),
        "iraqi-security-source": SourceFactory(
            slug="iraqi-security-source", name="Iraqi security source (unnamed)", kind=SourceKind.ANONYMOUS
        ),
        "spokesman": SourceFactory(slug="coalition-spokesman", name="Coalition spokesman", kind=SourceKind.PERSON),
    }


@pytest.fixture
def document(db):
    return services.document_create(text=TEXT, title="Une colonne militaire américaine à al-Anbar", created_by=None)


def contract_chain(sources) -> list[services.Link]:
    return [
        services.Link(sources["mehr"], 0, *span_of(TEXT, "l’agence de presse Mehr")),
        services.Link(sources["al-nahrain"], 1, *span_of(TEXT, "al-Nahrain")),
        services.Link(sources["iraqi-security-source"], 2, *span_of(TEXT, "Une source de la sécurité irakienne")),
    ]


@pytest.fixture
def chain_claim(document, analyst, sources):
    """The contract's claim: the first sentence, sourced, with its three-link chain."""
    return services.claim_create(
        document=document, user=analyst, start=0, end=FIRST_SENTENCE_END, tag="sourced", chain=contract_chain(sources)
    )


@pytest.fixture
def quote_claim(document, analyst, sources):
    """A claim after the emoji (offsets are code points) whose source is not named in the span."""
    start, end = span_of(TEXT, "« Tout va bien »")
    return services.claim_create(
        document=document,
        user=analyst,
        start=start,
        end=end,
        tag="sourced",
        chain=[services.Link(sources["spokesman"], 0, *span_of(TEXT, "le porte-parole 🙂 de la coalition"))],
    )


@pytest.fixture
def unsourced_claim(document, analyst):
    start, end = span_of(TEXT, "Les combats continuent.")
    return services.claim_create(document=document, user=analyst, start=start, end=end, tag="unsourced")
