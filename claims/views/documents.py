"""The document list and the "Add articles" page: thin, they call selectors and the import service."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from claims import permissions, selectors
from claims.forms import DocumentFilterForm, PasteArticleForm, UploadArticlesForm
from claims.importing import FileResult, import_file

DOCUMENTS_PER_PAGE = 25


def document_list(request: HttpRequest) -> HttpResponse:
    """Documents with their counts; full-text search (French, accent-insensitive), filters, pages."""
    publishers = selectors.publisher_list()
    form = DocumentFilterForm(request.GET or None, publishers=publishers)
    filters = form.cleaned_data if form.is_valid() else {}
    publisher = filters.get("publisher")
    project = selectors.project_param(user=request.user, value=request.GET.get("project", ""))
    documents = selectors.document_list(
        user=request.user,
        search=filters.get("q", ""),
        publisher_id=publisher.pk if publisher else None,
        to_review=filters.get("to_review", False),
        project_id=project.pk if project else None,
    )
    page = Paginator(documents, DOCUMENTS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return TemplateResponse(
        request,
        "claims/document_list.html",
        {
            "form": form,
            "page": page,
            "documents": page.object_list,
            "query": query.urlencode(),
            "filtered": bool(filters.get("q") or publisher or filters.get("to_review") or project),
            "project": project,
            "can_add": permissions.can_annotate(request.user),
        },
    )


RESULTS_KEY = "import_results"


def _shown_results(results: list[FileResult], *, pasted: bool = False) -> list[dict]:
    """Import results as the page lists them (kept in the session across the redirect). A pasted
    article is named by its title, not by the file name the import is given."""
    return [
        {
            "name": result.documents[0].title if pasted and result.documents else result.name,
            "ok": result.ok,
            "error": result.error,
            "documents": [{"url": d.get_absolute_url(), "title": d.title} for d in result.documents],
        }
        for result in results
    ]


@require_http_methods(["GET", "POST"])
def document_add(request: HttpRequest) -> HttpResponse:
    """Paste one article or upload several files; every file goes through ``import_file`` on its own.

    When something was imported, the answer is a redirect to this page (which then lists the
    results), so that reloading it does not post the articles again."""
    if not permissions.can_annotate(request.user):
        raise PermissionDenied("Only analysts and reviewers can add articles.")
    paste_form, upload_form = PasteArticleForm(prefix="paste"), UploadArticlesForm(prefix="upload")
    results: list[FileResult] = []
    pasted = False
    status = 200
    if request.method == "GET":
        shown = request.session.pop(RESULTS_KEY, [])
    if request.method == "POST":
        if request.POST.get("action") == "upload":
            upload_form = UploadArticlesForm(request.POST, request.FILES, prefix="upload")
            if upload_form.is_valid():
                results = [
                    import_file(upload.name, upload.read(), user=request.user)
                    for upload in upload_form.cleaned_data["files"]
                ]
        else:
            paste_form = PasteArticleForm(request.POST, prefix="paste")
            if paste_form.is_valid():
                name, data = paste_form.as_import_file()
                result = import_file(name, data, user=request.user)
                pasted = True
                if result.ok:
                    results, paste_form = [result], PasteArticleForm(prefix="paste")
                else:
                    paste_form.add_error(None, f"Not imported: {result.error.removeprefix('item 1: ')}")
        shown = _shown_results(results, pasted=pasted)
        if any(result.documents for result in results):
            request.session[RESULTS_KEY] = shown
            return HttpResponseRedirect(reverse("claims:document-add"))
        status = 422
    return TemplateResponse(
        request,
        "claims/document_add.html",
        {
            "paste_form": paste_form,
            "upload_form": upload_form,
            "results": shown,
            "publishers": selectors.source_search(),
        },
        status=status,
    )
