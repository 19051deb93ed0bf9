"""Suggestions for stored documents: the task and its states, storing, accept / dismiss /
accept all, and the suggest_claims / evaluate_suggestions commands. Real PostgreSQL."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

from claims import services, suggestions, tasks
from claims.management.commands.seed import Command as SeedCommand
from claims.models import Claim, ClaimStatus, Document, Source, Suggestion, SuggestionState
from claims.tasks import suggest_for_document, suggest_for_documents
from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "fixtures" / "articles"
GOLD = ROOT / "tests" / "data" / "gold_suggestions.jsonl"


@pytest.fixture
def registry_rows(db):
    SeedCommand().load_sources(ROOT / "fixtures" / "sources.json")
    return Source.objects.count()


def article(prefix: str) -> str:
    (path,) = ARTICLES.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.fixture
def document(registry_rows, django_capture_on_commit_callbacks):
    """Seed article 000 imported as an analyst would: its suggestions are computed on commit."""
    with django_capture_on_commit_callbacks(execute=True):
        return services.document_create(text=article("000"), created_by=None)


def first_sentence(document: Document) -> Suggestion:
    return document.suggestions.get(start=0)


# --- computing: the task, the states, storing ----------------------------------------------------


def test_importing_queues_and_computes_the_suggestions(document):
    document.refresh_from_db()
    assert document.suggestion_state == SuggestionState.READY
    stored = list(document.suggestions.order_by("start"))
    assert len(stored) == 10  # every body sentence of article 000 is a claim candidate
    first = stored[0]
    assert (first.start, first.end, first.tag) == (0, 189, "sourced")
    assert [link["source"]["slug"] for link in first.attributions] == ["mehr", "al-nahrain", "iraqi-security-source"]
    assert first.attributions[0]["mention"] == {"start": 147, "end": 170, "text": "l’agence de presse Mehr"}
    assert first.attributions[0]["rule"] == "prep.selon" and first.attributions[0]["cue"]["text"] == "selon"
    assert 0 < first.confidence <= 1


def test_registry_comes_from_the_source_rows(registry_rows):
    reg = suggestions.registry()
    assert len(reg) == registry_rows == len(json.loads((ROOT / "fixtures" / "sources.json").read_text(encoding="utf-8")))
    assert reg.exact("l’agence de presse Mehr").slug == "mehr"
    Source.objects.filter(slug="mehr").update(aliases=["Mehr"])
    assert suggestions.registry().exact("l’agence de presse Mehr") is None


def test_document_states_go_queued_then_ready(registry_rows, django_capture_on_commit_callbacks, monkeypatch):
    seen = []
    real_run = suggestions.suggestions_run

    def spy(*, document_ids):
        seen.append(Document.objects.get(pk=document_ids[0]).suggestion_state)
        return real_run(document_ids=document_ids)

    monkeypatch.setattr(suggestions, "suggestions_run", spy)
    with django_capture_on_commit_callbacks(execute=True):
        document = services.document_create(text=article("002"), created_by=None)
    assert seen == [SuggestionState.QUEUED]
    document.refresh_from_db()
    assert document.suggestion_state == SuggestionState.READY


def test_a_failing_pipeline_marks_the_document_failed_and_stores_nothing(
    registry_rows, django_capture_on_commit_callbacks, monkeypatch
):
    def broken(texts, registry):
        raise RuntimeError("model unavailable")

    monkeypatch.setattr(suggestions.attribution, "suggest_many", broken)
    with django_capture_on_commit_callbacks(execute=True):
        document = services.document_create(text=article("001"), created_by=None)
    document.refresh_from_db()
    assert document.suggestion_state == SuggestionState.FAILED
    assert not document.suggestions.exists()
    # The task's result records the failure (the import itself went through).
    result = suggest_for_document.enqueue(document.pk)
    assert result.status == "FAILED" and "model unavailable" in result.errors[0].traceback


def test_a_queue_that_refuses_the_task_keeps_the_import_and_marks_failed(
    registry_rows, django_capture_on_commit_callbacks, monkeypatch
):
    def refuse(*args, **kwargs):
        raise ConnectionError("queue down")

    monkeypatch.setattr(tasks, "suggest_for_documents", SimpleNamespace(enqueue=refuse))
    with django_capture_on_commit_callbacks(execute=True):
        document = services.document_create(text=article("001"), created_by=None)
    document.refresh_from_db()
    assert document.suggestion_state == SuggestionState.FAILED


def test_a_big_import_is_queued_in_batches(registry_rows, monkeypatch):
    batches = []
    monkeypatch.setattr(tasks, "suggest_for_documents", SimpleNamespace(enqueue=lambda ids: batches.append(list(ids))))
    tasks.suggestions_queue(document_ids=list(range(1, 46)))
    assert [len(b) for b in batches] == [20, 20, 5]


def test_deleted_documents_are_skipped(db):
    assert suggest_for_documents.enqueue([987654]).return_value == 0


def test_running_again_keeps_unchanged_suggestions_with_their_dismissals_and_claims(document, analyst):
    first = first_sentence(document)
    suggestions.suggestion_dismiss(suggestion=first, user=analyst)
    second = document.suggestions.get(start=190)
    claim = suggestions.suggestion_accept(suggestion=second, user=analyst)
    before = set(document.suggestions.values_list("pk", flat=True))
    suggest_for_document.enqueue(document.pk)
    assert set(document.suggestions.values_list("pk", flat=True)) == before
    assert first_sentence(document).dismissed_by.filter(pk=analyst.pk).exists()
    claim.refresh_from_db()
    assert claim.suggestion_id == second.pk


def test_a_changed_registry_replaces_the_changed_suggestions(document):
    old = first_sentence(document)
    Source.objects.filter(slug="al-nahrain").delete()
    suggest_for_document.enqueue(document.pk)
    new = first_sentence(document)
    assert new.pk != old.pk
    assert not Suggestion.objects.filter(pk=old.pk).exists()
    # al-Nahrain is now proposed as a new source, still in the middle of the chain.
    middle = new.attributions[1]["source"]
    assert middle["slug"] is None and middle["name"] == "Al-Nahrain" and middle["new"] is True


# --- reading and deciding ------------------------------------------------------------------------


def test_accept_makes_a_draft_claim_marked_as_from_the_suggestion(document, analyst):
    suggestion = first_sentence(document)
    claim = suggestions.suggestion_accept(suggestion=suggestion, user=analyst)
    assert claim.status == ClaimStatus.DRAFT and claim.annotator == analyst
    assert claim.suggestion_id == suggestion.pk
    assert (claim.start, claim.end, claim.tag) == (0, 189, "sourced")
    assert claim.text == document.text[0:189]
    chain = list(claim.attributions.order_by("position").select_related("source"))
    assert [a.source.slug for a in chain] == ["mehr", "al-nahrain", "iraqi-security-source"]
    assert [(a.mention_start, a.mention_end) for a in chain] == [(147, 170), (178, 188), (0, 35)]
    # Accepted suggestions leave the analyst's list, not the others'.
    assert suggestion not in suggestions.suggestion_list(document=document, user=analyst)
    other = UserFactory(username="other", groups=["Analyst"])
    assert suggestion in suggestions.suggestion_list(document=document, user=other)


def test_accepting_twice_is_refused_and_makes_one_claim(document, analyst):
    suggestion = first_sentence(document)
    suggestions.suggestion_accept(suggestion=suggestion, user=analyst)
    with pytest.raises(ValidationError, match="accepted this suggestion already"):
        suggestions.suggestion_accept(suggestion=suggestion, user=analyst)
    assert Claim.objects.filter(suggestion=suggestion).count() == 1


def test_accepting_a_proposed_new_source_adds_it_to_the_registry(document, analyst):
    Source.objects.filter(slug="al-nahrain").delete()
    suggest_for_document.enqueue(document.pk)
    claim = suggestions.suggestion_accept(suggestion=first_sentence(document), user=analyst)
    created = Source.objects.get(name="Al-Nahrain")
    assert created.kind == "news_outlet"
    assert [a.source_id for a in claim.attributions.order_by("position")][1] == created.pk
    # A second acceptance reuses it instead of creating a duplicate.
    other = UserFactory(username="other", groups=["Analyst"])
    suggestions.suggestion_accept(suggestion=first_sentence(document), user=other)
    assert Source.objects.filter(name="Al-Nahrain").count() == 1


def test_only_annotators_accept_or_dismiss(document):
    nobody = UserFactory(username="visitor")
    suggestion = first_sentence(document)
    with pytest.raises(ValidationError):
        suggestions.suggestion_accept(suggestion=suggestion, user=nobody)
    with pytest.raises(ValidationError):
        suggestions.suggestion_dismiss(suggestion=suggestion, user=nobody)
    with pytest.raises(ValidationError):
        suggestions.suggestions_accept_all(document=document, user=nobody)
    assert not Claim.objects.exists() and not suggestion.dismissed_by.exists()


def test_dismiss_is_remembered_per_user(document, analyst, other_analyst):
    suggestion = first_sentence(document)
    suggestions.suggestion_dismiss(suggestion=suggestion, user=analyst)
    assert suggestion not in suggestions.suggestion_list(document=document, user=analyst)
    assert suggestion in suggestions.suggestion_list(document=document, user=other_analyst)


def test_accept_all_skips_dismissed_accepted_and_already_annotated_spans(document, analyst):
    pending = list(suggestions.suggestion_list(document=document, user=analyst))
    suggestions.suggestion_dismiss(suggestion=pending[0], user=analyst)
    suggestions.suggestion_accept(suggestion=pending[1], user=analyst)
    # The analyst annotated part of the third sentence by hand.
    third = pending[2]
    services.claim_create(document=document, user=analyst, start=third.start, end=third.start + 10, tag="unsourced")
    created = suggestions.suggestions_accept_all(document=document, user=analyst)
    assert len(created) == len(pending) - 3
    assert {c.suggestion_id for c in created} == {s.pk for s in pending[3:]}
    assert not suggestions.suggestion_list(document=document, user=analyst).exclude(pk=third.pk).exists()
    assert suggestions.suggestions_accept_all(document=document, user=analyst) == []


def test_accept_all_is_all_or_nothing(document, analyst, monkeypatch):
    calls = []
    real_create = services.claim_create

    def fail_on_third(**kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise ValidationError({"start": "refused"})
        return real_create(**kwargs)

    monkeypatch.setattr(services, "claim_create", fail_on_third)
    with pytest.raises(ValidationError):
        suggestions.suggestions_accept_all(document=document, user=analyst)
    assert not Claim.objects.exists()


def test_accept_all_query_count_does_not_grow_with_the_document(document, analyst, django_assert_max_num_queries):
    # A fixed number of queries per accepted suggestion (lock, duplicate check, claim, chain...).
    n = suggestions.suggestion_list(document=document, user=analyst).count()
    with django_assert_max_num_queries(6 + 10 * n):
        suggestions.suggestions_accept_all(document=document, user=analyst)


# --- the commands --------------------------------------------------------------------------------


def test_suggest_claims_json_has_the_contract_shape_and_stores_nothing(registry_rows, tmp_path, capsys):
    text = "Titre de l’article\r\n\r\n" + article("000").replace("\n", "\r\n")
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode("utf-8"))
    call_command("suggest_claims", str(path), "--format", "json")
    data = json.loads(capsys.readouterr().out)
    assert not Document.objects.exists() and not Suggestion.objects.exists()
    assert set(data) >= {"sentences"}
    first = next(s for s in data["sentences"] if s["text"].startswith("Une source"))
    assert text[first["start"] : first["end"]] == first["text"]  # offsets into the text as read (CRLF kept)
    assert first["tag"] == "sourced"
    for link, slug in zip(first["attributions"], ["mehr", "al-nahrain", "iraqi-security-source"], strict=True):
        assert set(link["source"]) >= {"name", "kind", "slug"} and link["source"]["slug"] == slug
        mention = link["mention"]
        assert text[mention["start"] : mention["end"]] == mention["text"]
        assert {"cue", "rule", "confidence", "vague"} <= set(link)
    for sentence in data["sentences"]:
        assert sentence["tag"] in {"sourced", "unsourced"}
        assert (sentence["tag"] == "sourced") == bool(sentence["attributions"])


def test_suggest_claims_text_format_is_a_readable_listing(registry_rows, tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(article("002"), encoding="utf-8")
    call_command("suggest_claims", str(path), "--format", "text")
    out = capsys.readouterr().out
    assert "SOURCED" in out and "UNSOURCED" in out and "(publisher, not a claim)" in out
    assert "0. Agence France-Presse (AFP) (news_outlet, afp)" in out
    # A vague form points at nobody: unsourced, flagged, no pseudo-source.
    assert any(line.startswith("[") and "UNSOURCED [vague]" in line and "On estime" in line for line in out.splitlines())
    assert "vague-attribution" not in out


def test_suggest_claims_can_read_the_registry_from_a_file(db, tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Selon l’agence de presse Mehr, le convoi est arrivé.", encoding="utf-8")
    call_command("suggest_claims", str(path), "--registry", str(ROOT / "fixtures" / "sources.json"))
    (sentence,) = json.loads(capsys.readouterr().out)["sentences"]
    assert sentence["attributions"][0]["source"]["slug"] == "mehr"


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "no such file"),
        ("folder", "is a folder"),
        (b"\xff\xfe\x00t", "not UTF-8"),
        (b"  \n\n ", "empty"),
    ],
)
def test_suggest_claims_refuses_a_bad_file_with_one_line(db, tmp_path, content, message):
    path = tmp_path / "input.txt"
    if content == "folder":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        call_command("suggest_claims", str(path))


def test_suggest_claims_bad_file_exits_non_zero_with_one_stderr_line(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("élan".encode("latin-1"))
    done = subprocess.run(
        [sys.executable, "manage.py", "suggest_claims", str(path), "--format", "json"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode != 0
    assert done.stdout == ""
    assert done.stderr.strip().count("\n") == 0 and "not UTF-8" in done.stderr


def test_evaluate_suggestions_reaches_the_thresholds_on_the_gold(registry_rows, capsys):
    call_command("evaluate_suggestions", str(GOLD), "--format", "json")
    data = json.loads(capsys.readouterr().out)
    overall = data["overall"]
    assert overall["sourced_tag"]["f1"] >= 0.85
    assert overall["direct_source_overlap"]["recall"] >= 0.80
    assert [d["id"][:3] for d in data["documents"]] == ["000", "001", "002"]
    assert overall["sourced_tag"]["gold"] == 31
    call_command("evaluate_suggestions", str(GOLD))
    table = capsys.readouterr().out
    assert "overall" in table and "chain acc" in table


def test_evaluate_suggestions_refuses_a_broken_gold_file_saying_where(db, tmp_path):
    good = GOLD.read_text(encoding="utf-8").splitlines()[0]
    broken = json.loads(good)
    broken["sentences"][0]["chain"][0]["mention"]["start"] += 1
    path = tmp_path / "gold.jsonl"
    path.write_text(good + "\n" + json.dumps(broken, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(CommandError, match="line 2: .*mention"):
        call_command("evaluate_suggestions", str(path))
    path.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(CommandError, match="line 1: not JSON"):
        call_command("evaluate_suggestions", str(path))


# --- the pages ------------------------------------------------------------------------------------

HTMX = {"HTTP_HX_REQUEST": "true"}


def url(document, suggestion=None, action="accept"):
    if suggestion is None:
        return f"/documents/{document.pk}/suggestions/accept-all/"
    return f"/documents/{document.pk}/suggestions/{suggestion.pk}/{action}/"


@pytest.fixture
def as_analyst(client, analyst):
    client.force_login(analyst)
    return client


def test_annotate_page_lists_the_suggestions_with_their_buttons(as_analyst, document):
    html = as_analyst.get(document.get_absolute_url()).content.decode()
    assert 'id="suggestion-list"' in html and "10 suggestions: 9 sourced, 1 unsourced;" in html
    first = first_sentence(document)
    assert f'id="suggestion-{first.pk}"' in html and 'data-start="0" data-end="189"' in html
    for label in (">Accept all</button>", ">Accept</button>", ">Edit</a>", ">Dismiss</button>"):
        assert label in html
    assert "suggestions.js" in html and "suggestions.css" in html
    # Each card's actions point at the views' own URLs (built from one prefix for the list).
    from django.urls import reverse

    for name in ("suggestion-accept", "suggestion-edit", "suggestion-dismiss"):
        assert html.count(f'"{reverse(f"claims:{name}", args=[document.pk, first.pk])}"') == 2, name


def test_users_without_a_role_see_suggestions_but_cannot_decide(client, document):
    visitor = UserFactory(username="visitor")
    client.force_login(visitor)
    html = client.get(document.get_absolute_url()).content.decode()
    assert 'id="suggestion-list"' in html and ">Accept</button>" not in html
    response = client.post(url(document, first_sentence(document)))
    assert response.status_code == 403
    assert client.post(url(document, first_sentence(document)), **HTMX).status_code == 200  # the panel says why
    assert client.post(url(document), **HTMX).content.decode().count("Only analysts") == 1
    assert not Claim.objects.exists()


def test_pages_need_a_login(client, document):
    response = client.post(url(document, first_sentence(document)))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Claim.objects.exists()


def test_accept_over_htmx_swaps_panel_claims_text_and_list(as_analyst, document):
    first = first_sentence(document)
    response = as_analyst.post(url(document, first), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert "Suggestion accepted" in html
    for oob in ('id="claim-list" class="claim-list" hx-swap-oob="true"', 'id="doc-text"', 'id="suggestion-list"'):
        assert oob in html
    assert html.count('hx-swap-oob="true"') == 3
    assert f'id="suggestion-{first.pk}"' not in html
    assert Claim.objects.get().suggestion_id == first.pk


def test_accept_without_htmx_redirects_to_the_new_claim(as_analyst, document):
    response = as_analyst.post(url(document, first_sentence(document)))
    claim = Claim.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{document.get_absolute_url()}?claim={claim.pk}"
    again = as_analyst.post(url(document, first_sentence(document)))
    assert again.status_code == 409 and "accepted this suggestion already" in again.content.decode()
    assert Claim.objects.count() == 1


def test_suggestion_of_another_document_or_wrong_method_is_refused(as_analyst, document, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        other = services.document_create(text=article("002"), created_by=None)
    assert as_analyst.post(url(other, first_sentence(document))).status_code == 404
    assert as_analyst.get(url(document, first_sentence(document))).status_code == 405
    assert as_analyst.post(f"/documents/{document.pk}/suggestions/999999/dismiss/").status_code == 404


def test_edit_shows_the_claim_form_prefilled_and_saves_from_the_suggestion(as_analyst, document, analyst):
    Source.objects.filter(slug="al-nahrain").delete()
    suggest_for_document.enqueue(document.pk)
    first = first_sentence(document)
    html = as_analyst.get(url(document, first, "edit"), **HTMX).content.decode()
    assert "<html" not in html and "A suggested claim" in html
    assert f'action="/documents/{document.pk}/suggestions/{first.pk}/edit/"' in html
    assert 'value="sourced" checked' in html
    assert html.count('class="chain-link"') == 2  # Mehr and the security source; al-Nahrain is new
    assert "Not in the registry yet: Al-Nahrain (news_outlet)" in html
    assert 'value="Al-Nahrain"' in html  # the New source form, filled in
    mehr, security = Source.objects.get(slug="mehr"), Source.objects.get(slug="iraqi-security-source")
    bad = as_analyst.post(url(document, first, "edit"), {"start": 0, "end": 189, "tag": "maybe"}, **HTMX)
    assert bad.status_code == 200 and "The claim was not saved" in bad.content.decode()
    assert not Claim.objects.exists()
    data = {
        "start": 0, "end": 189, "tag": "sourced", "action": "save",
        "link_source": [mehr.pk, security.pk], "link_mention_start": [147, 0], "link_mention_end": [170, 35],
    }
    response = as_analyst.post(url(document, first, "edit"), data, **HTMX)
    assert "Claim saved from the suggestion." in response.content.decode()
    claim = Claim.objects.get()
    assert claim.suggestion_id == first.pk and claim.tag == "sourced"
    assert [a.source.slug for a in claim.attributions.order_by("position")] == ["mehr", "iraqi-security-source"]


def test_dismiss_and_accept_all_pages(as_analyst, document, analyst):
    first = first_sentence(document)
    html = as_analyst.post(url(document, first, "dismiss"), **HTMX).content.decode()
    assert "Suggestion dismissed." in html and f'id="suggestion-{first.pk}"' not in html
    assert first.dismissed_by.filter(pk=analyst.pk).exists()
    html = as_analyst.post(url(document), **HTMX).content.decode()
    assert "9 suggestions accepted as draft claims." in html and "No suggestion left" in html
    assert Claim.objects.filter(annotator=analyst).count() == 9
    assert "No suggestion left to accept." in as_analyst.post(url(document), **HTMX).content.decode()


def test_suggestion_text_is_escaped(as_analyst, registry_rows, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = services.document_create(
            text="Le ministre <script>alert(1)</script> a déclaré que la ville <b>est</b> tombée.", created_by=None
        )
    html = as_analyst.get(document.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_annotate_page_queries_do_not_grow_with_suggestions(as_analyst, registry_rows, django_capture_on_commit_callbacks):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from claims.views import fragments

    counts = []
    for n in (2, 40):
        fragments.cache.clear()  # each first view renders (and caches) the registry the page carries
        text = "\n".join(f"Selon l’agence Mehr, le convoi {i} est arrivé à Mossoul." for i in range(n))
        with django_capture_on_commit_callbacks(execute=True):
            document = services.document_create(text=text, created_by=None)
        assert document.suggestions.count() == n
        with CaptureQueriesContext(connection) as queries:
            assert as_analyst.get(document.get_absolute_url()).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_document_list_shows_each_documents_suggestion_state(as_analyst, document):
    Document.objects.filter(pk=document.pk).update(suggestion_state=SuggestionState.FAILED)
    html = as_analyst.get("/").content.decode()
    assert '<th scope="col">Suggestions</th>' in html
    assert '<td class="suggestion-state state-failed">Failed</td>' in html


# --- the API --------------------------------------------------------------------------------------


def test_api_lists_a_documents_suggestions_with_the_callers_decisions(client, document, analyst):
    first = first_sentence(document)
    suggestions.suggestion_dismiss(suggestion=first, user=analyst)
    second = document.suggestions.get(start=190)
    claim = suggestions.suggestion_accept(suggestion=second, user=analyst)
    credentials = json.dumps({"username": "ann", "password": "test-password-123"})
    token = client.post("/api/v1/auth/token/", credentials, content_type="application/json").json()["token"]
    response = client.get(f"/api/v1/documents/{document.pk}/suggestions/", HTTP_AUTHORIZATION=f"Token {token}")
    assert response.status_code == 200
    data = response.json()
    assert data["document"] == document.pk and data["state"] == "ready"
    assert len(data["sentences"]) == 10
    top = data["sentences"][0]
    assert (top["id"], top["start"], top["end"], top["tag"], top["dismissed"], top["claim"]) == (first.pk, 0, 189, "sourced", True, None)
    assert top["text"] == document.text[0:189]
    assert [a["source"]["slug"] for a in top["attributions"]] == ["mehr", "al-nahrain", "iraqi-security-source"]
    assert top["attributions"][0] == {
        "source": {"name": "Mehr News Agency", "kind": "news_outlet", "slug": "mehr", "new": False},
        "mention": {"start": 147, "end": 170, "text": "l’agence de presse Mehr"},
        "cue": {"start": 141, "end": 146, "text": "selon"},
        "rule": "prep.selon",
        "confidence": 0.9,
        "vague": False,
    }
    assert data["sentences"][1]["claim"] == claim.pk and not data["sentences"][1]["dismissed"]
    # Another analyst sees the same suggestions, undecided.
    other = UserFactory(username="other", groups=["Analyst"])
    client.force_login(other)
    mine = client.get(f"/api/v1/documents/{document.pk}/suggestions/").json()["sentences"]
    assert not any(s["dismissed"] or s["claim"] for s in mine)


def test_api_suggestions_need_authentication_and_an_existing_document(client, document, analyst):
    assert client.get(f"/api/v1/documents/{document.pk}/suggestions/").status_code in (401, 403)
    client.force_login(analyst)
    missing = client.get("/api/v1/documents/987654/suggestions/")
    assert missing.status_code == 404 and missing["Content-Type"].startswith("application/json")
    assert "/api/v1/documents/{id}/suggestions/" in client.get("/api/schema/").content.decode()


def test_api_suggestion_queries_do_not_grow(client, document, analyst, django_assert_max_num_queries):
    client.force_login(analyst)
    with django_assert_max_num_queries(6):
        assert client.get(f"/api/v1/documents/{document.pk}/suggestions/").status_code == 200


def test_queue_suggestions_command_computes_documents_not_ready(document, capsys):
    Document.objects.filter(pk=document.pk).update(suggestion_state=SuggestionState.NONE)
    Suggestion.objects.all().delete()
    call_command("queue_suggestions")
    assert "Queued 1 document(s)" in capsys.readouterr().out
    document.refresh_from_db()
    assert document.suggestion_state == SuggestionState.READY and document.suggestions.count() == 10
    call_command("queue_suggestions")
    assert "Queued 0 document(s)" in capsys.readouterr().out
    call_command("queue_suggestions", "--all")
    assert "Queued 1 document(s)" in capsys.readouterr().out
    with pytest.raises(CommandError, match="no document with id 987654"):
        call_command("queue_suggestions", "987654")
