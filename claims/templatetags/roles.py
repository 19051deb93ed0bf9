"""Templates ask ``claims.permissions`` the same questions as views: ``{% if user|can:"view_dashboard" %}``."""

from django import template

from claims import permissions

register = template.Library()


@register.filter
def can(user, action: str) -> bool:
    """``permissions.can_<action>(user)`` for the rules that depend on the user alone."""
    rule = getattr(permissions, f"can_{action}", None)
    if rule is None:
        raise template.TemplateSyntaxError(f"claims.permissions has no can_{action}()")
    return bool(user.is_authenticated and rule(user))
