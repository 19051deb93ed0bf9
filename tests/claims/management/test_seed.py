"""``seed``: registry, the five articles and demo users, idempotent."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from claims.models import Document, Sentence, Source

pytestmark = pytest.mark.django_db


def counts():
    return Source.objects.count(), Document.objects.count(), Sentence.objects.count(), get_user_model().objects.count()


def test_seed_loads_registry_articles_and_users_and_is_idempotent(settings):
    settings.SEED_DEMO_USERS = True
    call_command("seed")
    first = counts()
    assert first[0] >= 25 and first[1] == 5
    call_command("seed")
    assert counts() == first
    User = get_user_model()
    assert User.objects.get(username="analyst").check_password("analyst-demo")
    assert User.objects.get(username="reviewer").groups.filter(name="Reviewer").exists()
    assert User.objects.get(username="admin").is_superuser


def test_seed_sets_title_and_publisher_from_the_page(settings):
    settings.SEED_DEMO_USERS = False
    call_command("seed")
    document = Document.objects.get(title="Al-Anbar : des militaires US font des va-et-vient à Falloujah")
    assert document.publisher.slug == "presstv"  # from "SOURCE: FRENCH PRESS TV"
    assert not get_user_model().objects.exists()  # no demo users without DEBUG


def test_registry_has_the_sources_the_desk_needs(settings):
    settings.SEED_DEMO_USERS = False
    call_command("seed")
    required = {
        "mehr", "al-nahrain", "al-sumaria", "presstv", "afp", "reuters", "ap", "al-manar", "al-mayadeen",
        "cnn", "fars", "irna", "tasnim", "sana", "al-jazeera", "baghdad-today", "basnews",
        "iraq-ministry-of-defence", "pentagon", "yahya-rassoul", "qassem-mosleh", "joe-dunford",
    }
    assert required <= set(Source.objects.values_list("slug", flat=True))
    assert Source.objects.search_exact("l’agence de presse Mehr").get().slug == "mehr"


def test_seed_makes_a_demo_project_with_a_document_read_by_both_analysts(settings):
    from claims.models import Assignment, Claim, Membership, Project
    from claims.project_selectors import curation_view, project_agreement

    settings.SEED_DEMO_USERS = True
    call_command("seed")
    call_command("seed")  # idempotent here too
    project = Project.objects.get(name="Demo desk: al-Anbar")
    roles = dict(Membership.objects.filter(project=project).values_list("user__username", "role"))
    assert roles == {"analyst": "analyst", "analyst2": "analyst", "reviewer": "reviewer", "admin": "manager"}
    assert Assignment.objects.filter(project=project).count() == 6
    shared = project_agreement(project=project).documents
    assert len(shared) == 1
    document = Document.objects.get(pk=shared[0].document_id)
    assert set(Claim.objects.filter(document=document).values_list("annotator__username", flat=True)) == {"analyst", "analyst2"}
    view = curation_view(user=get_user_model().objects.get(username="reviewer"), project=project, document=document)
    assert view.analysts == ["analyst", "analyst2"]
    assert view.agreeing == 2 and view.disagreeing == 2
