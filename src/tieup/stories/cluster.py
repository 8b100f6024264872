"""Articles about the same event, grouped: shared pairs and entities, a time window, text.

Two articles (each standing for its group of duplicate copies) are compared
only when their dates are at most `WINDOW_DAYS` apart (a partial date such as
``2024-04`` covers its whole month; an undated article is compared with all).
Their similarity is a weighted sum of

- text: cosine of TF-IDF vectors of their title and body words (title words
  count twice; short and very common words are dropped),
- names: cosine of IDF-weighted sets of name tokens: the words of the
  entities the article names (KB ids, provisional ``new:``/``person:`` ids
  split into words, so "Norvia" and "Norvia Motors" share one), capitalised
  words of its title and body, and its figures ("38 000" and "38,000" alike).
  These carry across languages and survive an entity the NER missed or typed
  wrong; a rare name says more than one seen everywhere,
- pairs: the share of the tie-ups of the article with fewer that the other
  also reports.

Groups are then merged by average-linkage agglomerative clustering: two
clusters join when the mean similarity over all their cross pairs (pairs out
of the time window count 0) reaches `THRESHOLD`. Average linkage, unlike
single linkage, does not chain a week of news about one company into one
story.
"""

from __future__ import annotations

import heapq
import logging
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from tieup.stories.duplicates import Copies, words
from tieup.stories.records import Record

logger = logging.getLogger(__name__)

WINDOW_DAYS = 7
W_TEXT = 0.5
W_NAMES = 0.3
W_PAIRS = 0.2
THRESHOLD = 0.15
MIN_WORD = 4  # shorter words are mostly function words

# Frequent function words of French and English that are four letters or more.
_STOP_WORDS_TEXT = """
    avec avoir cette ceux dans depuis donc elle elles encore entre etre fait faire leur leurs
    mais meme mois nous plus pour quand quel quelle sans selon sera seront sont sous tous tout
    toute toutes tres vous alors aussi autre autres apres avant deux trois comme dont ainsi
    about after also been before being between both could from have into more most other over
    such than that their them then there these they this those through were what when where
    which while will with would year years said says week monday tuesday wednesday thursday
    friday lundi mardi mercredi jeudi vendredi samedi dimanche annee semaine
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())


@dataclass(slots=True)
class Features:
    """What is compared: text vector, weighted entities, pairs, days."""

    vector: dict[str, float]
    norm: float
    entities: set[str]  # name tokens
    pairs: set[tuple[str, str]]
    days: tuple[int, int] | None  # ordinal day range


def tokens(record: Record) -> list[str]:
    title = [w for w in words(record.title or "") if _content(w)]
    body = [w for w in words(record.body) if _content(w)]
    return title * 2 + body


def _content(word: str) -> bool:
    return len(word) >= MIN_WORD and not word.isdigit() and word not in STOP_WORDS


_CAPITALISED = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\w'’-]*")
_FIGURE = re.compile(r"\d[\d  ,.]*\d|\d")


def names(record: Record) -> set[str]:
    """Name tokens: entity ids' words, capitalised words, figures (see the module doc)."""
    found: set[str] = set()
    for entity_id in record.entities:
        found.update(w for w in words(entity_id.split(":", 1)[-1].replace("-", " ")) if len(w) > 2)
    for text in (record.title or "", record.body):
        for match in _CAPITALISED.finditer(text):
            found.update(w for w in words(match.group(0)) if len(w) > 2 and w not in STOP_WORDS)
        for match in _FIGURE.finditer(text):
            digits = re.sub(r"\D", "", match.group(0))
            if len(digits) >= 2:
                found.add("#" + digits)
    return found


def features(groups: Sequence[Copies]) -> tuple[list[Features], dict[str, float]]:
    """Each group's features, and the name tokens' IDF weights."""
    n = len(groups)
    counts = [Counter(tokens(g.first)) for g in groups]
    name_sets = [names(g.first) for g in groups]
    df: Counter[str] = Counter()
    entity_df: Counter[str] = Counter()
    for c, found in zip(counts, name_sets, strict=True):
        df.update(c.keys())
        entity_df.update(found)
    result = []
    for c, g, found in zip(counts, groups, name_sets, strict=True):
        vector = {
            w: (1 + math.log(tf)) * (1 + math.log((n + 1) / (df[w] + 1))) for w, tf in c.items()
        }
        days = g.first.days
        result.append(
            Features(
                vector=vector,
                norm=math.sqrt(sum(v * v for v in vector.values())) or 1.0,
                entities=found,
                pairs=set(g.first.pairs),
                days=(days[0].toordinal(), days[1].toordinal()) if days else None,
            )
        )
    entity_idf = {e: math.log((n + 1) / k) for e, k in entity_df.items()}
    return result, entity_idf


