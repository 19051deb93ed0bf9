"""Project pages: the list, a project's page (progress, agreement, members, assignment, import),
My queue with "Mark done", the curation page, notifications.

Thin: reads from ``claims.project_selectors``, writes through ``claims.projects`` (whose
``ValidationError`` comes back as the form again with its message), who may do what from
``claims.permissions``. A project or document out of reach is a 404.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from markdown_it import MarkdownIt

from claims import notifications, permissions, projects, roles, selectors
from claims import project_selectors as ps
from claims.importing import import_file
from claims.forms import UploadArticlesForm
from claims.models import Project, ProjectRole
from claims.project_forms import AssignForm, AutoAssignForm, CurationForm, MemberForm, ProjectForm

DOCUMENTS_PER_PAGE = 50
AGREEMENT_ROWS = 20  # the documents that agree least; the API gives them all


def _errors(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [message for messages_ in error.message_dict.values() for message in messages_]
    return list(error.messages)


def render_markdown(text: str) -> str:
    # "js-default": CommonMark without raw HTML: a project's guidelines cannot inject markup.
    return MarkdownIt("js-default").enable("table").render(text)


def guidelines_html(project: Project) -> str:
    if project.guidelines.strip():
        return render_markdown(project.guidelines)
    from claims.views.annotate import GUIDELINES, _guidelines_html

    return _guidelines_html(GUIDELINES, GUIDELINES.stat().st_mtime)


# --- start page and list -----------------------------------------------------------------------


@require_GET
def start(request: HttpRequest) -> HttpResponse:
    """Where a login lands: My queue for a project's analysts, the document list for the others."""
    if roles.has_project_role(request.user, roles.PROJECT_ANALYST):
        return redirect("claims:queue")
    return redirect("claims:document-list")


@require_http_methods(["GET", "POST"])
def project_list(request: HttpRequest) -> HttpResponse:
    can_create = permissions.can_create_project(request.user)
    form = ProjectForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not can_create:
            raise PermissionDenied("Only managers and administrators can create projects.")
        if form.is_valid():
            try:
                project = projects.project_create(user=request.user, **form.cleaned_data)
            except ValidationError as error:
                for message in _errors(error):
                    form.add_error(None, message)
            else:
                messages.success(request, f"Project “{project.name}” created.")
                return HttpResponseRedirect(project.get_absolute_url())
        status = 422
    return TemplateResponse(
        request,
        "claims/projects/list.html",
        {"projects": ps.project_list(user=request.user), "form": form, "can_create": can_create},
        status=status,
    )


# --- a project's page --------------------------------------------------------------------------


def _project_page(request: HttpRequest, project: Project, status: int = 200, **forms_: Any) -> TemplateResponse:
    role = project.my_role
    lead = permissions.can_curate(request.user, role)
    manager = permissions.can_manage_project(request.user, role)
    documents = ps.project_documents(project=project, user=request.user)
    page = Paginator(documents, DOCUMENTS_PER_PAGE).get_page(request.GET.get("page"))
    rows = ps.document_rows(project=project, documents=list(page.object_list))
    members = list(ps.project_members(project=project))
    agreement = ps.project_agreement(project=project) if lead else None
    analysts = [m.user.username for m in members if m.role == ProjectRole.ANALYST]
    context = {
        "project": project,
        "role": role,
        "is_lead": lead,
        "is_manager": manager,
        "page": page,
        "rows": rows,
        "members": members,
        "analysts": analysts,
        "progress": ps.project_progress(project=project),
        "agreement": agreement,
        "agreement_rows": agreement.lowest(AGREEMENT_ROWS) if agreement else [],
        "member_form": forms_.get("member_form") or MemberForm(),
        "auto_form": forms_.get("auto_form") or AutoAssignForm(),
        "assign_form": forms_.get("assign_form") or AssignForm(analysts=analysts),
        "upload_form": forms_.get("upload_form") or UploadArticlesForm(prefix="upload"),
        "import_results": forms_.get("import_results") or [],
        "action_errors": forms_.get("action_errors") or [],
    }
    return TemplateResponse(request, "claims/projects/detail.html", context, status=status)


@require_GET
def project_detail(request: HttpRequest, project_id: int) -> HttpResponse:
    project = ps.project_get(user=request.user, project_id=project_id)
    return _project_page(request, project)


