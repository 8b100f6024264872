"""Evidence highlighting splits the text, never rewrites it; links only to http(s)."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from tieup.web.render import highlight, web_href


@given(text=st.text(max_size=200), cuts=st.lists(st.tuples(st.integers(0, 200),
                                                          st.integers(0, 60)), max_size=4))
def test_highlight_pieces_join_back_to_the_text(text: str, cuts: list[tuple[int, int]]) -> None:
    phrases = [text[start : start + size] for start, size in cuts]
    pieces = highlight(text, phrases)
    assert "".join(piece for piece, _ in pieces) == text
    marked = [piece for piece, is_evidence in pieces if is_evidence]
    for phrase in phrases:
        if phrase.split():  # a phrase of words is found inside one marked run
            words = phrase.split()
            assert any(all(w in m for w in words) for m in marked), (phrase, pieces)
    # Runs alternate: two marked runs never touch (they are merged).
    assert all(not (a[1] and b[1]) for a, b in pairwise(pieces))


def test_highlight_loose_whitespace_and_several_sentences() -> None:
    text = "Intro. Renault  et\nXiaomi discutent. Fin."
    assert highlight(text, ["Renault et Xiaomi discutent."]) == [
        ("Intro. ", False), ("Renault  et\nXiaomi discutent.", True), (" Fin.", False)]
    assert highlight(text, ["absent"]) == [(text, False)]
    assert highlight("", ["x"]) == []


def test_web_href_only_http() -> None:
    assert web_href("https://news.example/a") == "https://news.example/a"
    assert web_href("http://news.example") == "http://news.example"
    for unsafe in ("javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x",
                   "/etc/passwd", "examples/a.txt", "https:///nohost", "", None):
        assert web_href(unsafe) is None
