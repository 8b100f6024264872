"""The fast path: spaCy's costly components run only where a tie-up can be.

`relate` only reads a tie-up from a sentence whose text carries a status cue
(`relate.tieups.status_of`), and a role from a sentence with a role title.
Every other sentence contributes nothing but its KB names (to the article's
topic and the linker's context). So, for each article:

1. cheap pass over the whole text: tokenizer, sentencizer, paragraph
   boundaries and the KB entity ruler (a phrase matcher);
2. pick the *hot* sentences: a status cue or a role title from the language's
   cue lexicon (`relate/lexicons/*.json`) and a name (a KB name, or a
   capitalised word that is not a stop word), and the title;
3. costly pass: the pipeline's components, in order (tok2vec, tagger or
   morphologizer, attribute ruler, KB ruler, NER), over a `Doc` made of the
   hot sentences only;
4. tags, morphology and entities are copied back onto the whole `Doc`, token
   for token, so sentences, `Mention` offsets and sentence indices are the
   article's own.

Cold sentences keep the KB ruler's entities and have no tags. The slow path
(`Pipeline(fast=False)`) runs the whole pipeline on the whole text.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from tieup.relate import get_lexicon

try:  # the regex parser: re._parser since Python 3.11, sre_parse before
    import re._constants as _sre
    import re._parser as _sre_parser
except ImportError:  # pragma: no cover
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parser  # type: ignore[no-redef]

log = logging.getLogger(__name__)

#: Components run on the whole text in the cheap pass (they need no tags).
CHEAP = ("sentencizer", "paragraph_boundaries", "kb_ruler")

#: Texts per batch of the costly pass.
BATCH_SIZE = 64

_APOSTROPHE = str.maketrans({"’": "'"})


@lru_cache(maxsize=8)
def cue_patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    """Every pattern that can give a sentence a status (as `status_of` reads them), and roles."""
    lex = get_lexicon(lang)
    patterns = [p for ps in lex.status.values() for p in ps]
    patterns += [*lex.past_agreement, *lex.active_weak, lex.roles]
    return tuple(patterns)


@lru_cache(maxsize=8)
def gated_patterns(lang: str) -> tuple[tuple[re.Pattern[str], frozenset[str]], ...]:
    """Each cue pattern with the literals one of which any match contains (lower case).

    A text holding none of them cannot match: a substring test skips the
    regex. A pattern with no such literal of 3 characters or more has none.
    """
    out = []
    for pattern in cue_patterns(lang):
        found = _required(_sre_parser.parse(pattern.pattern, pattern.flags))
        gate = frozenset(s.lower() for s in found) if found and _shortest(found) >= 3 else None
        out.append((pattern, gate or frozenset()))
    return tuple(out)


def _shortest(literals: set[str]) -> int:
    return min(len(s) for s in literals)


def _required(seq: Any) -> set[str] | None:
    """Literals one of which every match of the parsed pattern `seq` contains (the longest)."""
    best: set[str] | None = None
    run: list[str] = []

    def keep(candidate: set[str] | None) -> None:
        nonlocal best
        if candidate and (best is None or _shortest(candidate) > _shortest(best)):
            best = candidate

    for op, av in seq:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        keep({"".join(run)} if run else None)
        run = []
        if op is _sre.SUBPATTERN:
            keep(_required(av[3]))
        elif op is _sre.BRANCH:
            alternatives = [_required(branch) for branch in av[1]]
            if all(alternatives):
                keep(set().union(*alternatives))  # type: ignore[arg-type]
        # anything else (repeats, classes, anchors) is not required as a literal
    keep({"".join(run)} if run else None)
    return best


def is_hot(text: str, lang: str) -> bool:
    """True when `text` holds a status cue or a role title of `lang`'s lexicon."""
    text = text.translate(_APOSTROPHE)
    return any(p.search(text) for p in cue_patterns(lang))


def cheap_doc(nlp: Language, text: str) -> Doc:
    """Tokens, sentences and KB names of the whole text; no statistical component."""
    doc = nlp.make_doc(text)
    for name in CHEAP:
        doc = nlp.get_pipe(name)(doc)
    return doc


