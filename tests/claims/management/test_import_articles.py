"""``import_articles``: each file all-or-nothing, one clear line per rejected file."""

import json

import pytest
from django.core.management import call_command

from claims.models import Document, Sentence

pytestmark = pytest.mark.django_db(transaction=True)

ARTICLE = "Titre de l’article\nLe ministère a annoncé la fin des combats, selon l’AFP.\n"


def run(capsys, *paths):
    """Run the command; return (exit code, stdout, stderr)."""
    code = 0
    try:
        call_command("import_articles", *map(str, paths))
    except SystemExit as exc:
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def test_imports_txt_json_and_jsonl(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.json").write_text(
        json.dumps({"title": "B", "text": "Texte B, a déclaré X.", "published_at": "2019-01-25"}), encoding="utf-8"
    )
    (tmp_path / "c.jsonl").write_text(
        "\n".join(json.dumps({"text": f"Article {i}. Il a précisé."}) for i in range(3)), encoding="utf-8"
    )
    code, out, err = run(capsys, tmp_path)
    assert code == 0, err
    assert "Imported 5 document(s) from 3 file(s)." in out
    assert Document.objects.get(title="Titre de l’article").sentences.count() == 2
    assert Document.objects.get(title="B").published_at.date().isoformat() == "2019-01-25"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("latin1.txt", "Le ministère a déclaré.".encode("latin-1"), "not UTF-8"),
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("broken.jsonl", b'{"text": "Un. Deux."}\n{"text": "Trois.\n{"text": "Quatre."}\n', "line 2: invalid JSON"),
        ("notext.json", b'{"title": "x"}', '"text" must be a non-empty string'),
        ("badjson.json", b"[1, 2", "invalid JSON"),
        ("doc.pdf", b"%PDF", "unsupported file type"),
        ("baddate.jsonl", b'{"text": "Un.", "published_at": "hier"}', "not an ISO date"),
    ],
)
def test_bad_file_gives_one_line_nonzero_exit_and_no_rows(tmp_path, capsys, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    code, out, err = run(capsys, path)
    assert code == 1
    error_lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(error_lines) == 1 and message in error_lines[0] and name in error_lines[0]
    assert Document.objects.count() == 0 and Sentence.objects.count() == 0


def test_duplicate_article_is_refused_and_file_rolled_back(tmp_path, capsys):
    (tmp_path / "first.txt").write_text(ARTICLE, encoding="utf-8")
    assert run(capsys, tmp_path / "first.txt")[0] == 0
    lines = [json.dumps({"text": "Un article neuf, a dit Y."}), json.dumps({"text": ARTICLE})]
    (tmp_path / "dup.jsonl").write_text("\n".join(lines), encoding="utf-8")
    code, out, err = run(capsys, tmp_path / "dup.jsonl")
    assert code == 1
    assert "line 2" in err and "already stored" in err
    # The new article on line 1 was rolled back with the rest of the file.
    assert Document.objects.count() == 1


def test_bad_file_does_not_stop_the_others(tmp_path, capsys):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00")
    code, out, err = run(capsys, tmp_path / "bad.txt", tmp_path / "good.txt")
    assert code == 1
    assert Document.objects.count() == 1
    assert "1 file(s) rejected" in out


def test_skip_duplicates_passes_over_known_articles(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    run(capsys, tmp_path / "a.txt")
    call_command("import_articles", str(tmp_path / "a.txt"), "--skip-duplicates")
    assert "skipped 1 duplicate" in capsys.readouterr().out
    assert Document.objects.count() == 1


def test_missing_path_is_one_clear_error(capsys):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="no such file"):
        call_command("import_articles", "/nonexistent/file.txt")


def test_a_large_file_is_stored_first_and_prepared_by_the_tasks(tmp_path, capsys, monkeypatch):
    from claims import importing

    monkeypatch.setattr(importing, "PREPARE_AT_ONCE_MAX", 2)  # three articles make a large file here
    texts = [f"Partager Cet Article\nLe convoi {i} est arrivé à Ramadi. Il est reparti, a déclaré le colonel.\n" for i in range(3)]
    (tmp_path / "big.jsonl").write_text("\n".join(json.dumps({"text": t}) for t in texts), encoding="utf-8")
    code, out, err = run(capsys, tmp_path)
    assert code == 0, err
    # The tasks ran after the commit (inline under the test settings): sentences, the title the
    # segmenter finds (not the share line the provisional title took) and the search vector.
    for document in Document.objects.all():
        assert document.sentences.count() == 3
        assert document.title.startswith("Le convoi ")
    assert Document.objects.search("convoi Ramadi").count() == 3
