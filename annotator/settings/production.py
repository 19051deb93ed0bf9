"""Production settings: nothing insecure by default, every secret from the environment."""

from .base import *  # noqa: F403
from .base import env, pool_options

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")  # no default: refuse to start without one
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
SEED_DEMO_USERS = False

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Pooled connections (psycopg_pool) instead of one persistent connection per thread; the
# options ride out a database restart (base.pool_options).
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405 (required by the pool)
DATABASES["default"].setdefault("OPTIONS", {})["pool"] = pool_options(  # noqa: F405
    min_size=env.int("DJANGO_DB_POOL_MIN", default=2), max_size=env.int("DJANGO_DB_POOL_MAX", default=8)
)

# Django's cache, shared by every gunicorn worker (the table: `manage.py createcachetable`). The
# API throttles keep their own state in PostgreSQL (claims.api.throttles).
CACHES = {"default": env.cache_url("DJANGO_CACHE_URL", default="dbcache://django_cache")}
if "replica" in DATABASES:  # noqa: F405
    DATABASES["replica"]["CONN_MAX_AGE"] = 0  # noqa: F405
    DATABASES["replica"].setdefault("OPTIONS", {})["pool"] = dict(DATABASES["default"]["OPTIONS"]["pool"])  # noqa: F405
