"""Streamed exports: shapes, filters and scoping, CSV injection, the W3C JSON-LD, the snapshot,
and a client that disconnects."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime

import psycopg
import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from claims import services
from claims.api import exports
from claims.models import Claim, Document, Sentence, Source
from tests.api.conftest import TEXT


def body(response) -> str:
    assert response.status_code == 200, response.content
    return b"".join(response.streaming_content).decode("utf-8")


def export(client, fmt: str, query: str = "") -> str:
    return body(client.get(f"/api/v1/export/claims/?format={fmt}{query}"))


@pytest.fixture
def reviewed(db, analyst, reviewer, chain_claim, quote_claim, unsourced_claim):
    services.claim_submit(claim=chain_claim, user=analyst)
    services.claim_review(claim=chain_claim, reviewer=reviewer, decision="reject", reason="wrong_source", comment="=1+1")
    return [chain_claim, quote_claim, unsourced_claim]


@pytest.mark.django_db
def test_jsonl_is_the_contract_claim_plus_its_review(api, analyst, reviewed):
    response = api(analyst).get("/api/v1/export/claims/?format=jsonl")
    assert response["Content-Type"] == "application/x-ndjson; charset=utf-8"
    assert 'filename="claims-jsonl.jsonl"' in response["Content-Disposition"]
    lines = [json.loads(line) for line in body(response).splitlines()]
    assert [c["id"] for c in lines] == sorted(c.pk for c in reviewed)
    listed = {c["id"]: c for c in api(analyst).get("/api/v1/claims/").json()["results"]}
    for claim in lines:
        review = claim.pop("review")
        api_claim = listed[claim["id"]]
        for key in ("created_at", "updated_at"):  # the same instant, ISO 8601 either way
            assert datetime.fromisoformat(claim.pop(key)) == datetime.fromisoformat(api_claim.pop(key))
        assert claim == api_claim
        assert TEXT[claim["start"] : claim["end"]] == claim["text"]
        if claim["id"] == reviewed[0].pk:
            assert review["decision"] == "reject" and review["reviewer"] == "rev" and review["reason"] == "wrong_source"
        else:
            assert review is None


@pytest.mark.django_db
def test_json_is_one_array_of_the_same(api, analyst, reviewed):
    client = api(analyst)
    as_lines = [json.loads(line) for line in export(client, "jsonl").splitlines()]
    assert json.loads(export(client, "json")) == as_lines


@pytest.mark.django_db
def test_empty_exports_are_well_formed(api, other_analyst, reviewed):
    client = api(other_analyst)
    assert export(client, "jsonl") == ""
    assert json.loads(export(client, "json")) == []
    assert json.loads(export(client, "labelstudio")) == []
    assert export(client, "doccano") == ""
    assert json.loads(export(client, "w3c"))["first"]["items"] == []
    assert export(client, "csv").splitlines() == [",".join(exports.CSV_COLUMNS)]


@pytest.mark.django_db
def test_filters_and_scoping_apply(api, analyst, other_analyst, reviewer, sources, reviewed, document):
    services.claim_create(document=document, user=other_analyst, start=0, end=10, tag="unsourced")

    def ids(client, query=""):
        return [json.loads(line)["id"] for line in export(client, "jsonl", query).splitlines()]

    assert ids(api(analyst)) == sorted(c.pk for c in reviewed)
    assert ids(api(analyst), "&tag=unsourced") == [reviewed[2].pk]
    assert ids(api(analyst), f"&source={sources['al-nahrain'].pk}") == [reviewed[0].pk]
    assert ids(api(reviewer)) == [reviewed[0].pk]  # drafts of others stay out of reach
    response = api(analyst).get("/api/v1/export/claims/?format=jsonl&status=nope")
    assert response.status_code == 400 and "status" in response.json()
    response = api(analyst).get("/api/v1/export/claims/?format=xlsx")
    assert response.status_code == 400 and "format" in response.json()


@pytest.mark.django_db
def test_csv_flattens_the_chain_and_neutralises_formulas(api, analyst, reviewed, sources):
    Source.objects.filter(pk=sources["mehr"].pk).update(name="@Mehr")
    cell = '=HYPERLINK("http://x")'
    formula = services.document_create(text=f"{cell}\n+33 1 23 45\n", created_by=None)
    services.claim_create(document=formula, user=analyst, start=0, end=len(cell), tag="unsourced")

    rows = list(csv.DictReader(io.StringIO(export(api(analyst), "csv"), newline="")))

    assert list(rows[0]) == exports.CSV_COLUMNS
    chain = rows[0]
    assert chain["chain_slugs"] == "mehr > al-nahrain > iraqi-security-source"
    assert chain["chain_names"] == "'@Mehr > al-Nahrain > Iraqi security source (unnamed)"
    assert chain["chain_mentions"] == "l’agence de presse Mehr > al-Nahrain > Une source de la sécurité irakienne"
    assert (chain["review_decision"], chain["review_comment"], chain["reviewer"]) == ("reject", "'=1+1", "rev")
    assert chain["text"] == TEXT[: int(chain["end"])]  # commas and quotes survive the quoting
    assert rows[-1]["text"] == "'=HYPERLINK(\"http://x\")"
    assert rows[2]["chain_length"] == "0" and rows[2]["chain_slugs"] == ""


def _seed_claims(analyst) -> int:
    """Claims over the seed articles' body sentences: sourced with the registry sources whose
    name or alias the sentence holds (the mention is that occurrence), else unsourced."""
    import re

    made = 0
    names = [
        (source, re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE))
        for source in Source.objects.all()
        for name in sorted({source.name, *source.aliases}, key=len, reverse=True)
        if len(name) > 3
    ]
    for document in Document.objects.order_by("pk"):
        for sentence in Sentence.objects.filter(document=document, kind="body").order_by("index")[:12]:
            text, chain, cited = document.text[sentence.start : sentence.end], [], set()
            for source, pattern in names:
                if source.pk not in cited and len(chain) < 3 and (match := pattern.search(text)):
                    cited.add(source.pk)
                    chain.append(services.Link(source, len(chain), sentence.start + match.start(), sentence.start + match.end()))
            services.claim_create(
                document=document, user=analyst, start=sentence.start, end=sentence.end,
                tag="sourced" if chain else "unsourced", chain=chain,
            )  # fmt: skip
            made += 1
    return made


def _selector_pairs(node, found):
    """Every (TextQuoteSelector, TextPositionSelector, source IRI) in an expanded JSON-LD tree."""
    oa = "http://www.w3.org/ns/oa#"
    if isinstance(node, list):
        for item in node:
            _selector_pairs(item, found)
    elif isinstance(node, dict):
        if oa + "hasSelector" in node:
            selectors = {s["@type"][0].removeprefix(oa): s for s in node[oa + "hasSelector"]}
            found.append((selectors["TextQuoteSelector"], selectors["TextPositionSelector"], node[oa + "hasSource"][0]["@id"]))
        for value in node.values():
            _selector_pairs(value, found)
    return found


@pytest.mark.django_db
def test_w3c_export_of_the_seed_claims_expands_as_json_ld(api, analyst, settings):
    from pyld import jsonld

    settings.SEED_DEMO_USERS = False
    call_command("seed", verbosity=0)
    count = _seed_claims(analyst)
    assert count >= 30 and Claim.objects.filter(tag="sourced").count() >= 5

    document = json.loads(export(api(analyst), "w3c"))
    assert document["total"] == count

    expanded = jsonld.expand(document, {"documentLoader": exports.jsonld_document_loader})

    oa, as_ = "http://www.w3.org/ns/oa#", "http://www.w3.org/ns/activitystreams#"
    [collection] = expanded
    assert collection["@type"] == [as_ + "OrderedCollection"]
    items = collection[as_ + "first"][0][as_ + "items"][0]["@list"]
    assert len(items) == count
    assert all(item["@type"] == [oa + "Annotation"] for item in items)
    texts = dict(Document.objects.values_list("pk", "text"))
    pairs = _selector_pairs(items, [])
    assert len(pairs) >= count  # the targets, then the mentions of the chains
    for quote, position, iri in pairs:
        text = texts[int(iri.rstrip("/").rsplit("/", 1)[1])]
        start, end = (int(position[oa + key][0]["@value"]) for key in ("start", "end"))
        assert quote[oa + "exact"][0]["@value"] == text[start:end]
        if oa + "prefix" in quote:
            assert text[:start].endswith(quote[oa + "prefix"][0]["@value"])
            assert text[end:].startswith(quote[oa + "suffix"][0]["@value"])
    # Each sourced claim names its sources in its bodies, in chain order.
    bodies = [b for item in items for b in item[oa + "hasBody"] if oa + "hasSource" in b]
    assert bodies and all("urn:x-claim-annotator:position" in b for b in bodies)


def test_the_json_ld_loader_never_fetches():
    with pytest.raises(ValueError, match="no network"):
        exports.jsonld_document_loader("https://example.org/context.jsonld", {})


@pytest.mark.django_db
def test_doccano_and_labelstudio_shapes(api, analyst, reviewed, sources):
    client = api(analyst)
    [line] = [json.loads(line) for line in export(client, "doccano").splitlines()]
    assert line["text"] == TEXT
    assert line["label"] == [[c.start, c.end, c.tag.upper()] for c in sorted(reviewed, key=lambda c: c.start)]
    by_id = {e["id"]: e for e in line["entities"]}
    chain = reviewed[0]
    path, current = [], f"claim-{chain.pk}"
    following = {r["from_id"]: r["to_id"] for r in line["relations"]}
    while current in following:
        current = following[current]
        path.append(by_id[current]["label"])
    assert path == ["mehr", "al-nahrain", "iraqi-security-source"]

    [task] = json.loads(export(client, "labelstudio"))
    assert task["data"]["text"] == TEXT
    [annotation] = task["annotations"]
    assert annotation["created_username"] == "ann"
    labels = [r for r in annotation["result"] if r["type"] == "labels"]
    for region in labels:
        value = region["value"]
        assert TEXT[value["start"] : value["end"]] == value["text"]
    relations = [r for r in annotation["result"] if r["type"] == "relation"]
    assert len(relations) == 4 and all(r["labels"] == ["cites"] and r["direction"] == "right" for r in relations)


# --- streaming: a snapshot, the cursor freed on disconnect ----------------------------------------


def _cursors() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_cursors")
        return cursor.fetchone()[0]


@pytest.fixture
def many_claims(transactional_db, analyst, document):
    return [
        services.claim_create(document=document, user=analyst, start=i, end=i + 20, tag="unsourced").pk
        for i in range(40)
    ]


def test_a_client_that_disconnects_frees_the_cursor(api, analyst, many_claims, monkeypatch):
    monkeypatch.setattr(exports, "CHUNK_SIZE", 5)
    response = api(analyst).get("/api/v1/export/claims/?format=jsonl")
    chunks = iter(response.streaming_content)
    first = next(chunks)
    assert first.count(b"\n") == 5
    assert connection.in_atomic_block and _cursors() == 1  # the export's transaction and cursor

    response.close()  # what the server does when the client goes away

    assert not connection.in_atomic_block
    assert _cursors() == 0


def test_one_snapshot_while_others_write(api, analyst, many_claims, monkeypatch):
    monkeypatch.setattr(exports, "CHUNK_SIZE", 5)
    chunks = iter(api(analyst).get("/api/v1/export/claims/?format=jsonl").streaming_content)
    received = next(chunks)
    db = settings.DATABASES["default"]
    with psycopg.connect(
        host=db["HOST"], port=db["PORT"] or None, user=db["USER"], password=db["PASSWORD"] or None, dbname=db["NAME"],
        autocommit=True,
    ) as other:  # fmt: skip
        other.execute("UPDATE claims_claim SET tag = 'sourced' WHERE id = %s", [many_claims[-1]])
        other.execute("DELETE FROM claims_claim WHERE id = %s", [many_claims[-2]])
    received += b"".join(chunks)
    claims = [json.loads(line) for line in received.decode().splitlines()]
    assert [c["id"] for c in claims] == many_claims
    assert claims[-1]["tag"] == "unsourced"
    assert Claim.objects.get(pk=many_claims[-1]).tag == "sourced"  # the write did happen
