"""Page URLs. Each area's routes sit in its own block, next to its views module."""

from django.urls import path

from claims.views import documents

app_name = "claims"
urlpatterns = [
    # Documents and annotation
    path("", documents.document_list, name="document-list"),
]
