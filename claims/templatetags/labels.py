"""Labels from the models' choices, so that a value is spelled one way on every page."""

from django import template

from claims.models import SourceKind

register = template.Library()

SOURCE_KINDS = dict(SourceKind.choices)


@register.filter
def source_kind(value: str) -> str:
    """``news_outlet`` -> "News outlet" (the model's choice label; unknown values as they are)."""
    return str(SOURCE_KINDS.get(value, value))
