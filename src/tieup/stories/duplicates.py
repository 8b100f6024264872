"""Exact and near-duplicate articles, and syndicated copies, collapse into one.

- Exact: the same body once case, punctuation and spacing are set aside.
- Near: MinHash signatures of word 5-shingles (datasketch), candidates from
  LSH, kept when the estimated Jaccard similarity reaches `NEAR_THRESHOLD`.

A syndicated copy (the same text under another URL or outlet) is a near or
exact duplicate too. Each group keeps its first article (oldest, then lowest
id) as the one that counts, and every copy as a source.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from dataclasses import dataclass, field

from datasketch import MinHash, MinHashLSH

from tieup.stories.records import Record, record_order

logger = logging.getLogger(__name__)

NEAR_THRESHOLD = 0.8  # estimated Jaccard of word 5-shingles
SHINGLE = 5
NUM_PERM = 128
SEED = 1  # fixed: the same texts always give the same signatures

_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Copies:
    """An article and its duplicates; `first` is the one that counts."""

    first: Record
    copies: list[Record] = field(default_factory=list)  # the others, oldest first

    @property
    def records(self) -> list[Record]:
        return [self.first, *self.copies]


def words(text: str) -> list[str]:
    """Case-folded, accent-free words."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    return _WORD.findall(folded)


def body_hash(text: str) -> str:
    """The hash two exact copies share (punctuation, case and spacing set aside)."""
    return hashlib.sha256(" ".join(words(text)).encode("utf-8")).hexdigest()


def shingles(text: str, *, size: int = SHINGLE) -> set[str]:
    tokens = words(text)
    if len(tokens) <= size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def signature(text: str) -> MinHash:
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
    minhash.update_batch([s.encode("utf-8") for s in sorted(shingles(text))])
    return minhash


def collapse(records: list[Record], *, threshold: float = NEAR_THRESHOLD) -> list[Copies]:
    """Group exact and near-duplicate records; groups in the order of their first record."""
    parent = {r.id: r.id for r in records}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x: str, y: str) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)

    by_hash: dict[str, str] = {}
    for record in records:
        if not record.body.strip():
            continue
        digest = body_hash(record.body)
        if digest in by_hash:
            union(by_hash[digest], record.id)
        else:
            by_hash[digest] = record.id

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    signatures: dict[str, MinHash] = {}
    for record in records:
        if not record.body.strip() or record.id != by_hash.get(body_hash(record.body)):
            continue  # empty, or an exact copy already grouped
        sig = signature(record.body)
        for other in lsh.query(sig):
            if sig.jaccard(signatures[other]) >= threshold:
                union(other, record.id)
        lsh.insert(record.id, sig)
        signatures[record.id] = sig

    groups: dict[str, list[Record]] = {}
    for record in records:
        groups.setdefault(find(record.id), []).append(record)
    result = []
    for members in groups.values():
        members.sort(key=record_order)
        result.append(Copies(first=members[0], copies=members[1:]))
    result.sort(key=lambda g: record_order(g.first))
    n_copies = sum(len(g.copies) for g in result)
    if n_copies:
        logger.info("stories: %d duplicate copies collapsed into %d articles", n_copies,
                    sum(1 for g in result if g.copies))
    return result
