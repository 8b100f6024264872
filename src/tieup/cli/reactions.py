"""`tieup reactions STORY_OR_ARTICLE` and `tieup eval-reactions GOLD.jsonl`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from tieup.cli.app import app
from tieup.cli.ingest import DbOption, JsonOption
from tieup.errors import TieupError

MAX_TEXT = 160  # characters of a comment shown in the text output


def _fail(error: Exception) -> typer.Exit:
    typer.echo(f"tieup: {error}", err=True)
    return typer.Exit(1)


@app.command()
def reactions(
    key: Annotated[str, typer.Argument(help="A story id (see `tieup stories`) or an article id.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Readers' reactions: counts by sentiment, the questions they ask, the organisations
    they talk about, comments shown and announced. An article that belongs to a story
    gives the story's reactions, with a breakdown per article."""
    from tieup.reactions.summary import reactions as summarise
    from tieup.store import Store

    try:
        with Store.open(db) as store:
            result = summarise(store, key)
    except TieupError as e:
        raise _fail(e) from e
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    typer.echo(render(result))


def _short(text: str) -> str:
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1].rstrip() + "…"


def _counts(block: dict[str, Any]) -> str:
    shown, announced = block["comments_shown"], block["comments_announced"]
    head = f"{shown} comment{'s' * (shown != 1)} shown"
    head += f", {announced} announced" if announced is not None else ", none announced"
    tones = ", ".join(f"{k} {v}" for k, v in block["sentiment"].items() if v)
    return head + (f" · {tones}" if tones else "")


def render(result: dict[str, Any]) -> str:
    """The text form of a `tieup.reactions.summary` result."""
    if result["kind"] == "story":
        lines = [f"{result['title'] or '(untitled)'}",
                 f"  story {result['story_id']} · outlets: {', '.join(result['outlets'])}"]
        if result.get("focus"):
            lines.append(f"  (the story of article {result['focus']})")
    else:
        lines = [f"{result['title'] or '(untitled)'}", f"  article {result['article_id']}"]
    lines.append(f"  {_counts(result)}")
    if result["questions"]:
        lines += ["", f"questions readers ask ({len(result['questions'])}):"]
        for q in result["questions"]:
            for sentence in q["questions"]:
                lines.append(f"  - {_short(sentence)}  [{q['article_id']} #{q['n']}]")
    if result["orgs"]:
        lines += ["", "organisations they talk about:"]
        lines.append("  " + ", ".join(
            f"{o['name']} ({o['comments']} comment{'s' * (o['comments'] != 1)})"
            for o in result["orgs"]
        ))
    if result["kind"] == "story":
        lines += ["", "per article:"]
        for block in result["articles"]:
            lines.append(f"  {block['article_id']}: {_counts(block)}")
    if result["comments"]:
        lines += ["", "comments:"]
        for c in result["comments"]:
            mark = "?" if c["question"] else " "
            lines.append(f"  {c['sentiment']:>8} {mark} {_short(c['text'])}")
    return "\n".join(lines)


@app.command("eval-reactions")
def eval_reactions(
    gold: Annotated[Path, typer.Argument(help="Gold comments JSONL (gold/comments-seeds.jsonl).")],
    texts: Annotated[
        Path | None,
        typer.Option(help="The articles' texts (JSONL: id, text) to score the extraction too."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Sentiment and question accuracy on gold comments, with 95% Wilson intervals."""
    from tieup.reactions.evaluate import evaluate_file

    try:
        result = evaluate_file(gold, texts_path=texts)
    except TieupError as e:
        raise _fail(e) from e
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return

    def line(name: str, s: dict[str, Any]) -> str:
        low, high = s["wilson95"]
        acc = "n/a" if s["accuracy"] is None else f"{s['accuracy']:.3f}"
        return (f"{name:<22} {s['correct']:>3}/{s['total']:<3} {acc}  "
                f"(95% Wilson {low:.2f}-{high:.2f})")

    typer.echo(f"{result['comments']} gold comments in {gold}")
    typer.echo(line("sentiment", result["sentiment"]))
    typer.echo(line("sentiment, VADER alone", result["sentiment_baseline"]))
    typer.echo(line("question flag", result["question"]))
    typer.echo(line("questions found", result["questions_found"]))
    typer.echo(f"{'false questions':<22} {result['false_questions']:>3}")
    for a in result.get("extraction", {}).get("articles", []):
        typer.echo(
            f"extraction {a['id']}: {a['shown']}/{a['gold_shown']} comments, "
            f"{a['same_texts']}/{a['gold_texts']} same text, announced {a['announced']} "
            f"(gold {a['gold_announced']})"
        )
    for e in result["errors"]:
        typer.echo(
            f"  miss {e['id']} #{e['n']}: sentiment {e['sentiment']} (gold {e['gold_sentiment']}),"
            f" question {e['question']} (gold {e['gold_question']})"
        )
