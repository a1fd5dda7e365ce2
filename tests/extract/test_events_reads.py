"""The events rules' reads of the Doc's arrays (sentence bounds, paragraph breaks, words) give
what the Token-by-Token reads they replace gave."""

from __future__ import annotations

import random

import pytest
import spacy
from spacy.tokens import Doc

from warta.extract import event_args, event_parties, events

WORDS = ["Menteri", "bertemu", "Rina", ",", "yang", "tiba", "di", "Bandung", ".", "\n", "\n\n",
         " ", "kata", "“", "dan", ":", "menolak", "(", "Ayu", ")", "serta"]


def _flat_sentence(doc: Doc, i: int) -> tuple[int, int]:
    """The Token walk ``events._sentence`` did before reading the arrays."""
    sent = doc[i].sent if doc.has_annotation("SENT_START") else doc[0:len(doc)]
    lo = next((j + 1 for j in range(i - 1, sent.start - 1, -1)
               if event_args.is_newline(doc[j])), sent.start)
    hi = next((j for j in range(i, sent.end) if event_args.is_newline(doc[j])), sent.end)
    return lo, hi


def _docs(n: int) -> list[Doc]:
    """Random Docs of the words above, with and without sentence starts."""
    vocab = spacy.blank("id").vocab
    rng = random.Random(7)
    out = []
    for k in range(n):
        words = [rng.choice(WORDS) for _ in range(rng.randint(1, 30))]
        spaces = [False] * len(words)
        starts = [True, *(rng.random() < 0.2 for _ in words[1:])] if k % 4 else None
        out.append(Doc(vocab, words=words, spaces=spaces, sent_starts=starts))
    return out


@pytest.mark.parametrize("doc", _docs(120))
def test_sentence_from_arrays_is_the_token_walk(doc: Doc) -> None:
    for i in range(len(doc)):
        s = events._sentence(doc, i)
        assert (s.start, s.end) == _flat_sentence(doc, i)


def test_sentence_bounds_are_read_again_after_a_change() -> None:
    """``candidates`` drops the memo, so a Doc whose sentences changed is not read stale."""
    doc = Doc(spacy.blank("id").vocab, words=["Rina", "tiba", ".", "Ayu", "pergi", "."],
              sent_starts=[True, False, False, True, False, False])
    assert (events._sentence(doc, 4).start, events._sentence(doc, 4).end) == (3, 6)
    doc[3].is_sent_start = False
    events.candidates(doc)
    assert (events._sentence(doc, 4).start, events._sentence(doc, 4).end) == (0, 6)


@pytest.mark.parametrize("doc", _docs(60))
def test_word_reads_match_token_reads(doc: Doc) -> None:
    ctx = event_args.Context(doc, [], set())
    assert ctx.punct == [t.is_punct for t in doc]
    assert event_args.paragraph_breaks(doc) == [
        t.i for t in doc if event_args.is_newline(t)]
    for lo in range(len(doc)):
        for hi in range(lo, len(doc) + 1):
            flat = set()
            for tok in doc[lo:hi]:
                word = tok.lower_
                if word in (",", ";", ":"):
                    flat.add("btw=punct")
                elif word in event_parties.PARTY_CLAUSE_WORDS:
                    flat.add(f"btw={word}")
                elif tok.text in event_args.QUOTE_MARKS:
                    flat.add("btw=quote")
                elif event_args.looks_verbal(word):
                    flat.add("btw=verb")
                elif event_args.is_newline(tok):
                    flat.add("btw=para")
            assert event_parties._between(doc, lo, hi) == flat


def _flat_triggers(doc: Doc) -> list[tuple[int, int, object]]:
    """``match_triggers`` as it stepped through every token before the pre-filter."""
    from warta.extract.event_lexicon import first_words, gapped, lexicon, max_words

    table, longest, gaps, firsts = lexicon(), max_words(), gapped(), first_words()
    in_ent = {i for e in doc.ents for i in range(e.start, e.end)}
    lowers = [t.lower_ for t in doc]
    out, i = [], 0
    while i < len(doc):
        found = None
        if lowers[i] in firsts:
            for n in range(min(longest, len(doc) - i), 0, -1):
                if any(k in in_ent for k in range(i, i + n)):
                    continue
                words = tuple(lowers[i:i + n])
                form = events._gap_match(doc, i + n, gaps[words]) if words in gaps else None
                form = form or table.get(words) or (
                    table.get((*words[:-1], words[-1][:-3]))
                    if n > 1 and words[-1].endswith("nya") else None)
                if form is not None:
                    found = (i, i + n, form)
                    break
        if found is None:
            i += 1
            continue
        out.append(found)
        i = found[1]
    return out


