"""Production settings plus one bare view, so B2 can compare the annotate page with a
constant response through the same middleware. Used only by ``make bench``."""

from annotator.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
SECURE_SSL_REDIRECT = False  # plain HTTP on loopback
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

# The load measurements send thousands of requests a minute from a few users and addresses:
# the production throttles would measure themselves, not the app.
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "1000000/minute", "user": "1000000/minute"}}  # noqa: F405
