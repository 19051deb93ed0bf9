"""URL map: the pages, the admin, the REST API and its schema."""

from django.contrib import admin
from django.contrib.auth.decorators import login_not_required, login_required
from django.templatetags.static import static
from django.views.generic import RedirectView
from django.urls import include, path
from drf_spectacular.views import SpectacularSwaggerSplitView

from annotator.schema import CachedSpectacularAPIView

from claims.views.accounts import LoginView
from claims.views.admin_shortcut import view_on_site

urlpatterns = [
    # Browsers ask for /favicon.ico on pages that name no icon (the admin's): no 404 for it.
    path("favicon.ico", login_not_required(RedirectView.as_view(url=static("claims/favicon.svg"), permanent=True))),
    path("admin/r/<int:content_type_id>/<path:object_id>/", view_on_site),
    path("admin/", admin.site.urls),
    # REST API: DRF authenticates (session or token); the Swagger UI is a page behind the login.
    path("api/v1/", include("claims.api.urls")),
    path("api/schema/", CachedSpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", login_required(SpectacularSwaggerSplitView.as_view(url_name="api-schema")), name="api-docs"),
    path("accounts/login/", LoginView.as_view(), name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("claims.urls")),
]

# Errors: JSON under /api/, pages elsewhere; a database outage is a 503 (claims/views/errors.py).
handler400 = "claims.views.errors.bad_request"
handler403 = "claims.views.errors.permission_denied"
handler404 = "claims.views.errors.page_not_found"
handler500 = "claims.views.errors.server_error"
