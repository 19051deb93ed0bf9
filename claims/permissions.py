"""Who may do what. One place, used by the pages, the API and the templates alike."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claims.roles import (  # noqa: F401  (the groups are named here for the rest of the app)
    ANALYST_GROUP,
    MANAGER_GROUP,
    PROJECT_ANALYST,
    PROJECT_LEAD_ROLES,
    PROJECT_MANAGER,
    REVIEWER_GROUP,
    has_project_role,
    in_group,
    is_admin,
    is_reviewer,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

    from claims.models import Claim


def is_analyst(user: "AbstractBaseUser") -> bool:
    return is_admin(user) or in_group(user, ANALYST_GROUP)


def is_project_member(user: "AbstractBaseUser") -> bool:
    return has_project_role(user, PROJECT_ANALYST, *PROJECT_LEAD_ROLES)


def can_review(user: "AbstractBaseUser") -> bool:
    """Review claims somewhere: the Reviewer group (documents in no project), a project's
    reviewers and managers (its documents). Which claims is the querysets' business: a claim
    of someone else that ``user`` can see at all has reached review where ``user`` reviews."""
    return is_reviewer(user) or has_project_role(user, *PROJECT_LEAD_ROLES)


def can_annotate(user: "AbstractBaseUser") -> bool:
    """Create claims and add documents or sources."""
    return is_analyst(user) or can_review(user) or is_project_member(user)


def can_edit_source(user: "AbstractBaseUser") -> bool:
    """Change a registry source: every claim citing it changes with it, so reviewers and
    managers (of the Reviewer or Manager group, or of any project) curate."""
    return is_reviewer(user) or in_group(user, MANAGER_GROUP) or has_project_role(user, *PROJECT_LEAD_ROLES)


def can_edit_claim(user: "AbstractBaseUser", claim: "Claim") -> bool:
    """The claim's own analyst, while it is a draft or rejected; administrators always."""
    if is_admin(user):
        return True
    return claim.annotator_id == user.pk and not claim.is_locked


def can_submit_claim(user: "AbstractBaseUser", claim: "Claim") -> bool:
    return claim.annotator_id == user.pk and claim.status in ("draft", "rejected")


def can_review_claim(user: "AbstractBaseUser", claim: "Claim") -> bool:
    """Reviewers, never on a claim they annotated themselves."""
    return can_review(user) and claim.annotator_id != user.pk and claim.status == "submitted"


def can_use_review_queue(user: "AbstractBaseUser") -> bool:
    """See the review queue and approve or reject there (one at a time or several at once)."""
    return can_review(user)


def can_view_dashboard(user: "AbstractBaseUser") -> bool:
    """The figures compare analysts with each other: reviewers and administrators only,
    so that analysts keep annotating without seeing how the others labelled."""
    return can_review(user)


# --- projects ------------------------------------------------------------------------------
# ``role`` below is the user's role in the project (``project_role``), None for an outsider;
# outsiders never get this far: the project lookups are scoped (404).


def can_create_project(user: "AbstractBaseUser") -> bool:
    """Administrators, the Manager group and whoever manages a project already."""
    return is_admin(user) or in_group(user, MANAGER_GROUP) or has_project_role(user, PROJECT_MANAGER)


def can_use_queue(user: "AbstractBaseUser") -> bool:
    return bool(user.is_authenticated)


def can_manage_project(user: "AbstractBaseUser", role: str | None) -> bool:
    """Members, documents, assignments and guidelines: the project's managers and administrators."""
    return is_admin(user) or role == PROJECT_MANAGER


def can_curate(user: "AbstractBaseUser", role: str | None) -> bool:
    """Take claims into the curated layer, see every analyst's figures: reviewers and managers."""
    return is_admin(user) or role in PROJECT_LEAD_ROLES


def can_mark_done(user: "AbstractBaseUser", role: str | None) -> bool:
    return role == PROJECT_ANALYST or (role is not None and is_admin(user))


def can_merge_source(user: "AbstractBaseUser") -> bool:
    """Merge a duplicate source into another (and undo it): whoever curates the registry."""
    return can_edit_source(user)


def can_rate_source(user: "AbstractBaseUser") -> bool:
    """Add a credibility note (and so set the rating every chip shows)."""
    return can_edit_source(user)


def can_propose_source(user: "AbstractBaseUser") -> bool:
    """Add a source; an analyst's is a proposal until a reviewer confirms or merges it."""
    return can_annotate(user)
