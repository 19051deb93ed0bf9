"""Settings for the test suite: same PostgreSQL engine, fast hashing, tasks run inline."""

from .base import *  # noqa: F403
from .base import TASKS

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-for-production-use-0123456789"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {**TASKS["default"], "BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
SEED_DEMO_USERS = True
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
