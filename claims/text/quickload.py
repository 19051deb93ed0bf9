"""Compiling spaCy's French tokenizer patterns faster while the model loads. Pure Python.

Most of a cold load of ``fr_core_news_sm`` is spent in CPython's ``re`` module on the French
tokenizer's patterns: ``TOKEN_MATCH`` alone is a 1.4 M-character alternation whose 800
branches each repeat the same huge Unicode letter class. Two things are done, only inside
``faster_regexes()`` (the model load) and only with CPython's own ``re`` internals (if they
differ, nothing is done):

- the optimised form of a character class is computed once and reused (same input, same output);
- the compiled form of a pattern that long (the sre code CPython derives from it, a list of
  integers) is kept on disk and read back by the next process instead of parsing 1.4 M
  characters again (~0.4 s). The file is keyed by a hash of the pattern, its flags and the exact
  Python build; a file that cannot be read or that CPython refuses (it checks the code) is
  computed again. ``ANNOTATOR_REGEX_CACHE`` sets the folder (default
  ``$XDG_CACHE_HOME/annotator`` or ``~/.cache/annotator``); empty, nothing is kept.

The patterns compiled are the same either way: only the time to get them changes.

``spacy_cli_on_demand()``, before spaCy's first import: spaCy imports its command line (typer,
rich, click and every command: ~0.45 s, a fifth of a cold start) for one function it exposes,
``spacy.info``. The pipeline never runs a command; ``spacy.cli`` is then imported the first time
something asks it for anything (``spacy.info``, ``spacy.cli.download``, a command's module).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import importlib.util
import marshal
import os
import sys
import types
from pathlib import Path

__all__ = ["cache_dir", "faster_regexes", "spacy_cli_on_demand"]

# Patterns at least this long are kept on disk: only spaCy's French TOKEN_MATCH is (the other
# tokenizer patterns compile in milliseconds).
_LONG = 100_000


def cache_dir() -> Path | None:
    """Where compiled patterns are kept, or None when keeping them is turned off."""
    configured = os.environ.get("ANNOTATOR_REGEX_CACHE")
    if configured is not None:
        return Path(configured) if configured.strip() else None
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # unset or relative: ignored, as the XDG specification says
        base = os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):  # no home folder to speak of: keep nothing rather than guess
        return None
    return Path(base) / "annotator"


@contextlib.contextmanager
def faster_regexes():
    try:
        import _sre
        from re import _compiler, _parser  # type: ignore[attr-defined]

        original_optimize = _compiler._optimize_charset
        original_compile = _compiler.compile
    except (ImportError, AttributeError):
        yield
        return
    charsets: dict = {}

    def optimize(charset, iscased=None, fixup=None, fixes=None):
        try:
            key = (tuple(charset), iscased, fixup, id(fixes))
            found = charsets.get(key)
        except TypeError:  # an unhashable member: no sharing
            return original_optimize(charset, iscased, fixup, fixes)
        if found is None:
            found = charsets[key] = original_optimize(charset, iscased, fixup, fixes)
        out, hascased = found
        return list(out), hascased

    folder = cache_dir()

    def compile(p, flags=0):
        if folder is None or not isinstance(p, str) or len(p) < _LONG:
            return original_compile(p, flags)
        try:
            return _kept_compile(p, flags, folder, _sre, _compiler, _parser)
        except Exception:  # CPython's internals are not what this expects: the plain way
            return original_compile(p, flags)

    _compiler._optimize_charset = optimize
    _compiler.compile = compile
    try:
        yield
    finally:
        _compiler._optimize_charset = original_optimize
        _compiler.compile = original_compile


def _kept_compile(pattern: str, flags: int, folder: Path, _sre, _compiler, _parser):
    """``re._compiler.compile(pattern, flags)``, its sre code read from / written to ``folder``."""
    key = hashlib.sha256(
        repr((sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, flags)).encode()
        + b"\0"
        + pattern.encode("utf-8", "surrogatepass")
    ).hexdigest()
    path = folder / f"sre-{key[:40]}.marshal"
    try:
        args = marshal.loads(path.read_bytes())
        final_flags, code, groups, groupindex, indexgroup = args
        if isinstance(code, list) and isinstance(groupindex, dict) and isinstance(indexgroup, tuple):
            return _sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)
    except Exception:  # absent, unreadable, truncated or refused by CPython: compile it anew
        pass
    # What re._compiler.compile does, keeping the arguments it hands to _sre.compile.
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    args = (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    compiled = _sre.compile(pattern, *args)
    args = (args[0], [int(c) for c in code], *args[2:])  # plain ints (the opcodes are an int subclass)
    with contextlib.suppress(OSError, ValueError):
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(args))
        os.replace(tmp, path)  # whole or absent, never half-written
    return compiled


class _CliOnDemand(types.ModuleType):
    """``spacy.cli`` until something asks it for anything: then the real package."""

    def __getattr__(self, name: str):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)  # the import system asking ("__path__"): not a use
        return getattr(_real_cli(), name)


def _real_cli():
    """Import the real ``spacy.cli`` in place of the stand-ins, once."""
    for name in ("spacy.cli.info", "spacy.cli"):
        if isinstance(sys.modules.get(name), _CliOnDemand):
            del sys.modules[name]
    cli = importlib.import_module("spacy.cli")
    spacy = sys.modules.get("spacy")
    if spacy is not None:
        spacy.cli = cli  # type: ignore[attr-defined]
    return cli


def _info(*args, **kwargs):
    """``spacy.info``: the real one, imported on its first call."""
    _real_cli()
    return importlib.import_module("spacy.cli.info").info(*args, **kwargs)


def spacy_cli_on_demand() -> None:
    """Before spaCy is first imported: let ``spacy.cli`` load when first used (see above)."""
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        return
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return
    cli = _CliOnDemand("spacy.cli")
    # Where the real package lives, so that "import spacy.cli.download" still finds its file.
    cli.__path__ = [os.path.join(location, "cli") for location in spec.submodule_search_locations]
    info = _CliOnDemand("spacy.cli.info")
    info.info = _info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"] = cli
    sys.modules["spacy.cli.info"] = info
