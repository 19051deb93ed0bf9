"""Settings split by environment: base (shared), test, production.

``DJANGO_SETTINGS_MODULE`` picks one; ``manage.py`` defaults to ``annotator.settings.base``
which is the developer's configuration (DEBUG read from the environment, on in ``make run``).
"""
