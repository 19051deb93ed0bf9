"""Claim flags (CONTRACT.md "Claim flags"): read and written through the API, validated,
carried by the exports and by claims accepted from suggestions."""

from __future__ import annotations

import csv
import io
import json

from claims.models import Claim, Suggestion
from tests.api.conftest import FIRST_SENTENCE_END
from tests.api.test_claims import contract_input


def test_flags_are_written_and_read(api, analyst, document, sources):
    response = api(analyst).post("/api/v1/claims/", contract_input(document, flags=["caption"]), format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["flags"] == ["caption"]
    claim = Claim.objects.get(pk=response.json()["id"])
    assert claim.flags == ["caption"]
    got = api(analyst).get(f"/api/v1/claims/{claim.pk}/").json()
    assert got["flags"] == ["caption"]


def test_patch_changes_the_flags_and_put_without_them_keeps_them(api, analyst, document, sources):
    client = api(analyst)
    body = client.post("/api/v1/claims/", contract_input(document, tag="unsourced", attributions=[]), format="json").json()
    patched = client.patch(f"/api/v1/claims/{body['id']}/", {"version": 1, "flags": ["vague"]}, format="json")
    assert patched.status_code == 200, patched.json()
    assert patched.json()["flags"] == ["vague"]
    put = client.put(
        f"/api/v1/claims/{body['id']}/",
        {"version": 2, "start": 0, "end": FIRST_SENTENCE_END, "tag": "unsourced"},
        format="json",
    )
    assert put.status_code == 200 and put.json()["flags"] == ["vague"]


def test_bad_flags_are_a_400_naming_the_field(api, analyst, document, sources):
    client = api(analyst)
    for flags, why in ((["photo"], "not a valid choice"), (["caption", "caption"], "once"), ("caption", "list")):
        response = client.post("/api/v1/claims/", contract_input(document, flags=flags), format="json")
        assert response.status_code == 400, flags
        assert "flags" in response.json(), response.json()
    # A vague claim points at nobody: never sourced.
    response = client.post("/api/v1/claims/", contract_input(document, flags=["vague"]), format="json")
    assert response.status_code == 400 and "flags" in response.json()
    assert not Claim.objects.exists()


def test_exports_carry_the_flags(api, analyst, document, sources):
    client = api(analyst)
    client.post("/api/v1/claims/", contract_input(document, flags=["caption"]), format="json")
    lines = b"".join(client.get("/api/v1/export/claims/?format=jsonl").streaming_content).decode().splitlines()
    assert json.loads(lines[0])["flags"] == ["caption"]
    data = b"".join(client.get("/api/v1/export/claims/?format=csv").streaming_content).decode()
    (row,) = list(csv.DictReader(io.StringIO(data, newline="")))
    assert row["flags"] == "caption"
    w3c = b"".join(client.get("/api/v1/export/claims/?format=w3c").streaming_content).decode()
    assert '"value": "caption"' in w3c or '"value":"caption"' in w3c


def test_a_claim_accepted_from_a_suggestion_keeps_its_flags(api, analyst, document, sources):
    suggestion = Suggestion.objects.create(
        document=document, start=0, end=FIRST_SENTENCE_END, tag="unsourced", attributions=[], flags=["vague"]
    )
    response = api(analyst).get(f"/api/v1/documents/{document.pk}/suggestions/")
    assert response.status_code == 200
    assert [s["flags"] for s in response.json()["sentences"]] == [["vague"]]
    from claims import suggestions

    claim = suggestions.suggestion_accept(suggestion=suggestion, user=analyst)
    assert claim.flags == ["vague"]
