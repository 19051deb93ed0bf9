from django.urls import path

from claims import views

app_name = "claims"
urlpatterns = [
    path("", views.document_list, name="document-list"),
]
