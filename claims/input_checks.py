"""Checks every input goes through at the edge, whatever the page, endpoint or file.

One place for each family of bad input, so that no view has its own variant:

- ``parse_int``: the one integer parser for query and form parameters and file fields. ASCII
  digits only (``str.isdigit()`` accepts "²" and "١", which ``int()`` refuses or reads
  differently), an optional sign, and a bound that PostgreSQL's ``bigint`` can hold;
- ``loads_json``: ``json.loads`` with a nesting limit (a 10,000-deep array is 20 KB and blows
  Python's recursion limit in the decoder or in any code that walks the result);
- ``bad_character``: NUL (PostgreSQL text cannot hold it) and lone surrogates (no UTF-8
  encoding exists for them, so echoing one back fails), found in strings and in JSON values
  together with the path of the field that holds them.

Plain Python: no Django import, so the importers, the API parsers and the middleware share it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

MAX_JSON_DEPTH = 64
# PostgreSQL's bigint; ids and offsets beyond it can only be errors.
MAX_INT = 2**63 - 1

_INT = re.compile(r"[+-]?[0-9]{1,19}")
_BAD_CHARACTER = re.compile("[\x00\ud800-\udfff]")
NUL_MESSAGE = "Null characters are not allowed."
SURROGATE_MESSAGE = "Surrogate characters are not allowed."


class InputError(ValueError):
    """Input refused at the edge; the message is for the person who sent it."""


class JSONTooDeep(InputError):
    pass


def parse_int(
    value: Any, *, field: str = "value", min_value: int | None = None, max_value: int | None = None
) -> int:
    """``value`` (str or int) as an int, or ``InputError`` saying why, naming ``field``."""
    if isinstance(value, bool):
        raise InputError(f"{field}: {value!r} is not a whole number.")
    if isinstance(value, int):
        number = value
    else:
        text = str(value).strip()
        if not _INT.fullmatch(text):
            raise InputError(f"{field}: {_shown(text)} is not a whole number.")
        number = int(text)
    low = -MAX_INT if min_value is None else min_value
    high = MAX_INT if max_value is None else max_value
    if number < low:
        raise InputError(f"{field}: {number} is below the minimum of {low}.")
    if number > high:
        raise InputError(f"{field}: {number} is above the maximum of {high}.")
    return number


def parse_int_or_none(value: Any, **kwargs: Any) -> int | None:
    """``parse_int`` for optional parameters: ``None`` for an empty or bad value."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return parse_int(value, **kwargs)
    except InputError:
        return None


def _shown(text: str) -> str:
    """A refused value as a message may show it: short, and without characters that cannot be
    encoded (a lone surrogate would break the answer that carries the message)."""
    text = _BAD_CHARACTER.sub("\ufffd", text)
    return repr(text if len(text) <= 40 else text[:40] + "…")


def bad_character(text: str) -> str | None:
    """The message for the first NUL or lone surrogate in ``text``, or ``None``."""
    match = _BAD_CHARACTER.search(text)
    if match is None:
        return None
    return NUL_MESSAGE if match.group() == "\x00" else SURROGATE_MESSAGE


def bad_strings(data: Any) -> Iterator[tuple[tuple[str, ...], str]]:
    """``(path, message)`` for each key or string value of JSON ``data`` that holds a NUL or a lone
    surrogate; the path names the field (list items by their index). Iterative: no recursion."""
    stack: list[tuple[tuple[str, ...], Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            if (message := bad_character(value)) is not None:
                yield path, message
        elif isinstance(value, dict):
            for key, item in value.items():
                if (message := bad_character(key)) is not None:
                    yield (*path, _BAD_CHARACTER.sub("\ufffd", key)), message
                else:
                    stack.append(((*path, key), item))
        elif isinstance(value, list):
            stack.extend(((*path, str(i)), item) for i, item in enumerate(value))


def json_depth(data: Any) -> int:
    """How deeply ``data`` nests (a scalar is 0, ``[]`` is 1). Iterative."""
    deepest = 0
    stack: list[tuple[int, Any]] = [(0, data)]
    while stack:
        depth, value = stack.pop()
        if isinstance(value, (dict, list)):
            depth += 1
            deepest = max(deepest, depth)
            stack.extend((depth, item) for item in (value.values() if isinstance(value, dict) else value))
    return deepest


def _openings(text: str | bytes) -> int:
    """How many brackets and braces ``text`` opens (those inside strings too): a bound on the
    depth of what it holds, counted in C."""
    if isinstance(text, str):
        return text.count("[") + text.count("{")
    return text.count(b"[") + text.count(b"{")


def loads_json(text: str | bytes, *, max_depth: int = MAX_JSON_DEPTH, **kwargs: Any) -> Any:
    """``json.loads(text, **kwargs)`` that refuses data nested deeper than ``max_depth`` with
    ``JSONTooDeep`` (``json.JSONDecodeError`` as usual for broken JSON)."""
    try:
        data = json.loads(text, **kwargs)
    except RecursionError:
        data = None
        depth = None
    else:
        if _openings(text) <= max_depth:  # cannot nest deeper than it opens: no walk needed
            return data
        depth = json_depth(data)
        if depth <= max_depth:
            return data
    raise JSONTooDeep(
        f"JSON nested {'too deeply to read' if depth is None else f'{depth} levels deep'}; "
        f"at most {max_depth} levels are accepted."
    )


def nested_errors(errors: list[tuple[tuple[str, ...], str]], root: str = "non_field_errors") -> dict[str, Any]:
    """``[(("attributions", "0", "source"), "msg")]`` -> ``{"attributions": {"0": {"source": ["msg"]}}}``."""
    result: dict[str, Any] = {}
    for path, message in errors:
        path = path or (root,)
        node = result
        for key in path[:-1]:
            child = node.setdefault(key, {})
            if not isinstance(child, dict):  # a field with its own message already
                break
            node = child
        else:
            node.setdefault(path[-1], [])
            if isinstance(node[path[-1]], list):
                node[path[-1]].append(message)
    return result
