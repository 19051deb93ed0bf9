"""The document list (search, filters, pages, counts) and the "Add articles" page."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from claims import services
from claims.models import Document
from tests.factories import DocumentFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_analyst(client, analyst):
    client.force_login(analyst)
    return client


@pytest.fixture
def presstv():
    return SourceFactory(slug="presstv", name="Press TV", aliases=["PressTV", "FRENCH PRESS TV"])


def titles(response) -> list[str]:
    return [document.title for document in response.context["documents"]]


def claim(document, user, phrase, tag="unsourced", submit=False):
    start = document.text.index(phrase)
    made = services.claim_create(document=document, user=user, start=start, end=start + len(phrase), tag=tag)
    return services.claim_submit(claim=made, user=user) if submit else made


def test_list_counts_only_the_users_claims(as_analyst, analyst, other_analyst):
    document = DocumentFactory(title="Compté")
    claim(document, analyst, "Le ministère a annoncé", submit=True)
    claim(document, analyst, "Les combats continuent")
    claim(document, other_analyst, "Tout va bien")
    response = as_analyst.get("/")
    row = response.context["documents"][0]
    assert (row.sentence_count, row.sourced_count, row.unsourced_count, row.submitted_count) == (3, 0, 2, 1)
    html = response.content.decode()
    assert "0 of 1 approved, 1 waiting" in html and 'aria-label="Approved claims of Compté"' in html


def test_search_is_french_and_accent_insensitive(as_analyst):
    DocumentFactory(title="Sécurité à Falloujah", text="Une source de sécurité irakienne a annoncé des frappes.\n")
    DocumentFactory(title="Autre", text="Les marchés sont calmes aujourd’hui.\n")
    assert titles(as_analyst.get("/", {"q": "securite"})) == ["Sécurité à Falloujah"]
    assert titles(as_analyst.get("/", {"q": "annonces frappe"})) == ["Sécurité à Falloujah"]  # French stems
    assert titles(as_analyst.get("/", {"q": "MARCHE"})) == ["Autre"]
    response = as_analyst.get("/", {"q": "introuvable"})
    assert titles(response) == [] and "No document matches these filters." in response.content.decode()


def test_search_uses_the_gin_index(as_analyst):
    from django.db import connection

    from claims.querysets import SEARCH_CONFIG

    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM claims_document WHERE search_vector @@ websearch_to_tsquery(%s::regconfig, %s)",
            [SEARCH_CONFIG, "sécurité"],
        )
        plan = " ".join(row[0] for row in cursor.fetchall())
    assert "document_search_gin" in plan


def test_filters_by_publisher_and_claims_to_review(as_analyst, analyst, presstv):
    DocumentFactory(title="De Press TV", publisher=presstv)
    pending = DocumentFactory(title="À revoir")
    claim(pending, analyst, "Le ministère a annoncé", submit=True)
    DocumentFactory(title="Brouillon seulement")
    assert titles(as_analyst.get("/", {"publisher": presstv.pk})) == ["De Press TV"]
    assert titles(as_analyst.get("/", {"to_review": "on"})) == ["À revoir"]
    html = as_analyst.get("/").content.decode()
    assert f'<option value="{presstv.pk}">Press TV</option>' in html


def test_bad_filter_values_are_ignored_with_a_message(as_analyst):
    DocumentFactory(title="Là")
    response = as_analyst.get("/", {"publisher": "abc", "page": "zzz"})
    assert response.status_code == 200 and titles(response) == ["Là"]
    assert "Some filters were not understood" in response.content.decode()


def test_pagination_keeps_the_filters(as_analyst):
    for i in range(30):
        DocumentFactory(title=f"Sécurité {i:02}")
    first = as_analyst.get("/", {"q": "sécurité"})
    assert len(first.context["documents"]) == 25
    assert 'href="?q=s%C3%A9curit%C3%A9&amp;page=2"' in first.content.decode()
    second = as_analyst.get("/", {"q": "sécurité", "page": 2})
    assert len(second.context["documents"]) == 5
    assert not set(titles(first)) & set(titles(second))


def test_list_queries_do_not_grow_with_documents(as_analyst, analyst, django_assert_max_num_queries):
    for i in range(20):
        claim(DocumentFactory(title=f"D{i}"), analyst, "Le ministère a annoncé")
    with django_assert_max_num_queries(8):
        assert as_analyst.get("/").status_code == 200


# --- Add articles --------------------------------------------------------------------------------

TEXT = "Titre de l’article\n\nLe ministère a annoncé la réouverture du port, selon l’agence Mehr.\n"


def test_paste_an_article(as_analyst, analyst, presstv):
    response = as_analyst.post(
        "/documents/add/",
        {"action": "paste", "paste-title": "Collé", "paste-publisher": "PressTV", "paste-url": "https://example.org/a",
         "paste-published_at": "2024-05-17", "paste-text": TEXT},
        follow=True,
    )
    assert response.status_code == 200 and response.redirect_chain == [("/documents/add/", 302)]
    document = Document.objects.get()
    assert (document.title, document.publisher, document.url, document.created_by) == ("Collé", presstv, "https://example.org/a", analyst)
    assert document.published_at.date().isoformat() == "2024-05-17" and document.text == TEXT
    assert document.sentences.count() == 2
    assert f'href="{document.get_absolute_url()}"' in response.content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [({"paste-text": "   "}, "must be a non-empty string"),
     ({"paste-text": TEXT, "paste-publisher": "Nobody Weekly"}, "unknown publisher"),
     ({"paste-text": TEXT, "paste-url": "not a url"}, "Enter a valid URL."),
     ({"paste-text": TEXT, "paste-published_at": "17/05/2024x"}, "Enter a valid date.")],
)
def test_paste_with_bad_input_shows_the_form_again(as_analyst, data, message):
    response = as_analyst.post("/documents/add/", {"action": "paste", **data})
    assert response.status_code == 422 and message in response.content.decode()
    assert 'name="paste-text"' in response.content.decode()
    assert Document.objects.count() == 0


def test_paste_a_duplicate(as_analyst):
    DocumentFactory(text=TEXT, title="Déjà là")
    response = as_analyst.post("/documents/add/", {"action": "paste", "paste-text": TEXT})
    assert response.status_code == 422 and "This text is already stored as document" in response.content.decode()
    assert Document.objects.count() == 1


def upload(name: str, content: str | bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content.encode() if isinstance(content, str) else content)


def test_upload_several_files_a_bad_one_does_not_stop_the_others(as_analyst):
    DocumentFactory(text="Déjà stocké.\n", title="Déjà")
    files = [
        upload("un.txt", "Premier article\n\nLe port a rouvert, selon Mehr.\n"),
        upload("deux.jsonl", json.dumps({"title": "Deux", "text": "Deuxième texte."}) + "\n" + json.dumps({"title": "Trois", "text": "Troisième texte."}) + "\n"),
        upload("double.txt", "Déjà stocké.\n"),
        upload("casse.jsonl", json.dumps({"text": "Bon."}) + "\n{not json\n"),
        upload("latin1.txt", "Sécurité".encode("latin-1")),
        upload("image.png", b"\x89PNG"),
    ]
    response = as_analyst.post("/documents/add/", {"action": "upload", "upload-files": files}, follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert sorted(Document.objects.values_list("title", flat=True)) == ["Deux", "Déjà", "Premier article", "Trois"]
    assert "<strong>un.txt</strong>: 1 article imported" in html
    assert "<strong>deux.jsonl</strong>: 2 articles imported" in html
    assert "<strong>double.txt</strong>: not imported" in html and "already stored" in html
    assert "<strong>casse.jsonl</strong>: not imported: line 2: invalid JSON" in html
    assert "<strong>latin1.txt</strong>: not imported: not UTF-8" in html
    assert "<strong>image.png</strong>: not imported: unsupported file type .png" in html


def test_upload_with_nothing_imported_is_a_422(as_analyst):
    response = as_analyst.post("/documents/add/", {"action": "upload", "upload-files": [upload("vide.txt", "  \n")]})
    assert response.status_code == 422 and "the file" in response.content.decode()
    response = as_analyst.post("/documents/add/", {"action": "upload"})
    assert response.status_code == 422 and "This field is required." in response.content.decode()


def test_only_analysts_and_reviewers_add_articles(client):
    client.force_login(UserFactory(username="visitor"))
    assert client.get("/documents/add/").status_code == 403
    assert client.post("/documents/add/", {"action": "paste", "paste-text": TEXT}).status_code == 403
    assert Document.objects.count() == 0
