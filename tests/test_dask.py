"""Ingest on a Dask LocalCluster (2 worker processes) leaves the same database as a plain one."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from databases import snapshot, wipe_postgres
from tieup import distributed
from tieup.distributed import ClusterError, connect, dask_results
from tieup.errors import InputError
from tieup.ingest import Problem, ingest
from tieup.models import Document
from tieup.pipeline import Pipeline
from tieup.store import Store

PG_URL = os.environ.get("TIEUP_TEST_PG_URL")

ARTICLES = [
    ("Renault et Geely", "Renault et Geely ont signé un accord pour produire ensemble des "
     "moteurs hybrides. Le PDG de Renault, Luca de Meo, a salué l'accord."),
    ("Stellantis and Leapmotor", "Stellantis and Leapmotor are in talks about a joint venture "
     "to build electric cars in Europe, the companies said on Monday."),
    ("Toyota et BYD", "Selon la presse, Toyota pourrait s'associer avec BYD pour les batteries."),
    ("Nissan and Honda", "Nissan and Honda ended their merger talks in February."),
    ("Volkswagen et Xpeng", "Volkswagen et Xpeng développent ensemble deux modèles électriques "
     "pour la Chine, dans le cadre de leur partenariat."),
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("dask-articles")
    for i, (title, body) in enumerate(ARTICLES):
        (path / f"article-{i}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    (path / "empty.txt").write_text("", encoding="utf-8")  # a problem, reported in order
    return path


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    with connect("local", workers=2) as client:
        yield client


BACKENDS = [
    "sqlite",
    pytest.param("postgresql", marks=[
        pytest.mark.postgres,
        pytest.mark.skipif(not PG_URL, reason="TIEUP_TEST_PG_URL is not set"),
    ]),
]


@pytest.mark.parametrize("backend", BACKENDS)
def test_dask_ingest_equals_plain_ingest(
    backend: str, folder: Path, client: object, pipeline: Pipeline, tmp_path: Path
) -> None:
    plain_url = f"sqlite:///{tmp_path / 'plain.db'}"
    with Store.open(plain_url) as store:
        plain = ingest([str(folder)], store=store, pipeline=pipeline)
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'dask.db'}"
    else:
        assert PG_URL is not None
        wipe_postgres(PG_URL)
        url = PG_URL
    problems = []
    with Store.open(url) as store:
        report = ingest(
            [str(folder)], store=store, pipeline=pipeline, on_problem=problems.append,
            results=lambda items: dask_results(items, client, shard_size=2),
        )
    assert (report.read, report.stored, len(report.skipped)) == (6, 5, 1)
    assert report.skipped == plain.skipped
    assert [p.origin for p in problems] == [str(folder / "empty.txt")]
    assert snapshot(url) == snapshot(plain_url)
    assert len(snapshot(url)["tieups"]) >= 4
    # again: nothing changes (idempotent, so a killed run can simply be restarted)
    with Store.open(url) as store:
        again = ingest([str(folder)], store=store, pipeline=pipeline,
                       results=lambda items: dask_results(items, client, shard_size=4))
    assert (again.stored, again.unchanged) == (0, 5)


def test_dask_unreachable_scheduler_is_a_cluster_error() -> None:
    with pytest.raises(ClusterError, match="dask scheduler"):  # noqa: SIM117 (the raise is in enter)
        with connect("tcp://127.0.0.1:9", timeout="1s"):
            pass


class _BuggyPipeline:
    """extract_stream fails on the shard; extract fails on the "bug" document only."""

    def extract_stream(self, documents: object) -> list:
        raise ZeroDivisionError("division by zero")

    def extract(self, document: Document) -> str:
        if document.text == "bug":
            raise ZeroDivisionError("division by zero")
        if document.text == "bad":
            raise InputError(document.origin, "language 'de' is not supported")
        return f"extraction of {document.origin}"


def test_extract_shard_reports_a_bug_and_keeps_the_other_articles(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(distributed, "worker_pipeline", lambda kb, fast: _BuggyPipeline())
    shard = [Document(origin="a", text="ok"), Document(origin="b", text="bug"),
             Problem("c", "empty file"), Document(origin="d", text="bad")]
    results = distributed.extract_shard(shard)  # type: ignore[arg-type]
    assert results[0] == "extraction of a"
    assert isinstance(results[1], Problem) and "ZeroDivisionError" in results[1].reason
    assert results[2] == Problem("c", "empty file")
    assert results[3] == Problem("d", "language 'de' is not supported")
