"""Generated bad input over every URL of the URLconf, anonymous and as each role.

For each role (anonymous, analyst, reviewer, administrator) Hypothesis builds, for every URL
pattern Django resolves (the pages, the admin, the API, the accounts views, whatever another
module adds later), a request: a method, a query string, and a JSON body (API) or a form post
(pages) made of hostile values — NUL, lone surrogates, "²" and other digits ``int()`` refuses,
huge and negative numbers, impossible dates, deep nesting, markup, SQL — together with the
field names the views read, so that the values reach them. Path parameters are existing ids,
unknown ids or junk.

Every answer must be below 500, and every refused request (4xx) must leave the row counts of
every table unchanged. The first example of each role is the plainest request (Hypothesis
starts there); the other is generated (over 500 generated requests in all). ``EXAMPLES`` keeps the run to a minute or so.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from claims import services
from tests.api.conftest import TEXT, document, sources  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

EXAMPLES = 2  # per role: the plainest request to every URL, then a generated one
# Tables whose rows a refused request may legitimately add: sessions (a login page visit),
# failed-login records and the API throttles' state (that is their purpose: refused requests
# count against the rate too).
NOT_COUNTED = ("django_session", "axes_", "claims_throttlebucket")

NASTY = [
    "\x00", "a\x00b", "\ud800", "x\udfffy", "²", "١٢", "１", "-1", "0", "1", "+7", " 3 ", "1_000", "1e309",
    "NaN", "Infinity", str(2**63), str(-(2**63) - 1), str(10**30), "9999-99-99", "2026-02-30", "0000-00-00T25:61",
    "' OR 1=1 --", '"; DROP TABLE claims_claim; --', "<script>alert(1)</script>", "=HYPERLINK(\"x\")",
    "%00", "%ud800", "../../etc/passwd", "", " ", "null", "[]", "{}", "approve", "reject", "sourced",
    "unsourced", "news_outlet", "mehr", "cD1hYmM=", "cD0A", "x" * 5000, "é" * 300 + "🙂",
]
FIELDS = [
    # API bodies
    "document", "start", "end", "tag", "attributions", "position", "source", "mention", "decision", "reason",
    "comment", "version", "name", "kind", "aliases", "title", "text", "publisher", "url", "published_at",
    "language", "username", "password", "into", "rating", "documents", "project",
    # page forms and query strings
    "q", "page", "claim", "status", "cursor", "page_size", "format", "search", "annotator", "reviewer",
    "created_after", "updated_since", "link_source", "link_mention_start", "link_mention_end", "action",
    "paste-title", "paste-text", "paste-publisher", "paste-url", "paste-published_at", "new-name",
    "new-kind", "new-aliases", "claims", "next", "correction", "to_review", "_selected_action", "select_across",
    "index", "o", "p", "all", "_changelist_filters", "old_password", "new_password1", "new_password2",
]

nasty_text = st.one_of(st.sampled_from(NASTY), st.text(max_size=20))
nasty_number = st.one_of(st.integers(-(2**70), 2**70), st.sampled_from([0, 1, 2, -1, 2**63, 10**30]))
json_scalar = st.one_of(nasty_text, nasty_number, st.floats(allow_nan=False), st.booleans(), st.none())
json_value = st.recursive(
    json_scalar,
    lambda children: st.one_of(
        st.lists(children, max_size=3), st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=8,
)


def deep_json(depth: int) -> str:
    return '{"attributions": ' + "[" * depth + "]" * depth + "}"


json_body = st.one_of(
    st.dictionaries(st.sampled_from(FIELDS), json_value, max_size=6).map(lambda d: json.dumps(d, ensure_ascii=True)),
    st.integers(60, 5000).map(deep_json),
    st.sampled_from(["null", "[]", "42", '"x"', "{", '{"a": NaN}', '{"text": "\\u0000"}', "\ufeff{}"]),
)
form_body = st.dictionaries(st.sampled_from(FIELDS), st.lists(nasty_text, min_size=1, max_size=2), max_size=6)
query = st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=4), nasty_text, max_size=4)
method = st.sampled_from(["GET", "GET", "POST", "POST", "PUT", "PATCH", "DELETE"])


def encode(pairs: list[tuple[str, str]]) -> str:
    """What a client can send: strings as UTF-8 (a lone surrogate as its surrogatepass bytes)."""

    def q(text: str) -> str:
        return quote(str(text).encode("utf-8", "surrogatepass"), safe="")

    return "&".join(f"{q(k)}={q(v)}" for k, v in pairs)


# --- the URLconf, walked -------------------------------------------------------------------------


def url_patterns() -> list[str]:
    def walk(patterns, prefix: str) -> Iterator[str]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern)

    return sorted(set(walk(get_resolver().url_patterns, "/")))


ROUTE_PARAM = re.compile(r"<(?:(\w+):)?(\w+)>")
REGEX_PARAM = re.compile(r"\(\?P<(\w+)>([^)]*)\)")


def path_value(name: str, converter: str | None, ids: dict[str, list[int]]) -> st.SearchStrategy[str]:
    if name == "format":
        return st.sampled_from(["json", "api", "csv", "xml", "x9"])
    if name == "app_label":
        return st.sampled_from(["claims", "auth"])
    known = ids.get(name, []) + ids["any"]
    numbers = st.one_of(st.sampled_from(known), st.integers(0, 10**30)).map(str)
    if converter == "int" or name in ("pk",):
        return numbers
    return st.one_of(numbers, st.text(alphabet="abc019-_%", min_size=1, max_size=8))


def url_strategy(pattern: str, ids: dict[str, list[int]]) -> st.SearchStrategy[str]:
    """Concrete URLs for one pattern (route syntax or regex, as DRF's router writes them)."""
    text = pattern.replace("^", "").replace("$", "").replace("\\.", ".").replace("/?", "/")
    parts: list[st.SearchStrategy[str]] = []
    position = 0
    matches = sorted(
        [(m.start(), m.end(), m.group(2), m.group(1)) for m in ROUTE_PARAM.finditer(text)]
        + [(m.start(), m.end(), m.group(1), None) for m in REGEX_PARAM.finditer(text)]
    )
    for start, end, name, converter in matches:
        parts.append(st.just(text[position:start]))
        if name == "url":  # the admin's catch-all
            parts.append(st.sampled_from(["", "nothing/", "claims/claim/x/"]))
        elif converter == "drf_format_suffix":
            parts.append(st.sampled_from([".json", ".api", ".csv"]))
        else:
            parts.append(path_value(name, converter, ids))
        position = end
    parts.append(st.just(text[position:].replace(".*", "")))
    return st.tuples(*parts).map("".join)


def request_strategy(pattern: str, ids: dict[str, list[int]]):
    return st.tuples(st.just(pattern), url_strategy(pattern, ids), method, query, json_body, form_body)


# --- what is stored ------------------------------------------------------------------------------


def counted_tables() -> list[str]:
    tables = {model._meta.db_table for model in apps.get_models() if not model._meta.proxy and model._meta.managed}
    return sorted(t for t in tables if not t.startswith(NOT_COUNTED))


def row_counts(tables: list[str]) -> dict[str, int]:
    sql = "SELECT " + ", ".join(f'(SELECT count(*) FROM "{t}")' for t in tables)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(zip(tables, cursor.fetchone(), strict=True))


# --- the run -------------------------------------------------------------------------------------


@pytest.fixture
def world(db, analyst, other_analyst, reviewer, admin_user, sources, document):
    """Something behind every URL: claims in each state, a submitted one to review, suggestions."""
    from claims.models import Suggestion

    draft = services.claim_create(document=document, user=analyst, start=0, end=20, tag="unsourced")
    end = TEXT.index("\n")
    submitted = services.claim_create(document=document, user=analyst, start=30, end=end, tag="unsourced")
    services.claim_submit(claim=submitted, user=analyst)
    ids = {
        "any": [1, 0, 2**31],
        "document_id": [document.pk],
        "claim_id": [draft.pk, submitted.pk],
        "pk": [draft.pk, submitted.pk, document.pk, sources["mehr"].pk],
        "suggestion_id": list(Suggestion.objects.values_list("pk", flat=True)[:2]) or [1],
        "object_id": [draft.pk, document.pk, analyst.pk],
        "id": [analyst.pk],
        "content_type_id": [1, 7],
    }
    return {"users": {"anonymous": None, "analyst": analyst, "reviewer": reviewer, "admin": admin_user}, "ids": ids}


def send(client: Client, url: str, verb: str, params: dict, body_json: str, body_form: dict):
    qs = encode(list(params.items()))
    full = f"{url}?{qs}" if qs else url
    if verb == "GET":
        return client.generic("GET", full)
    if url.startswith("/api/"):
        return client.generic(verb, full, body_json.encode("utf-8", "surrogatepass"), content_type="application/json")
    pairs = [(k, v) for k, values in body_form.items() for v in values]
    return client.generic(verb, full, encode(pairs), content_type="application/x-www-form-urlencoded")


CASES: list[str] = []  # every request sent, for the count


def login(user) -> Client:
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize("role", ["anonymous", "analyst", "reviewer", "admin"])
def test_no_input_reaches_a_server_error(role, world):
    user = world["users"][role]
    patterns = url_patterns()
    assert len(patterns) > 100  # the pages, the API, the admin, the accounts views
    tables = counted_tables()
    strategy = st.tuples(*(request_strategy(p, world["ids"]) for p in patterns))
    failures: list[str] = []

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(requests=strategy)
    def run(requests):
        client = login(user)
        counts = row_counts(tables)
        for pattern, url, verb, params, body_json, body_form in requests:
            response = send(client, url, verb, params, body_json, body_form)
            CASES.append(f"{role} {verb} {pattern}")
            where = f"{role} {verb} {url!r} params={params!r}"
            if response.status_code >= 500:
                failures.append(f"{response.status_code} {where}")
            # A GET that is answered is assumed to store nothing (if it did, the next refused
            # request would show the difference and fail: no false pass).
            if verb != "GET" or response.status_code >= 400:
                after = row_counts(tables)
                changed = {t: (counts[t], after[t]) for t in tables if counts[t] != after[t]}
                if 400 <= response.status_code < 500 and changed:
                    failures.append(f"{response.status_code} stored {changed}: {where}")
                counts = after
            if "logout" in url or "password" in url:  # the session may be gone: log in again
                client = login(user)

    run()
    assert not failures, f"{len(failures)} failures:\n" + "\n".join(failures[:30])
    sent = [case for case in CASES if case.startswith(f"{role} ")]
    assert len(sent) == EXAMPLES * len(patterns)
    assert (EXAMPLES - 1) * len(patterns) * 4 >= 300  # generated, over the four roles  # every pattern, every example

