"""Tests for claims.text.segmentation: pure Python, no Django, no database."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.text.segmentation import (
    LineKind,
    Segment,
    _pysbd_segmenter,
    classify_line,
    publisher_name,
    segment_text,
    title_of,
)

ARTICLES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def article(prefix: str) -> str:
    (path,) = ARTICLES.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def texts(text: str, kind: LineKind | None = None) -> list[str]:
    return [s.text_of(text) for s in segment_text(text) if kind is None or s.kind is kind]


def sentence_containing(text: str, needle: str) -> str:
    found = [t for t in texts(text) if needle in t]
    assert len(found) == 1, (needle, found)
    return found[0]


def kind_of_line(text: str, line: str) -> LineKind:
    found = [s.kind for s in segment_text(text) if s.text_of(text) == line]
    assert len(found) >= 1, line
    return found[0]


def assert_invariants(text: str) -> list[Segment]:
    segments = segment_text(text)
    covered = bytearray(len(text))
    previous_end = 0
    for seg in segments:
        assert isinstance(seg.kind, LineKind)
        assert 0 <= previous_end <= seg.start < seg.end <= len(text)
        chunk = seg.text_of(text)
        assert chunk == text[seg.start : seg.end]
        assert chunk and chunk == chunk.strip()
        # A sentence never crosses a line break.
        assert not any(c in LINE_BREAKS for c in chunk)
        covered[seg.start : seg.end] = b"\x01" * (seg.end - seg.start)
        previous_end = seg.end
    for i, c in enumerate(text):
        if not c.isspace():
            assert covered[i], (i, c)
    return segments


# --- properties over arbitrary text --------------------------------------------------------------

FRAGMENTS = [
    "« ", " »", "«", "»", "“", "”", '"', ". ", "! ", "? ", "… ", "...", ", a indiqué la source.",
    "Dr. ", "M. ", "Mme. ", "J.-C. ", "St. ", "n° ", "S.O.S", "(FDS)", "©AFP", "(AFP photo)",
    "SOURCE: FRENCH PRESS TV", "Partager Cet Article", "TV", "\n", "\r\n", "\r", "\u2028", "\t",
    "\x00", "\u200d", "\u200b", "\ufeff", "e\u0301", "😀", "👍🏽", "👨\u200d👩\u200d👧", "\u00a0",
    "Le ministre a déclaré que ", "a-t-il dit", "Selon l'AFP, ", "al-Anbar", "Il est parti.",
]

text_strategy = st.one_of(
    st.text(),
    st.lists(
        st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=40
    ).map("".join),
    st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join),
)

PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(text_strategy)
def test_segments_round_trip_ordered_disjoint_and_cover_all_text(text):
    assert_invariants(text)


@PROPERTY
@given(text_strategy)
def test_line_functions_never_raise(text):
    assert isinstance(classify_line(text), LineKind)
    name = publisher_name(text)
    assert name is None or (name and name == name.strip())
    title = title_of(text)
    assert isinstance(title, str)
    assert len(title) <= 201
    assert "\n" not in title


@PROPERTY
@given(st.lists(st.sampled_from(FRAGMENTS + ["Une phrase. ", "Autre phrase ! "]), max_size=30))
def test_line_break_styles_give_the_same_segments(parts):
    text = "\n".join(parts)
    expected = texts(text)
    for newline in ("\r\n", "\r", "\u2028"):
        assert texts(text.replace("\n", newline)) == expected


def test_empty_and_blank_text_give_nothing():
    assert segment_text("") == []
    assert segment_text(" \n\r\n\t\u00a0\u2028 ") == []
    assert title_of("") == ""


def test_segment_offsets_are_code_points():
    text = "👨‍👩‍👧 Élysée : l’été. Le président e\u0301tait là."
    segments = assert_invariants(text)
    assert [s.text_of(text) for s in segments] == [
        "👨‍👩‍👧 Élysée : l’été.",
        "Le président e\u0301tait là.",
    ]
    assert segments[1].start == text.index("Le président")


def test_very_long_line_is_split_into_every_sentence():
    block = (
        "Le ministre a déclaré que la situation était grave. "
        "« Nous allons agir. Vite », a-t-il dit. "
        "M. Dupont a répondu à la presse. "
    )
    text = block * 400  # ~47,000 characters on one line: fed to pysbd in chunks
    segments = assert_invariants(text)
    assert len(segments) == 1200
    assert [s.text_of(text) for s in segments[:3]] == [
        "Le ministre a déclaré que la situation était grave.",
        "« Nous allons agir. Vite », a-t-il dit.",
        "M. Dupont a répondu à la presse.",
    ]
    assert len({s.text_of(text) for s in segments}) == 3


@pytest.mark.parametrize(
    "text",
    [
        "a" * 200_000,
        "." * 200_000,
        "« " * 50_000,
        "Dr. " * 20_000,
        "(" * 50_000 + ")" * 50_000,
        "12/12/2019" + " " * 50_000 + "x",
        "\x00\u200d" * 50_000,
        "[" * 50_000 + " / AFP/",
        "Une légende" + " " * 50_000 + "- AFP",
    ],
    ids=["letters", "dots", "open-quotes", "titles", "parens", "spaces", "nul-zwj", "square-brackets", "dash-credit"],
)
def test_pathological_lines_do_not_break_invariants(text):
    assert_invariants(text)


def test_pysbd_segmenter_is_built_once():
    assert _pysbd_segmenter() is _pysbd_segmenter()


# --- seed articles --------------------------------------------------------------------------------


def test_seed_fixtures_are_present():
    assert len(sorted(ARTICLES.glob("*.txt"))) == 5


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_invariants(prefix):
    assert_invariants(article(prefix))


def test_seed_000_first_sentence_and_quote_block_with_its_cue():
    text = article("000")
    body = texts(text, LineKind.BODY)
    assert body[0].startswith("Une source de la sécurité irakienne a annoncé")
    assert body[0].endswith("selon l’agence de presse Mehr citant al-Nahrain.")
    quote = sentence_containing(text, "La colonne militaire américaine est arrivée")
    assert quote.startswith("« La colonne militaire américaine est arrivée ce matin")
    assert "Certains militaires ont été déployés" in quote  # second sentence of the quote
    assert "Ce convoi comprend des véhicules Hummer" in quote  # third one
    assert quote.endswith("», a indiqué la source.")
    assert body[1] == quote
    # "n° 20" does not end the sentence.
    assert sentence_containing(text, "n° 20").endswith("de Ninive et de Salaheddine.")
    assert all(s.kind is LineKind.BODY for s in segment_text(text))
    assert len(body) == 10


def test_seed_001_line_kinds_publisher_and_title():
    text = article("001")
    assert kind_of_line(text, "TV") is LineKind.BOILERPLATE
    assert kind_of_line(text, "Partager Cet Article") is LineKind.BOILERPLATE
    assert kind_of_line(text, "SOURCE: FRENCH PRESS TV") is LineKind.PUBLISHER
    assert publisher_name("SOURCE: FRENCH PRESS TV") == "FRENCH PRESS TV"
    headline = "Al-Anbar\u00a0: des militaires US font des va-et-vient à Falloujah"
    assert kind_of_line(text, headline) is LineKind.HEADLINE
    assert title_of(text) == "Al-Anbar : des militaires US font des va-et-vient à Falloujah"

    captions = texts(text, LineKind.CAPTION)
    assert len(captions) == 2
    assert captions[0].startswith("US Rep. Ilhan Omar (D-MN)")
    assert captions[0].endswith("(AFP photo)")
    assert captions[1].endswith("le 21 juin 2017. ©Reuters")
    # The English caption is one segment, not split at "Rep." or "DC.".
    assert not any("Ilhan Omar" in t for t in texts(text, LineKind.BODY))

    body = texts(text, LineKind.BODY)
    assert body[0].startswith("Une source de sécurité irakienne a fait part")
    assert sentence_containing(text, "ne pourront").endswith("les Américains le regretteront.")
    assert sentence_containing(text, "Contrairement au passé").endswith("», a-t-il prévenu.")
    kinds = [s.kind for s in segment_text(text)]
    assert kinds[:4] == [
        LineKind.BOILERPLATE,
        LineKind.HEADLINE,
        LineKind.CAPTION,
        LineKind.CAPTION,
    ]
    assert kinds[-2:] == [LineKind.BOILERPLATE, LineKind.PUBLISHER]


def test_seed_002_publisher_and_subheadings():
    text = article("002")
    assert kind_of_line(text, "Source: Divers") is LineKind.PUBLISHER
    assert publisher_name("Source: Divers") == "Divers"
    assert (
        kind_of_line(text, "Renseignement US: Daesh crée des cellules d’armes chimiques")
        is LineKind.HEADLINE
    )
    assert (
        kind_of_line(text, "Les USA pour une mission de l’Otan dans l’Irak post-Daesh")
        is LineKind.HEADLINE
    )
    # "(S)" inside « » does not end the sentence.
    assert sentence_containing(text, "Mohammad (S)").endswith("des Hachd al-Chaabi.")
    # The article opens with body text: its title is its first sentence, cut at a word.
    title = title_of(text)
    assert title.startswith("Les Forces de mobilisation populaire d’Irak (Hachd al-Chaabi)")
    assert title.endswith("…") and len(title) <= 121
    assert title[:-1] in text


def test_seed_003_acronyms_do_not_split_and_captions():
    text = article("003")
    sos = sentence_containing(text, "S.O.S")
    assert sos.startswith("Signe que les choses ne vont pas bien")
    assert sos.endswith("à leurs unités daechists en Syrie.")
    fds = sentence_containing(text, "(FDS)")
    assert fds.startswith("Selon Al-Mayadeen, un convoi militaire US")
    assert fds.endswith("(FDS) à Hassaké.")
    assert sentence_containing(text, "Ahmad Nasrallah").startswith("«C'est une")
    assert texts(text, LineKind.CAPTION)[1].endswith("©AFP")
    assert title_of(text).startswith("Puissante offensive à al-Anbar")


def test_seed_004_question_lines_stay_body_sentences():
    text = article("004")
    assert "Où en est l’armée de l’air irakienne?" in texts(text, LineKind.BODY)
    assert "Côté syrien ?" in texts(text, LineKind.BODY)


def test_seed_sentence_counts():
    counts = [len(segment_text(article(p))) for p in ["000", "001", "002", "003", "004"]]
    assert counts == [10, 18, 25, 24, 31]


# --- wrong splits merged back ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Dr. Martin a dit. Il est parti.", ["Dr. Martin a dit.", "Il est parti."]),
        (
            "J.-C. Juncker a déclaré que l'accord était conclu. La séance est levée.",
            ["J.-C. Juncker a déclaré que l'accord était conclu.", "La séance est levée."],
        ),
        ("Mme. Durand a signé. M. Dupont aussi.", ["Mme. Durand a signé.", "M. Dupont aussi."]),
        (
            "Le St. Louis a accosté. Gen. Smith a parlé.",
            ["Le St. Louis a accosté.", "Gen. Smith a parlé."],
        ),
        (
            "US Rep. Omar a voté. Le Gal. Martin aussi.",
            ["US Rep. Omar a voté.", "Le Gal. Martin aussi."],
        ),
        (
            "Selon J. Dupont, la réunion a eu lieu. Rien de plus.",
            ["Selon J. Dupont, la réunion a eu lieu.", "Rien de plus."],
        ),
        ("Le dossier n° 12 est clos. Fin.", ["Le dossier n° 12 est clos.", "Fin."]),
    ],
)
def test_abbreviations_and_initials_do_not_end_sentences(text, expected):
    assert texts(text) == expected


def test_multi_sentence_quote_stays_with_its_cue():
    text = (
        "« Nous ne céderons pas. Les négociations reprendront lundi. Rien n'est joué », "
        "a affirmé le porte-parole du gouvernement. La réunion a duré trois heures."
    )
    assert texts(text) == [
        "« Nous ne céderons pas. Les négociations reprendront lundi. Rien n'est joué », "
        "a affirmé le porte-parole du gouvernement.",
        "La réunion a duré trois heures.",
    ]


def test_quote_closed_on_its_own_period_then_new_sentence():
    text = "Il a lancé : « Non. Jamais. » Puis il a quitté la salle. « C'est fini. » a-t-il ajouté."
    assert texts(text) == [
        "Il a lancé : « Non. Jamais. »",
        "Puis il a quitté la salle.",
        "« C'est fini. » a-t-il ajouté.",
    ]


def test_unclosed_guillemet_does_not_swallow_the_paragraph():
    text = "Il parle d'un « oubli. Le ministre est parti. La séance reprend demain."
    assert len(texts(text)) == 3


def test_curly_quotes_are_kept_whole():
    assert texts("“Nous partons. Demain.” a-t-il dit. Fin.") == [
        "“Nous partons. Demain.” a-t-il dit.",
        "Fin.",
    ]


def test_names_with_inner_capitals_may_start_sentences():
    assert texts("Le vote a eu lieu. al-Abadi a réagi. iPhone est sorti.") == [
        "Le vote a eu lieu.",
        "al-Abadi a réagi.",
        "iPhone est sorti.",
    ]


def test_a_sentence_never_crosses_a_line_break():
    assert texts("Il a vu le Dr.\nMartin est arrivé.") == ["Il a vu le Dr.", "Martin est arrivé."]
    assert texts("Un.\r\nDeux.\rTrois.\u2028Quatre.") == ["Un.", "Deux.", "Trois.", "Quatre."]


# --- invented general news lines ------------------------------------------------------------------

INVENTED_ARTICLE = """\
Publicité
Réforme des retraites : le gouvernement maintient son calendrier
Par Claire Martin
Publié le 14/03/2023 à 10h32
Élisabeth Borne à l'Assemblée nationale, le 13 mars 2023. LUDOVIC MARIN / AFP
Le gouvernement a confirmé mardi que le texte serait soumis au vote jeudi, selon l'AFP. \
« Nous irons jusqu'au bout. Le pays en a besoin », a déclaré la Première ministre \
devant les députés.
Lire aussi : Les syndicats appellent à une nouvelle journée de mobilisation
D'après un sondage Ifop publié dimanche, 68 % des Français restent opposés à la réforme.
Facebook Twitter WhatsApp
Avec AFP
"""


def test_invented_article_line_kinds():
    text = INVENTED_ARTICLE
    kinds = [(s.kind, s.text_of(text)) for s in segment_text(text)]
    assert kinds == [
        (LineKind.BOILERPLATE, "Publicité"),
        (LineKind.HEADLINE, "Réforme des retraites : le gouvernement maintient son calendrier"),
        (LineKind.BOILERPLATE, "Par Claire Martin"),
        (LineKind.BOILERPLATE, "Publié le 14/03/2023 à 10h32"),
        (
            LineKind.CAPTION,
            "Élisabeth Borne à l'Assemblée nationale, le 13 mars 2023. LUDOVIC MARIN / AFP",
        ),
        (
            LineKind.BODY,
            "Le gouvernement a confirmé mardi que le texte serait soumis au vote jeudi, "
            "selon l'AFP.",
        ),
        (
            LineKind.BODY,
            "« Nous irons jusqu'au bout. Le pays en a besoin », a déclaré la Première ministre "
            "devant les députés.",
        ),
        (
            LineKind.BOILERPLATE,
            "Lire aussi : Les syndicats appellent à une nouvelle journée de mobilisation",
        ),
        (
            LineKind.BODY,
            "D'après un sondage Ifop publié dimanche, 68 % des Français restent opposés à la "
            "réforme.",
        ),
        (LineKind.BOILERPLATE, "Facebook Twitter WhatsApp"),
        (LineKind.PUBLISHER, "Avec AFP"),
    ]
    assert title_of(text) == "Réforme des retraites : le gouvernement maintient son calendrier"
    assert publisher_name("Avec AFP") == "AFP"


@pytest.mark.parametrize(
    "line, kind",
    [
        ("Photo : Reuters", LineKind.CAPTION),
        ("Crédit photo : Stéphane Dupont / Hans Lucas", LineKind.CAPTION),
        ("Des manifestants à Nantes, samedi. (Photo d'archives AFP)", LineKind.CAPTION),
        ("© AFP", LineKind.CAPTION),
        ("Le président (photo) a déclaré que tout allait bien.", LineKind.BODY),
        ("Sources : AFP, Reuters", LineKind.PUBLISHER),
        ("(avec AFP et Reuters)", LineKind.PUBLISHER),
        ("Source : un responsable a déclaré que la ville était tombée. Voilà.", LineKind.BODY),
        ("Mis à jour le 26 janvier 2019 à 08:12", LineKind.BOILERPLATE),
        ("Vendredi 25 janvier 2019, 10h32", LineKind.BOILERPLATE),
        ("Copyright © 2019 Le Journal. Tous droits réservés.", LineKind.BOILERPLATE),
        ("Share", LineKind.BOILERPLATE),
        ("Partager", LineKind.BOILERPLATE),
        ("Lire aussi", LineKind.BOILERPLATE),
        ("***", LineKind.BOILERPLATE),
        ("Biden : « L'Amérique est de retour »", LineKind.HEADLINE),
        ("Inondations dans le Gard : trois morts et des milliers de sinistrés", LineKind.HEADLINE),
        ("Le ministre a démenti toute démission.", LineKind.BODY),
        ("Le ministre a démenti, selon son entourage, toute démission », a précisé", LineKind.BODY),
        ("Les forces irakiennes ont repris le contrôle de la ville de", LineKind.BODY),
        ("la suite du paragraphe sans majuscule", LineKind.BODY),
        ("Pourquoi le prix de l'essence augmente-t-il ?", LineKind.BODY),
        ("Plan du quartier : https://exemple.fr/map", LineKind.HEADLINE),
        ("Sources-Chaudes : la station thermale rouvre", LineKind.HEADLINE),
        ("(c) 2021 Le Quotidien", LineKind.BOILERPLATE),
    ],
)
def test_classify_invented_lines(line, kind):
    assert classify_line(line) is kind


def test_publisher_name_only_for_publisher_lines():
    assert publisher_name("  Source : Le Figaro.  ") == "Le Figaro"
    assert publisher_name("Al-Anbar : des militaires US font des va-et-vient à Falloujah") is None
    assert publisher_name("Selon la source, la ville est tombée.") is None
    assert publisher_name("") is None


def test_title_falls_back_to_first_sentence_at_a_word_boundary():
    sentence = "Le conseil municipal a voté " + "une très longue délibération " * 10 + "hier soir."
    title = title_of("TV\nPartager\n" + sentence + " Deuxième phrase.")
    assert title.endswith("…")
    assert len(title) <= 121
    assert sentence.startswith(title[:-1])
    assert sentence[len(title) - 1] == " "  # cut at a word boundary
    assert title_of("TV\nPartager Cet Article\nSOURCE: FRENCH PRESS TV") == ""


def test_regex_fallback_when_pysbd_is_unavailable(monkeypatch):
    from claims.text import segmentation

    monkeypatch.setattr(segmentation, "_pysbd_segmenter", lambda: None)
    text = "« Nous partons. Demain », a dit M. Dupont. Le vote a eu lieu. Fin !"
    assert texts(text) == [
        "« Nous partons. Demain », a dit M. Dupont.",
        "Le vote a eu lieu.",
        "Fin !",
    ]
    assert_invariants(article("003"))


def test_a_shortened_month_before_a_year_ends_no_sentence():
    text = "P-au-P., 27 avr. 05 [AlterPresse] --- La police ne disposait pas de bilan.\n"
    assert [text[s.start : s.end] for s in segment_text(text)] == [text.strip()]
