"""Throughput of tieup's extract against plain spaCy, over the same texts in one run.

1. read the corpus (JSON Lines: `id`, `text`, optional `lang`) once to count
   articles and words per language (not timed);
2. load tieup's `Pipeline`, warm it up on the first records (not timed), and
   time its `extract_stream` (clean, read, link, relate) over the corpus,
   streamed from the file; read the peak RSS (process and worker processes);
3. load the plain spaCy model per language (`spacy.load(MODELS[lang])`, every
   component), warm it up, and time its `nlp.pipe` over the same texts;
4. when gold records are given (records with `tieups`), the pair F1 of the
   fast and the slow path (`Pipeline(fast=False)`), not timed.
"""

from __future__ import annotations

import json
import logging
import resource
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from tieup.errors import InputError
from tieup.models import Document

log = logging.getLogger(__name__)

WARMUP = 8  # records run through each side before timing


@dataclass(slots=True)
class Timing:
    articles: int
    words: int
    seconds: float

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, float]:
        return {
            "articles": self.articles,
            "words": self.words,
            "seconds": round(self.seconds, 3),
            "articles_per_s": round(self.articles_per_s, 2),
            "words_per_s": round(self.words_per_s, 1),
        }


@dataclass(slots=True)
class BenchResult:
    corpus: str
    workers: int
    languages: dict[str, int]
    tieup: Timing
    spacy: Timing
    models: dict[str, str]
    peak_rss_mb: float  # tieup's: loading, warm-up and the timed run
    peak_rss_all_mb: float = 0.0  # the whole bench, plain spaCy models included
    skipped: int = 0
    f1: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        """tieup's articles/s over plain spaCy's (0 when the baseline was not run)."""
        return self.tieup.articles_per_s / self.spacy.articles_per_s if self.spacy.articles else 0.0

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["tieup"] = self.tieup.to_dict()
        out["spacy"] = self.spacy.to_dict()
        out["ratio"] = round(self.ratio, 2)
        return out


def read_records(path: Path | str, *, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """The corpus's records with a text, streamed, at most `limit`."""
    def records() -> Iterator[dict[str, Any]]:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    record = json.loads(line)
                    if record.get("text"):
                        yield record

    return islice(records(), limit)


def _lang(record: dict[str, Any]) -> str:
    from tieup.clean import detect_language

    return record.get("lang") or detect_language(record["text"]) or "fr"


def _document(i: int, record: dict[str, Any], lang: str) -> Document:
    return Document(origin=f"bench:{i}", id=str(record.get("id", i)), text=record["text"],
                    lang=lang, url=record.get("url"), date=record.get("date"),
                    title=record.get("title"))


def peak_rss_mb() -> float:
    """Peak resident memory of this process and of its finished children, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    scale = 1 if sys.platform == "darwin" else 1024  # Linux reports KB, macOS bytes
    return max(own, children) * scale / 1e6


def pair_f1(records: list[dict[str, Any]], *, kb: list[Path] | None = None) -> dict[str, Any]:
    """Pair F1 (and strict and role F1) of the fast and the slow path on gold records."""
    from tieup.evaluate import score
    from tieup.pipeline import Pipeline

    out: dict[str, Any] = {"records": len(records)}
    docs = [_document(i, r, _lang(r)) for i, r in enumerate(records)]
    for name, fast in (("fast", True), ("slow", False)):
        pipeline = Pipeline(kb, fast=fast)
        preds = {
            x.article.id: x.to_contract()
            for x in pipeline.extract_stream(docs)
            if not isinstance(x, InputError)
        }
        figures, _ = score(records, preds)
        out[name] = {"pair_f1": figures["pair_f1"], "strict_f1": figures["strict_f1"],
                     "role_f1": figures["role_f1"]}
    out["difference"] = round(out["fast"]["pair_f1"] - out["slow"]["pair_f1"], 3)
    return out


def run_bench(
    corpus: Path | str,
    *,
    limit: int | None = None,
    workers: int = 1,
    kb: list[Path] | None = None,
    gold: list[Path] | None = None,
    fast: bool = True,
    baseline: bool = True,
) -> BenchResult:
    """Time tieup's extract and plain spaCy over the same texts (see the module docstring)."""
    import spacy

    from tieup.evaluate import read_jsonl
    from tieup.nlp import prefilter
    from tieup.nlp.registry import MODELS, get_pipeline
    from tieup.pipeline import Pipeline

    langs: list[str] = []
    words = 0
    gold_records: list[dict[str, Any]] = []
    for record in read_records(corpus, limit=limit):
        langs.append(_lang(record))
        words += len(record["text"].split())
        if "tieups" in record:
            gold_records.append(record)
    for path in gold or []:
        gold_records.extend(read_jsonl(path))
    if not langs:
        raise InputError(str(corpus), "no record with a text")
    counts = Counter(langs)
    log.info("bench: %d articles, %s", len(langs), dict(counts))

    def documents(n: int | None) -> Iterator[Document]:
        records = read_records(corpus, limit=limit)
        for i, (record, lang) in enumerate(zip(islice(records, n), langs, strict=False)):
            yield _document(i, record, lang)

    pipeline = Pipeline(kb, fast=fast)
    for lang in counts:
        get_pipeline(lang, pipeline.kb)
    for _ in pipeline.extract_stream(documents(WARMUP)):  # warm-up, not timed
        pass
    skipped = 0
    start = time.perf_counter()
    for result in pipeline.extract_stream(documents(None), workers=workers):
        skipped += isinstance(result, InputError)
    tieup = Timing(len(langs), words, time.perf_counter() - start)
    rss = peak_rss_mb()  # before the plain models are loaded: tieup's own peak

    plain = {lang: spacy.load(MODELS[lang]) for lang in counts} if baseline else {}
    for lang, nlp in plain.items():  # warm-up, not timed
        texts = [d.text or "" for d in documents(WARMUP) if d.lang == lang]
        for _ in nlp.pipe(texts or ["Bonjour."]):
            pass
    start = time.perf_counter()
    done = 0
    for lang, nlp in plain.items():
        texts = (d.text or "" for d in documents(None) if d.lang == lang)
        # The batch size of tieup's costly pass: spaCy's default (1000 texts
        # for fr_core_news_md) needs GBs of memory and is no faster.
        for _ in nlp.pipe(texts, n_process=max(workers, 1), batch_size=prefilter.BATCH_SIZE):
            done += 1
    plain_timing = Timing(done, words if done else 0, time.perf_counter() - start)
    rss_all = peak_rss_mb()

    f1 = pair_f1(gold_records, kb=kb) if gold_records else {}
    return BenchResult(
        corpus=str(corpus),
        workers=workers,
        languages=dict(counts),
        tieup=tieup,
        spacy=plain_timing,
        models={lang: MODELS[lang] for lang in counts},
        peak_rss_mb=round(rss, 1),
        peak_rss_all_mb=round(rss_all, 1),
        skipped=skipped,
        f1=f1,
    )
