"""The ingest loop: sources -> pipeline -> store, one article at a time.

This is the boundary where per-article problems are caught: an input that
cannot be read, cleaned or understood is reported (origin and reason) and
skipped, and the run goes on. Each article is saved in its own transaction
and saving is idempotent, so a run killed at any point and started again
ends with the same database as an uninterrupted run.

A database failure (StoreError) is not an article's problem: it stops the run.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from tieup.errors import InputError
from tieup.models import Document, Extraction

if TYPE_CHECKING:
    from tieup.pipeline import Pipeline
    from tieup.store import Store

log = logging.getLogger(__name__)

Reader = Callable[[str], Iterable[Document | InputError]]
#: What turns the input stream into (document, extraction or problem) pairs, in
#: input order: the local pipeline by default, a Dask cluster with
#: `tieup.distributed.dask_results`.
Results = Callable[
    [Iterable[Document | InputError]], Iterable[tuple[Document | None, Extraction | InputError]]
]


@dataclass(frozen=True, slots=True)
class Problem:
    """An input that was skipped, and why."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(slots=True)
class IngestReport:
    read: int = 0  # inputs seen, readable or not
    stored: int = 0  # articles written (new or changed)
    unchanged: int = 0  # articles already stored as they are
    skipped: list[Problem] = field(default_factory=list)
    stopped: bool = False  # strict mode stopped at the first problem
    absorbed: int = 0  # provisional organisations moved to their new KB entry

    @property
    def ok(self) -> bool:
        return not self.skipped

    def summary(self) -> str:
        line = (
            f"read {self.read}, stored {self.stored}, unchanged {self.unchanged}, "
            f"skipped {len(self.skipped)}"
        )
        if self.absorbed:
            line += f", {self.absorbed} provisional organisation(s) joined their KB entry"
        return line + (" (stopped at the first problem: --strict)" if self.stopped else "")


def _read_all(targets: list[str], reader: Reader) -> Iterator[Document | InputError]:
    for target in targets:
        yield from reader(target)


def _default_reader(target: str) -> Iterable[Document | InputError]:
    from tieup.sources import iter_documents

    return iter_documents(target)


def _results(
    items: Iterable[Document | InputError], pipeline: Pipeline, *, workers: int
) -> Iterator[tuple[Document | None, Extraction | InputError]]:
    """(document, extraction or problem) for each input, in input order."""
    if workers > 1:
        # extract_stream gives one result per input, in order: pair them up again.
        pending: deque[Document | None] = deque()

        def remember() -> Iterator[Document | InputError]:
            for item in items:
                pending.append(item if isinstance(item, Document) else None)
                yield item

        for result in pipeline.extract_stream(remember(), workers=workers):
            yield pending.popleft(), result
        return
    for item in items:
        if isinstance(item, InputError):
            yield None, item
            continue
        try:
            yield item, pipeline.extract(item)
        except InputError as e:
            yield item, e
        except Exception as e:  # the per-article boundary: report, log, go on
            log.exception("ingest: %s failed", item.origin)
            yield item, InputError(item.origin, f"internal error: {type(e).__name__}: {e}")


def ingest(
    targets: list[str],
    *,
    store: Store,
    pipeline: Pipeline,
    strict: bool = False,
    workers: int = 1,
    on_problem: Callable[[Problem], None] | None = None,
    reader: Reader | None = None,
    results: Results | None = None,
    on_progress: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Read every target (file, directory, URL), extract, and save each article.

    Problems go to `on_problem` as they happen and into the report; with
    `strict=True` the run stops at the first one. `reader` defaults to
    `tieup.sources.iter_documents`. `results` replaces the extraction by
    `pipeline` (e.g. a Dask cluster's, `tieup.distributed.dask_results`);
    `on_progress` sees the report after each input.
    """
    report = IngestReport()
    # names the KB has learnt since they were stored join their KB entry
    report.absorbed = len(store.absorb(pipeline.kb))
    items = _read_all(targets, reader or _default_reader)
    if results is None:
        results = partial(_results, pipeline=pipeline, workers=workers)
    for document, result in results(items):
        report.read += 1
        if on_progress is not None:
            on_progress(report)
        if isinstance(result, InputError):
            problem = Problem(result.origin, result.reason)
            report.skipped.append(problem)
            log.info("ingest: skipped %s", problem)
            if on_problem is not None:
                on_problem(problem)
            if strict:
                report.stopped = True
                break
            continue
        changed = store.save(
            result,
            source=result.article.origin,
            fetched_at=document.fetched_at if document is not None else None,
        )
        if changed:
            report.stored += 1
        else:
            report.unchanged += 1
    log.info("ingest: %s", report.summary())
    return report
