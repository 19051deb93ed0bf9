"""The Celery application for the tasks worker when ``CELERY_BROKER_URL`` is set.

``celery -A annotator worker`` runs the same ``django.tasks`` tasks as ``manage.py db_worker``
(django-tasks-celery registers each ``@task`` with this app); the configuration is the
``CELERY_*`` settings.
"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "annotator.settings.base")

app = Celery("annotator")
app.config_from_object("django.conf:settings", namespace="CELERY")
# The task modules: importing them registers their tasks with this app.
app.autodiscover_tasks(["claims"])
