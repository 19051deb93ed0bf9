"""Who may do what. One place, used by the pages, the API and the templates alike."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

    from claims.models import Claim

ANALYST_GROUP = "Analyst"
REVIEWER_GROUP = "Reviewer"


def _in_group(user: "AbstractBaseUser", group: str) -> bool:
    # Cache the user's group names on the instance: templates ask many times per page.
    names = getattr(user, "_group_names_cache", None)
    if names is None:
        names = set(user.groups.values_list("name", flat=True)) if user.is_authenticated else set()
        user._group_names_cache = names
    return group in names


def is_admin(user: "AbstractBaseUser") -> bool:
    return bool(user.is_authenticated and user.is_superuser)


def is_reviewer(user: "AbstractBaseUser") -> bool:
    return is_admin(user) or _in_group(user, REVIEWER_GROUP)


def is_analyst(user: "AbstractBaseUser") -> bool:
    return is_admin(user) or _in_group(user, ANALYST_GROUP)


def can_annotate(user: "AbstractBaseUser") -> bool:
    """Create claims and add documents or sources."""
    return is_analyst(user) or is_reviewer(user)


def can_edit_source(user: "AbstractBaseUser") -> bool:
    """Change a registry source: every claim citing it changes with it, so reviewers curate."""
    return is_reviewer(user)


def can_edit_claim(user: "AbstractBaseUser", claim: "Claim") -> bool:
    """The claim's own analyst, while it is a draft or rejected; administrators always."""
    if is_admin(user):
        return True
    return claim.annotator_id == user.pk and not claim.is_locked


def can_submit_claim(user: "AbstractBaseUser", claim: "Claim") -> bool:
    return claim.annotator_id == user.pk and claim.status in ("draft", "rejected")


def can_review_claim(user: "AbstractBaseUser", claim: "Claim") -> bool:
    """Reviewers, never on a claim they annotated themselves."""
    return is_reviewer(user) and claim.annotator_id != user.pk and claim.status == "submitted"


def can_use_review_queue(user: "AbstractBaseUser") -> bool:
    """See the review queue and approve or reject there (one at a time or several at once)."""
    return is_reviewer(user)


def can_view_dashboard(user: "AbstractBaseUser") -> bool:
    """The figures compare analysts with each other: reviewers and administrators only,
    so that analysts keep annotating without seeing how the others labelled."""
    return is_reviewer(user)


def can_merge_source(user: "AbstractBaseUser") -> bool:
    """Merge a duplicate source into another (and undo it): whoever curates the registry."""
    return can_edit_source(user)


def can_rate_source(user: "AbstractBaseUser") -> bool:
    """Add a credibility note (and so set the rating every chip shows)."""
    return can_edit_source(user)


def can_propose_source(user: "AbstractBaseUser") -> bool:
    """Add a source; an analyst's is a proposal until a reviewer confirms or merges it."""
    return can_annotate(user)
