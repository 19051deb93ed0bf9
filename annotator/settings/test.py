"""Settings for the test suite: same PostgreSQL engine, fast hashing, tasks run inline."""

from .base import *  # noqa: F403
from .base import REST_FRAMEWORK, TASKS

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-for-production-use-0123456789"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {**TASKS["default"], "BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
SEED_DEMO_USERS = True
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# No test trips a throttle by accident; the throttle tests set their own rates.
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute", "user": "100000/minute"}}

# The test client's login() has no request for django-axes; logins with one are checked as in
# production (tests/auth_backends.py).
AUTHENTICATION_BACKENDS = ["tests.auth_backends.RequestOptionalAxesBackend", "django.contrib.auth.backends.ModelBackend"]
