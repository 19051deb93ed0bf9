"""A desk's workflow: projects, their members and documents, assignments, the curated layer.

Imported at the end of ``claims.models`` (Django finds the models there); kept apart so that
the annotation model and the workflow model each stay readable.

Who sees what follows from these rows (``claims.querysets``): a document in no project is
seen by every signed-in user, as before projects existed; a document in a project is seen by
the project's reviewers and managers, and by its analysts only when it is assigned to them.
"""

from __future__ import annotations

import pghistory
from django.conf import settings
from django.db import models

from claims.models import Claim, Document, audited_events
from claims.querysets import ProjectQuerySet


class ProjectRole(models.TextChoices):
    ANALYST = "analyst", "Analyst"
    REVIEWER = "reviewer", "Reviewer"
    MANAGER = "manager", "Manager"


# Roles that see every document of the project and the claims sent to review there.
LEAD_ROLES = (ProjectRole.REVIEWER, ProjectRole.MANAGER)


@pghistory.track(*audited_events())
class Project(models.Model):
    """Documents, members with a role each, and the guidelines they annotate by."""

    name = models.CharField(max_length=200, unique=True)
    description = models.TextField(blank=True)
    # Markdown; empty means the project follows the tool's default guidelines (docs/guidelines.md).
    guidelines = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    documents = models.ManyToManyField(Document, through="ProjectDocument", related_name="projects")

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return f"/projects/{self.pk}/"


@pghistory.track(*audited_events())
class Membership(models.Model):
    """A user's role in one project."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=10, choices=ProjectRole.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["project", "user"]
        constraints = [models.UniqueConstraint(fields=["project", "user"], name="membership_unique_user")]
        indexes = [models.Index(fields=["user", "role"], name="membership_user_role")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.role} in {self.project_id}"


class ProjectDocument(models.Model):
    """A document in a project (a document may be in several)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="document_links")
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="project_links")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["project", "document"]
        constraints = [models.UniqueConstraint(fields=["project", "document"], name="project_document_unique")]
        indexes = [models.Index(fields=["document", "project"], name="project_document_by_document")]

    def __str__(self) -> str:
        return f"document {self.document_id} in {self.project_id}"


@pghistory.track(*audited_events())
class Assignment(models.Model):
    """A project document given to one analyst; ``done_at`` once they marked their work done.

    Taking an assignment away keeps the analyst's claims: they only stop seeing the document.
    """

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="assignments")
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="assignments")
    analyst = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assignments")
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assigned_at = models.DateTimeField(auto_now_add=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["project", "document", "analyst"]
        constraints = [
            models.UniqueConstraint(fields=["project", "document", "analyst"], name="assignment_unique_analyst")
        ]
        indexes = [
            models.Index(fields=["analyst", "done_at"], name="assignment_analyst_done"),
            models.Index(fields=["document", "analyst"], name="assignment_document_analyst"),
        ]

    def __str__(self) -> str:
        return f"document {self.document_id} to {self.analyst_id} in {self.project_id}"


@pghistory.track(*audited_events())
class CuratedClaim(models.Model):
    """A claim taken into a project's curated layer: the reference version of its document.

    At most one curated claim covers a stretch of text in a project (the service replaces the
    overlapping ones); the claim itself stays whose it was.
    """

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="curations")
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="curations")
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="curations")
    curated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["project", "document", "claim"]
        constraints = [models.UniqueConstraint(fields=["project", "claim"], name="curated_claim_unique")]
        indexes = [models.Index(fields=["project", "document"], name="curated_project_document")]

    def __str__(self) -> str:
        return f"claim {self.claim_id} curated in {self.project_id}"


class NotificationKind(models.TextChoices):
    ASSIGNMENT = "assignment", "New assignment"
    REJECTION = "rejection", "Claim rejected"
    COMMENT = "comment", "Reviewer comment"


class Notification(models.Model):
    """Something a user should look at: a new assignment, a rejected claim, a reviewer's comment."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=12, choices=NotificationKind.choices)
    text = models.CharField(max_length=500)
    url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_user_unread")]

    def __str__(self) -> str:
        return f"{self.kind} for {self.user_id}: {self.text}"
