"""claims.text.quickload: long patterns compiled once, kept on disk, read back identical."""

from __future__ import annotations

import re

from claims.text import quickload

# Long enough to be kept (the French TOKEN_MATCH is 1.4 M characters), with a class, groups
# and the flags spaCy uses.
LONG = "(?iu)" + "|".join(f"(?:^w{i}[-–][a-zà-öø-ÿ]+$)" for i in range(4200)) + "|(?P<tail>zz+)"
SAMPLES = ["w17-abc", "W4199–Été", "w17-", "w4200-abc", "zzz", "x", "w42-àö", "w1–ÿ"]


def compiled() -> re.Pattern:
    re.purge()  # re keeps its own cache of compiled patterns
    with quickload.faster_regexes():
        pattern = re.compile(LONG)
    re.purge()
    return pattern


def test_a_long_pattern_is_kept_and_read_back_with_the_same_matches(tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_REGEX_CACHE", str(tmp_path))
    assert len(LONG) >= quickload._LONG
    plain = re.compile(LONG)
    first = compiled()
    (kept,) = tmp_path.glob("sre-*.marshal")
    second = compiled()
    assert list(tmp_path.iterdir()) == [kept]
    for pattern in (first, second):
        assert pattern.pattern == LONG and pattern.flags == plain.flags and pattern.groupindex == plain.groupindex
        assert [bool(pattern.match(s)) for s in SAMPLES] == [bool(plain.match(s)) for s in SAMPLES]
    assert second.match("zzz").group("tail") == "zzz"


def test_a_damaged_file_is_compiled_again(tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_REGEX_CACHE", str(tmp_path))
    compiled()
    (kept,) = tmp_path.glob("sre-*.marshal")
    kept.write_bytes(kept.read_bytes()[:1000])
    pattern = compiled()
    assert pattern.match("w17-abc") and not pattern.match("w4200-abc")
    assert len(kept.read_bytes()) > 1000  # written again, whole


def test_nothing_is_kept_when_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_REGEX_CACHE", "")
    assert quickload.cache_dir() is None
    assert compiled().match("w17-abc")
    assert not list(tmp_path.iterdir())


def test_the_default_folder_is_the_users_cache(monkeypatch, tmp_path):
    monkeypatch.delenv("ANNOTATOR_REGEX_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert quickload.cache_dir() == tmp_path / "annotator"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert quickload.cache_dir() == tmp_path / "home" / ".cache" / "annotator"
    monkeypatch.setenv("HOME", "not-a-folder")
    assert quickload.cache_dir() is None


def test_spacys_command_line_is_imported_only_when_asked_for():
    """In a fresh interpreter: the model loads without spaCy's command line, which is still
    there, whole, the first time something asks for it."""
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys; from claims.text import nlp; nlp.load_model(); import spacy; "
        "print(type(sys.modules['spacy.cli']).__name__, 'typer' in sys.modules); "
        "print(sorted(spacy.info())[:1]); "
        "from spacy.cli.download import download; import spacy.cli; "
        "print(type(sys.modules['spacy.cli']).__name__, callable(download), callable(spacy.cli.package))"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0] == "_CliOnDemand False"
    assert out[1] == "['location']"
    assert out[2] == "module True True"
