"""Existing data moves into a "Default" project so that nobody loses access when projects start
to scope what everyone sees: every existing user becomes a member (superusers as managers, the
Reviewer group as reviewers, everyone else as analysts), every existing document goes into it
and is assigned to every analyst member. Also the Manager group (may create projects).

A database with no documents (a fresh install) gets no Default project.
"""

from django.db import migrations

DEFAULT_PROJECT = "Default"


def create_default_project(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.get_or_create(name="Manager")
    Document = apps.get_model("claims", "Document")
    if not Document.objects.exists():
        return
    Project = apps.get_model("claims", "Project")
    User = apps.get_model("auth", "User")
    project, _ = Project.objects.get_or_create(
        name=DEFAULT_PROJECT,
        defaults={"description": "Everything stored before projects existed."},
    )
    Membership = apps.get_model("claims", "Membership")
    reviewers = set(User.objects.filter(groups__name="Reviewer").values_list("pk", flat=True))
    for user in User.objects.all().only("pk", "is_superuser"):
        role = "manager" if user.is_superuser else "reviewer" if user.pk in reviewers else "analyst"
        Membership.objects.get_or_create(project=project, user=user, defaults={"role": role})
    # Set-based: a desk may hold thousands of documents and several analysts.
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO claims_projectdocument (project_id, document_id, added_at)"
            " SELECT %s, d.id, now() FROM claims_document d ON CONFLICT DO NOTHING",
            [project.pk],
        )
        cursor.execute(
            "INSERT INTO claims_assignment (project_id, document_id, analyst_id, assigned_at)"
            " SELECT %s, d.id, m.user_id, now() FROM claims_document d"
            " CROSS JOIN claims_membership m WHERE m.project_id = %s AND m.role = 'analyst'"
            " ON CONFLICT DO NOTHING",
            [project.pk, project.pk],
        )


def remove_default_project(apps, schema_editor):
    apps.get_model("claims", "Project").objects.filter(name=DEFAULT_PROJECT).delete()
    apps.get_model("auth", "Group").objects.filter(name="Manager").delete()


class Migration(migrations.Migration):
    dependencies = [("claims", "0011_projects")]

    operations = [migrations.RunPython(create_default_project, remove_default_project)]
