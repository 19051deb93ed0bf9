"""Writes of a desk's workflow: projects, members, documents, assignments, done, curation.

Each function checks who may do it (``claims.permissions``) and its rules, raises
``django.core.exceptions.ValidationError`` naming the field at fault (the API answers 400, the
pages show the form again) and writes in one transaction. The acting user is named in the
audit history (pghistory context), so that assignment and curation changes say who made them.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import pghistory
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from claims import permissions, roles, services
from claims.models import (
    Assignment,
    Claim,
    ClaimStatus,
    ClaimTag,
    CuratedClaim,
    Document,
    Membership,
    Project,
    ProjectDocument,
    ProjectRole,
)
from claims.notifications import notify_assignments

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser


def _audited(func: Callable) -> Callable:
    """Run ``func`` with its keyword ``user`` named in the audit history."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        user = kwargs.get("user")
        if user is None or not getattr(user, "is_authenticated", False):
            return func(*args, **kwargs)
        with pghistory.context(user=user.pk):
            return func(*args, **kwargs)

    return wrapper


def _deny(message: str) -> ValidationError:
    return ValidationError(message, code="permission")


def role_in(*, project: Project, user: "AbstractBaseUser") -> str | None:
    """``user``'s role in ``project`` (None when not a member). The selectors annotate it as
    ``my_role`` for the user they read the project for (``my_role_user_id``); for anyone else
    it is read afresh."""
    if getattr(project, "my_role_user_id", None) == user.pk and hasattr(project, "my_role"):
        return project.my_role
    return Membership.objects.filter(project=project, user=user).values_list("role", flat=True).first()


def _require_manager(project: Project, user: "AbstractBaseUser") -> None:
    if not permissions.can_manage_project(user, role_in(project=project, user=user)):
        raise _deny("Only the project's managers can do that.")


# --- projects and members ----------------------------------------------------------------------


@_audited
@transaction.atomic
def project_create(*, user: "AbstractBaseUser", name: str, description: str = "", guidelines: str = "") -> Project:
    """A new project; its creator is its first manager."""
    if not permissions.can_create_project(user):
        raise _deny("Only managers and administrators can create projects.")
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": "A project needs a name."})
    if len(name) > 200:
        raise ValidationError({"name": "At most 200 characters."})
    for field, value in (("name", name), ("description", description), ("guidelines", guidelines)):
        if "\x00" in (value or ""):
            raise ValidationError({field: "NUL characters are not allowed."})
    if Project.objects.filter(name__iexact=name).exists():
        raise ValidationError({"name": f"A project named {name!r} exists already."})
    project = Project.objects.create(
        name=name, description=description or "", guidelines=guidelines or "", created_by=user
    )
    Membership.objects.create(project=project, user=user, role=ProjectRole.MANAGER)
    roles.forget(user)
    project.my_role, project.my_role_user_id = ProjectRole.MANAGER, user.pk
    return project


@_audited
@transaction.atomic
def project_update(*, project: Project, user: "AbstractBaseUser", **fields: str) -> Project:
    """Change the name, description or guidelines (managers)."""
    _require_manager(project, user)
    for field in ("name", "description", "guidelines"):
        if field in fields:
            value = fields[field] or ""
            if "\x00" in value:
                raise ValidationError({field: "NUL characters are not allowed."})
            setattr(project, field, value.strip() if field == "name" else value)
    if not project.name:
        raise ValidationError({"name": "A project needs a name."})
    if Project.objects.filter(name__iexact=project.name).exclude(pk=project.pk).exists():
        raise ValidationError({"name": f"A project named {project.name!r} exists already."})
    project.save()
    return project


@_audited
@transaction.atomic
def member_set(*, project: Project, user: "AbstractBaseUser", username: str, role: str) -> Membership:
    """Add ``username`` to the project with ``role``, or change their role (managers)."""
    _require_manager(project, user)
    if role not in ProjectRole.values:
        raise ValidationError({"role": f"Unknown role {role!r}; one of {', '.join(ProjectRole.values)}."})
    member = get_user_model().objects.filter(username=username, is_active=True).first()
    if member is None:
        raise ValidationError({"user": f"No user named {username!r}."})
    membership, _ = Membership.objects.update_or_create(project=project, user=member, defaults={"role": role})
    return membership


