"""Where the actors stage loses each gold actor it misses: counts by stage and by kind.

    python scripts/actor_misses.py train dev [--data-dir ../shared/data] [--list]

A gold actor is missed when no actor of warta's record aligns with it under the scorer's own
name matching (``scoring.match_actors``, what ``warta eval actors`` counts). Each miss is
followed back through the stages, at its gold mention (and aliases):

- ``no entity: <shape>``: neither the statistical NER nor the gazetteer stage has a span there;
  the shape of the gold mention says what the NER failed on (``lower-case``, ``acronym``,
  ``after a title``, ``one word``, ``several words``);
- ``repairs dropped``: the NER had a span there, the gazetteer stage's repairs removed it;
- ``place use``: a LOC/GPE span is there and the rules made no actor of it (a place, a region
  used as a place, a name the gazetteer does not know);
- ``other span (<label>, <fit>)``: a span is there but aligns with nothing: its text is not
  the gold's name, with the span's label and how it sits on the gold mention (``wider``: the
  name inside a longer span; ``narrower``: a piece of the name; ``overlapping``);
- ``merged``: the span's actor aligns with another gold actor (two gold actors, one warta actor);
- ``dropped by model``: a rules' candidate aligns with the gold actor, the decision model's
  keep threshold dropped it;
- ``renamed by model``: the model kept the candidate but retyped or renamed it out of alignment;
- ``other``: the rules' candidates align, the record does not (headline, later stages).

Each miss also gets a kind read from the gold name alone (``institution head``, ``hyphenated``,
``initials``, ``region``, ``titled person`` ...) and the words right before its mention
(``mention_context``: ``after a speech tag``, ``after a title``, ``after a person cue``,
``apposition``, ``in a list`` ...), counted for the missed persons. The test split is refused.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

_INITIALS_MAX = 3  # letters of a person written as initials ("N", "RA")


def name_kind(name: str, type_: str, mention: str) -> str:
    """One word for what kind of gold actor this is, from its name and gold mention."""
    from warta.nlp.lang.id.org_patterns import BODY_WORDS
    from warta.resolve.span_repairs import BODY_OPENERS

    words = name.split()
    first = words[0].lower() if words else ""
    if type_ == "PERSON" and name.isupper() and len(name.replace(" ", "")) <= _INITIALS_MAX:
        return "initials"
    if "-" in name or "-" in mention:
        return "hyphenated"
    if type_ == "GPE":
        return "region/country"
    if first in BODY_OPENERS or any(w.lower() in BODY_WORDS for w in words):
        return "institution head"
    if type_ == "PERSON" and len(mention) > len(name) + 2:
        return "titled person"
    if type_ == "PERSON":
        return "person"
    if name.isupper():
        return "acronym"
    return "org/brand"


def _overlapping(spans: list[Any], start: int, end: int) -> list[Any]:
    return [s for s in spans if s.start_char < end and start < s.end_char]


def _gold_spans(gold_actor: dict[str, Any], to_doc: Any) -> list[tuple[int, int]]:
    pairs = [gold_actor["mention"]] if gold_actor.get("mention") else []
    pairs += gold_actor.get("aliases") or []
    out = []
    for s, e in pairs:
        a, b = to_doc(s), to_doc(e)
        if a is not None and b is not None and b > a:
            out.append((a, b))
    return out


def where_lost(doc: Any, raw_ents: list[Any], gold_actor: Any, gold_raw: dict[str, Any],
               to_doc: Any, others: dict[str, str], detail: list[str]) -> str:
    """Where one missed gold actor is lost (the module's list); ``detail`` gets the spans
    found at the gold mention and their actors."""
    from warta.eval import scoring
    from warta.resolve import actors
    from warta.train.actor_class import _candidate_names

    proposal = actors.propose(doc)
    cands = actors.candidates(proposal)
    pred = [scoring.Actor(str(n), _candidate_names(doc, c), c.type, c.country)
            for n, c in enumerate(cands)]
    pairs = scoring.match_actors([gold_actor], pred)
    if pairs:
        cand = cands[int(next(iter(pairs)))]
        model = actors.ActorsStage().model
        if model is None:
            return "other"
        decision = model.decide(doc, cand, actor_model_context(doc), _sent_of(doc))
        return "renamed by model" if decision.keep else "dropped by model"
    spans = _gold_spans(gold_raw, to_doc)
    ents = list(proposal.ents)
    hit = [e for s, t in spans for e in _overlapping(ents, s, t)]
    if not hit:
        raw_hit = [e for s, t in spans for e in _overlapping(raw_ents, s, t)]
        if raw_hit:
            return "repairs dropped"
        return f"no entity: {mention_shape(doc, spans[0])}" if spans else "no entity"
    detail.extend(f"{e.text!r}/{e.label_}->{proposal.ent_actor.get((e.start, e.end))}"
                  for e in hit)
    for ent in hit:
        actor_id = proposal.ent_actor.get((ent.start, ent.end))
        if actor_id is not None and actor_id in others:
            return "merged"
    if all(proposal.ent_actor.get((e.start, e.end)) is None and e.label_ in {"LOC", "GPE"}
           for e in hit):
        return "place use"
    return f"other span ({hit[0].label_}, {span_fit(hit[0], spans[0])})"


def mention_shape(doc: Any, span: tuple[int, int]) -> str:
    """The shape of a gold mention no span covers (what the NER failed on): written in lower
    case, an acronym, a name right after a title or honorific, one capitalised word, or a
    longer name."""
    from warta.resolve import roles

    mention = doc.char_span(span[0], span[1], alignment_mode="expand")
    if mention is None or not mention.text.strip():
        return "unaligned"
    text = mention.text
    if not any(c.isupper() for c in text):
        return "lower-case"
    letters = [c for c in text if c.isalpha()]
    if len(mention) == 1 and letters and all(c.isupper() for c in letters):
        return "acronym"
    if roles.title_before(doc, mention.start) is not None or roles.name_start(
            doc, mention.start, mention.end) > mention.start:
        return "after a title"
    return "one word" if len(mention) == 1 else "several words"


def mention_context(doc: Any, span: tuple[int, int]) -> str:
    """The words right before a gold mention (where a rule could find the name): a speech tag
    ('…," kata X', "menurut X"), a title or rank, a word that introduces a person ("saksi X",
    "bernama X"), an apposition after a comma, a list ("X dan Y"), a sentence start, or other."""
    from warta.nlp.lang.id.actor_cues import NAME_INTRODUCERS, PERSON_CUES
    from warta.nlp.lang.id.conjunctions import AND
    from warta.nlp.lang.id.reporting_verbs import CUE_AFTER, MENURUT
    from warta.resolve import roles

    mention = doc.char_span(span[0], span[1], alignment_mode="expand")
    if mention is None:
        return "unaligned"
    i = mention.start
    before = doc[i - 1].lower_ if i > 0 else ""
    if before in CUE_AFTER or before in MENURUT:
        return "after a speech tag"
    if roles.title_before(doc, i) is not None or roles.name_start(doc, i, mention.end) > i:
        return "after a title"
    if before in PERSON_CUES or before in NAME_INTRODUCERS:
        return "after a person cue"
    if before == ",":
        return "apposition"
    if before in AND or before in {"/", "-"}:
        return "in a list"
    if i == 0 or doc[i].is_sent_start:
        return "sentence start"
    return "other"


def span_fit(ent: Any, span: tuple[int, int]) -> str:
    """How the span found at a gold mention sits against it: wider (the gold name inside a
    longer span), narrower (a piece of the name) or overlapping."""
    a, b = ent.start_char, ent.end_char
    if a <= span[0] and span[1] <= b:
        return "wider"
    if span[0] <= a and b <= span[1]:
        return "narrower"
    return "overlapping"


def actor_model_context(doc: Any) -> Any:
    from warta.resolve import actor_model

    return actor_model.context(doc, _sent_of(doc))


def _sent_of(doc: Any) -> list[int]:
    from warta.resolve import actor_model

    return actor_model.sentence_index(doc)


def _rules_owner(doc: Any, gold_actors: list[Any]) -> dict[str, str]:
    """Rules' actor id → the gold actor it aligns with (to tell a merge from a miss)."""
    from warta.eval import scoring
    from warta.resolve import actors
    from warta.train.actor_class import _candidate_names

    cands = actors.candidates(actors.propose(doc))
    pred = [scoring.Actor(c.actor_id, _candidate_names(doc, c), c.type, c.country)
            for c in cands]
    return scoring.match_actors(gold_actors, pred)


def diagnose(split: str, data: Path, listing: bool,
             ) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    """The misses of one split: counts by where, and by (where, kind)."""
    import warta
    from warta.eval import scoring
    from warta.eval.corpus import document_meta, iter_documents
    from warta.eval.gold import predict
    from warta.process import make_doc, prepare
    from warta.settings import load_settings
    from warta.types import RawArticle, Source

    nlp = warta.load()
    settings = load_settings()
    before_gaz = [n for n in nlp.pipe_names
                  if n in {"gazetteer", "actors", "dates", "quotes", "events", "tone"}]
    where: Counter[str] = Counter()
    both: Counter[tuple[str, str]] = Counter()
    for art, text, gold, _ in iter_documents([split], data):
        if text is None or gold is None:
            continue
        record = predict(nlp, settings, art, text, data)
        g_side = scoring.from_gold(gold, text)
        got = set(scoring.match_actors(g_side.actors, scoring.from_record(record, text).actors)
                  .values())
        missed = [(g, raw) for g, raw in zip(g_side.actors, gold["actors"], strict=True)
                  if g.id not in got]
        if not missed:
            continue
        meta = document_meta(art.corpus, art.key, data)
        raw = RawArticle(Source(path=f"{art.corpus}/{art.key}", format="text",
                                native_id=art.key), text, title=meta["title"],
                         published=meta["published"])
        doc = make_doc(nlp, prepare(raw, settings), settings, headline=False)
        with nlp.select_pipes(disable=before_gaz):
            doc = nlp(doc)
        raw_ents = list(doc.ents)
        doc = nlp.get_pipe("gazetteer")(doc)
        to_doc = scoring.offset_map(text, doc.text)
        owners = _rules_owner(doc, g_side.actors)
        for g, graw in missed:
            others = {pid: gid for pid, gid in owners.items() if gid != g.id}
            detail: list[str] = []
            lost = where_lost(doc, raw_ents, g, graw, to_doc, others, detail)
            m = graw.get("mention")
            mention = text[m[0]:m[1]] if m else ""
            kind = name_kind(graw["name"], graw.get("type") or "", mention)
            spans = _gold_spans(graw, to_doc)
            context = mention_context(doc, spans[0]) if spans else "unaligned"
            where[lost] += 1
            both[(lost, kind)] += 1
            if graw.get("type") == "PERSON":
                both[("persons by context", context)] += 1
            if listing:
                print(f"{split}\t{lost}\t{kind}\t{context}\t{graw['name']!r}\t{mention!r}\t"
                      f"{' '.join(detail)}")
    return where, both


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("splits", nargs="+", choices=["train", "dev", "test", "dev2"])
    parser.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    parser.add_argument("--list", action="store_true", help="print each miss too")
    args = parser.parse_args(argv)
    if "test" in args.splits:
        print("actor_misses: the test split is never looked at while tuning", file=sys.stderr)
        return 2
    for split in args.splits:
        where, both = diagnose(split, args.data_dir, args.list)
        print(f"== {split}: {sum(where.values())} missed gold actors")
        for lost, n in where.most_common():
            kinds = ", ".join(f"{k} {c}" for (w, k), c in both.most_common() if w == lost)
            print(f"{n:4d}  {lost}: {kinds}")
        by_context = ", ".join(f"{k} {c}" for (w, k), c in both.most_common()
                               if w == "persons by context")
        print(f"      missed persons by the words before them: {by_context}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
