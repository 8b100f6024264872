"""Cue lexicons per language: data files in ``lexicons/``, compiled once.

A user can extend a language's lexicon with their own JSON file of the same
shape; its lists are appended to the built-in ones.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from tieup.kb.linker import NameCues
from tieup.models import Kind, Status

Patterns = tuple[re.Pattern[str], ...]


@dataclass(frozen=True, slots=True)
class Lexicon:
    lang: str
    status: dict[Status, Patterns]
    active_weak: Patterns
    past_agreement: Patterns
    rumour: Patterns
    rumour_object: Patterns
    conditional_ok: Patterns
    conditional_forms: frozenset[str]
    kind: dict[Kind, Patterns]
    partner_before: Patterns
    not_party_before: Patterns
    split: Patterns
    pair_all: Patterns
    list_intro: Patterns
    ownership: Patterns
    roles: re.Pattern[str]
    nonparties: frozenset[str]
    pair_anaphora: Patterns
    fronted: frozenset[str]
    name_cues: NameCues


def _compile(items: list[str]) -> Patterns:
    return tuple(re.compile(p, re.IGNORECASE) for p in items)


def _merge(base: dict, extra: dict) -> dict:
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict):
            out[key] = _merge(out.get(key, {}), value)
        elif isinstance(value, list):
            out[key] = [*out.get(key, []), *value]
        else:
            out[key] = value
    return out


def _read(name: str) -> dict:
    return json.loads((resources.files("tieup.relate") / "lexicons" / name).read_text("utf-8"))


def _alternation(words: object) -> str:
    items = sorted((str(w) for w in words or ()), key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(w) for w in items)


def _descriptions(lang: str, data: dict) -> re.Pattern[str] | None:
    """The definite descriptions of a language: "le constructeur chinois", "the Japanese firm"."""
    nat, head = _alternation(data.get("nationalities")), _alternation(data.get("description_heads"))
    if not nat or not head:
        return None
    if lang == "fr":
        pattern = (
            rf"\b(?:le|la|l'|l’|du|de\s+la|au|à\s+la)\s*(?:(?:nouveau|grand|petit|premier)\s+)?"
            rf"(?P<head>{head})\s+(?:automobile\s+)?(?P<nat>{nat})\b(?-i:(?!\s+[A-Z]))"
        )
    else:
        pattern = (
            rf"\bthe\s+(?:\w+\s+)?(?P<nat>{nat})\s+(?:\w+\s+)?(?P<head>{head})\b(?-i:(?!\s+[A-Z]))"
        )
    return re.compile(pattern, re.IGNORECASE)


@lru_cache(maxsize=8)
def get_lexicon(lang: str, extra: str | None = None) -> Lexicon:
    """The compiled lexicon for `lang`, with an optional user file merged on top."""
    data = _read(f"{lang}.json")
    data = _merge(data, _read("common.json"))
    if extra:
        data = _merge(data, json.loads(Path(extra).read_text("utf-8")))
    roles = sorted(data["roles"], key=len, reverse=True)
    return Lexicon(
        lang=lang,
        status={Status(k): _compile(v) for k, v in data["status"].items() if k in set(Status)},
        active_weak=_compile(data["status"].get("active_weak", [])),
        past_agreement=_compile(data.get("past_agreement", [])),
        rumour=_compile(data["rumour"]),
        rumour_object=_compile(data.get("rumour_object", [])),
        conditional_ok=_compile(data.get("conditional_ok", [])),
        conditional_forms=frozenset(data.get("conditional_forms", [])),
        kind={Kind(k): _compile(v) for k, v in data["kind"].items()},
        partner_before=tuple(
            re.compile(r"\b" + p + r"\W*$", re.IGNORECASE) for p in data["partner_before"]
        ),
        not_party_before=tuple(
            re.compile(r"\b" + p + r"\W*$", re.IGNORECASE) for p in data.get("not_party_before", [])
        ),
        split=_compile(data["split"]),
        pair_all=_compile(data["pair_all"]),
        list_intro=_compile(data["list_intro"]),
        ownership=_compile(data["ownership"]),
        roles=re.compile(r"(?:" + "|".join(roles) + r")", re.IGNORECASE),
        nonparties=frozenset(data.get("nonparties", [])),
        fronted=frozenset(w.casefold() for w in data.get("fronted", [])),
        pair_anaphora=_compile(data.get("pair_anaphora", [])),
        name_cues=NameCues(
            acronyms=frozenset(data.get("generic_acronyms", [])),
            event_words=frozenset(w.casefold() for w in data.get("event_words", [])),
            product_before=frozenset(w.casefold() for w in data.get("product_before", [])),
            org_before=frozenset(w.casefold() for w in data.get("org_before", [])),
            person_titles=frozenset(w.casefold() for w in data.get("person_titles", [])),
            connectors=frozenset(data.get("name_connectors", [])),
            person_after=frozenset(w.casefold() for w in data.get("person_after", [])),
            company_words=frozenset(data.get("company_words", [])),
            descriptions=_descriptions(lang, data),
            nationalities={k.casefold(): v for k, v in data.get("nationalities", {}).items()},
        ),
    )