def _manager_only(request: HttpRequest, project: Project) -> None:
    if not permissions.can_manage_project(request.user, project.my_role):
        raise PermissionDenied("Only the project's managers can do that.")


@require_POST
def project_member_add(request: HttpRequest, project_id: int) -> HttpResponse:
    project = ps.project_get(user=request.user, project_id=project_id)
    _manager_only(request, project)
    form = MemberForm(request.POST)
    if form.is_valid():
        try:
            membership = projects.member_set(
                project=project, user=request.user, username=form.cleaned_data["user"], role=form.cleaned_data["role"]
            )
        except ValidationError as error:
            for message in _errors(error):
                form.add_error(None, message)
        else:
            messages.success(request, f"{membership.user.username} is {membership.role} of the project.")
            return HttpResponseRedirect(project.get_absolute_url())
    return _project_page(request, project, status=422, member_form=form)


@require_POST
def project_assign(request: HttpRequest, project_id: int) -> HttpResponse:
    """By hand (the ticked documents to the chosen analysts) or, with ``auto``, balanced."""
    project = ps.project_get(user=request.user, project_id=project_id)
    _manager_only(request, project)
    analysts = list(
        ps.project_members(project=project).filter(role=ProjectRole.ANALYST).values_list("user__username", flat=True)
    )
    if "auto" in request.POST:
        form = AutoAssignForm(request.POST)
        if form.is_valid():
            try:
                made = projects.assignments_auto(project=project, user=request.user, overlap=form.cleaned_data["overlap"])
            except ValidationError as error:
                for message in _errors(error):
                    form.add_error(None, message)
            else:
                documents = len({a.document_id for a in made})
                messages.success(request, f"{documents} document(s) assigned automatically ({len(made)} assignments).")
                return HttpResponseRedirect(project.get_absolute_url())
        return _project_page(request, project, status=422, auto_form=form)
    form = AssignForm(request.POST, analysts=analysts)
    if form.is_valid():
        data = form.cleaned_data
        try:
            made = projects.assignments_create(
                project=project,
                user=request.user,
                document_ids=data["documents"],
                analysts=data["analysts"],
                replace=data["replace"],
            )
        except ValidationError as error:
            for message in _errors(error):
                form.add_error(None, message)
        else:
            messages.success(request, f"{len(made)} new assignment(s).")
            return HttpResponseRedirect(project.get_absolute_url())
    return _project_page(request, project, status=422, assign_form=form)


@require_POST
def project_import(request: HttpRequest, project_id: int) -> HttpResponse:
    """Upload article files into the project (each file all or nothing, as everywhere)."""
    project = ps.project_get(user=request.user, project_id=project_id)
    _manager_only(request, project)
    form = UploadArticlesForm(request.POST, request.FILES, prefix="upload")
    results = []
    if form.is_valid():
        results = [
            import_file(upload.name, upload.read(), user=request.user, project=project)
            for upload in form.cleaned_data["files"]
        ]
        if all(result.ok for result in results):
            count = sum(len(result.documents) for result in results)
            messages.success(request, f"{count} article(s) imported into the project.")
            return HttpResponseRedirect(project.get_absolute_url())
    return _project_page(request, project, status=422, upload_form=form, import_results=results)


@require_http_methods(["GET", "POST"])
def project_guidelines(request: HttpRequest, project_id: int) -> HttpResponse:
    """The project's guidelines; its managers edit them here."""
    project = ps.project_get(user=request.user, project_id=project_id)
    manager = permissions.can_manage_project(request.user, project.my_role)
    form = ProjectForm(
        request.POST or None,
        initial={"name": project.name, "description": project.description, "guidelines": project.guidelines},
    )
    status = 200
    if request.method == "POST":
        _manager_only(request, project)
        if form.is_valid():
            try:
                projects.project_update(project=project, user=request.user, **form.cleaned_data)
            except ValidationError as error:
                for message in _errors(error):
                    form.add_error(None, message)
            else:
                messages.success(request, "Project saved.")
                return HttpResponseRedirect(reverse("claims:project-guidelines", args=[project.pk]))
        status = 422
    return TemplateResponse(
        request,
        "claims/projects/guidelines.html",
        {"project": project, "guidelines": mark_safe(guidelines_html(project)), "form": form, "is_manager": manager},
        status=status,
    )


