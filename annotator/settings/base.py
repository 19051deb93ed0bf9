"""Settings shared by every environment; values come from the environment (12-factor)."""

from datetime import timedelta
from pathlib import Path

import environ
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=False)
# Only the developer settings may fall back to a fixed key; production requires one.
SECRET_KEY = env("DJANGO_SECRET_KEY", default="dev-only-insecure-key-change-me-" + "x" * 20)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "knox",
    "axes",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "django_tasks_db",
    "pgtrigger",
    "pghistory",
    "claims",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "claims.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Hardening: NUL / lone surrogates refused at the edge; database outages answered 503.
    "claims.middleware.BadInputMiddleware",
    "claims.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "pghistory.middleware.HistoryMiddleware",
    "annotator.replica.ReplicaMiddleware",
    # Last: turns a locked-out login (page, admin) into the lockout answer.
    "axes.middleware.AxesMiddleware",
]

# Content-Security-Policy (Django's middleware), the same in every environment so that the
# browser tests run under the production policy: scripts only from this site or carrying the
# request's nonce (no inline script, no eval); styles may be inline (htmx's indicator style,
# Swagger UI and pygal set style attributes); images from here or data: URLs.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# Browser features the app never uses, switched off for its pages (claims.middleware).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "camera", "display-capture", "geolocation", "gyroscope", "magnetometer",
        "microphone", "midi", "payment", "usb", "serial", "bluetooth", "hid", "publickey-credentials-get",
        "screen-wake-lock", "xr-spatial-tracking", "browsing-topics",
    )
}

ROOT_URLCONF = "annotator.urls"
WSGI_APPLICATION = "annotator.wsgi.application"
ASGI_APPLICATION = "annotator.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
        },
    },
]


