"""Organisations named in a comment, by the knowledge base's names and aliases."""

from __future__ import annotations

from tieup.kb.loader import KnowledgeBase
from tieup.reactions.orgs import org_ids, orgs


def test_orgs_canonical_names_in_order_of_first_mention(kb: KnowledgeBase) -> None:
    text = "Xiaomi et le groupe Renault, encore Xiaomi : et Geely dans tout ça ?"
    assert orgs(text, kb) == ["Xiaomi", "Renault Group", "Geely"]


def test_orgs_longest_name_wins(kb: KnowledgeBase) -> None:
    assert org_ids("Renault Trucks n'a rien à voir.", kb) == ["renault-trucks"]
    assert org_ids("J'ai vu Xiaomi Auto au salon.", kb) == ["xiaomi"]


def test_orgs_case_and_accents_are_ignored_but_a_capital_is_needed(kb: KnowledgeBase) -> None:
    assert org_ids("RENAULT et XIAOMI", kb) == ["renault-group", "xiaomi"]
    assert org_ids("une apple par jour, une orange aussi", kb) == []
    assert org_ids("Apple fait des téléphones.", kb) == ["apple"]


def test_orgs_weak_aliases_match_exactly_and_not_opening_a_sentence(kb: KnowledgeBase) -> None:
    assert org_ids("Les puces d'Arm sont partout.", kb) == ["arm-holdings"]
    assert org_ids("un bras de fer, arm wrestling", kb) == []
    assert org_ids("Orange. Arm conçoit des puces.", kb) == []


def test_orgs_after_an_elision(kb: KnowledgeBase) -> None:
    assert org_ids("Le retour d'Apple et l'arrivée d'Xiaomi.", kb) == ["apple", "xiaomi"]


def test_orgs_nothing_in_plain_text(kb: KnowledgeBase) -> None:
    assert orgs("", kb) == []
    assert orgs("Très curieux de voir ce que ça donnera.", kb) == []
