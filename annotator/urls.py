"""URL map: the pages, the admin, the REST API and its schema."""

from django.contrib import admin
from django.contrib.auth.decorators import login_not_required, login_required
from django.urls import include, path
from drf_spectacular.views import SpectacularSwaggerSplitView

from annotator.schema import CachedSpectacularAPIView

from claims.views import errors
from claims.views.accounts import LoginView
from claims.views.admin_shortcut import view_on_site

urlpatterns = [
    path("admin/r/<int:content_type_id>/<path:object_id>/", view_on_site),
    path("admin/", admin.site.urls),
    # REST API: DRF authenticates (session or token); the Swagger UI is a page behind the login.
    path("api/v1/", include("claims.api.urls")),
    path("api/schema/", CachedSpectacularAPIView.as_view(), name="api-schema"),
    path(
        "api/docs/",
        # Its own template: the Swagger UI with a way back to the site; its script is a file (CSP).
        login_required(SpectacularSwaggerSplitView.as_view(url_name="api-schema", template_name="claims/swagger_ui.html")),
        name="api-docs",
    ),
    path("favicon.ico", login_not_required(errors.favicon), name="favicon"),
    path("accounts/login/", LoginView.as_view(), name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("claims.urls")),
]

# Errors: JSON under /api/, pages elsewhere; a database outage is a 503 (claims/views/errors.py).
handler400 = "claims.views.errors.bad_request"
handler403 = "claims.views.errors.permission_denied"
handler404 = "claims.views.errors.page_not_found"
handler500 = "claims.views.errors.server_error"
