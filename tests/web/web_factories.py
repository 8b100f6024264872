"""Hand-made extractions for the web tests (no NLP): a small Renault-centred map."""

from __future__ import annotations

from tieup.models import Article, Comment, Entity, Extraction, Kind, Role, Status, TieUp
from tieup.store import Store

NAMES = {
    "renault-group": "Renault Group",
    "xiaomi": "Xiaomi",
    "geely": "Geely",
    "dongfeng": "Dongfeng",
    "nissan": "Nissan",
}

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_ATTR = '"><img src=x onerror=alert(1)>'
XIAOMI_EVIDENCE = "Renault et Xiaomi ont entamé des discussions sur les véhicules électriques."


def tieup(a: str, b: str, status: Status, *, kind: Kind = Kind.TECHNOLOGY,
          evidence: str | None = None, confidence: float = 0.8) -> TieUp:
    return TieUp(
        a=NAMES.get(a, a), b=NAMES.get(b, b), status=status, kind=kind,
        evidence=evidence or f"{NAMES.get(a, a)} and {NAMES.get(b, b)} work together.",
        confidence=confidence, a_id=a if a in NAMES else None, b_id=b if b in NAMES else None,
    )


def extraction(article_id: str, *tieups: TieUp, date: str | None = "2024-04-26",
               paragraphs: list[str] | None = None, title: str | None = None,
               url: str | None = "", comments: list[Comment] | None = None) -> Extraction:
    """One article's extraction; `url` "" gives a news.example URL, None none."""
    ids = sorted({t.a_id for t in tieups if t.a_id} | {t.b_id for t in tieups if t.b_id})
    body = paragraphs or [t.evidence for t in tieups] or ["Nothing."]
    return Extraction(
        article=Article(
            id=article_id,
            origin=f"{article_id}.txt",
            paragraphs=[*body, "Second paragraph."],
            title=title or f"Title of {article_id}",
            url=f"https://news.example/{article_id}" if url == "" else url,
            date=date,
            date_source="text",
            lang="fr",
            comments=comments if comments is not None
            else [Comment(n=1, text="Intéressant !", author="Paul", sentiment="positive")],
            comments_announced=3,
        ),
        entities=[Entity(id=i, name=NAMES[i], in_kb=True, mentions=[NAMES[i]]) for i in ids],
        tieups=list(tieups),
        roles=[Role(person="Luca de Meo", role="PDG", org="Renault Group",
                    org_id="renault-group")],
    )


def xss_extraction() -> Extraction:
    """An article whose text, title, evidence, names and comments carry script."""
    evil = f"Nissan {XSS_SCRIPT} and Dongfeng {XSS_ATTR} agreed."
    return extraction(
        "xss",
        tieup("nissan", "dongfeng", Status.AGREED, evidence=evil),
        tieup(f"Evil {XSS_SCRIPT}", f"Corp {XSS_ATTR}", Status.RUMORED, evidence=evil),
        paragraphs=[f"Intro {XSS_ATTR} here. {evil} After {XSS_SCRIPT}."],
        title=f"Title {XSS_SCRIPT}",
        url=f"javascript:alert(1)//{XSS_ATTR}",
        comments=[Comment(n=1, text=f"Reader says {XSS_SCRIPT}", author=XSS_ATTR)],
        date="2024-02-02",
    )


def fill(store: Store) -> Store:
    """The map the web tests read: Renault with partners at three statuses."""
    store.save(extraction("rumor", tieup("renault-group", "xiaomi", Status.RUMORED,
                                         evidence="Renault could team up with Xiaomi."),
                          date="2024-01-10", url="https://rumours.example/rumor"),
               source="rumor.txt")
    store.save(extraction("talks", tieup("renault-group", "xiaomi", Status.TALKS,
                                         evidence=XIAOMI_EVIDENCE),
                          tieup("geely", "renault-group", Status.AGREED,
                                kind=Kind.JOINT_VENTURE,
                                evidence="Renault and Geely signed a joint venture."),
                          date="2024-04-26"), source="talks.txt")
    store.save(extraction("ended", tieup("dongfeng", "renault-group", Status.ENDED,
                                         kind=Kind.ALLIANCE,
                                         evidence="Renault and Dongfeng ended their venture."),
                          date="2023-11-02", url=None), source="seeds/ended.txt")
    store.save(xss_extraction(), source="xss.txt")
    return store
