"""People's roles: the grammatical shapes, each with its own sentence."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tieup.models import Extraction


def roles(extraction: Extraction) -> set[tuple[str, str, str]]:
    return {(r.person, r.role.casefold(), r.org_id or r.org) for r in extraction.roles}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        pytest.param(
            "fr",
            "Jean Martin, directeur général de Stellantis, a rencontré des dirigeants de Toyota.",
            {("Jean Martin", "directeur général", "stellantis")},
            id="fr-person-role-org",
        ),
        pytest.param(
            "fr",
            "Le patron de Valeo, Paul Durand, a signé un accord avec Bosch.",
            {("Paul Durand", "patron", "valeo")},
            id="fr-role-org-person",
        ),
        pytest.param(
            "fr",
            "L'accord a été signé par le président de Forvia (ex-Faurecia) Marc Lenoir et BMW.",
            {("Marc Lenoir", "président", "forvia")},
            id="fr-parenthesis-after-org",
        ),
        pytest.param(
            "en",
            "Ford CEO Jim Farley met Toyota executives in Tokyo.",
            {("Jim Farley", "ceo", "ford")},
            id="en-org-role-person",
        ),
        pytest.param(
            "en",
            "Li Wei, chairman of Chinese electric battery giant CATL, met Ford's managers.",
            {("Li Wei", "chairman", "catl")},
            id="en-adjectives-before-org",
        ),
        pytest.param(
            "en",
            "He met Anna Berg, his counterpart at Swedish battery maker Northvolt, in May.",
            {("Anna Berg", "counterpart", "northvolt")},
            id="en-possessive-determiner",
        ),
        pytest.param(
            "en",
            "The comments from Foxconn Chairperson Mei Chen came after Nissan ended talks.",
            {("Mei Chen", "chairperson", "foxconn")},
            id="en-title-inside-person-name",
        ),
        pytest.param(
            "fr",
            "Paul Durand, PDG de Valeo, Marie Roux, directrice de Bosch, ont signé un accord.",
            {("Paul Durand", "pdg", "valeo"), ("Marie Roux", "directrice", "bosch")},
            id="fr-role-stays-with-its-person",
        ),
    ],
)
def test_relate_roles(
    lang: str,
    text: str,
    expected: set[tuple[str, str, str]],
    extract_text: Callable[..., Extraction],
) -> None:
    assert roles(extract_text(text, lang=lang)) == expected


def test_relate_role_without_company_goes_to_the_main_one(
    extract_text: Callable[..., Extraction],
) -> None:
    text = (
        "Renault a présenté ses résultats annuels. Renault a aussi annoncé un accord avec "
        "Geely sur les moteurs. Renault vise une marge de 8 %. C'est ce qu'a déclaré hier "
        "Paul Durand, le président du directoire."
    )
    assert ("Paul Durand", "président du directoire", "renault-group") in roles(
        extract_text(text, lang="fr")
    )
