"""doccano and Label Studio: export, import into an empty database, same spans, tags and chains;
files made by the tools themselves; the all-or-nothing import with its per-line report; the
command line."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections import Counter

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from claims import interchange, services
from claims.models import Claim, Document, Source, SourceKind
from tests.api.conftest import TEXT, client_for, span_of
from tests.factories import SourceFactory, UserFactory

SECOND = "Les inondations touchent Bassora 🌊, selon l’AFP, qui cite la Défense civile.\nAucun bilan n’est donné.\n"


def snapshot() -> Counter:
    """Every claim as (text, start, end, tag, chain): what a round trip must give back."""
    return Counter(
        (
            claim.document.text,
            claim.start,
            claim.end,
            claim.tag,
            tuple((a.position, a.source.slug, a.mention_start, a.mention_end) for a in claim.attributions.all()),
        )
        for claim in Claim.objects.select_related("document").prefetch_related("attributions__source")
    )


def empty_database() -> None:
    Claim.objects.all().delete()
    Document.objects.all().delete()
    Source.objects.all().delete()


@pytest.fixture
def corpus(db, analyst, other_analyst, admin_user):
    """Two documents; chains with mentions, a link without mention in the middle, an emoji
    before the spans (code points), two annotators, the same claim made by both."""
    mehr = SourceFactory(slug="mehr", name="Mehr News Agency", kind=SourceKind.NEWS_OUTLET)
    nahrain = SourceFactory(slug="al-nahrain", name="al-Nahrain", kind=SourceKind.NEWS_OUTLET)
    iraqi = SourceFactory(slug="iraqi-security-source", name="Iraqi security source (unnamed)", kind=SourceKind.ANONYMOUS)
    afp = SourceFactory(slug="afp", name="Agence France-Presse", kind=SourceKind.NEWS_OUTLET)
    civil = SourceFactory(slug="civil-defence", name="Défense civile", kind=SourceKind.INSTITUTION)
    first = services.document_create(text=TEXT, title="al-Anbar", created_by=None)
    second = services.document_create(text=SECOND, title="Bassora", created_by=None)
    sentence_end = TEXT.index("\n")
    contract_chain = [
        services.Link(mehr, 0, *span_of(TEXT, "l’agence de presse Mehr")),
        services.Link(nahrain, 1),  # known, not named in the text
        services.Link(iraqi, 2, *span_of(TEXT, "Une source de la sécurité irakienne")),
    ]
    services.claim_create(document=first, user=analyst, start=0, end=sentence_end, tag="sourced", chain=contract_chain)
    services.claim_create(document=first, user=other_analyst, start=0, end=sentence_end, tag="sourced", chain=contract_chain)
    services.claim_create(
        document=first, user=other_analyst, start=0, end=sentence_end, tag="sourced",
        chain=[services.Link(mehr, 0, *span_of(TEXT, "l’agence de presse Mehr"))],
    )  # fmt: skip
    combats = span_of(TEXT, "Les combats continuent.")
    services.claim_create(document=first, user=analyst, start=combats[0], end=combats[1], tag="unsourced")
    flood = span_of(SECOND, "Les inondations touchent Bassora 🌊, selon l’AFP, qui cite la Défense civile.")
    services.claim_create(
        document=second, user=analyst, start=flood[0], end=flood[1], tag="sourced",
        chain=[services.Link(afp, 0, *span_of(SECOND, "l’AFP")), services.Link(civil, 1, *span_of(SECOND, "Défense civile"))],
    )  # fmt: skip
    no_toll = span_of(SECOND, "Aucun bilan n’est donné.")
    services.claim_create(document=second, user=analyst, start=no_toll[0], end=no_toll[1], tag="unsourced")
    return snapshot()


def exported(admin_user, fmt: str) -> bytes:
    response = client_for(admin_user).get(f"/api/v1/export/claims/?format={fmt}")
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def import_through_api(user, fmt: str, data: bytes, name: str = "export"):
    upload = SimpleUploadedFile(name, data)
    return client_for(user).post(f"/api/v1/import/annotations/?format={fmt}", {"file": upload}, format="multipart")


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["doccano", "labelstudio"])
@pytest.mark.parametrize("through", ["api", "command line"])
def test_round_trip_into_an_empty_database(corpus, admin_user, analyst, fmt, through, tmp_path):
    data = exported(admin_user, fmt)
    empty_database()
    assert not Source.objects.exists()

    if through == "api":
        response = import_through_api(analyst, fmt, data)
        assert response.status_code == 201, response.json()
        report = response.json()
    else:
        path = tmp_path / f"export.{fmt}"
        path.write_bytes(data)
        out = io.StringIO()
        call_command("import_annotations", str(path), "--format", fmt, "--user", analyst.username, stdout=out)
        report = {"claims_created": int(out.getvalue().split(": ")[1].split(" ")[0])}

    # The same spans, tags and chains; the two identical claims of two analysts become one
    # claim of the importing analyst.
    assert set(snapshot()) == set(corpus)
    assert sum(snapshot().values()) == sum(corpus.values()) - 1
    assert report["claims_created"] == sum(corpus.values()) - 1
    assert set(Claim.objects.values_list("annotator__username", "status")) == {("ann", "draft")}
    assert Source.objects.get(slug="civil-defence").kind == "institution"  # described by the file


@pytest.mark.django_db
def test_importing_twice_changes_nothing_and_documents_are_matched(corpus, admin_user, analyst):
    data = exported(admin_user, "labelstudio")
    first = import_through_api(analyst, "labelstudio", data).json()
    assert first["documents_matched"] == 2 and first["documents_created"] == 0
    count = Claim.objects.count()
    again = import_through_api(analyst, "labelstudio", data).json()
    assert again["claims_created"] == 0 and again["claims_skipped"] == first["claims_created"] + first["claims_skipped"]
    assert Claim.objects.count() == count
    assert Document.objects.count() == 2


def test_a_doccano_file_from_doccano_itself():
    """Relation projects: integer ids, labels are slugs, relation types in any case."""
    text = "Selon Mehr, citant al-Nahrain, la colonne est arrivée. Selon Mehr, la base est prise."
    second = text.index("Selon Mehr, la base")
    line = {
        "id": 7,
        "text": text,
        "entities": [
            {"id": 101, "label": "SOURCED", "start_offset": 0, "end_offset": 54},
            {"id": 102, "label": "mehr", "start_offset": 6, "end_offset": 10},
            {"id": 103, "label": "al-nahrain", "start_offset": 19, "end_offset": 29},
            {"id": 104, "label": "Sourced", "start_offset": second, "end_offset": len(text)},
            {"id": 105, "label": "mehr", "start_offset": second + 6, "end_offset": second + 10},
        ],
        "relations": [
            {"id": 1, "from_id": 101, "to_id": 102, "type": "cites"},
            {"id": 2, "from_id": 102, "to_id": 103, "type": "cites"},
            {"id": 3, "from_id": 104, "to_id": 105, "type": "CITES"},
        ],
    }
    documents, errors = interchange.parse_doccano((json.dumps(line) + "\n").encode())
    assert errors == []
    [document] = documents
    assert [(c.start, c.end, c.tag, [(l.position, l.source, l.mention) for l in c.chain]) for c in document.claims] == [
        (0, 54, "sourced", [(0, "mehr", (6, 10)), (1, "al-nahrain", (19, 29))]),
        (second, len(text), "sourced", [(0, "mehr", (second + 6, second + 10))]),
    ]


def test_a_sequence_labelling_doccano_file():
    line = {"text": "Une phrase. Une autre.", "label": [[0, 11, "UNSOURCED"], [12, 22, "SOURCED"]]}
    documents, errors = interchange.parse_doccano(json.dumps(line).encode())
    assert errors == []
    assert [(c.start, c.end, c.tag, c.chain) for c in documents[0].claims] == [(0, 11, "unsourced", ()), (12, 22, "sourced", ())]


def test_a_label_studio_file_from_label_studio_itself():
    text = "Selon Mehr, la colonne est arrivée."
    task = {
        "data": {"text": text},
        "annotations": [
            {
                "result": [
                    {"id": "a1", "type": "labels", "from_name": "label", "to_name": "text",
                     "value": {"start": 0, "end": 35, "text": text, "labels": ["SOURCED"]}},
                    {"id": "b2", "type": "labels", "from_name": "label", "to_name": "text",
                     "value": {"start": 6, "end": 10, "text": "Mehr", "labels": ["mehr"]}},
                    {"type": "relation", "from_id": "a1", "to_id": "b2", "direction": "right", "labels": ["cites"]},
                    {"id": "c3", "type": "choices", "from_name": "q", "to_name": "text", "value": {"choices": ["ok"]}},
                ]
            }
        ],
    }  # fmt: skip
    documents, errors = interchange.parse_labelstudio(json.dumps([task]).encode())
    assert errors == []
    assert [(c.tag, c.chain) for c in documents[0].claims] == [("sourced", (interchange.ParsedLink(0, "mehr", (6, 10)),))]


@pytest.mark.parametrize(
    "claims, mentions, edges, message",
    [
        ({"c": (0, 5, "sourced")}, {"m": (0, 2, "mehr"), "n": (2, 4, "afp")}, [("c", "m"), ("c", "n")], "cites two mentions"),
        ({"c": (0, 5, "sourced")}, {"m": (0, 2, "mehr"), "n": (2, 4, "afp")}, [("c", "m"), ("m", "n"), ("n", "m")], "circle"),
        ({"c": (0, 5, "sourced")}, {}, [("c", "x")], "not a source mention"),
        ({"c": (0, 5, "sourced")}, {"m": (0, 2, "mehr")}, [(["c"], "m")], "region ids"),
    ],
)
def test_broken_chains_are_refused(claims, mentions, edges, message):
    with pytest.raises(interchange.LineError, match=message):
        interchange.build_claims(claims, mentions, edges)


@pytest.mark.django_db
def test_a_bad_file_is_refused_whole_with_a_report_per_line(analyst, corpus):
    before = (Claim.objects.count(), Document.objects.count(), Source.objects.count())
    lines = [
        json.dumps({"text": "Un texte tout neuf.", "label": [[0, 8, "UNSOURCED"]]}),
        "{not json",
        json.dumps({"text": "Selon X.", "entities": [
            {"id": 1, "label": "SOURCED", "start_offset": 0, "end_offset": 8},
            {"id": 2, "label": "nobody-knows", "start_offset": 6, "end_offset": 7}],
            "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "cites"}]}),
        json.dumps({"text": "Court.", "label": [[0, 99, "SOURCED"]]}),
        json.dumps({"text": "Trop\u0000 court.", "label": []}),
        json.dumps({"text": "Une phrase.", "label": [[0, 5, "MAYBE"]]}),
        json.dumps({"text": "Une phrase.", "label": [[0, 5, "SOURCED"]], "title": "\ud800"}),
    ]  # fmt: skip
    response = import_through_api(analyst, "doccano", "\n".join(lines).encode())

    assert response.status_code == 400
    assert [e.split(":")[0] for e in response.json()["file"]] == [f"line {n}" for n in (2, 3, 4, 5, 6, 7)]
    errors = dict(e.split(": ", 1) for e in response.json()["file"])
    assert errors["line 2"].startswith("invalid JSON")
    assert errors["line 3"].startswith("unknown source 'nobody-knows'")
    assert errors["line 4"] == "label 1 [0, 99) is not a span of the 6-character text"
    assert errors["line 5"] == '"text" contains a NUL character'
    assert errors["line 6"].startswith("label 1: unknown label 'MAYBE'")
    assert errors["line 7"] == '"title" contains a lone surrogate (not valid Unicode)'
    assert (Claim.objects.count(), Document.objects.count(), Source.objects.count()) == before


@pytest.mark.django_db
def test_problems_found_while_storing_are_reported_and_nothing_is_kept(analyst, corpus):
    before = (Claim.objects.count(), Document.objects.count(), Source.objects.count())
    lines = [
        json.dumps({"text": "Un texte tout neuf.", "label": [[0, 8, "UNSOURCED"]]}),
        json.dumps({"text": "Un blanc.", "label": [[2, 3, "UNSOURCED"], [0, 2, "UNSOURCED"]]}),
        json.dumps({"text": "Deux  espaces.", "label": [[4, 6, "UNSOURCED"]]}),
    ]
    response = import_through_api(analyst, "doccano", "\n".join(lines).encode())
    assert response.status_code == 400
    errors = response.json()["file"]
    assert len(errors) == 2
    assert errors[0].startswith("line 2: claim 1 [2, 3): ") and "white space" in errors[0]
    assert errors[1].startswith("line 3: claim 1 [4, 6): ") and "white space" in errors[1]
    assert (Claim.objects.count(), Document.objects.count(), Source.objects.count()) == before


@pytest.mark.django_db
def test_label_studio_offsets_must_count_code_points(analyst):
    text = "🙂 Selon Mehr, dit-il."
    task = {"data": {"text": text}, "annotations": [{"result": [
        {"id": "a", "type": "labels", "value": {"start": 9, "end": 13, "text": "Mehr", "labels": ["UNSOURCED"]}}]}]}
    response = import_through_api(analyst, "labelstudio", json.dumps([task]).encode())  # UTF-16 offsets
    assert response.status_code == 400
    assert "offsets must count code points" in response.json()["file"][0]
    assert not Claim.objects.exists()


@pytest.mark.django_db
def test_import_needs_a_role_a_format_and_a_file(analyst):
    nobody = UserFactory(username="nobody")
    data = json.dumps({"text": TEXT, "label": []}).encode()
    assert import_through_api(nobody, "doccano", data).status_code == 403
    response = client_for(analyst).post("/api/v1/import/annotations/", {"file": SimpleUploadedFile("a", data)}, format="multipart")
    assert response.status_code == 400 and "format" in response.json()
    response = client_for(analyst).post("/api/v1/import/annotations/?format=doccano", {}, format="multipart")
    assert response.status_code == 400 and "file" in response.json()
    response = client_for(analyst).post("/api/v1/import/annotations/?format=doccano", {"text": TEXT}, format="json")
    assert response.status_code == 415


# --- command line ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_export_claims_command(corpus, tmp_path):
    target = tmp_path / "claims.jsonl"
    call_command("export_claims", format="jsonl", output=str(target), filter=["tag=unsourced"])
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [c["tag"] for c in lines] == ["unsourced", "unsourced"]
    out = io.StringIO()
    call_command("export_claims", format="csv", user="ann", stdout=out)
    assert out.getvalue().startswith("id,document,start,end,text,")
    assert len(out.getvalue().splitlines()) == 1 + Claim.objects.filter(annotator__username="ann").count()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "options, message",
    [
        ({"format": "jsonl", "filter": ["colour=red"]}, "NAME one of"),
        ({"format": "jsonl", "filter": ["status=lost"]}, "--filter: status:"),
        ({"format": "jsonl", "user": "ghost"}, "no user 'ghost'"),
        ({"format": "jsonl", "output": "/nonexistent/dir/out.jsonl"}, "cannot write"),
    ],
)
def test_export_claims_command_refuses_with_one_line(options, message):
    with pytest.raises(CommandError, match=message):
        call_command("export_claims", **options)


@pytest.mark.django_db
def test_import_annotations_command_refuses_an_unknown_user(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text("{}")
    with pytest.raises(CommandError, match="no user 'ghost'"):
        call_command("import_annotations", str(path), "--format", "doccano", "--user", "ghost")


def test_import_annotations_command_exits_non_zero_on_a_bad_file(transactional_db, analyst, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Un texte.", "label": [[0, 99, "SOURCED"]]}\n{oops\n', encoding="utf-8")
    db = settings.DATABASES["default"]
    # Host and port as parameters: the embedded server's host is a socket directory.
    url = (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@/{db['NAME']}"
        f"?host={db['HOST'] or '127.0.0.1'}&port={db['PORT'] or 5432}"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "import_annotations", str(bad), "--format", "doccano", "--user", "ann"],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "annotator.settings.test"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "refused, nothing imported from it (2 problem(s))" in result.stderr
    assert "line 1: label 1 [0, 99) is not a span" in result.stderr and "line 2: invalid JSON" in result.stderr
    assert not Claim.objects.exists() and not Document.objects.exists()
