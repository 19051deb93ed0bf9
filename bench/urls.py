from django.http import HttpResponse
from django.urls import include, path


def bare(request):
    """A constant, behind the same middleware (login included) as every page."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare), path("", include("annotator.urls"))]
