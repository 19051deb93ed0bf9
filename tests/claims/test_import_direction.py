"""Imports run one way: the tasks call the suggestions, the suggestions call the services, the
suggestion views call the annotate page's views, and never back (no import of a later module,
not even a late one inside a function)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CLAIMS = Path(__file__).resolve().parents[2] / "claims"


def imported_modules(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize(
    ("module", "forbidden"),
    [
        ("services.py", {"claims.suggestions", "claims.tasks"}),
        ("suggestions.py", {"claims.tasks"}),
        # The suggestion views re-render the annotate page; the page never imports them back.
        ("views/annotate.py", {"claims.views.suggestions", "claims.views.suggestion_retry"}),
        ("views/suggestion_list.py", {"claims.views.annotate", "claims.views.suggestions"}),
    ],
)
def test_no_import_back(module, forbidden):
    imports = imported_modules(CLAIMS / module)
    assert not imports & forbidden, f"claims/{module} imports {sorted(imports & forbidden)}"


def test_text_package_is_pure_python():
    for path in (CLAIMS / "text").glob("*.py"):
        assert not any(m == "django" or m.startswith("django.") for m in imported_modules(path)), path.name