def gap_days(x: Features, y: Features) -> int:
    """Days between two articles' date ranges (0 when they overlap or one is undated)."""
    if x.days is None or y.days is None:
        return 0
    return max(0, max(x.days[0], y.days[0]) - min(x.days[1], y.days[1]))


def similarity(x: Features, y: Features, entity_idf: dict[str, float]) -> float:
    if gap_days(x, y) > WINDOW_DAYS:
        return 0.0
    small, large = (x.vector, y.vector) if len(x.vector) <= len(y.vector) else (y.vector, x.vector)
    dot = sum(v * large[w] for w, v in small.items() if w in large)
    text = dot / (x.norm * y.norm)
    entities = 0.0
    if x.entities and y.entities:
        shared = sum(entity_idf.get(e, 1.0) ** 2 for e in x.entities & y.entities)
        norm_x = math.sqrt(sum(entity_idf.get(e, 1.0) ** 2 for e in x.entities))
        norm_y = math.sqrt(sum(entity_idf.get(e, 1.0) ** 2 for e in y.entities))
        entities = shared / (norm_x * norm_y) if norm_x and norm_y else 0.0
    pairs = (
        len(x.pairs & y.pairs) / min(len(x.pairs), len(y.pairs)) if x.pairs and y.pairs else 0.0
    )
    return W_TEXT * text + W_NAMES * entities + W_PAIRS * pairs


def similarities(feats: Sequence[Features], entity_idf: dict[str, float]) -> dict[
    tuple[int, int], float
]:
    """Non-zero similarities of the pairs inside the time window (i < j)."""
    dated = sorted((f.days[0], f.days[1], i) for i, f in enumerate(feats) if f.days)
    undated = [i for i, f in enumerate(feats) if f.days is None]
    candidates: set[tuple[int, int]] = set()
    for k, (_, end, i) in enumerate(dated):
        for start2, _, j in dated[k + 1 :]:
            if start2 - end > WINDOW_DAYS:
                break  # sorted by start: no later one is in the window
            candidates.add((min(i, j), max(i, j)))
    for i in undated:
        candidates.update((min(i, j), max(i, j)) for j in range(len(feats)) if j != i)
    result = {}
    for i, j in sorted(candidates):
        s = similarity(feats[i], feats[j], entity_idf)
        if s > 0:
            result[(i, j)] = s
    return result


def cluster(groups: Sequence[Copies], *, threshold: float = THRESHOLD) -> list[list[int]]:
    """Indices of `groups`, clustered by average linkage; each cluster sorted."""
    n = len(groups)
    if n == 0:
        return []
    feats, entity_idf = features(groups)
    sims = similarities(feats, entity_idf)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    sums: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    for (i, j), s in sims.items():
        sums[i][j] = s
        sums[j][i] = s
    heap = [(-s, i, j) for (i, j), s in sims.items() if s >= threshold]
    heapq.heapify(heap)
    next_id = n
    while heap:
        neg, i, j = heapq.heappop(heap)
        if i not in members or j not in members:
            continue  # merged since
        k = next_id
        next_id += 1
        members[k] = members.pop(i) + members.pop(j)
        row_i, row_j = sums.pop(i), sums.pop(j)
        merged: dict[int, float] = {}
        for other in set(row_i) | set(row_j):
            if other in (i, j):
                continue
            total = row_i.get(other, 0.0) + row_j.get(other, 0.0)
            sums[other].pop(i, None)
            sums[other].pop(j, None)
            merged[other] = total
            sums[other][k] = total
            average = total / (len(members[k]) * len(members[other]))
            if average >= threshold:
                heapq.heappush(heap, (-average, min(k, other), max(k, other)))
        sums[k] = merged
        logger.debug("stories: merged clusters %d and %d (%.2f)", i, j, -neg)
    return sorted(sorted(m) for m in members.values())