@require_GET
def document_guidelines(request: HttpRequest, document_id: int) -> HttpResponse:
    """Fragment for the annotate page: the guidelines of the document's project (none: empty)."""
    document = selectors.document_get(user=request.user, document_id=document_id)
    project = ps.project_for_document(user=request.user, document=document)
    html = mark_safe(guidelines_html(project)) if project is not None else ""
    return TemplateResponse(request, "claims/projects/document_guidelines.html", {"project": project, "guidelines": html})


# --- My queue and done -------------------------------------------------------------------------


@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(request, "claims/projects/queue.html", {"queue": ps.analyst_queue(user=request.user)})


@require_POST
def mark_done(request: HttpRequest, project_id: int, document_id: int) -> HttpResponse:
    """Submit the drafts and mark the assignment done, or list what stops it."""
    project = ps.project_get(user=request.user, project_id=project_id)
    document = ps.project_document_get(user=request.user, project=project, document_id=document_id)
    try:
        projects.assignment_done(project=project, document=document, user=request.user)
    except ValidationError as error:
        context = {
            "queue": ps.analyst_queue(user=request.user),
            "blocked": {"document": document, "project": project, "reasons": _errors(error)},
        }
        return TemplateResponse(request, "claims/projects/queue.html", context, status=422)
    messages.success(request, f"“{document.title}” is done: its drafts went to review.")
    return HttpResponseRedirect(reverse("claims:queue"))


# --- curation ----------------------------------------------------------------------------------


def _curation_page(request: HttpRequest, project: Project, document, status: int = 200, errors=()) -> TemplateResponse:
    view = ps.curation_view(user=request.user, project=project, document=document)
    return TemplateResponse(
        request,
        "claims/projects/curate.html",
        {"project": project, "view": view, "errors": list(errors)},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def curate(request: HttpRequest, project_id: int, document_id: int) -> HttpResponse:
    """GET: the analysts' claims side by side. POST ``action`` take / remove / edit ``claim``."""
    project = ps.project_get(user=request.user, project_id=project_id)
    if not permissions.can_curate(request.user, project.my_role):
        raise PermissionDenied("Only the project's reviewers and managers can curate.")
    document = ps.project_document_get(user=request.user, project=project, document_id=document_id)
    if request.method == "GET":
        return _curation_page(request, project, document)
    form = CurationForm(request.POST)
    if not form.is_valid():
        return _curation_page(request, project, document, status=422, errors=["Choose a claim and an action."])
    claim = selectors.claim_list(user=request.user).filter(pk=form.cleaned_data["claim"], document=document).first()
    if claim is None:
        return _curation_page(request, project, document, status=422, errors=["No such claim on this document."])
    action = form.cleaned_data["action"]
    try:
        if action == "take":
            projects.curation_take(project=project, claim=claim, user=request.user)
        elif action == "remove":
            projects.curation_remove(project=project, claim=claim, user=request.user)
        else:
            copy = projects.curation_edit(project=project, claim=claim, user=request.user)
            messages.success(request, "Your copy is in the curated layer: edit it here, then come back.")
            return HttpResponseRedirect(f"{document.get_absolute_url()}?claim={copy.pk}")
    except ValidationError as error:
        return _curation_page(request, project, document, status=422, errors=_errors(error))
    url = reverse("claims:curate", args=[project.pk, document.pk])
    if request.htmx:
        return _curation_page(request, project, document)
    return HttpResponseRedirect(url)


# --- notifications -----------------------------------------------------------------------------


@require_GET
def notification_list(request: HttpRequest) -> HttpResponse:
    items = list(notifications.notification_list(user=request.user)[:100])
    notifications.notifications_mark_read(user=request.user)
    return TemplateResponse(request, "claims/projects/notifications.html", {"notifications": items})


@require_GET
def notification_badge(request: HttpRequest) -> HttpResponse:
    """The nav badge, loaded after the page (so no page pays for it in its own queries)."""
    count = notifications.unread_count(user=request.user)
    return TemplateResponse(request, "claims/projects/notification_badge.html", {"count": count})