# --- documents and assignments -----------------------------------------------------------------


@_audited
@transaction.atomic
def document_create_in_project(*, project: Project | None, user: "AbstractBaseUser", **fields) -> Document:
    """Store one article (``services.document_create``) and put it in ``project``, all or nothing."""
    if project is not None:
        require_import(project=project, user=user)
    document = services.document_create(created_by=user, **fields)
    if project is not None:
        documents_into_project(project=project, documents=[document])
    return document


def _documents_of(project: Project, document_ids: Sequence[int]) -> list[int]:
    """``document_ids`` (deduplicated, in order), all in ``project``; else a ValidationError."""
    ids = list(dict.fromkeys(int(pk) for pk in document_ids))
    if not ids:
        raise ValidationError({"documents": "Give at least one document."})
    found = set(ProjectDocument.objects.filter(project=project, document_id__in=ids).values_list("document_id", flat=True))
    missing = [pk for pk in ids if pk not in found]
    if missing:
        raise ValidationError({"documents": f"Not in this project: {', '.join(map(str, missing))}."})
    return ids


@_audited
@transaction.atomic
def project_documents_add(*, project: Project, user: "AbstractBaseUser", document_ids: Sequence[int]) -> int:
    """Put documents ``user`` can see into the project (managers); returns how many were new."""
    _require_manager(project, user)
    ids = list(dict.fromkeys(int(pk) for pk in document_ids))
    if not ids:
        raise ValidationError({"documents": "Give at least one document."})
    found = set(Document.objects.visible_to(user).filter(pk__in=ids).values_list("pk", flat=True))
    missing = [pk for pk in ids if pk not in found]
    if missing:
        raise ValidationError({"documents": f"No such documents: {', '.join(map(str, missing))}."})
    before = ProjectDocument.objects.filter(project=project).count()
    ProjectDocument.objects.bulk_create(
        [ProjectDocument(project=project, document_id=pk) for pk in ids], ignore_conflicts=True
    )
    return ProjectDocument.objects.filter(project=project).count() - before


def require_import(*, project: Project, user: "AbstractBaseUser") -> None:
    """Importing articles into a project is its managers' (and administrators') call."""
    _require_manager(project, user)


def documents_into_project(*, project: Project, documents: Sequence[Document]) -> None:
    """Link freshly imported documents to ``project``; call inside the import's transaction,
    after ``require_import``."""
    ProjectDocument.objects.bulk_create(
        [ProjectDocument(project=project, document=document) for document in documents], ignore_conflicts=True
    )


def _analysts(project: Project, usernames: Sequence[str] | None) -> list[int]:
    """The ids of the named analysts of the project (all of them when ``usernames`` is None)."""
    members = Membership.objects.filter(project=project, role=ProjectRole.ANALYST).order_by("user__username")
    by_name = dict(members.values_list("user__username", "user_id"))
    if usernames is None:
        return list(by_name.values())
    names = list(dict.fromkeys(usernames))
    if not names:
        raise ValidationError({"analysts": "Name at least one analyst."})
    unknown = [name for name in names if name not in by_name]
    if unknown:
        raise ValidationError({"analysts": f"Not analysts of this project: {', '.join(unknown)}."})
    return [by_name[name] for name in names]


def _lock_project(project: Project) -> None:
    # Row lock: two assignment runs on one project go one after the other, so an automatic
    # run never balances against counts that another run is changing.
    Project.objects.select_for_update().filter(pk=project.pk).values_list("pk").get()


