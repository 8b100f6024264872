"""The ingest loop: counts, problems reported and skipped, strict mode, resumability."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path

import pytest
from sqlalchemy import select

from databases import snapshot
from tieup.errors import InputError
from tieup.ingest import IngestReport, Problem, ingest
from tieup.models import Article, Document, Extraction, Kind, Status, TieUp
from tieup.store import Store
from tieup.store import schema as store_schema


class FakePipeline:
    """Turns "A+B" documents into one tie-up; "bad" raises InputError, "bug" a bug."""

    kb = None  # no knowledge base: nothing to absorb

    def extract(self, document: Document) -> Extraction:
        text = document.text or ""
        if text == "bad":
            raise InputError(document.origin, "language 'de' is not supported")
        if text == "bug":
            raise ZeroDivisionError("division by zero")
        a, b = text.split("+")
        return Extraction(
            article=Article(id=document.origin, origin=document.origin, paragraphs=[text]),
            entities=[],
            tieups=[TieUp(a=a, b=b, status=Status.TALKS, kind=Kind.MEETING,
                          evidence=text, confidence=0.5)],
            roles=[],
        )

    def extract_stream(self, documents: Iterable[Document | InputError], *, workers: int = 1):
        for item in documents:
            if isinstance(item, InputError):
                yield item
                continue
            try:
                yield self.extract(item)
            except InputError as e:
                yield e


def reader(target: str) -> list[Document | InputError]:
    """A target is a comma-separated list of texts; "!x" is an unreadable input."""
    out: list[Document | InputError] = []
    for i, text in enumerate(target.split(",")):
        origin = f"{target}:{i}"
        if text.startswith("!"):
            out.append(InputError(origin, "invalid UTF-8"))
        else:
            out.append(Document(origin=origin, text=text, fetched_at="2024-05-01T00:00:00"))
    return out


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(f"sqlite:///{tmp_path / 'ingest.db'}") as opened:
        yield opened


def test_ingest_counts_and_reports_problems(store: Store) -> None:
    seen: list[Problem] = []
    report = ingest(["Renault+Xiaomi,!x,bad", "Geely+Volvo"], store=store,
                    pipeline=FakePipeline(), reader=reader,  # type: ignore[arg-type]
                    on_problem=seen.append)
    assert (report.read, report.stored, report.unchanged) == (4, 2, 0)
    assert [str(p) for p in seen] == [
        "Renault+Xiaomi,!x,bad:1: invalid UTF-8",
        "Renault+Xiaomi,!x,bad:2: language 'de' is not supported",
    ]
    assert seen == report.skipped
    assert not report.ok
    assert store.counts()["articles"] == 2


def test_ingest_with_workers_streams_and_keeps_documents_paired(store: Store) -> None:
    report = ingest(["Renault+Xiaomi,!x,bad,Geely+Volvo"], store=store,
                    pipeline=FakePipeline(), reader=reader, workers=2)  # type: ignore[arg-type]
    assert (report.read, report.stored, len(report.skipped)) == (4, 2, 2)
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(store_schema.articles.c.id, store_schema.articles.c.fetched_at)
            .order_by(store_schema.articles.c.id)
        ).all()
    assert [tuple(r) for r in rows] == [
        ("Renault+Xiaomi,!x,bad,Geely+Volvo:0", "2024-05-01T00:00:00"),
        ("Renault+Xiaomi,!x,bad,Geely+Volvo:3", "2024-05-01T00:00:00"),
    ]


def test_ingest_sequential_reports_unexpected_errors(store: Store) -> None:
    report = ingest(["Geely+Volvo,bug"], store=store, pipeline=FakePipeline(),  # type: ignore[arg-type]
                    reader=reader)
    assert (report.read, report.stored) == (2, 1)
    [problem] = report.skipped
    assert problem.origin == "Geely+Volvo,bug:1"
    assert "ZeroDivisionError" in problem.reason


def test_ingest_again_is_unchanged(store: Store) -> None:
    targets = ["Renault+Xiaomi,Geely+Volvo"]
    first = ingest(targets, store=store, pipeline=FakePipeline(), reader=reader)  # type: ignore[arg-type]
    second = ingest(targets, store=store, pipeline=FakePipeline(), reader=reader)  # type: ignore[arg-type]
    assert (first.stored, first.unchanged) == (2, 0)
    assert (second.stored, second.unchanged) == (0, 2)
    assert second.ok
    with store.engine.connect() as conn:
        fetched = conn.execute(select(store_schema.articles.c.fetched_at)).scalars().all()
    assert fetched == ["2024-05-01T00:00:00"] * 2


def test_ingest_strict_stops_at_first_problem(store: Store) -> None:
    report = ingest(["Renault+Xiaomi,!x,Geely+Volvo"], store=store, pipeline=FakePipeline(),  # type: ignore[arg-type]
                    reader=reader, strict=True)
    assert report.stopped
    assert (report.read, report.stored, len(report.skipped)) == (2, 1, 1)
    assert "stopped" in report.summary()
    assert store.counts()["articles"] == 1  # what was stored stays stored


def test_ingest_report_summary() -> None:
    report = IngestReport(read=3, stored=1, unchanged=1, skipped=[Problem("a.txt", "empty")])
    assert report.summary() == "read 3, stored 1, unchanged 1, skipped 1"


# -- kill and resume ------------------------------------------------------------

PAIRS = [("Renault", "Xiaomi"), ("Renault", "Geely"), ("Stellantis", "Leapmotor"),
         ("Volkswagen", "Xpeng"), ("BMW", "Toyota"), ("Nissan", "Honda")]
TEMPLATES = [
    "{a} et {b} ont signé un accord pour développer ensemble des voitures électriques. "
    "Les deux groupes partageront une plateforme technique, selon un communiqué publié "
    "mardi. L'accord doit être finalisé d'ici la fin de l'année.",
    "{a} and {b} are in talks about a joint venture to build batteries in Europe, "
    "the companies confirmed on Monday. Executives of both groups met in Paris last week "
    "to discuss the plan.",
    "Selon des sources proches du dossier, {a} pourrait s'associer avec {b} pour produire "
    "des moteurs. Aucune des deux entreprises n'a souhaité commenter ces informations.",
]


def _write_articles(folder: Path, n: int = 30) -> None:
    folder.mkdir()
    for i in range(n):
        a, b = PAIRS[i % len(PAIRS)]
        text = TEMPLATES[i % len(TEMPLATES)].format(a=a, b=b)
        title = f"{a} et {b} : article {i}" if i % 3 != 1 else f"{a} and {b}: story {i}"
        (folder / f"article-{i:02d}.txt").write_text(f"{title}\n\n{text}\n", encoding="utf-8")


def _tieup_command(*args: str) -> list[str]:
    script = Path(sys.executable).with_name("tieup")
    if script.exists():
        return [str(script), *args]
    return [sys.executable, "-c", "from tieup.cli import main; main()", *args]


def _stored(conn: sqlite3.Connection) -> int:
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def test_ingest_killed_and_rerun_gives_the_same_database(tmp_path: Path) -> None:
    pytest.importorskip("tieup.pipeline", reason="the pipeline has not landed yet")
    folder = tmp_path / "articles"
    _write_articles(folder)
    env = {**os.environ, "TIEUP_DB": ""}
    killed_db, whole_db = tmp_path / "killed.db", tmp_path / "whole.db"

    log = (tmp_path / "killed.log").open("wb")
    proc = subprocess.Popen(
        _tieup_command("ingest", str(folder), "--db", f"sqlite:///{killed_db}"),
        env=env, stdout=log, stderr=log,
    )
    try:
        while not killed_db.exists() and proc.poll() is None:
            time.sleep(0.02)
        watcher = sqlite3.connect(killed_db, timeout=60, isolation_level=None)
        while True:
            # Holding the write lock while we look: the ingest cannot store more
            # articles between our count and the kill.
            watcher.execute("BEGIN IMMEDIATE")
            stored = _stored(watcher)
            if stored >= 3 or proc.poll() is not None:
                break
            watcher.execute("ROLLBACK")
            time.sleep(0.01)
        assert proc.poll() is None, (
            "ingest ended before it could be killed: "
            + (tmp_path / "killed.log").read_text(errors="replace")
        )
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        watcher.execute("ROLLBACK")
        watcher.close()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        log.close()
    assert proc.returncode == -signal.SIGKILL
    assert 3 <= stored < 30

    resumed = subprocess.run(
        _tieup_command("ingest", str(folder), "--db", f"sqlite:///{killed_db}"),
        env=env, capture_output=True, text=True, timeout=600,
    )
    whole = subprocess.run(
        _tieup_command("ingest", str(folder), "--db", f"sqlite:///{whole_db}"),
        env=env, capture_output=True, text=True, timeout=600,
    )
    assert whole.returncode == resumed.returncode, whole.stderr + resumed.stderr
    assert f"unchanged {stored}" in resumed.stdout
    assert snapshot(f"sqlite:///{killed_db}") == snapshot(f"sqlite:///{whole_db}")
    assert len(snapshot(f"sqlite:///{whole_db}")["articles"]) == 30
