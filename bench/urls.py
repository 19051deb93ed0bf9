from django.http import HttpResponse
from django.urls import include, path


def bare(request):
    """A constant, behind the same middleware (login included) as every page."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare), path("", include("annotator.urls"))]
handler400 = "claims.views.errors.bad_request"
handler403 = "claims.views.errors.permission_denied"
handler404 = "claims.views.errors.page_not_found"
handler500 = "claims.views.errors.server_error"
