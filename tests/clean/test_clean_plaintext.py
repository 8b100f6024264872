"""The line classifier, one feature at a time, on made-up lines."""

from __future__ import annotations

from tieup.clean.comments import parse_header
from tieup.clean.plaintext import clean_text, furniture, is_name_like, split_lines

PROSE = [
    "The two companies said on Tuesday that they would build a battery plant together in Ohio.",
    "Analysts expect the venture to supply cells to both carmakers from the middle of next year.",
    "Neither company disclosed how much each partner would invest in the new factory, however.",
    "The plant should employ about two thousand people once it runs at full capacity in 2027.",
]


def _page(*lines: str) -> str:
    return "\n\n".join(lines)


def test_plaintext_keeps_prose_in_order_and_finds_title() -> None:
    result = clean_text(_page("Acme and Globex to build a battery plant", *PROSE))
    assert result.title == "Acme and Globex to build a battery plant"
    assert result.paragraphs == PROSE


def test_plaintext_drops_teaser_links_in_french_and_english() -> None:
    for teaser in (
        "Read more: Why carmakers are racing to secure lithium",
        "Related: The ten best electric SUVs of the year",
        "Lire aussi : Pourquoi les constructeurs s'allient en Chine",
        "À lire aussi Les meilleures voitures électriques de l'année",
    ):
        result = clean_text(_page("A title for the test page", PROSE[0], teaser, *PROSE[1:]))
        assert teaser in result.boilerplate
        assert result.paragraphs == PROSE


def test_plaintext_drops_calls_to_action_and_widgets() -> None:
    widgets = ["Subscribe", "Sign up for our newsletter", "Share", "Partagez cet article", "Logo"]
    result = clean_text(_page("A title for the test page", *PROSE, *widgets))
    assert result.paragraphs == PROSE
    for widget in widgets:
        assert widget in result.boilerplate


def test_plaintext_drops_promo_banner() -> None:
    banner = "HUGE DEALS today! Save with our coupon codes on Telegram and WhatsApp!"
    result = clean_text(_page(banner, "A title for the test page", *PROSE))
    assert banner in result.boilerplate
    assert result.title == "A title for the test page"


def test_plaintext_drops_short_lines_captions_and_keyword_strips() -> None:
    result = clean_text(_page(
        "A title for the test page", PROSE[0], "Mary Barra GM Honda Mary Barra\nMary Barra",
        PROSE[1], "Inside the new plant\nAssembly line", *PROSE[2:],
    ))
    assert result.paragraphs == PROSE
    assert "Mary Barra" in result.boilerplate
    assert "Assembly line" in result.boilerplate


def test_plaintext_keeps_headings_between_prose_but_not_long_teasers() -> None:
    heading = "What the deal means for suppliers"
    teaser = "Prices of the Model Y have just fallen: a bargain you should not miss at all"
    result = clean_text(_page("A title for the test page", PROSE[0], teaser, heading, *PROSE[1:]))
    assert result.paragraphs == [PROSE[0], heading, *PROSE[1:]]
    assert teaser in result.boilerplate


def test_plaintext_drops_repeated_title_and_author_bio() -> None:
    title = "Acme and Globex to build a battery plant: what comes next?"
    bio = "Tech writer, passionate about cars and photography. I love electric bikes!"
    result = clean_text(_page(
        title, PROSE[0], title, *PROSE[1:], "Jane Doe\nJane Doe", bio, "Subscribe",
    ))
    assert result.title == title
    assert result.paragraphs == PROSE
    assert result.boilerplate.count("Jane Doe") == 2
    assert bio in result.boilerplate


def test_plaintext_drops_lists_and_pictograph_table_rows() -> None:
    table = (
        "• Battery plant in Ohio\n• Two thousand jobs\nTopic Details\n"
        "🔋 Batteries The plant will make cells for both partners from the middle of next year."
    )
    result = clean_text(_page("A title for the test page", *PROSE[:2], table, *PROSE[2:]))
    assert result.paragraphs == PROSE
    assert any(line.startswith("🔋") for line in result.boilerplate)


def test_plaintext_splits_numbered_comments_after_header() -> None:
    result = clean_text(_page(
        "A title for the test page", *PROSE, "12 Comments on “A title for the test page”",
        "1. Great news for Ohio, finally some jobs!", "2. I doubt this will ever get built.",
        "Leave a reply", "This line comes after the comment form and is not a comment.",
    ))
    assert result.paragraphs == PROSE
    assert result.comments_announced == 12
    assert [(c.n, c.text) for c in result.comments] == [
        (1, "Great news for Ohio, finally some jobs!"), (2, "I doubt this will ever get built."),
    ]


def test_plaintext_comment_authors_and_widget_words() -> None:
    result = clean_text(_page(
        "A title for the test page", *PROSE, "3 commentaires",
        "Marie dit :", "Très bonne nouvelle pour l'emploi dans la région.", "Répondre", "invité",
    ))
    assert result.comments_announced == 3
    assert len(result.comments) == 1
    assert result.comments[0].author == "Marie"


def test_plaintext_menu_comments_entry_is_not_a_header() -> None:
    result = clean_text(_page("Home\nNews\nComments\nSport", "A title for the test page", *PROSE))
    assert result.paragraphs == PROSE
    assert result.comments_announced is None


def test_plaintext_comments_header_counts() -> None:
    assert parse_header("43 avis sur « Renault et Xiaomi »").announced == 43
    assert parse_header("0 commentaires").announced == 0
    assert parse_header("One thought on “Hello”").announced == 1
    assert parse_header("1 234 comments").announced == 1234
    assert parse_header("Comments").announced is None
    assert parse_header("Leave a Reply") is not None
    assert parse_header("43 people died in the crash.") is None
    assert parse_header("Renault and Xiaomi meet") is None


def test_plaintext_furniture_and_names() -> None:
    lines = {line.text: line for line in split_lines(
        "Publié le 3 mai 2024\nPar ailleurs, Renault a confirmé l'accord signé avec Geely la "
        "semaine dernière à Pékin.\nBy Jane Doe\nJane Doe\nThe Big Deal"
    )}
    assert furniture(lines["Publié le 3 mai 2024"]) == "cue"
    assert furniture(lines["By Jane Doe"]) == "byline"
    assert furniture(next(v for k, v in lines.items() if k.startswith("Par ailleurs"))) is None
    assert is_name_like(lines["Jane Doe"])
    assert not is_name_like(lines["The Big Deal"]) or lines["The Big Deal"].has_function_word
