"""Reads. Every lookup a page or the API makes goes through here, scoped to the user."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import Max, Min, Prefetch

from claims.models import Claim, Document, Sentence, Source

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

    from claims.models import Attribution, Project
    from claims.querysets import ClaimQuerySet, DocumentQuerySet, SourceQuerySet


def claim_list(*, user: "AbstractBaseUser") -> "ClaimQuerySet":
    """The claims ``user`` may see, with their chains and reviews prefetched."""
    return Claim.objects.visible_to(user).with_chain()


def deleted_claim_get(*, user: "AbstractBaseUser", claim_id: int) -> Claim | None:
    """One of the claims ``user`` may see that was deleted (for "Undo"), or None."""
    return Claim.with_deleted.visible_to(user).filter(pk=claim_id, deleted_at__isnull=False).first()


def document_list(
    *,
    user: "AbstractBaseUser",
    search: str = "",
    publisher_id: int | None = None,
    to_review: bool = False,
    project_id: int | None = None,
) -> "DocumentQuerySet":
    """Documents with their counts; counts only include the claims ``user`` may see.

    ``to_review`` keeps the documents with at least one such claim waiting for review.
    """
    if not user.is_authenticated:
        return Document.objects.none()
    documents = Document.objects.visible_to(user).select_related("publisher").defer("text", "search_vector")
    if project_id is not None:
        documents = documents.in_project(project_id)
    if publisher_id is not None:
        documents = documents.filter(publisher_id=publisher_id)
    documents = documents.search(search).with_claim_counts(Claim.objects.visible_to(user))
    if not documents.query.order_by:
        # Meta.ordering does not apply to a GROUP BY query: pages need a stable order.
        documents = documents.order_by("-created_at", "-id")
    if to_review:
        documents = documents.filter(submitted_count__gt=0)
    return documents


def project_param(*, user: "AbstractBaseUser", value: str) -> "Project | None":
    """The project a ``?project=`` names, if ``user`` is in it (404 otherwise, as for the
    project itself); None when the parameter is absent."""
    from django.http import Http404

    from claims.models import Project

    if not value:
        return None
    project = Project.objects.visible_to(user).filter(pk=int(value)).first() if value.isdigit() else None
    if project is None:
        raise Http404("No such project.")
    return project


def publisher_list() -> "SourceQuerySet":
    """Sources that published at least one stored document (the document list's filter)."""
    return Source.objects.filter(pk__in=Document.objects.filter(publisher__isnull=False).values("publisher_id"))


def document_get(*, user: "AbstractBaseUser", document_id: int) -> Document:
    """One document ``user`` may see (``DocumentQuerySet.visible_to``: a project's document is a
    404 outside it), without its search vector. The visibility rules come compiled once per
    user and roles (``_compiled_for``): creating a claim reads its document through here."""
    from django.http import Http404

    if not user.is_authenticated:
        raise PermissionDenied
    document = _visible_document(_compiled_for(user), document_id).first()
    if document is None:
        raise Http404("No such document.")
    return document


@dataclass(frozen=True, slots=True)
class ChainSource:
    """A source of a claim's chain as the claim list shows it."""

    name: str
    kind: str
    rating: str = ""  # the latest credibility note's, or ""


def document_for_annotation(*, user: "AbstractBaseUser", document_id: int, claims: bool = True) -> Document:
    """One document with its state and, with ``claims``, its sentences and the claims ``user``
    may see, in a fixed number of queries.

    ``document.annotation_state``: ``annotation_state``, read before the claims (see there).
    With ``claims`` (else ``annotation_claims`` adds them later): ``document.sentence_spans``, its
    sentences as ``(index, start, end, kind)`` rows, in order; ``document.visible_claims``, the
    claims in text order, each with ``chain_sources`` (its chain's sources, in order) and
    ``latest_review`` (with its reviewer, or None). Their ``attributions`` and ``reviews`` are
    not prefetched: ``claim_attributions`` reads one chain.
    """
    from django.db.models import TextField
    from django.db.models.expressions import RawSQL
    from django.http import Http404

    if not user.is_authenticated:
        raise Http404("No such document.")
    compiled = _compiled_for(user)
    state = RawSQL(*_for_document(compiled.state, document_id), output_field=TextField())
    document = _visible_document(compiled, document_id).annotate(state_row=state).first()  # one query
    if document is None:
        raise Http404("No such document.")
    document.annotation_state = _parse_state(document.state_row)
    if claims:
        annotation_claims(user=user, document=document)
    return document


def annotation_claims(*, user: "AbstractBaseUser", document: Document) -> None:
    """``document.sentence_spans`` and ``document.visible_claims`` (``document_for_annotation``).

    Rows and plain lists, not model instances and prefetch caches: on a long document building
    those cost several times the queries themselves.
    """
    from claims.models import Attribution, Review

    sentences = Sentence.objects.filter(document=document).order_by("index")
    document.sentence_spans = list(sentences.values_list("index", "start", "end", "kind", named=True))
    visible = Claim.objects.visible_to(user).filter(document=document)
    claims = list(visible.order_by("start", "end", "id"))
    chains: dict[int, list[ChainSource]] = {}
    links = Attribution.objects.filter(claim__in=visible.values("pk")).order_by("claim_id", "position")
    for claim_id, name, kind, rating in links.values_list("claim_id", "source__name", "source__kind", "source__rating"):
        chains.setdefault(claim_id, []).append(ChainSource(name, kind, rating))
    reviews = Review.objects.filter(claim__in=visible.values("pk")).select_related("reviewer")
    latest = {r.claim_id: r for r in reviews.order_by("claim_id", "-created_at", "-id").distinct("claim_id")}
    for claim in claims:
        claim.document = document  # not joined: that would copy the whole text into every claim row
        claim.chain_sources = chains.get(claim.pk, [])
        claim.latest_review = latest.get(claim.pk)
    document.visible_claims = claims


@dataclass(frozen=True, slots=True)
class AnnotationState:
    """What the annotate page's cached parts show, as digests (``annotation_state``)."""

    sentences: int  # the document's sentences (none yet while it is being prepared)
    claims: int  # the claims ``user`` may see on it
    claims_digest: str  # of those claims: span, tag, status, version, chain sources, latest review
    registry_digest: str  # of the source registry as the Source box lists it (``source_registry``)


# --- the annotate page's queries, compiled once per user and roles ------------------------------
# The ORM takes longer to compile the page's visibility rules than PostgreSQL to run them
# (~1.5 ms a page). What ``visible_to`` compiles depends only on the user's id, whether they are
# signed in and an administrator, and their groups and project roles (``claims.roles``): with
# those as the key, each user's queries are compiled once per process, the document's id left as
# a placeholder put in by identity (never a value a query could hold). Roles are read afresh on
# every request, so a changed role makes a new key at once.

_DOCUMENT = object()  # the document's id in a compiled query (``_for_document``)
_COMPILED: dict[tuple, "_Compiled"] = {}
_COMPILED_MAX = 1000  # users x role sets; emptied when full


@dataclass(frozen=True, slots=True)
class _Compiled:
    documents: tuple[str, tuple]  # the ids of the documents the user may see, among one
    state: tuple[str, tuple]  # ``annotation_state``'s fields joined by spaces, as a scalar subquery


def _compiled_for(user: "AbstractBaseUser") -> _Compiled:
    from django.db.models.expressions import RawSQL

    from claims import roles

    key = (user.pk, user.is_authenticated, user.is_superuser, roles.names(user))
    compiled = _COMPILED.get(key)
    if compiled is None:
        document_id = RawSQL("%s", [_DOCUMENT])
        documents = Document.objects.visible_to(user).filter(pk=document_id).order_by().values("pk")
        compiled = _Compiled(documents.query.sql_with_params(), _annotation_state_sql(user=user, document_id=document_id))
        if len(_COMPILED) >= _COMPILED_MAX:
            _COMPILED.clear()
        _COMPILED[key] = compiled
    return compiled


def _visible_document(compiled: _Compiled, document_id: int) -> "DocumentQuerySet":
    """The document ``document_id`` (with its publisher, without its search vector) if the
    compiled rules let their user see it: a queryset of one row or none."""
    from django.db.models.expressions import RawSQL

    visible = RawSQL(*_for_document(compiled.documents, document_id))
    return Document.objects.select_related("publisher").defer("search_vector").filter(pk=document_id, pk__in=visible)


def _for_document(compiled: tuple[str, tuple], document_id: int) -> tuple[str, list]:
    sql, params = compiled
    return sql, [document_id if param is _DOCUMENT else param for param in params]


def _annotation_state_sql(*, user: "AbstractBaseUser", document_id) -> tuple[str, tuple]:
    """``annotation_state``'s query, as one scalar subquery: its four fields joined by spaces."""
    fields = ("pk", "start", "end", "tag", "status", "version")
    visible = Claim.objects.visible_to(user).filter(document_id=document_id).order_by().values(*fields)
    visible_sql, visible_params = visible.query.sql_with_params()
    registry = Source.objects.order_by().values("pk", "name", "kind", "slug", "aliases")
    registry_sql, registry_params = registry.query.sql_with_params()
    # One JSON row a claim (no separator to be ambiguous), as its highlight and its card show it.
    sql = f"""(
        SELECT concat_ws(' ',
            (SELECT count(*) FROM claims_sentence WHERE document_id = %s),
            count(*),
            md5(coalesce(string_agg(claim.state, E'\\n' ORDER BY claim.pk), '')),
            (SELECT md5(coalesce(string_agg(row_to_json(r)::text, E'\\n' ORDER BY r.name, r.pk), ''))
               FROM ({registry_sql}) r)
        )
        FROM (
            SELECT c.pk, json_build_array(
                c.pk, c.start, c."end", c.tag, c.status, c.version,
                json_agg(json_build_array(s.name, s.kind, s.rating) ORDER BY a.position),
                (SELECT r.id FROM claims_review r WHERE r.claim_id = c.pk ORDER BY r.created_at DESC, r.id DESC LIMIT 1)
            )::text AS state
            FROM ({visible_sql}) c
            LEFT JOIN claims_attribution a ON a.claim_id = c.pk
            LEFT JOIN claims_source s ON s.id = a.source_id
            GROUP BY {", ".join(f'c."{field}"' for field in fields)}
        ) claim
    )"""
    return sql, (_DOCUMENT, *registry_params, *visible_params)


def _parse_state(row: str) -> AnnotationState:
    sentences, claims, claims_digest, registry_digest = row.split(" ")
    return AnnotationState(int(sentences), int(claims), claims_digest, registry_digest)


def annotation_state(*, user: "AbstractBaseUser", document: Document) -> AnnotationState:
    """The state of what the annotate page caches, in one query (``claims.views.fragments``);
    ``document_for_annotation`` reads it with the document. A cached page then reads neither
    the claims, their chains and reviews, nor the registry.

    The digests cover every field the text's highlights, the claim cards and the Source box
    show, so any change makes new ones: a claim's edit, submission, review, undo, delete or
    restore moves its version on; its chain's sources may be renamed or rated, and its latest
    review may change, without it. Read it before the content it keys (and again after, to
    store that content: ``claims.views.fragments``).
    """
    from django.db import connections, router

    sql, params = _for_document(_compiled_for(user).state, document.pk)
    with connections[router.db_for_read(Claim)].cursor() as cursor:
        cursor.execute(f"SELECT {sql}", params)
        return _parse_state(cursor.fetchone()[0])


def claim_attributions(*, claim: Claim) -> list["Attribution"]:
    """One claim's chain with its sources, in order (one query)."""
    return list(claim.attributions.select_related("source").order_by("position"))


def source_mention(*, document: Document, source: Source, start: int, end: int) -> tuple[int, int] | None:
    """Where ``source`` is named around the span ``[start, end)``: in the span or its sentences.

    The longest of the source's name and aliases wins (« l’agence de presse Mehr » over « Mehr »),
    then the first occurrence; a match must not run into a neighbouring word. Code points.
    """
    bounds = Sentence.objects.filter(document=document, start__lt=end, end__gt=start).aggregate(
        first=Min("start"), last=Max("end")
    )
    lo = max(0, min(start, bounds["first"] if bounds["first"] is not None else start))
    hi = max(end, bounds["last"] if bounds["last"] is not None else end)
    region = document.text[lo:hi]
    for name in sorted({source.name, *source.aliases}, key=len, reverse=True):
        if not name.strip():
            continue
        match = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", region, flags=re.IGNORECASE)
        if match:
            return lo + match.start(), lo + match.end()
    return None


def source_search(*, query: str = "") -> "ClaimQuerySet":
    return Source.objects.search(query)


def source_registry() -> list[dict]:
    """The whole registry as the annotate page's Source box filters it, keystroke by keystroke,
    in the browser: ``{"id", "name", "kind" (its label), "slug", "aliases"}``, by name."""
    from claims.models import SourceKind

    labels = dict(SourceKind.choices)
    rows = Source.objects.order_by("name", "pk").values_list("pk", "name", "kind", "slug", "aliases")
    return [
        {"id": pk, "name": name, "kind": str(labels.get(kind, kind)), "slug": slug, "aliases": aliases}
        for pk, name, kind, slug, aliases in rows
    ]


# Characters of context a queue row shows at most on each side of a claim, within its sentences.
QUEUE_CONTEXT_CHARS = 300


def review_queue(*, user: "AbstractBaseUser") -> "ClaimQuerySet":
    """Submitted claims ``user`` may review (never their own), oldest first.

    Each claim carries its chain, reviews, annotator and document (without the text), and the
    text of its sentences around it as ``context_before`` / ``context_after``, cut in SQL:
    a fixed number of queries, and no document text copied into every row.
    """
    from django.db.models import F, OuterRef, Subquery
    from django.db.models.functions import Coalesce, Greatest, Least, Substr

    from claims import permissions

    if not permissions.can_use_review_queue(user):
        return Claim.objects.none()
    sentences = Sentence.objects.filter(document=OuterRef("document"))
    first = sentences.filter(start__lte=OuterRef("start"), end__gt=OuterRef("start")).values("start")[:1]
    last = sentences.filter(start__lt=OuterRef("end"), end__gte=OuterRef("end")).values("end")[:1]
    before_start = Greatest(Coalesce(Subquery(first), F("start")), F("start") - QUEUE_CONTEXT_CHARS, 0)
    after_end = Least(Coalesce(Subquery(last), F("end")), F("end") + QUEUE_CONTEXT_CHARS)
    return (
        claim_list(user=user)
        .filter(status="submitted")
        .exclude(annotator=user)
        .select_related("document__publisher")
        .defer("document__text", "document__search_vector")
        .annotate(
            # PostgreSQL's substr() counts code points from 1, like Python's str from 0.
            context_before=Substr("document__text", before_start + 1, F("start") - before_start),
            context_after=Substr("document__text", F("end") + 1, after_end - F("end")),
        )
        .order_by("updated_at", "id")
    )
