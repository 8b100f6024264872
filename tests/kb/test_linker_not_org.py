"""Names the statistical NER calls organisations but are not (when the KB does
not know them): events, products, generic acronyms, datelines, places, people."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tieup.models import Extraction


def org_names(extraction: Extraction) -> set[str]:
    return {e.name for e in extraction.entities if e.type == "org"}


@pytest.mark.parametrize(
    ("lang", "text", "not_orgs"),
    [
        pytest.param(
            "fr",
            "Renault et Geely ont signé un accord au Salon de l'automobile de Genève.",
            {"Salon de l'automobile de Genève"},
            id="fr-event",
        ),
        pytest.param(
            "en",
            "Ford and Toyota met at the Detroit Auto Show to discuss batteries.",
            {"Detroit Auto Show"},
            id="en-event",
        ),
        pytest.param(
            "fr",
            "Porsche et Audi, avec leurs modèles Macan et Cayenne, dominent le segment.",
            {"Macan", "Cayenne"},
            id="fr-product-after-model-word",
        ),
        pytest.param(
            "fr",
            "Face à Porsche et Audi avec leurs modèles Macan GT et Zandor, Renault signe un accord "
            "avec Geely.",
            {"Zandor", "Macan GT"},
            id="fr-product-list-after-model-word",
        ),
        pytest.param(
            "fr",
            "Xiaomi vise des marques comme Porsche et Audi avec leurs modèles e-Tron GT et Taycan.",
            {"Taycan", "e-Tron GT"},
            id="fr-product-list-with-glued-pieces",
        ),
        pytest.param(
            "en",
            "Tesla's planned Powerwall factory will use cells from BYD.",
            {"Powerwall"},
            id="en-product-after-possessive",
        ),
        pytest.param(
            "en",
            "DETROIT, May 3 (Reuters) - Ford and Toyota signed an agreement on Friday.",
            {"DETROIT"},
            id="en-dateline",
        ),
        pytest.param(
            "en",
            "Wolfsburg-based Volkswagen signed a deal with Rivian.",
            {"Wolfsburg"},
            id="en-place-based",
        ),
        pytest.param(
            "en",
            "The EV partnership between Renault and Nissan signed an MOU last year.",
            {"EV", "MOU"},
            id="en-acronyms",
        ),
    ],
)
def test_linker_drops_names_that_are_not_organisations(
    lang: str, text: str, not_orgs: set[str], extract_text: Callable[..., Extraction]
) -> None:
    names = org_names(extract_text(text, lang=lang))
    assert names, "the sentence's companies should be found"
    assert not names & not_orgs


def test_linker_keeps_unknown_companies(extract_text: Callable[..., Extraction]) -> None:
    # A company no KB entry knows is still an organisation, with a provisional id.
    extraction = extract_text(
        "Renault a signé un accord de coopération avec la start-up Zyntra Mobility.", lang="fr"
    )
    provisional = [e for e in extraction.entities if e.id.startswith("new:")]
    assert [e.name for e in provisional] == ["Zyntra Mobility"]


def test_linker_surname_of_a_person_is_not_an_org(
    extract_text: Callable[..., Extraction],
) -> None:
    extraction = extract_text(
        "Carlos Tavares, directeur général de Stellantis, a rencontré Toyota. "
        "Tavares a ensuite parlé à la presse.",
        lang="fr",
    )
    assert "Tavares" not in org_names(extraction)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        pytest.param(
            "fr",
            "Nissan a publié ses comptes. Renault a signé un accord avec le constructeur japonais "
            "sur les moteurs.",
            {"renault-group", "nissan"},
            id="fr-description",
        ),
        pytest.param(
            "en",
            "Hyundai sold fewer cars in China. Its venture is a 50-50 joint venture between the "
            "South Korean automaker and BAIC.",
            {"hyundai-motor-group", "baic-group"},
            id="en-description",
        ),
    ],
)
def test_linker_description_names_the_one_company_of_that_country(
    lang: str, text: str, expected: set[str], extract_text: Callable[..., Extraction]
) -> None:
    extraction = extract_text(text, lang=lang)
    assert [{t.a_id, t.b_id} for t in extraction.tieups] == [expected]


def test_linker_description_is_left_alone_when_two_companies_fit(
    extract_text: Callable[..., Extraction],
) -> None:
    # Toyota and Nissan are both Japanese: "le constructeur japonais" cannot be told.
    extraction = extract_text(
        "Toyota et Nissan ont publié leurs comptes. Renault a signé un accord avec le "
        "constructeur japonais sur les moteurs.",
        lang="fr",
    )
    assert extraction.tieups == []