def test_trigger_prefilter_finds_what_the_token_walk_found() -> None:
    from spacy.tokens import Span

    from warta.extract.event_lexicon import lexicon

    rng = random.Random(3)
    entries = sorted(lexicon())  # every entry's words, one, two or more
    pool = [w for words in entries[::7] for w in words] + ["Rina", ",", "dan", "menarik",
                                                          "pasukannya", "sebagai", "."]
    vocab = spacy.blank("id").vocab
    for _ in range(300):
        words = [rng.choice(pool) for _ in range(rng.randint(1, 25))]
        doc = Doc(vocab, words=words)
        if len(doc) > 3 and rng.random() < 0.5:
            k = rng.randrange(len(doc) - 2)
            doc.ents = [Span(doc, k, k + 2, label="PERSON")]
        got = [(t.start, t.end, f) for t, f in events.match_triggers(doc)]
        assert got == _flat_triggers(doc)


# --- negation, modality and clause reads take the word lists (eighth round) -------------------

CLAUSE_WORDS = ["Rina", "tidak", "hanya", "akan", "jika", "setelah", "yang", "bahwa", ",", ";",
                "menolak", "pernah", "berencana", "barangkali", "Jika", "Setelah", "TIDAK",
                "bertemu", "sudah", "."]


def _old_clause_start(doc: Doc, i: int, sent) -> int:
    for j in range(i - 1, sent.start - 1, -1):
        if doc[j].lower_ in events._CLAUSE_MARKS:
            return j + 1 if doc[j].lower_ not in ("bahwa", "yang") else j
    return sent.start


def _old_is_negated(doc: Doc, trigger, sent) -> bool:
    j, steps = trigger.start - 1, 0
    while j >= sent.start and steps < 4:
        word = doc[j].lower_
        if word in events.NEGATORS:
            nxt = doc[j + 1].lower_ if j + 1 < len(doc) else ""
            return nxt not in events.NOT_ONLY
        if word not in events.BRIDGES and word not in events.LIGHT_VERBS \
                and word not in events._DETERMINERS:
            return False
        j, steps = j - 1, steps + 1
    return False


def _old_modality(doc: Doc, trigger, sent) -> str:
    modal = events.modal
    words = [t.lower_ for t in doc[_old_clause_start(doc, trigger.start, sent):trigger.start]]
    first = doc[sent.start].lower_
    if first in modal.CONDITIONAL and "," not in [t.text for t in doc[sent.start:trigger.start]]:
        return "hypothetical"
    for cues, kind in ((modal.HYPOTHETICAL, "hypothetical"), (modal.FUTURE, "future"),
                       (modal.HISTORICAL, "historical")):
        if any(w in cues for w in words):
            return kind
    return "asserted"


def _old_anterior(doc: Doc, trigger, sent) -> bool:
    start = _old_clause_start(doc, trigger.start, sent)
    return doc[start].lower_ in events.ANTERIOR or (start == sent.start and any(
        t.lower_ in events.ANTERIOR for t in doc[sent.start:trigger.start][:1]))


class _TokenCountingDoc(Doc):
    """A Doc that counts the Token objects made for it with ``doc[i]``."""

    reads = 0

    def __getitem__(self, i):
        if isinstance(i, int):
            type(self).reads += 1
        return Doc.__getitem__(self, i)


