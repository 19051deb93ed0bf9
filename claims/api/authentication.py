"""Token authentication for the API: django-rest-knox's, one query a request.

(Its own module: DRF imports the authentication classes while ``rest_framework.views`` is
still loading, so nothing here may import views.)
"""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.contrib.knox_auth_token import KnoxTokenScheme
from knox import auth as knox_auth
from knox.signals import token_expired


class TokenAuthentication(knox_auth.TokenAuthentication):
    """knox's, without its scan of every token of the user at each request (a query more, to
    delete the expired ones): an expired token is deleted when it is presented, and the user's
    other expired tokens when they next log in (``TokenView``)."""

    def _cleanup_token(self, auth_token) -> bool:
        if auth_token.expiry is None or auth_token.expiry >= timezone.now():
            return False
        username = auth_token.user.get_username()
        auth_token.delete()
        token_expired.send(sender=self.__class__, username=username, source="auth_token")
        return True


class TokenScheme(KnoxTokenScheme):
    """The OpenAPI security scheme of ``TokenAuthentication``: knox's (the extension does not
    match subclasses)."""

    target_class = "claims.api.authentication.TokenAuthentication"