def database_settings() -> dict:
    """``DATABASE_URL`` when set, else the embedded server in ``.pgdata/``. PostgreSQL only."""
    if env.str("DATABASE_URL", default=""):
        config = env.db("DATABASE_URL")
    else:
        from annotator.embedded_db import embedded_database_settings

        config = embedded_database_settings(BASE_DIR / ".pgdata")
    config["ENGINE"] = "django.db.backends.postgresql"
    # Persistent connections, checked before reuse so a database restart costs no request.
    config["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
    config["CONN_HEALTH_CHECKS"] = True
    if pool_max := env.int("DJANGO_DB_POOL_MAX", default=0):
        # A pool bounds the connections of a process whatever its thread count (runserver
        # starts a thread, and so a connection, per request): `make run` and production.
        config["CONN_MAX_AGE"] = 0  # required by the pool
        config.setdefault("OPTIONS", {})["pool"] = pool_options(min_size=env.int("DJANGO_DB_POOL_MIN", default=1), max_size=pool_max)
    return config


def pool_options(*, min_size: int, max_size: int) -> dict:
    """psycopg_pool settings that ride out a database restart or outage:

    - ``check``: each connection is tested when handed out, so the dead connections left by a
      restart are replaced instead of failing the first requests after it;
    - ``timeout``: a request waits this long for a connection, then gets a 503 (PoolTimeout);
    - ``reconnect_timeout``: the pool's reconnection attempts back off exponentially (1, 2, 4,
      8 ... s) and would sleep past the end of a long outage; giving up after 10 s lets the next
      request start a fresh attempt at once, so the pool is back within seconds of the server.
    """
    from psycopg_pool import ConnectionPool

    return {
        "min_size": min_size,
        "max_size": max_size,
        "timeout": env.float("DJANGO_DB_POOL_TIMEOUT", default=5.0),
        "reconnect_timeout": 10.0,
        "max_idle": 60.0,
        "check": ConnectionPool.check_connection,
    }


DATABASES = {"default": database_settings()}
# A streaming replica (PostgreSQL hot standby) for the heavy reads: lists, exports, statistics
# and the source network (annotator/replica.py says which requests, and how a user who just
# wrote is kept on the primary until the replica has caught up).
if env.str("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = {
        **env.db("DATABASE_REPLICA_URL"), "ENGINE": "django.db.backends.postgresql",
        "CONN_MAX_AGE": DATABASES["default"]["CONN_MAX_AGE"], "CONN_HEALTH_CHECKS": True,
        "TEST": {"MIRROR": "default"},
    }
    DATABASE_ROUTERS = ["annotator.replica.PrimaryReplicaRouter"]
# Seconds a client that wrote keeps its "read from the primary until the replica has replayed my
# write" cookie (a replica that lags longer than this is a replica in trouble).
REPLICA_PIN_SECONDS = env.int("DJANGO_REPLICA_PIN_SECONDS", default=300)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Argon2id at OWASP's parameters (claims/hashers.py); older hashes are upgraded at login.
PASSWORD_HASHERS = [
    "claims.hashers.OWASPArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

# Password guessing (django-axes): the login page, the admin and the API token endpoint lock a
# username, and separately an address, after AXES_FAILURE_LIMIT failures in a row, for
# AXES_COOLOFF_TIME; the page says so, the API answers 429 with Retry-After.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("DJANGO_LOGIN_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("DJANGO_LOGIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each on its own
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "claims.views.accounts.lockout_response"
AXES_VERBOSE = False
AXES_USERNAME_FORM_FIELD = "username"

LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/start/"  # My queue for analysts, the document list for the others
LOGOUT_REDIRECT_URL = "/accounts/login/"

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# In development whitenoise serves straight from the app folders (no collectstatic needed).
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Request bodies: big enough for a batch of articles, small enough to refuse abuse.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DJANGO_DATA_UPLOAD_MAX_MEMORY_SIZE", default=10 * 1024 * 1024)
# Annotation files (API and page) are streamed to a temporary file and read line by line, so
# they may be far larger than other bodies; this is their own limit.
ANNOTATION_IMPORT_MAX_BYTES = env.int("DJANGO_IMPORT_MAX_BYTES", default=1024 * 1024 * 1024)
# Where uploads through the page wait for the import task (the worker reads them from there).
IMPORT_SPOOL_DIR = env.str("DJANGO_IMPORT_SPOOL_DIR", default="") or None

REST_FRAMEWORK = {
    # Token first: an anonymous call then gets 401 with `WWW-Authenticate: Token`, not 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "claims.api.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "claims.api.schema.ApiAutoSchema",
    "DEFAULT_PAGINATION_CLASS": "claims.api.pagination.IdCursorPagination",
    "DEFAULT_PARSER_CLASSES": ["claims.api.parsers.JSONObjectParser"],
    "DEFAULT_RENDERER_CLASSES": ["claims.api.renderers.SafeJSONRenderer", "rest_framework.renderers.BrowsableAPIRenderer"],
    # `?format=` names an export format (`/api/v1/export/claims/?format=csv`) and the claim
    # filters are shared with the lists: DRF's renderer override on it would turn `?format=csv`
    # on a list into a 404. Renderers are chosen by the Accept header only.
    "URL_FORMAT_OVERRIDE": None,
    "EXCEPTION_HANDLER": "claims.api.exceptions.exception_handler",
    "PAGE_SIZE": 100,
    # Per signed-in user and per anonymous address; answered 429 with Retry-After. Their state
    # is one row a user or address in PostgreSQL, shared by every server (claims.api.throttles).
    "DEFAULT_THROTTLE_CLASSES": [
        "claims.api.throttles.AnonRateThrottle",
        "claims.api.throttles.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("DJANGO_THROTTLE_ANON", default="60/minute"),
        "user": env.str("DJANGO_THROTTLE_USER", default="600/minute"),
    },
}

# API tokens (django-rest-knox): each login makes one, stored as a digest, expiring.
REST_KNOX = {
    "TOKEN_TTL": timedelta(hours=env.int("DJANGO_TOKEN_TTL_HOURS", default=10)),
    "AUTH_HEADER_PREFIX": "Token",
}

# Django's cache. One process (runserver): memory; production: the database (production.py;
# `make serve` creates the table). The API throttles keep their state in PostgreSQL.
CACHES = {"default": env.cache_url("DJANGO_CACHE_URL", default="locmemcache://")}

SPECTACULAR_SETTINGS = {
    "TITLE": "Claim & attribution annotator API",
    "DESCRIPTION": "Claims in news articles, the sources they are attributed to, and their review.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    # Separate request and response components: read-only fields stay out of request bodies.
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "SourceKindEnum": "claims.models.SourceKind",
        "SentenceKindEnum": "claims.models.SentenceKind",
    },
}

# Background tasks (the attribution suggestions). By default django-tasks-db keeps the queue in
# PostgreSQL and `manage.py db_worker` runs it. With CELERY_BROKER_URL set (RabbitMQ
# `amqp://user:password@host:5672/vhost`, or Redis `redis://host:6379/N`) the same tasks go
# through Celery (django-tasks-celery) and `celery -A annotator worker` processes run them, on
# as many hosts as needed.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
TASKS = {
    "default": {
        "BACKEND": env.str(
            "DJANGO_TASKS_BACKEND",
            default="django_tasks_celery.CeleryBackend" if CELERY_BROKER_URL else "django_tasks_db.DatabaseBackend",
        ),
        "QUEUES": ["default"],
        "OPTIONS": {"CELERY_APP": "annotator.celery.app"} if CELERY_BROKER_URL else {},
    }
}
# At least once: a task is acknowledged when it has run, so a worker that dies (kill -9, a lost
# host) leaves its task unacknowledged and the broker hands it to another worker; running a
# suggestion task twice is harmless (it replaces the document's suggestions). One task reserved
# per worker process at a time, so a busy worker does not sit on tasks an idle one could run.
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_QUEUE", default="annotator-suggestions")
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# Redis has no acknowledgements of its own: an unacknowledged task comes back after this many
# seconds (RabbitMQ gives it back as soon as the dead worker's connection drops).
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A task's outcome is stored on its documents (Document.suggestion_state), not in a Celery
# result backend, so django-tasks-celery's warnings about results do not apply.
SILENCED_SYSTEM_CHECKS = ["django_tasks_celery.W001", "django_tasks_celery.W002"]

# Whether the seed command may create the demo users of the README (never in production).
SEED_DEMO_USERS = DEBUG

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="WARNING")},
}
