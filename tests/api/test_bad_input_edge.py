"""The hardening cases: each gets a clean 4xx naming the field and stores nothing.

One general mechanism per family (parser depth limit and string check, the pagination class,
the integer parser, the edge middleware, the error handlers); these tests replay the cases that
used to reach a 500, on the API and on the pages.
"""

from __future__ import annotations

import base64
import json
from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from claims import services
from claims.models import Attribution, Claim, Document, Review, Source
from tests.api.test_bad_input import claim_body

pytestmark = pytest.mark.django_db
SURROGATE = '"\\ud800"'


def stored() -> tuple[int, ...]:
    return tuple(model.objects.count() for model in (Claim, Attribution, Document, Source, Review))


def deep(n: int) -> str:
    return "[" * n + "]" * n


def cursor(raw: bytes) -> str:
    return quote(base64.b64encode(raw).decode())


@pytest.fixture
def submitted(chain_claim, analyst):
    return services.claim_submit(claim=chain_claim, user=analyst)


def test_lone_surrogates_in_choice_fields(api, analyst, reviewer, document, unsourced_claim, submitted, sources):
    before = stored()
    cases = [
        (api(analyst).post, "/api/v1/claims/", f'{{"document": {document.pk}, "start": 0, "end": 5, "tag": {SURROGATE}}}', ["tag"]),
        (api(analyst).patch, f"/api/v1/claims/{unsourced_claim.pk}/", f'{{"version": 1, "tag": {SURROGATE}}}', ["tag"]),
        (api(reviewer).post, f"/api/v1/claims/{submitted.pk}/review/", f'{{"decision": {SURROGATE}}}', ["decision"]),
        (api(reviewer).post, f"/api/v1/claims/{submitted.pk}/review/", f'{{"decision": "reject", "reason": {SURROGATE}}}', ["reason"]),
        (api(analyst).post, "/api/v1/sources/", f'{{"name": "X", "kind": {SURROGATE}}}', ["kind"]),
        (api(reviewer).patch, f"/api/v1/sources/{sources['mehr'].pk}/", f'{{"kind": {SURROGATE}}}', ["kind"]),
    ]
    for send, url, raw, fields in cases:
        response = send(url, raw, content_type="application/json")
        assert response.status_code == 400, url
        assert list(response.json()) == fields
        assert response.json()[fields[0]] == ["Surrogate characters are not allowed."]
    assert stored() == before


def test_a_nested_surrogate_is_named_by_its_path(api, analyst, document):
    raw = json.dumps(claim_body(document)).replace('"attributions": []', '"attributions": [{"position": 0, "source": "\\udfff"}]')
    response = api(analyst).post("/api/v1/claims/", raw, content_type="application/json")
    assert response.json() == {"attributions": {"0": {"source": ["Surrogate characters are not allowed."]}}}


@pytest.mark.parametrize("depth", [65, 10_000])
def test_deep_json_bodies(client, api, analyst, depth):
    before = stored()
    token = client.post("/api/v1/auth/token/", '{"username": ' + deep(depth) + "}", content_type="application/json")
    claim = api(analyst).post("/api/v1/claims/", '{"attributions": ' + deep(depth) + "}", content_type="application/json")
    for response in (token, claim):
        assert response.status_code == 400
        assert "at most 64 levels" in response.json()["detail"]
    assert stored() == before


def test_a_deep_annotation_file(api, analyst):
    before = stored()
    for fmt, name, data in [("labelstudio", "deep.json", deep(10_000)), ("doccano", "deep.jsonl", deep(10_000))]:
        upload = SimpleUploadedFile(name, data.encode())
        response = api(analyst).post(f"/api/v1/import/annotations/?format={fmt}", {"file": upload}, format="multipart")
        assert response.status_code == 400
        assert "at most 64 levels" in json.dumps(response.json()["file"])
    assert stored() == before


@pytest.mark.parametrize("path", ["claims", "documents", "sources"])
@pytest.mark.parametrize("raw", [b"p=abc", b"p=\x00", b"p=-1", b"p=" + b"9" * 30, b"o=x", b"r=\xff"])
def test_tampered_cursors_are_400(api, analyst, path, raw):
    response = api(analyst).get(f"/api/v1/{path}/?cursor={cursor(raw)}")
    assert response.status_code == 400
    assert "Invalid cursor" in response.json()["cursor"][0]


def test_a_garbage_cursor_is_400_and_a_real_one_still_works(api, analyst, document, unsourced_claim, chain_claim):
    assert api(analyst).get("/api/v1/claims/?cursor=not-a-cursor").status_code == 400
    first = api(analyst).get("/api/v1/claims/?page_size=1").json()
    second = api(analyst).get(first["next"])
    assert second.status_code == 200 and second.json()["results"]


def test_format_on_a_list_is_not_a_renderer(api, analyst, chain_claim):
    response = api(analyst).get("/api/v1/claims/?format=csv")
    assert response.status_code == 200
    assert response.json()["results"][0]["id"] == chain_claim.pk
    export = api(analyst).get("/api/v1/export/claims/?format=csv")
    assert export.status_code == 200 and export["Content-Type"].startswith("text/csv")


