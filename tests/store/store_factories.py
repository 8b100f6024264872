"""Hand-made extractions for the store tests."""

from __future__ import annotations

from tieup.models import Article, Comment, Entity, Extraction, Kind, Role, Status, TieUp

NAMES = {"renault-group": "Renault Group", "xiaomi": "Xiaomi", "geely": "Geely",
         "dongfeng": "Dongfeng"}


def tieup(a: str, b: str, status: Status = Status.TALKS, *, kind: Kind = Kind.MEETING,
          confidence: float = 0.8, evidence: str | None = None) -> TieUp:
    return TieUp(
        a=NAMES.get(a, a), b=NAMES.get(b, b), status=status, kind=kind,
        evidence=evidence or f"{NAMES.get(a, a)} and {NAMES.get(b, b)} work together.",
        confidence=confidence, a_id=a if a in NAMES else None, b_id=b if b in NAMES else None,
    )


def extraction(article_id: str, *tieups: TieUp, date: str | None = "2024-04-26",
               body: str = "Renault et Xiaomi se sont rencontrés.") -> Extraction:
    ids = sorted({t.a_id for t in tieups if t.a_id} | {t.b_id for t in tieups if t.b_id})
    return Extraction(
        article=Article(
            id=article_id,
            origin=f"{article_id}.txt",
            paragraphs=[body, "Second paragraph."],
            title=f"Title of {article_id}",
            url=f"https://news.example/{article_id}",
            date=date,
            date_source="text",
            lang="fr",
            comments=[Comment(n=1, text="Intéressant !", author="Paul", question=False)],
            comments_announced=3,
            boilerplate=["À lire aussi"],
        ),
        entities=[Entity(id=i, name=NAMES[i], in_kb=True, mentions=[NAMES[i]]) for i in ids],
        tieups=list(tieups),
        roles=[Role(person="Luca de Meo", role="PDG", org="Renault Group",
                    org_id="renault-group")],
    )
