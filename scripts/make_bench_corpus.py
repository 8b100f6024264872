"""Write a benchmark corpus for `tieup bench`: N articles recombined from local texts.

The paragraphs come from the dev gold sets and the seed articles
(tests/data/dev-fr.jsonl, dev-en.jsonl, seeds.jsonl: news about tie-ups) and
from the benchmark pages in /work/shared/data (general news and magazine
pages: trafilatura-eval-fr's 26 French pages, read with trafilatura, and
article-extraction-benchmark's English article bodies). Each article keeps
the title of one tie-up article and draws its paragraphs from it and from the
general pages, so the corpus holds both the sentences tieup looks for and the
ordinary prose around them. Nothing is downloaded; the output goes outside git.

    .venv/bin/python scripts/make_bench_corpus.py -n 10000 --lang fr -o /tmp/bench-fr.jsonl
    .venv/bin/tieup bench /tmp/bench-fr.jsonl --gold tests/data/dev-fr.jsonl
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SHARED = Path("/work/shared/data")


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if len(p.strip()) > 40]


def tieup_articles(lang: str) -> list[tuple[str, list[str]]]:
    """(title, paragraphs) of the dev and seed articles in `lang`."""
    out = []
    for name in ("dev-fr.jsonl", "dev-en.jsonl", "seeds.jsonl"):
        with open(DATA / name, encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                if record.get("lang") != lang:
                    continue
                title, _, body = record["text"].partition("\n\n")
                if paragraphs(body):
                    out.append((title.strip(), paragraphs(body)))
    return out


def general_paragraphs(lang: str) -> list[str]:
    """Paragraphs of the benchmark pages in `lang` (none when the folder is missing)."""
    out: list[str] = []
    if lang == "fr":
        import trafilatura

        root = SHARED / "trafilatura-eval-fr"
        for page in sorted([*root.glob("cache/*.html"), *root.glob("eval/*.html")]):
            text = trafilatura.extract(page.read_text("utf-8", "replace")) or ""
            out += paragraphs(text.replace("\n", "\n\n"))
    else:
        truth = SHARED / "article-extraction-benchmark" / "ground-truth.json"
        if truth.exists():
            for item in json.loads(truth.read_text("utf-8")).values():
                out += paragraphs(item.get("articleBody", ""))
        else:
            for page in sorted((SHARED / "article-extraction-benchmark" / "html").glob("*.gz")):
                out += paragraphs(gzip.decompress(page.read_bytes()).decode("utf-8", "replace"))
    return out


def make(n: int, langs: list[str], seed: int) -> list[dict]:
    rng = random.Random(seed)
    pools = {lang: (tieup_articles(lang), general_paragraphs(lang)) for lang in langs}
    records = []
    for i in range(n):
        lang = langs[i % len(langs)]
        articles, general = pools[lang]
        title, own = rng.choice(articles)
        k = rng.randint(1, min(4, len(own)))
        start = rng.randrange(len(own) - k + 1)
        body = own[start : start + k]
        body += rng.sample(general, min(len(general), rng.randint(2, 8)))
        rng.shuffle(body)
        records.append({"id": f"bench-{lang}-{i:06d}", "lang": lang,
                        "text": "\n\n".join([title, *body])})
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=10_000, help="number of articles")
    parser.add_argument("--lang", choices=["fr", "en", "mixed"], default="fr")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--output", type=Path, default=None,
                        help="default: /tmp/tieup-bench-LANG-N.jsonl")
    args = parser.parse_args()
    langs = ["fr", "en"] if args.lang == "mixed" else [args.lang]
    out = args.output or Path(f"/tmp/tieup-bench-{args.lang}-{args.n}.jsonl")
    records = make(args.n, langs, args.seed)
    with open(out, "w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    words = sum(len(r["text"].split()) for r in records)
    print(f"{len(records)} articles, {words} words -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