def _store_assignments(project: Project, user: "AbstractBaseUser", pairs: Sequence[tuple[int, int]]) -> list[Assignment]:
    existing = set(
        Assignment.objects.filter(project=project, document_id__in={d for d, _ in pairs}).values_list(
            "document_id", "analyst_id"
        )
    )
    new = [
        Assignment(project=project, document_id=document_id, analyst_id=analyst_id, assigned_by=user)
        for document_id, analyst_id in pairs
        if (document_id, analyst_id) not in existing
    ]
    Assignment.objects.bulk_create(new)
    titles = dict(Document.objects.filter(pk__in={a.document_id for a in new}).values_list("pk", "title"))
    notify_assignments(assignments=new, titles=titles)
    return new


@_audited
@transaction.atomic
def assignments_create(
    *,
    project: Project,
    user: "AbstractBaseUser",
    document_ids: Sequence[int],
    analysts: Sequence[str],
    replace: bool = False,
) -> list[Assignment]:
    """Give each document to each named analyst (managers). With ``replace`` the documents'
    other analysts lose them; their claims stay. Returns the new assignments."""
    _require_manager(project, user)
    _lock_project(project)
    ids = _documents_of(project, document_ids)
    analyst_ids = _analysts(project, analysts)
    if replace:
        Assignment.objects.filter(project=project, document_id__in=ids).exclude(analyst_id__in=analyst_ids).delete()
    return _store_assignments(project, user, [(d, a) for d in ids for a in analyst_ids])


def balanced_plan(
    document_ids: Sequence[int], analyst_ids: Sequence[int], overlap: float, load: dict[int, int] | None = None
) -> list[tuple[int, int]]:
    """(document, analyst) pairs: ``round(overlap * n)`` documents go to two analysts, the others
    to one, each to the least loaded analysts so far (ties by order). Documents given twice are
    spread through the list, not bunched at its start. Pure: no database."""
    load = {analyst: (load or {}).get(analyst, 0) for analyst in analyst_ids}
    doubles = round(overlap * len(document_ids))
    step = len(document_ids) / doubles if doubles else math.inf
    double_at = {math.floor(k * step) for k in range(doubles)}
    pairs = []
    for index, document_id in enumerate(document_ids):
        wanted = 2 if index in double_at else 1
        chosen = sorted(analyst_ids, key=lambda a: (load[a], analyst_ids.index(a)))[:wanted]
        for analyst in chosen:
            load[analyst] += 1
            pairs.append((document_id, analyst))
    return pairs


@_audited
@transaction.atomic
def assignments_auto(
    *, project: Project, user: "AbstractBaseUser", overlap: float = 0.0, analysts: Sequence[str] | None = None
) -> list[Assignment]:
    """Assign the project's unassigned documents to its analysts, balanced, with ``overlap``
    (the share of documents given to two analysts, for agreement). Returns the new assignments."""
    _require_manager(project, user)
    try:
        overlap = float(overlap)
    except (TypeError, ValueError):
        raise ValidationError({"overlap": "A number between 0 and 1."}) from None
    if not 0 <= overlap <= 1 or math.isnan(overlap):
        raise ValidationError({"overlap": "A number between 0 and 1."})
    _lock_project(project)
    analyst_ids = _analysts(project, analysts)
    if not analyst_ids:
        raise ValidationError({"analysts": "The project has no analysts to assign to."})
    if overlap > 0 and len(analyst_ids) < 2:
        raise ValidationError({"overlap": "Overlap needs at least two analysts."})
    unassigned = list(
        ProjectDocument.objects.filter(project=project)
        .exclude(document__assignments__project=project)
        .order_by("document_id")
        .values_list("document_id", flat=True)
    )
    load = dict(
        Assignment.objects.filter(project=project, analyst_id__in=analyst_ids)
        .values("analyst_id")
        .annotate(n=Count("pk"))
        .values_list("analyst_id", "n")
    )
    return _store_assignments(project, user, balanced_plan(unassigned, analyst_ids, overlap, load))


# --- done --------------------------------------------------------------------------------------


class NotDone(ValidationError):
    """What stops an analyst marking a document done: one message per claim (``blockers``)."""

    def __init__(self, blockers: list[tuple[int, str]]):
        super().__init__({"claims": [f"Claim {pk}: {why}" for pk, why in blockers]}, code="blocked")
        self.blockers = blockers


