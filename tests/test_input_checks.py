"""``claims.input_checks``: the one integer parser, the JSON depth limit, NUL/surrogate finding."""

from __future__ import annotations

import json

import pytest

from claims.input_checks import (
    MAX_INT,
    InputError,
    JSONTooDeep,
    bad_strings,
    json_depth,
    loads_json,
    nested_errors,
    parse_int,
    parse_int_or_none,
)


@pytest.mark.parametrize("value, expected", [("0", 0), ("42", 42), (" 7 ", 7), ("-3", -3), ("+5", 5), (12, 12)])
def test_parse_int_reads_ascii_digits(value, expected):
    assert parse_int(value) == expected


@pytest.mark.parametrize("value", ["²", "١٢", "１", "1_000", "1e3", "0x10", "", " ", "1.0", "\x00", "\ud800", True, str(2**64)])
def test_parse_int_refuses_what_isdigit_or_int_would_accept(value):
    with pytest.raises(InputError):
        parse_int(value)
    assert parse_int_or_none(value) is None


def test_parse_int_bounds_and_names_the_field():
    with pytest.raises(InputError, match="start: -1 is below the minimum of 0"):
        parse_int("-1", field="start", min_value=0)
    with pytest.raises(InputError, match="above the maximum"):
        parse_int(str(MAX_INT + 1))
    assert parse_int(str(MAX_INT)) == MAX_INT


def test_the_message_never_carries_a_lone_surrogate():
    with pytest.raises(InputError) as caught:
        parse_int("1\ud800")
    str(caught.value).encode("utf-8")  # would raise if the surrogate were repeated


def test_loads_json_refuses_deep_nesting_without_recursion():
    assert loads_json("[" * 64 + "]" * 64) is not None
    with pytest.raises(JSONTooDeep, match="65 levels deep"):
        loads_json("[" * 65 + "]" * 65)
    with pytest.raises(JSONTooDeep, match="too deeply"):
        loads_json("[" * 100_000 + "]" * 100_000)
    with pytest.raises(json.JSONDecodeError):
        loads_json("{")
    assert json_depth({"a": [1, {"b": []}]}) == 4


def test_bad_strings_give_the_path_of_each_field():
    data = {"title": "ok", "attributions": [{"source": "a\x00"}, {"source": "\udc00"}], "bad\x00key": 1}
    found = sorted(bad_strings(data))
    assert found == [
        (("attributions", "0", "source"), "Null characters are not allowed."),
        (("attributions", "1", "source"), "Surrogate characters are not allowed."),
        (("bad\ufffdkey",), "Null characters are not allowed."),
    ]
    assert nested_errors(found)["attributions"] == {
        "0": {"source": ["Null characters are not allowed."]},
        "1": {"source": ["Surrogate characters are not allowed."]},
    }