def test_api_errors_are_json_with_debug_off(client, api, analyst):
    for response in (api(analyst).get("/api/v1/no-such-thing/"), client.get("/api/v1/no-such-thing/")):
        assert response.status_code == 404
        assert response.json() == {"detail": "Not found."}
    page = Client().get("/no-such-page/")
    assert page.status_code == 404 and page["Content-Type"].startswith("text/html")


def test_a_server_error_under_api_is_json(client, analyst, monkeypatch):
    from claims.api import views

    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(views.SourceViewSet, "list", boom)
    broken = Client(raise_request_exception=False)
    broken.force_login(analyst)
    response = broken.get("/api/v1/sources/")
    assert response.status_code == 500
    assert "logged" in response.json()["detail"]


@pytest.mark.parametrize(
    "url, field",
    [("/api/v1/sources/?search=a%00b", "search"), ("/api/v1/claims/?annotator=%00", "annotator"), ("/api/v1/claims/?x%00=1", "(a parameter name)")],
)
def test_nul_in_api_query_strings(api, analyst, url, field):
    response = api(analyst).get(url)
    assert response.status_code == 400
    assert response.json() == {field: ["Null characters are not allowed."]}


# --- pages ---------------------------------------------------------------------------------------


@pytest.fixture
def page(client, analyst):
    client.force_login(analyst)
    return client


@pytest.mark.parametrize("url", ["/sources/options/?q=%00", "/?q=a%00", "/review/?tag=%00"])
def test_nul_in_a_page_query_string(page, url):
    response = page.get(url)
    assert response.status_code == 400
    assert "Null characters are not allowed" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    ["source=²", "source={mehr}&start=²&end=9", "source={mehr}&start=0&end=²", "source=١"],
)
def test_non_ascii_digits_in_chain_link(page, document, sources, query):
    response = page.get(f"/documents/{document.pk}/chain-link/?" + query.format(mehr=sources["mehr"].pk))
    assert response.status_code in (200, 422)


def test_non_ascii_digits_in_a_new_claim(page, document, sources):
    assert page.get(f"/documents/{document.pk}/claims/new/?start=²&end=9").status_code < 500
    before = stored()
    for extra in (
        {"link_source": "²", "link_mention_start": "", "link_mention_end": ""},
        {"link_source": str(sources["mehr"].pk), "link_mention_start": "²", "link_mention_end": "3"},
    ):
        response = page.post(f"/documents/{document.pk}/claims/new/", {"start": "0", "end": "9", "tag": "sourced", **extra})
        assert response.status_code == 422
        assert "<form" in response.content.decode()
    assert stored() == before


def test_a_nul_in_a_page_form_shows_the_form_with_the_message(page):
    before = stored()
    response = page.post("/documents/add/", {"action": "paste", "paste-text": "Un texte\x00 avec NUL."})
    assert response.status_code == 400
    html = response.content.decode()
    assert "paste-text: Null characters are not allowed. Nothing was saved." in html
    assert 'name="paste-text"' in html  # the form again
    assert stored() == before


def test_a_paste_over_the_size_limit(page, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    before = stored()
    response = page.post("/documents/add/", {"action": "paste", "paste-text": "x" * 20_000})
    assert response.status_code == 413
    html = response.content.decode()
    assert "larger than the limit of 10,000 bytes" in html and 'name="paste-text"' in html
    assert stored() == before


def test_a_deep_article_file_and_an_impossible_date(page):
    before = stored()
    files = [
        SimpleUploadedFile("deep.json", deep(50_000).encode()),
        SimpleUploadedFile("date.json", json.dumps({"text": "Un article.", "published_at": "9999-99-99"}).encode()),
        SimpleUploadedFile("lines.jsonl", (deep(100) + "\n").encode()),
    ]
    response = page.post("/documents/add/", {"action": "upload", "upload-files": files})
    assert response.status_code == 422
    html = response.content.decode()
    assert "at most 64 levels are accepted" in html
    assert "published_at &#x27;9999-99-99&#x27; is not a possible date" in html
    assert stored() == before


@pytest.mark.django_db(transaction=True)
def test_the_command_line_reports_each_bad_file_and_imports_the_good_ones(tmp_path, capsys):
    from django.core.management import call_command

    (tmp_path / "a-date.json").write_text(json.dumps({"text": "Un article.", "published_at": "9999-99-99"}))
    (tmp_path / "b-deep.json").write_text(deep(50_000))
    (tmp_path / "c-good.json").write_text(json.dumps({"text": "Un article valable, selon l’AFP."}))
    with pytest.raises(SystemExit) as exit_:
        call_command("import_articles", str(tmp_path))
    assert exit_.value.code == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2
    assert "a-date.json: item 1: published_at '9999-99-99' is not a possible date" in err[0]
    assert "b-deep.json" in err[1] and "at most 64 levels" in err[1]
    assert Document.objects.count() == 1
