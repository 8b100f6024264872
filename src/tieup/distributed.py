"""Ingest on a Dask cluster: the per-article function mapped over shards.

1. the client reads the inputs (`tieup.sources`) and cuts the stream into
   shards of `shard_size` documents;
2. each shard is a task, `extract_shard`, run on a worker: the worker builds
   its `Pipeline` once (cached per worker process) and returns, for each
   document, an `Extraction` or the `Problem` that stopped it (plain
   dataclasses: they pickle);
3. the client keeps at most `window` shards in flight, takes their results
   back in input order and writes them to the store itself, exactly as a
   local ingest does (`tieup.ingest.ingest`), so a run stays idempotent and
   resumable.

Workers need the same tieup version and the same KB files (same paths) as the
client; only the client talks to the database.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING, Any

from tieup.errors import InputError, TieupError
from tieup.ingest import Problem
from tieup.models import Document, Extraction

if TYPE_CHECKING:
    from distributed import Client

    from tieup.pipeline import Pipeline

log = logging.getLogger(__name__)

SHARD_SIZE = 16  # documents per task
LOCAL = "local"  # the address that starts a LocalCluster on this machine


class ClusterError(TieupError):
    """The Dask cluster could not be reached or started."""


@lru_cache(maxsize=2)
def worker_pipeline(kb_paths: tuple[str, ...], fast: bool) -> Pipeline:
    """The worker process's Pipeline, built on its first shard."""
    from tieup.pipeline import Pipeline

    log.info("worker: loading the pipeline (kb %s)", kb_paths or "built-in")
    return Pipeline(list(kb_paths) or None, fast=fast)


def extract_shard(
    documents: list[Document | Problem], kb_paths: tuple[str, ...] = (), fast: bool = True
) -> list[Extraction | Problem]:
    """The task: one result per document, in order; problems as `Problem`s.

    (An `InputError` does not pickle, a `Problem` does.)
    """
    pipeline = worker_pipeline(kb_paths, fast)
    stream = [d if isinstance(d, Document) else InputError(d.origin, d.reason) for d in documents]
    try:  # the whole shard through spaCy's pipe
        return [
            Problem(r.origin, r.reason) if isinstance(r, InputError) else r
            for r in pipeline.extract_stream(stream)
        ]
    except Exception:  # a bug on one article: redo the shard one article at a time
        log.exception("worker: a shard failed; extracting its articles one by one")
    out: list[Extraction | Problem] = []
    for item in documents:
        if isinstance(item, Problem):
            out.append(item)
            continue
        try:
            out.append(pipeline.extract(item))
        except InputError as e:
            out.append(Problem(e.origin, e.reason))
        except Exception as e:  # the per-article boundary, as in tieup.ingest
            log.exception("worker: %s failed", item.origin)
            out.append(Problem(item.origin, f"internal error: {type(e).__name__}: {e}"))
    return out


@contextmanager
def connect(address: str, *, workers: int = 2, timeout: str = "20s") -> Iterator[Client]:
    """A client for the scheduler at `address`, or for a new LocalCluster with `local`."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:  # pragma: no cover - a dependency
        raise ClusterError("dask.distributed is not installed (pip install distributed)") from e
    try:
        if address == LOCAL:
            with LocalCluster(n_workers=max(workers, 1), threads_per_worker=1,
                              processes=True) as cluster, Client(cluster) as client:
                yield client
            return
        client = Client(address, timeout=timeout)
    except (OSError, TimeoutError) as e:
        raise ClusterError(
            f"cannot reach the Dask scheduler at {address} ({e}); start one with "
            "`dask scheduler` and workers with `dask worker ADDRESS`, or use --dask local"
        ) from e
    with client:
        yield client


def dask_results(
    items: Iterable[Document | InputError],
    client: Client,
    *,
    kb_paths: Iterable[str] = (),
    fast: bool = True,
    shard_size: int = SHARD_SIZE,
    window: int | None = None,
) -> Iterator[tuple[Document | None, Extraction | InputError]]:
    """(document, extraction or problem) for each input, in input order, computed on `client`.

    The same contract as the local ingest's results, so `tieup.ingest.ingest`
    stores them the same way.
    """
    kb = tuple(str(p) for p in kb_paths)
    if window is None:
        window = 2 * max(len(client.scheduler_info().get("workers", {})), 1)
    pending: deque[tuple[list[Document | None], Any]] = deque()
    stream = iter(items)

    def submit() -> bool:
        shard = list(islice(stream, shard_size))
        if not shard:
            return False
        docs = [d if isinstance(d, Document) else None for d in shard]
        payload = [d if isinstance(d, Document) else Problem(d.origin, d.reason) for d in shard]
        pending.append((docs, client.submit(extract_shard, payload, kb, fast, pure=False)))
        return True

    while len(pending) < window and submit():
        pass
    while pending:
        docs, future = pending.popleft()
        results = future.result()
        submit()
        for document, result in zip(docs, results, strict=True):
            if isinstance(result, Problem):
                yield document, InputError(result.origin, result.reason)
            else:
                yield document, result
