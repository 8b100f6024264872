"""`Store.latest_roles`: each person's latest known role, with the date it was stated."""

from __future__ import annotations

import dataclasses

import pytest
from store_factories import extraction, tieup

from tieup.models import Role
from tieup.store import Store, UnknownOrganisation


def _with_role(article_id: str, date: str | None, person: str, role: str):
    x = extraction(article_id, tieup("renault-group", "xiaomi"), date=date)
    return dataclasses.replace(
        x, roles=[Role(person=person, role=role, org="Renault Group", org_id="renault-group")]
    )


def test_store_latest_roles_newest_date_wins(db_url: str) -> None:
    with Store.open(db_url) as store:
        store.save(_with_role("a", "2024-04-26", "François Provost", "directeur des achats"),
                   source="a")
        store.save(_with_role("b", "2025-01-10", "francois provost", "directeur général"),
                   source="b")
        store.save(_with_role("c", None, "François Provost", "stagiaire"), source="c")
        people = store.latest_roles("renault-group")
    assert len(people) == 1  # names compared without case or accents
    assert (people[0]["role"], people[0]["date"], people[0]["article_id"]) == (
        "directeur général", "2025-01-10", "b")


def test_store_latest_roles_unknown_org(db_url: str) -> None:
    with Store.open(db_url) as store, pytest.raises(UnknownOrganisation):
        store.latest_roles("Nobody")
