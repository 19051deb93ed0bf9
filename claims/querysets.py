"""Chainable filters for the claims app's models."""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection, models
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q
from django.db.models.expressions import RawSQL
from django.utils.text import slugify

from claims import roles

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

# A text search configuration made by migration 0001: French stemming over unaccented words.
SEARCH_CONFIG = "french_unaccent"
# While this is 'on' documents are stored without their search vector (``search_vectors_later``).
SEARCH_LATER = "claims.search_later"


@contextmanager
def search_vectors_later():
    """Inside the current transaction, store documents without computing their search vectors
    (the French stemming is most of the cost of storing a text); the caller fills them later
    (``claims.segmenting``). Back to normal on leaving, even inside a longer transaction."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config(%s, 'on', true)", [SEARCH_LATER])
    yield  # on an error the transaction is rolled back, and the setting with it
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config(%s, 'off', true)", [SEARCH_LATER])


def search_vector_sql(title: str = "title", text: str = "text") -> str:
    """The SQL of a document's search vector from the SQL of its title and text (columns by
    default): the title weighs more than the text."""
    return (
        f"setweight(to_tsvector('{SEARCH_CONFIG}', coalesce({title}, '')), 'A') || "
        f"setweight(to_tsvector('{SEARCH_CONFIG}', coalesce({text}, '')), 'B')"
    )


def _related(model: type[models.Model], name: str) -> type[models.Model]:
    """The model at the other end of ``model.name``: querysets reach the other models through
    the relations, so that this module never imports ``claims.models`` (which imports it)."""
    return model._meta.get_field(name).related_model


def _in_a_project(document_model: type[models.Model], ref: str) -> Exists:
    return Exists(_related(document_model, "project_links").objects.filter(document=OuterRef(ref)))


def _lead_of(document_model: type[models.Model], user: "AbstractBaseUser", ref: str) -> Exists:
    """The document at ``ref`` is in a project where ``user`` is a reviewer or a manager."""
    links = _related(document_model, "project_links").objects.filter(
        document=OuterRef(ref),
        project__memberships__user=user,
        project__memberships__role__in=roles.PROJECT_LEAD_ROLES,
    )
    return Exists(links)


def document_visible_q(document_model: type[models.Model], user: "AbstractBaseUser", ref: str = "pk") -> Q:
    """Documents ``user`` may see (``ref``: the document's id seen from the filtered model).

    A document in no project: every signed-in user. In a project: its reviewers and managers,
    and its analysts when it is assigned to them (and they are still members). Administrators
    see everything (callers skip the filter).
    """
    anywhere = ~_in_a_project(document_model, ref)
    if not roles.has_project_role(user, roles.PROJECT_ANALYST, *roles.PROJECT_LEAD_ROLES):
        return Q(anywhere)
    assigned = _related(document_model, "assignments").objects.filter(
        document=OuterRef(ref), analyst=user, project__memberships__user=user
    )
    return Q(anywhere) | Q(_lead_of(document_model, user, ref)) | Q(Exists(assigned))


def document_reviewable_q(document_model: type[models.Model], user: "AbstractBaseUser", ref: str = "pk") -> Q:
    """Documents where ``user`` sees every claim sent to review: in no project for the Reviewer
    group, in a project for its reviewers and managers."""
    condition = Q(pk__in=[])
    if roles.is_reviewer(user):
        condition = Q(~_in_a_project(document_model, ref))
    if roles.has_project_role(user, *roles.PROJECT_LEAD_ROLES):
        condition |= Q(_lead_of(document_model, user, ref))
    return condition


class ProjectQuerySet(models.QuerySet):
    def visible_to(self, user: "AbstractBaseUser") -> "ProjectQuerySet":
        """Projects ``user`` is a member of; administrators see all. Others are 404."""
        if not user.is_authenticated:
            return self.none()
        if roles.is_admin(user):
            return self
        members = _related(self.model, "memberships").objects.filter(project=OuterRef("pk"), user=user)
        return self.filter(Exists(members))


class SourceQuerySet(models.QuerySet):
    def search(self, query: str) -> "SourceQuerySet":
        """Sources whose slug, name or aliases contain every word of ``query``, in any order,
        ignoring case and accents (« ministere defense » finds « Ministère de la Défense »)."""
        words = (query or "").split()
        if not words:
            return self
        # unaccent() over the aliases array joined as one string keeps it to one SQL clause.
        alias_blob = models.Func(
            models.Func(F("aliases"), models.Value(" | "), function="array_to_string"),
            function="unaccent",
            output_field=models.TextField(),
        )
        every_word = Q()
        for word in words:
            every_word &= (
                Q(name__unaccent__icontains=word)
                | Q(slug__icontains=word)
                | Q(alias_blob__unaccent__icontains=word)
            )
        return self.alias(alias_blob=alias_blob).filter(every_word)


    def search_exact(self, name: str) -> "SourceQuerySet":
        """Sources named exactly ``name`` (name, slug or an alias), ignoring case and accents."""
        name = (name or "").strip()
        if not name:
            return self.none()
        alias_match = RawSQL(
            "EXISTS (SELECT 1 FROM unnest(claims_source.aliases) AS alias"
            " WHERE lower(unaccent(alias)) = lower(unaccent(%s)))",
            [name],
            output_field=models.BooleanField(),
        )
        return self.alias(alias_match=alias_match).filter(
            Q(name__unaccent__iexact=name) | Q(slug=slugify(name)) | Q(alias_match=True)
        )


class DocumentQuerySet(models.QuerySet):
    def visible_to(self, user: "AbstractBaseUser") -> "DocumentQuerySet":
        """Documents ``user`` may see (``document_visible_q``); out of reach is a 404."""
        if not user.is_authenticated:
            return self.none()
        if roles.is_admin(user):
            return self
        return self.filter(document_visible_q(self.model, user))

    def in_project(self, project_id: int) -> "DocumentQuerySet":
        links = _related(self.model, "project_links").objects.filter(document=OuterRef("pk"), project_id=project_id)
        return self.filter(Exists(links))

    def search(self, query: str) -> "DocumentQuerySet":
        """French full-text search, accent-insensitive, best match first (uses the GIN index)."""
        query = (query or "").strip()
        if not query:
            return self
        search_query = SearchQuery(query, config=SEARCH_CONFIG, search_type="websearch")
        return (
            self.filter(search_vector=search_query)
            .annotate(rank=SearchRank(F("search_vector"), search_query))
            .order_by("-rank", "-id")
        )

    def with_claim_counts(self, claims: "ClaimQuerySet") -> "DocumentQuerySet":
        """Annotate sentence and claim counts in one query; ``claims`` is what the user may see."""
        claim_ids = claims.values("pk")
        visible = Q(claims__pk__in=claim_ids)
        return self.annotate(
            sentence_count=Count("sentences", distinct=True),
            sourced_count=Count("claims", filter=visible & Q(claims__tag="sourced"), distinct=True),
            unsourced_count=Count("claims", filter=visible & Q(claims__tag="unsourced"), distinct=True),
            submitted_count=Count("claims", filter=visible & Q(claims__status="submitted"), distinct=True),
            reviewed_count=Count(
                "claims", filter=visible & Q(claims__status__in=["approved", "rejected"]), distinct=True
            ),
            approved_count=Count("claims", filter=visible & Q(claims__status="approved"), distinct=True),
            rejected_count=Count("claims", filter=visible & Q(claims__status="rejected"), distinct=True),
        )


class ClaimQuerySet(models.QuerySet):
    def visible_to(self, user: "AbstractBaseUser") -> "ClaimQuerySet":
        """Claims ``user`` may see.

        Analysts see only their own claims so that annotations stay independent; reviewers see
        their own and every claim that reached review; administrators see everything. All of it
        only on documents ``user`` may see: a project's reviewers and managers see the claims
        sent to review on its documents, its analysts their own claims on the documents
        assigned to them (``document_visible_q``).
        """
        if not user.is_authenticated:
            return self.none()
        if roles.is_admin(user):
            return self
        document_model = _related(self.model, "document")
        own = Q(annotator=user) & document_visible_q(document_model, user, "document")
        return self.filter(own | (~Q(status="draft") & document_reviewable_q(document_model, user, "document")))

    def in_project(self, project_id: int) -> "ClaimQuerySet":
        links = _related(_related(self.model, "document"), "project_links").objects.filter(
            document=OuterRef("document"), project_id=project_id
        )
        return self.filter(Exists(links))

    def curated(self, project_id: int | None = None) -> "ClaimQuerySet":
        """Claims in a curated layer (of ``project_id``, or of any project)."""
        curations = _related(self.model, "curations").objects.filter(claim=OuterRef("pk"))
        if project_id is not None:
            curations = curations.filter(project_id=project_id)
        return self.filter(Exists(curations))

    def with_chain(self) -> "ClaimQuerySet":
        """Everything a claim's JSON or card shows, in a fixed number of queries."""
        Attribution, Review = _related(self.model, "attributions"), _related(self.model, "reviews")
        return (
            self.select_related("annotator", "document")
            .defer("document__search_vector")
            .prefetch_related(
                Prefetch("attributions", queryset=Attribution.objects.select_related("source").order_by("position")),
                Prefetch("reviews", queryset=Review.objects.select_related("reviewer").order_by("-created_at", "-id")),
            )
        )

    def cited_source(self, source_id: int, *, direct_only: bool = False) -> "ClaimQuerySet":
        """Claims whose chain names ``source_id`` (anywhere, or only at position 0)."""
        links = Q(attributions__source_id=source_id)
        if direct_only:
            links &= Q(attributions__position=0)
        return self.filter(pk__in=self.model.objects.filter(links).values("pk"))
