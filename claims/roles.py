"""What a user is: their groups (Analyst, Reviewer, Manager) and their roles in projects.

The lowest layer of the permission rules: it reads the user's own rows and nothing of the
claims app's models, so that querysets (visibility) and ``claims.permissions`` (actions) can
both ask it without importing each other. Both sets come from one query, cached on the user
instance (templates ask many times per page).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

ANALYST_GROUP = "Analyst"
REVIEWER_GROUP = "Reviewer"
MANAGER_GROUP = "Manager"

# Project roles (claims.project_models.ProjectRole values), prefixed so they never meet a group name.
PROJECT_ROLE_PREFIX = "project:"
PROJECT_ANALYST = "analyst"
PROJECT_REVIEWER = "reviewer"
PROJECT_MANAGER = "manager"
PROJECT_LEAD_ROLES = (PROJECT_REVIEWER, PROJECT_MANAGER)


def names(user: "AbstractBaseUser") -> frozenset[str]:
    """The user's group names and project roles (prefixed): all that the rules ask of them."""
    return _names(user)


def _names(user: "AbstractBaseUser") -> frozenset[str]:
    names = getattr(user, "_group_names_cache", None)
    if names is None:
        names = frozenset(_read_names(user)) if user.is_authenticated else frozenset()
        user._group_names_cache = names
    return names


def _read_names(user: "AbstractBaseUser") -> list[str]:
    """The user's group names and prefixed project roles: one plain query (every page asks;
    built by the ORM, the union cost more to compile than to run)."""
    from django.db import connections, router

    groups = user._meta.get_field("groups")
    through, group = groups.remote_field.through._meta, groups.related_model._meta
    membership = user._meta.get_field("memberships").related_model._meta
    sql = (
        f"SELECT g.name FROM {group.db_table} g JOIN {through.db_table} ug ON ug.group_id = g.id WHERE ug.user_id = %s"
        f" UNION ALL SELECT %s || m.role FROM {membership.db_table} m WHERE m.user_id = %s"
    )
    with connections[router.db_for_read(groups.related_model)].cursor() as cursor:
        cursor.execute(sql, [user.pk, PROJECT_ROLE_PREFIX, user.pk])
        return [name for (name,) in cursor.fetchall()]


def forget(user: "AbstractBaseUser") -> None:
    """Drop the cached roles (after the user's memberships changed in this request)."""
    user.__dict__.pop("_group_names_cache", None)


def in_group(user: "AbstractBaseUser", group: str) -> bool:
    return group in _names(user)


def has_project_role(user: "AbstractBaseUser", *roles: str) -> bool:
    """Whether ``user`` holds one of ``roles`` in at least one project."""
    names = _names(user)
    return any(PROJECT_ROLE_PREFIX + role in names for role in roles)


def is_admin(user: "AbstractBaseUser") -> bool:
    return bool(user.is_authenticated and user.is_superuser)


def is_reviewer(user: "AbstractBaseUser") -> bool:
    """A reviewer of documents in no project (the Reviewer group), or an administrator."""
    return is_admin(user) or in_group(user, REVIEWER_GROUP)