def hot_spans(doc: Doc, lang: str, *, title_sents: int = 0) -> list[tuple[int, int]]:
    """Token ranges (start, end) of the sentences worth the costly pass, merged when adjacent.

    Each cue pattern scans the whole text once; a match marks every sentence it
    touches. A match that runs over a sentence end only marks one sentence
    more: choosing too much costs time, never a tie-up.
    """
    sents = list(doc.sents)
    starts = [s.start_char for s in sents]
    hot = [i < title_sents for i in range(len(sents))]
    text = doc.text.translate(_APOSTROPHE)
    lowered = text.lower()
    for pattern, gate in gated_patterns(lang):
        if gate and not any(literal in lowered for literal in gate):
            continue
        for m in pattern.finditer(text):
            first = bisect_right(starts, m.start()) - 1
            last = bisect_right(starts, max(m.end() - 1, m.start())) - 1
            for i in range(max(first, 0), last + 1):
                hot[i] = True
    stop = _stop_words(doc.vocab.lang)
    spans: list[tuple[int, int]] = []
    for i, (sent, is_hot_sent) in enumerate(zip(sents, hot, strict=True)):
        if not is_hot_sent or (i >= title_sents and not has_name(sent, stop)):
            continue
        if spans and spans[-1][1] == sent.start:
            spans[-1] = (spans[-1][0], sent.end)
        else:
            spans.append((sent.start, sent.end))
    return spans


@lru_cache(maxsize=8)
def _stop_words(lang: str) -> frozenset[str]:
    from spacy.util import get_lang_class

    return frozenset(get_lang_class(lang).Defaults.stop_words)


def has_name(sent: Span, stop: frozenset[str]) -> bool:
    """A KB name, or a capitalised word that is not a stop word ("Il", "Les"): a name can be."""
    if sent.ents:
        return True
    return any(
        t.is_alpha and t.text[:1].isupper() and t.lower_ not in stop for t in sent
    )


def sub_doc(doc: Doc, spans: list[tuple[int, int]]) -> Doc:
    """A `Doc` of the given token ranges only: the same tokens, in order."""
    words: list[str] = []
    spaces: list[bool] = []
    for a, b in spans:
        for token in doc[a:b]:
            words.append(token.text)
            spaces.append(bool(token.whitespace_))
        spaces[-1] = True  # ranges apart in the article stay apart
    return Doc(doc.vocab, words=words, spaces=spaces)


def merge_back(doc: Doc, sub: Doc, spans: list[tuple[int, int]]) -> Doc:
    """Copy tags, morphology and entities of `sub` (the hot ranges) onto `doc`."""
    index = [i for a, b in spans for i in range(a, b)]
    assert len(index) == len(sub), "the costly pass changed the tokens"
    for j, token in enumerate(sub):
        target = doc[index[j]]
        target.tag = token.tag
        target.pos = token.pos
        target.lemma = token.lemma
        target.set_morph(token.morph.key)
    hot = set(index)
    ents = [e for e in doc.ents if not any(i in hot for i in range(e.start, e.end))]
    for e in sub.ents:
        start, end = index[e.start], index[e.end - 1] + 1
        if end - start != len(e):  # across two ranges that are not adjacent in the article
            continue
        ents.append(Span(doc, start, end, label=e.label, kb_id=e.kb_id, span_id=e.id))
    doc.ents = filter_spans(ents)  # sorted; never two over one token
    return doc


def pipe(
    nlp: Language,
    items: Iterable[tuple[str, int]],
    *,
    lang: str,
    n_process: int = 1,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Doc]:
    """Docs for (text, title_sents) items, in order, through the fast path.

    The costly pass is spaCy's own `nlp.pipe` (multiprocess when asked) over
    the hot sub-documents; the whole documents wait in a queue, in order.
    """
    waiting: deque[tuple[Doc, list[tuple[int, int]]]] = deque()

    def subs() -> Iterator[Doc]:
        for text, title_sents in items:
            doc = cheap_doc(nlp, text)
            spans = hot_spans(doc, lang, title_sents=title_sents)
            waiting.append((doc, spans))
            yield sub_doc(doc, spans)

    # The whole pipeline runs on the sub-documents (the sentence splitters too:
    # they are cheap, and what they set there is not read); nothing is toggled
    # on the shared `nlp`, so slow and fast paths can interleave.
    for sub in nlp.pipe(subs(), n_process=n_process, batch_size=batch_size):
        doc, spans = waiting.popleft()
        yield merge_back(doc, sub, spans)


def fast_doc(nlp: Language, text: str, *, lang: str, title_sents: int = 0) -> Doc:
    """One text through the fast path (see `pipe`)."""
    return next(pipe(nlp, [(text, title_sents)], lang=lang))
