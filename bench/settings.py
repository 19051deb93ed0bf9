"""Production settings plus one bare view, so B2 can compare the annotate page with a
constant response through the same middleware. Used only by ``make bench``."""

from annotator.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
SECURE_SSL_REDIRECT = False  # plain HTTP on loopback
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
