"""Load test of `GET /api/tieups?org=...` on loopback (not a timed test).

Builds a SQLite database of synthetic tie-ups written through `Store.save`
(no NLP), starts `tieup serve` on 127.0.0.1 with a free port, fires a bounded
number of requests one after the other with httpx and prints the median and
95th-percentile latency, overall and for the busiest organisation.

    .venv/bin/python scripts/load_api.py                  # 10,000 tie-ups, 500 requests
    .venv/bin/python scripts/load_api.py --tieups 20000 --requests 1000 --keep /tmp/load.db
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from tieup.models import Article, Entity, Extraction, Kind, Status, TieUp
from tieup.store import Store

STATUSES = list(Status)
KINDS = list(Kind)


def org_name(i: int) -> str:
    return f"Company {i:04d} Holdings"


def org_id(i: int) -> str:
    return f"company-{i:04d}"


def build(url: str, *, tieups: int, orgs: int, per_article: int, seed: int) -> int:
    """Write `tieups` synthetic tie-ups (`per_article` per article); returns how many.

    Organisation 0 is a hub, in a fifth of all tie-ups (a Renault-like case).
    """
    rng = random.Random(seed)
    written = 0
    with Store.open(url) as store:
        n_articles = -(-tieups // per_article)
        for n in range(n_articles):
            pairs: list[tuple[int, int]] = []
            while len(pairs) < min(per_article, tieups - written):
                a = 0 if rng.random() < 0.2 else rng.randrange(1, orgs)
                b = rng.randrange(1, orgs)
                if a != b and (a, b) not in pairs and (b, a) not in pairs:
                    pairs.append((a, b))
            items = [
                TieUp(
                    a=org_name(a),
                    b=org_name(b),
                    status=rng.choice(STATUSES),
                    kind=rng.choice(KINDS),
                    evidence=f"{org_name(a)} and {org_name(b)} work together on item {n}.",
                    confidence=round(rng.uniform(0.3, 1.0), 2),
                    a_id=org_id(a),
                    b_id=org_id(b),
                )
                for a, b in pairs
            ]
            ids = sorted({i for pair in pairs for i in pair})
            day = f"20{rng.randrange(18, 26)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
            extraction = Extraction(
                article=Article(
                    id=f"load-{n:06d}",
                    origin=f"load-{n:06d}.txt",
                    paragraphs=[t.evidence for t in items],
                    title=f"Synthetic article {n}",
                    url=f"https://outlet{n % 40}.example/{n}",
                    date=day,
                    lang="en",
                ),
                entities=[Entity(id=org_id(i), name=org_name(i), in_kb=False) for i in ids],
                tieups=items,
                roles=[],
            )
            store.save(extraction, source=f"load-{n:06d}.txt")
            written += len(items)
        counts = store.counts()
    print(f"database: {counts['tieups']} tie-ups, {counts['articles']} articles, "
          f"{counts['pairs']} pairs, {counts['entities']} organisations")
    return written


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(url: str, port: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-c", "from tieup.cli import main; main()", "serve",
               "--db", url, "--host", "127.0.0.1", "--port", str(port)]
    env = {k: v for k, v in os.environ.items() if k != "TIEUP_TOKEN"}  # read-only
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=1)
            return server
        except httpx.TransportError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("load_api: the server did not start within 30 s")


def measure(client: httpx.Client, names: list[str]) -> list[float]:
    """Milliseconds per request, one request after the other."""
    out = []
    for name in names:
        start = time.perf_counter()
        response = client.get("/api/tieups", params={"org": name})
        out.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"load_api: {name}: HTTP {response.status_code} {response.text}")
    return out


def report(label: str, latencies: list[float]) -> None:
    ordered = sorted(latencies)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    print(f"{label}: {len(ordered)} requests, median {statistics.median(ordered):.1f} ms, "
          f"p95 {p95:.1f} ms, max {ordered[-1]:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tieups", type=int, default=10_000)
    parser.add_argument("--orgs", type=int, default=300)
    parser.add_argument("--per-article", type=int, default=4)
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="Database file to keep (else a temp file).")
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="tieup-load-")
    path = args.keep or Path(workdir) / "load.db"
    url = f"sqlite:///{path}"
    if not path.exists():
        start = time.perf_counter()
        build(url, tieups=args.tieups, orgs=args.orgs, per_article=args.per_article,
              seed=args.seed)
        print(f"built {path} in {time.perf_counter() - start:.1f} s")
    port = free_port()
    server = start_server(url, port)
    try:
        rng = random.Random(args.seed)
        names = [org_name(rng.randrange(args.orgs)) for _ in range(args.requests)]
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            [cold] = measure(client, names[:1])
            print(f"first request: {cold:.0f} ms (counts every pair's outlets once, cached "
                  "until the database changes)")
            measure(client, names[1:20])  # warm-up
            report("GET /api/tieups?org=<random org>", measure(client, names))
            hub = [org_name(0)] * max(1, args.requests // 5)
            report(f"GET /api/tieups?org={org_name(0)} (hub)", measure(client, hub))
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
