from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "claims"
    verbose_name = "Claims and attribution"

    def ready(self) -> None:
        # Connects the suggestions' receiver of ``documents_stored`` (see claims.tasks).
        from claims import tasks  # noqa: F401