@_audited
@transaction.atomic
def assignment_done(*, project: Project, document: Document, user: "AbstractBaseUser") -> Assignment:
    """``user`` is done with ``document``: their drafts there are submitted, the assignment
    marked done. A draft that cannot be submitted (sourced without a source) or a rejected
    claim not fixed yet stops it: nothing changes and ``NotDone`` lists them."""
    assignment = (
        Assignment.objects.select_for_update().filter(project=project, document=document, analyst=user).first()
    )
    if assignment is None:
        raise ValidationError({"document": "This document is not assigned to you in this project."})
    mine = Claim.objects.filter(document=document, annotator=user, status__in=[ClaimStatus.DRAFT, ClaimStatus.REJECTED])
    mine = mine.annotate(links=Count("attributions")).order_by("start", "id")
    blockers: list[tuple[int, str]] = []
    drafts: list[Claim] = []
    for claim in mine:
        if claim.status == ClaimStatus.REJECTED:
            blockers.append((claim.pk, "rejected; fix it and submit it again, or delete it."))
        elif claim.tag == ClaimTag.SOURCED and not claim.links:
            blockers.append((claim.pk, "sourced but has no source yet."))
        else:
            drafts.append(claim)
    if blockers:
        raise NotDone(blockers)
    for claim in drafts:
        services.claim_submit(claim=claim, user=user)
    assignment.done_at = timezone.now()
    assignment.save(update_fields=["done_at"])
    return assignment


# --- curation ----------------------------------------------------------------------------------


def _curatable(project: Project, user: "AbstractBaseUser", claim: Claim) -> None:
    if not permissions.can_curate(user, role_in(project=project, user=user)):
        raise _deny("Only the project's reviewers and managers can curate.")
    if not ProjectDocument.objects.filter(project=project, document_id=claim.document_id).exists():
        raise ValidationError({"claim": "This claim's document is not in the project."})


@_audited
@transaction.atomic
def curation_take(*, project: Project, claim: Claim, user: "AbstractBaseUser") -> CuratedClaim:
    """Take ``claim`` into the project's curated layer, replacing the curated claims that
    overlap it (one reference reading per stretch of text)."""
    _curatable(project, user, claim)
    # Serialize curations of one document: two curators never both replace the same span.
    Document.objects.select_for_update().filter(pk=claim.document_id).values_list("pk").get()
    claim = Claim.objects.get(pk=claim.pk)  # its status now, not as the caller read it
    if claim.status == ClaimStatus.DRAFT and claim.annotator_id != user.pk:
        raise ValidationError({"claim": "A draft cannot be curated; it has not been submitted."})
    CuratedClaim.objects.filter(
        project=project, document_id=claim.document_id, claim__start__lt=claim.end, claim__end__gt=claim.start
    ).exclude(claim=claim).delete()
    curated, _ = CuratedClaim.objects.get_or_create(
        project=project, claim=claim, defaults={"document_id": claim.document_id, "curated_by": user}
    )
    return curated


@_audited
@transaction.atomic
def curation_remove(*, project: Project, claim: Claim, user: "AbstractBaseUser") -> bool:
    """Take ``claim`` out of the curated layer; whether it was in."""
    _curatable(project, user, claim)
    deleted, _ = CuratedClaim.objects.filter(project=project, claim=claim).delete()
    return bool(deleted)


@_audited
@transaction.atomic
def curation_edit(*, project: Project, claim: Claim, user: "AbstractBaseUser") -> Claim:
    """A copy of ``claim`` as the curator's own draft (same span, tag and chain), taken into the
    curated layer in its place; the curator then edits it like any claim of theirs."""
    _curatable(project, user, claim)
    copy = services.claim_create(
        document=claim.document,
        user=user,
        start=claim.start,
        end=claim.end,
        tag=claim.tag,
        chain=services.chain_of(claim),
    )
    curation_take(project=project, claim=copy, user=user)
    return copy
