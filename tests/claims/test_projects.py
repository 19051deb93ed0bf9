"""Projects: assignment (by hand, balanced with overlap), done, curation, the Default-project
migration, import into a project, notifications and history."""

from __future__ import annotations

import importlib

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection

from claims import projects, services
from claims.models import (
    Assignment,
    AssignmentEvent,
    Claim,
    CuratedClaim,
    CuratedClaimEvent,
    Document,
    Membership,
    Notification,
    Project,
    ProjectDocument,
)
from claims.project_selectors import analyst_queue, curation_view, project_agreement, project_progress
from tests.factories import DocumentFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(db):
    manager = UserFactory(username="boss", groups=["Manager"])
    analysts = [UserFactory(username=f"a{i}") for i in range(2)]
    reviewer = UserFactory(username="prev")
    project = projects.project_create(user=manager, name="Iraq 2019")
    for analyst in analysts:
        projects.member_set(project=project, user=manager, username=analyst.username, role="analyst")
    projects.member_set(project=project, user=manager, username="prev", role="reviewer")
    documents = [DocumentFactory() for _ in range(10)]
    projects.project_documents_add(project=project, user=manager, document_ids=[d.pk for d in documents])
    return {"manager": manager, "analysts": analysts, "reviewer": reviewer, "project": project, "documents": documents}


def test_the_creator_manages_the_project_and_names_are_unique(desk):
    assert Membership.objects.get(project=desk["project"], user=desk["manager"]).role == "manager"
    with pytest.raises(ValidationError) as error:
        projects.project_create(user=desk["manager"], name=" iraq 2019 ")
    assert "name" in error.value.message_dict


def test_only_managers_and_admins_create_projects(analyst):
    with pytest.raises(ValidationError) as error:
        projects.project_create(user=analyst, name="Mine")
    assert error.value.code == "permission"


def test_auto_assignment_is_balanced_with_the_overlap_share(desk):
    made = projects.assignments_auto(project=desk["project"], user=desk["manager"], overlap=0.3)
    per_document: dict[int, int] = {}
    for assignment in made:
        per_document[assignment.document_id] = per_document.get(assignment.document_id, 0) + 1
    assert len(per_document) == 10
    assert sorted(per_document.values()).count(2) == 3  # 30% of ten documents to both analysts
    loads = [Assignment.objects.filter(analyst=a).count() for a in desk["analysts"]]
    assert sum(loads) == 13 and abs(loads[0] - loads[1]) <= 1
    # A second run has nothing left to assign: documents are never assigned twice over.
    assert projects.assignments_auto(project=desk["project"], user=desk["manager"], overlap=0.3) == []


def test_auto_assignment_refuses_bad_overlap_and_too_few_analysts(desk):
    with pytest.raises(ValidationError) as error:
        projects.assignments_auto(project=desk["project"], user=desk["manager"], overlap=1.5)
    assert "overlap" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        projects.assignments_auto(project=desk["project"], user=desk["manager"], overlap=0.5, analysts=["a0"])
    assert "overlap" in error.value.message_dict
    assert not Assignment.objects.exists()


def test_assign_by_hand_names_what_is_wrong_and_reassigning_keeps_claims(desk):
    a0, a1 = desk["analysts"]
    document = desk["documents"][0]
    with pytest.raises(ValidationError) as error:
        projects.assignments_create(project=desk["project"], user=desk["manager"], document_ids=[document.pk], analysts=["prev"])
    assert "analysts" in error.value.message_dict
    outside = DocumentFactory()
    with pytest.raises(ValidationError) as error:
        projects.assignments_create(project=desk["project"], user=desk["manager"], document_ids=[outside.pk], analysts=["a0"])
    assert "documents" in error.value.message_dict
    projects.assignments_create(project=desk["project"], user=desk["manager"], document_ids=[document.pk], analysts=["a0"])
    claim = services.claim_create(document=document, user=a0, start=0, end=10, tag="unsourced")
    projects.assignments_create(
        project=desk["project"], user=desk["manager"], document_ids=[document.pk], analysts=["a1"], replace=True
    )
    assert list(Assignment.objects.filter(document=document).values_list("analyst__username", flat=True)) == ["a1"]
    assert Claim.objects.filter(pk=claim.pk).exists()  # the claims stay
    assert not Document.objects.visible_to(a0).filter(pk=document.pk).exists()
    assert Document.objects.visible_to(a1).filter(pk=document.pk).exists()


