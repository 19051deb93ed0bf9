"""Importing an annotation file through the page: upload, then a progress bar until it is done.

The upload is streamed to disk by Django's upload handlers and handed to a task
(``claims.import_jobs``); the job's page polls its progress with htmx.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from claims import import_jobs, permissions
from claims.forms import add_service_errors

FORMAT_CHOICES = [
    ("doccano", "doccano JSONL"),
    ("labelstudio", "Label Studio JSON"),
    ("jsonl", "JSONL export of this tool"),
]


class AnnotationFileForm(forms.Form):
    file = forms.FileField(label="Annotation file")
    format = forms.ChoiceField(label="Format", choices=FORMAT_CHOICES, initial="doccano")


def _limit_message() -> str:
    return f"Files up to {settings.ANNOTATION_IMPORT_MAX_BYTES / 2**20:,.0f} MB."


@require_http_methods(["GET", "POST"])
def annotations_import_page(request: HttpRequest) -> HttpResponse:
    """The form; a valid upload becomes a job and the browser goes to its progress page."""
    if not permissions.can_annotate(request.user):
        raise PermissionDenied("Only analysts and reviewers can import annotations.")
    form = AnnotationFileForm()
    status, error = 200, ""
    if request.method == "POST":
        length = int(request.META.get("CONTENT_LENGTH") or 0)
        if length > settings.ANNOTATION_IMPORT_MAX_BYTES:
            error = f"The file is too large ({length / 2**20:,.1f} MB). {_limit_message()}"
            status = 413
        else:
            form = AnnotationFileForm(request.POST, request.FILES)
            if form.is_valid():
                try:
                    job = import_jobs.import_job_create(
                        user=request.user, upload=form.cleaned_data["file"], fmt=form.cleaned_data["format"]
                    )
                except ValidationError as error:
                    add_service_errors(form, error)
                else:
                    return HttpResponseRedirect(reverse("claims:import-job", args=[job.pk]))
            status = 400
    return TemplateResponse(
        request, "claims/import_annotations.html", {"form": form, "error": error, "limit": _limit_message()}, status=status
    )


@require_GET
def import_job(request: HttpRequest, job_id: int) -> HttpResponse:
    """A job's progress (the whole page, or the polled fragment for htmx)."""
    job = import_jobs.import_job_get(user=request.user, job_id=job_id)
    if job is None:
        raise Http404("No such import.")
    template = "claims/import_job.html"
    if request.htmx:
        template += "#job-status"
    return TemplateResponse(request, template, {"job": job})
