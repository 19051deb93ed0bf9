"""The lockout backend for the test suite.

django-axes refuses ``authenticate()`` without a request, and the test client's ``login()``
calls it without one. Here such a call (no address, no form: nothing to lock) skips the
lockout check and falls through to ModelBackend; every login through a page, the admin or the
token endpoint carries its request and is checked as in production (the lockout tests do so).
"""

from axes.backends import AxesStandaloneBackend


class RequestOptionalAxesBackend(AxesStandaloneBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