def test_analysts_see_only_their_assigned_project_documents(desk, reviewer):
    projects.assignments_auto(project=desk["project"], user=desk["manager"], overlap=0.0)
    a0, a1 = desk["analysts"]
    mine = set(Assignment.objects.filter(analyst=a0).values_list("document_id", flat=True))
    assert set(Document.objects.visible_to(a0).in_project(desk["project"].pk).values_list("pk", flat=True)) == mine
    loose = DocumentFactory()  # in no project: everyone, as before projects
    assert Document.objects.visible_to(a0).filter(pk=loose.pk).exists()
    assert Document.objects.visible_to(desk["reviewer"]).in_project(desk["project"].pk).count() == 10
    assert not Document.objects.visible_to(reviewer).in_project(desk["project"].pk).exists()  # not a member


def test_mark_done_submits_drafts_or_lists_what_stops_it(desk):
    a0 = desk["analysts"][0]
    document = desk["documents"][0]
    projects.assignments_create(project=desk["project"], user=desk["manager"], document_ids=[document.pk], analysts=["a0"])
    ready = services.claim_create(document=document, user=a0, start=0, end=10, tag="unsourced")
    stuck = services.claim_create(document=document, user=a0, start=12, end=20, tag="sourced")
    with pytest.raises(projects.NotDone) as error:
        projects.assignment_done(project=desk["project"], document=document, user=a0)
    assert error.value.message_dict == {"claims": [f"Claim {stuck.pk}: sourced but has no source yet."]}
    assert Claim.objects.get(pk=ready.pk).status == "draft"  # nothing changed
    services.claim_delete(claim=stuck, user=a0)
    assignment = projects.assignment_done(project=desk["project"], document=document, user=a0)
    assert assignment.done_at is not None
    assert Claim.objects.get(pk=ready.pk).status == "submitted"
    assert analyst_queue(user=a0).documents == []


def _two_readings(desk):
    """Both analysts annotate the first sentence and the second one differently."""
    a0, a1 = desk["analysts"]
    document = desk["documents"][0]
    projects.assignments_create(project=desk["project"], user=desk["manager"], document_ids=[document.pk], analysts=["a0", "a1"])
    mehr = SourceFactory(slug="mehr", name="Mehr News Agency", aliases=["Mehr"])
    sentences = list(document.sentences.order_by("index").values_list("start", "end"))
    claims = {}
    for analyst in (a0, a1):
        first = services.claim_create(
            document=document, user=analyst, start=sentences[0][0], end=sentences[0][1], tag="sourced",
            chain=[services.Link(mehr, 0)],
        )
        tag = "unsourced" if analyst == a0 else "sourced"
        chain = [] if tag == "unsourced" else [services.Link(mehr, 0)]
        second = services.claim_create(
            document=document, user=analyst, start=sentences[1][0], end=sentences[1][1], tag=tag, chain=chain
        )
        claims[analyst.username] = tuple(services.claim_submit(claim=c, user=analyst) for c in (first, second))
    return document, claims


def test_curation_aligns_claims_marks_agreement_and_replaces_overlapping(desk):
    document, claims = _two_readings(desk)
    view = curation_view(user=desk["reviewer"], project=desk["project"], document=document)
    assert view.analysts == ["a0", "a1"]
    assert [row.state for row in view.rows[:2]] == ["agree", "disagree"]
    assert (view.agreeing, view.disagreeing) == (1, 1)

    projects.curation_take(project=desk["project"], claim=claims["a0"][0], user=desk["reviewer"])
    projects.curation_take(project=desk["project"], claim=claims["a1"][1], user=desk["reviewer"])
    projects.curation_take(project=desk["project"], claim=claims["a1"][0], user=desk["reviewer"])  # replaces a0's
    curated = set(CuratedClaim.objects.filter(project=desk["project"]).values_list("claim_id", flat=True))
    assert curated == {claims["a1"][0].pk, claims["a1"][1].pk}
    assert projects.curation_remove(project=desk["project"], claim=claims["a1"][0], user=desk["reviewer"])
    assert set(Claim.objects.curated(desk["project"].pk).values_list("pk", flat=True)) == {claims["a1"][1].pk}