def test_clause_reads_match_the_token_walks_and_make_no_tokens() -> None:
    """``clause_start``, ``is_negated``, ``modality_of`` and ``_anterior`` read the words
    where they read a Token per word, with the same answers on random sentences of the rules'
    own words; the new reads make no Token (the old ones made one per word walked)."""
    vocab = spacy.blank("id").vocab
    rng = random.Random(19)
    for _ in range(400):
        words = [rng.choice(CLAUSE_WORDS) for _ in range(rng.randint(2, 14))]
        doc = _TokenCountingDoc(vocab, words=words)
        sent, checked = doc[0:len(doc)], 0
        for i in range(1, len(doc)):
            trigger = doc[i:i + 1]
            old = (_old_clause_start(doc, i, sent), _old_is_negated(doc, trigger, sent),
                   _old_modality(doc, trigger, sent), _old_anterior(doc, trigger, sent))
            _TokenCountingDoc.reads = 0
            new = (events.clause_start(doc, i, sent), events.is_negated(doc, trigger, sent),
                   events.modality_of(doc, trigger, sent), events._anterior(doc, trigger, sent))
            assert new == old, (words, i)
            assert _TokenCountingDoc.reads == 0, (words, i)
            checked += 1
        assert checked == len(doc) - 1


# --- the trigger model's use features (eleventh round) -------------------------------------

USE_WORDS = ["serangan", "menolak", "bertemu", "penangkapan", "yang", "tersebut", "itu", "tadi",
             "ini", ",", ".", "!", "?", "\u201d", "\"", ".\"", "Rina", "warga", "bahwa", "\n",
             "kemarin", "dan", "membantah", "Meminta", "aksi", "damai"]


_READ = {"u_speech", "u_relative", "u_anaphor", "u_unterminated"}


def _old_use_reads(doc: Doc, trigger, form, sent) -> set[str]:  # type: ignore[no-untyped-def]
    """Four use features as ``use_features`` read them from Tokens before."""
    out = set()
    if trigger.text.lower() in events.REPORTING_VERBS:
        out.add("u_speech")
    if doc[events.clause_start(doc, trigger.start, sent)].lower_ == "yang":
        out.add("u_relative")
    if form.voice == "nominal" and events.ANAPHORIC_DETERMINERS & {
            t.lower_ for t in doc[trigger.end:min(trigger.end + 2, sent.end)]}:
        out.add("u_anaphor")
    if not any(t.text in ".!?\"\u201d" for t in sent[-2:]):
        out.add("u_unterminated")
    return out


def test_use_features_read_from_the_words_as_from_tokens() -> None:
    vocab = spacy.blank("id").vocab
    rng = random.Random(19)
    seen: set[str] = set()
    checked = 0
    for k in range(400):
        words = [rng.choice(USE_WORDS) for _ in range(rng.randint(1, 16))]
        starts = [True, *(rng.random() < 0.25 for _ in words[1:])] if k % 3 else None
        doc = Doc(vocab, words=words, sent_starts=starts)
        for trigger, form in events.match_triggers(doc):
            sent = events._sentence(doc, trigger.start)
            got = events.use_features(doc, trigger, form, sent, [])
            old = _old_use_reads(doc, trigger, form, sent)
            assert got & _READ == old
            seen |= old
            checked += 1
    assert checked > 300 and seen == _READ


class _TokenCountingDoc(Doc):
    """A Doc that counts the Token objects made for it with ``doc[i]``."""

    reads = 0

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        if isinstance(i, int):
            type(self).reads += 1
        return Doc.__getitem__(self, i)


def test_use_features_make_no_token_for_the_words_they_read() -> None:
    doc = _TokenCountingDoc(spacy.blank("id").vocab,
                            words=["warga", "yang", "serangan", "tersebut", "itu", "Rina"])
    (trigger, form), = events.match_triggers(doc)
    sent = events._sentence(doc, trigger.start)
    events.use_features(doc, trigger, form, sent, [])  # the per-Doc memos, read once
    _TokenCountingDoc.reads = 0
    _old_use_reads(doc, trigger, form, sent)
    assert _TokenCountingDoc.reads >= 2  # the old reads, counted: the test can fail
    _TokenCountingDoc.reads = 0
    got = events.use_features(doc, trigger, form, sent, [])
    assert {"u_relative", "u_anaphor", "u_unterminated"} <= got
    assert _TokenCountingDoc.reads == 1  # the trigger's root (its UPOS and relation), once