def test_curation_edit_takes_a_copy_of_the_curator(desk):
    document, claims = _two_readings(desk)
    copy = projects.curation_edit(project=desk["project"], claim=claims["a0"][0], user=desk["reviewer"])
    assert (copy.annotator, copy.start, copy.end, copy.tag) == (desk["reviewer"], claims["a0"][0].start, claims["a0"][0].end, "sourced")
    assert list(copy.attributions.values_list("source__slug", flat=True)) == ["mehr"]
    assert CuratedClaim.objects.get(project=desk["project"], document=document).claim_id == copy.pk


def test_analysts_cannot_curate(desk):
    document, claims = _two_readings(desk)
    with pytest.raises(ValidationError) as error:
        projects.curation_take(project=desk["project"], claim=claims["a0"][0], user=desk["analysts"][0])
    assert error.value.code == "permission"


def test_progress_and_agreement_come_from_the_overlapping_assignments(desk):
    document, claims = _two_readings(desk)
    progress = project_progress(project=desk["project"])
    assert progress.documents == 10 and progress.assigned_documents == 1 and progress.assignments == 2
    assert [(a.username, a.covered_sentences) for a in progress.analysts] == [("a0", 2), ("a1", 2)]
    agreement = project_agreement(project=desk["project"])
    assert [row.document_id for row in agreement.documents] == [document.pk]
    assert agreement.documents[0].analysts == ["a0", "a1"]
    assert agreement.documents[0].observed < 1


def test_assignment_and_curation_changes_are_in_the_history(desk):
    document, claims = _two_readings(desk)
    projects.curation_take(project=desk["project"], claim=claims["a0"][0], user=desk["reviewer"])
    assignment_events = AssignmentEvent.objects.filter(document=document, pgh_label="insert")
    assert assignment_events.count() == 2
    assert {event.pgh_context.metadata["user"] for event in assignment_events} == {desk["manager"].pk}
    curation = CuratedClaimEvent.objects.get(claim=claims["a0"][0], pgh_label="insert")
    assert curation.pgh_context.metadata["user"] == desk["reviewer"].pk


def test_notifications_for_assignments_and_rejections(desk):
    a0 = desk["analysts"][0]
    projects.assignments_auto(project=desk["project"], user=desk["manager"], overlap=0.0)
    note = Notification.objects.get(user=a0)
    assert note.kind == "assignment" and note.text == "5 new documents assigned to you"
    document = Assignment.objects.filter(analyst=a0).first().document
    claim = services.claim_submit(claim=services.claim_create(document=document, user=a0, start=0, end=10, tag="unsourced"), user=a0)
    services.claim_review(claim=claim, reviewer=desk["reviewer"], decision="reject", comment="Pas une affirmation")
    rejection = Notification.objects.get(user=a0, kind="rejection")
    assert "Pas une affirmation" in rejection.text and rejection.url == f"/documents/{document.pk}/?claim={claim.pk}"


def test_import_articles_into_a_project(desk, tmp_path, capsys):
    path = tmp_path / "one.txt"
    path.write_text("Un article importé dans le projet.\nSelon l’agence Mehr, tout va bien.\n", encoding="utf-8")
    call_command("import_articles", str(path), "--project", str(desk["project"].pk))
    document = Document.objects.get(text__startswith="Un article importé")
    assert ProjectDocument.objects.filter(project=desk["project"], document=document).exists()
    with pytest.raises(Exception) as error:
        call_command("import_articles", str(path), "--project", "999999")
    assert "--project: no project with id 999999" in str(error.value)


def test_default_project_migration_keeps_everyone_s_access(analyst, other_analyst, reviewer, admin_user):
    from django.db.migrations.executor import MigrationExecutor

    documents = [DocumentFactory() for _ in range(3)]
    module = importlib.import_module("claims.migrations.0011b_default_project")
    apps = MigrationExecutor(connection).loader.project_state(("claims", "0011b_default_project")).apps
    with connection.schema_editor() as editor:
        module.create_default_project(apps, editor)
    project = Project.objects.get(name="Default")
    roles = dict(Membership.objects.filter(project=project).values_list("user__username", "role"))
    assert roles == {"ann": "analyst", "bob": "analyst", "rev": "reviewer", "root": "manager"}
    assert ProjectDocument.objects.filter(project=project).count() == 3
    for user in (analyst, other_analyst):
        assert set(Document.objects.visible_to(user).values_list("pk", flat=True)) == {d.pk for d in documents}
    assert Document.objects.visible_to(reviewer).count() == 3
