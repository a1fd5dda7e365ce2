"""How a lexicon word is used, as the trigger model reads it (issue 19, "which words are
events"), and the trigger audit (scripts/trigger_audit.py), on invented sentences: a denied,
planned, relative-clause or already-named act is told from a reported one, and a hand-set
trigger model drops what it learnt to drop."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from events_helpers import build, lookup

from warta.extract import events
from warta.extract.event_parties import LABELS, TRIGGER_LABELS, LinearModel, PartyModel

ROOT = Path(__file__).resolve().parents[2]
PRB = "person:prabowo-subianto"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("trigger_audit",
                                                  ROOT / "scripts" / "trigger_audit.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


AUDIT = _script()


def _features(text: str, word: str) -> set[str]:
    """What the trigger model reads of the lexicon match ``word`` in ``text``."""
    doc = build(text)
    seen: dict[str, set[str]] = {}
    events.candidates(doc, lookup=lookup, observe=lambda t, f, s, c: seen.setdefault(
        t.text, events.trigger_features(doc, t, f, s, c)))
    return seen[word]


def test_a_denied_planned_or_possible_act_is_told_from_a_reported_one():
    plain = _features("Prabowo mengecam Malaysia.", "mengecam")
    assert "u_modality=asserted" in plain and "u_negated" not in plain
    assert "u_left=person" in plain and "u_right=gpe" in plain
    denied = _features("Prabowo tidak mengecam Malaysia.", "mengecam")
    assert {"u_negated", "ACCUSE&u_negated"} <= denied
    assert "u_modality=future" in _features("Prabowo akan mengecam Malaysia.", "mengecam")
    assert "u_modality=hypothetical" in _features("Prabowo mungkin mengecam Malaysia.",
                                                  "mengecam")


def test_a_relative_clause_an_earlier_event_and_a_speech_verb_are_marked():
    assert "u_relative" in _features("Warga yang mengecam Malaysia berkumpul di Jakarta.",
                                     "mengecam")
    assert "u_relative" not in _features("Prabowo mengecam Malaysia.", "mengecam")
    again = _features("Prabowo mengecam serangan tersebut.", "serangan")
    assert "u_anaphor" in again
    assert "u_anaphor" not in _features("Rusia melancarkan serangan ke Ukraina.", "serangan")
    assert "u_speech" in _features("Prabowo mendesak Malaysia.", "mendesak")
    assert "u_speech" not in _features("Prabowo mengecam Malaysia.", "mengecam")


def test_a_title_like_line_without_a_full_stop_is_marked():
    assert "u_unterminated" in _features("Prabowo mengecam Malaysia", "mengecam")
    assert "u_unterminated" not in _features("Prabowo mengecam Malaysia.", "mengecam")


def _triples(text: str, model: PartyModel) -> set[tuple[str | None, str, str | None]]:
    return {(e.source, e.type, e.target)
            for e in events.extract_events(build(text), lookup=lookup, parties=model)}


def test_the_trigger_model_drops_a_denied_act_and_keeps_a_reported_one():
    vocab = {"pos=left": 0, "pos=right": 1}
    parties = LinearModel(LABELS, vocab, [[0.0, 0.0], [4.0, 0.0], [0.0, 4.0]],
                          [0.0, -2.0, -2.0], 0.5)
    denial = LinearModel(TRIGGER_LABELS, {"u_negated": 0}, [[-9.0]], [2.0], 0.5)
    model = PartyModel(parties, denial)
    assert _triples("Prabowo mengecam Malaysia.", model) == {(PRB, "ACCUSE", "gpe:MYS")}
    assert _triples("Prabowo tidak mengecam Malaysia.", model) == set()


def test_the_audit_sorts_each_gold_trigger_and_each_spurious_match():
    def match(typ: str, gold: tuple[str, ...], p: float, drop: str | None = None,
              kind: str = "verb") -> object:
        return AUDIT.Match("a", "w", f"x/{typ}", typ, [], drop, kind, gold, "", p)

    matches = [match("ACCUSE", ("ACCUSE",), 0.9), match("ACCUSE", ("REJECT",), 0.9),
               match("AID", ("AID",), 0.05), match("AID", ("AID",), 0.9, "aux"),
               match("SUPPORT", (), 0.9, kind="quoted"), match("SUPPORT", (), 0.1)]
    golds = [("a", "ACCUSE", "w", [0]), ("a", "REJECT", "w", [1]), ("a", "AID", "w", [2]),
             ("a", "AID", "w", [3]), ("a", "CONSULT", "w", [])]
    kept, outcome = AUDIT.outcomes(matches, golds, 0.5)
    assert kept == [True, True, False, False, True, False]
    assert outcome == {"right_type": 1, "wrong_type": 1, "rejected": 1, "blocked": 1,
                       "no_match": 1}
    p, r, f1 = AUDIT.trigger_f1(matches, golds, 0.5)
    assert (round(p, 3), r, round(f1, 3)) == (0.667, 0.2, 0.308)


def test_the_audit_names_the_kind_of_a_use():
    doc = build("Prabowo tidak mengecam Malaysia. Warga yang mengecam Malaysia berkumpul.")
    kinds = []
    events.candidates(doc, lookup=lookup, observe=lambda t, f, s, _c: kinds.append(
        AUDIT.kind_of(doc, t, f, s)))
    assert kinds == ["negated", "relative"]


def test_the_audit_refuses_the_test_split():
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "trigger_audit.py"), "test"],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "test" in run.stderr


def test_the_audit_reads_each_matchs_modality_and_negation_beside_the_golds():
    text = "Prabowo tidak akan mengecam Malaysia. KPK menahan Budi Santoso."
    start = text.index("mengecam")
    gold = {"events": [{"type": "ACCUSE", "trigger": [start, start + 8], "modality": "future",
                        "negated": True}]}
    found, spans = AUDIT.article_matches("a", text, gold, build(text), lookup, None)
    by_word = {m.words: m for _, m in found}
    assert by_word["mengecam"].reading == "future+negated"
    assert by_word["mengecam"].gold_readings == ("future+negated",)
    assert by_word["menahan"].reading == "asserted" and by_word["menahan"].gold_readings == ()
    assert [(typ, words) for _, typ, words in spans] == [("ACCUSE", "mengecam")]


def test_an_act_told_again_is_marked_as_a_repeat():
    doc = build("KPK menahan Budi Santoso. Polri menahan Prabowo. Prabowo mengecam KPK.")
    seen: list[tuple[str, bool]] = []
    events.candidates(doc, lookup=lookup, observe=lambda t, f, s, c: seen.append(
        (t.text, "u_repeat" in events.trigger_features(doc, t, f, s, c))))
    assert seen == [("menahan", False), ("menahan", True), ("mengecam", False)]


def test_the_audit_tells_why_the_lexicon_misses_a_gold_trigger(capsys):
    text = "Budi Santoso curiga Malaysia. KPK menetapkan Budi. Guru menggedor kantor itu."
    doc = build(text)

    def kind(word: str) -> str:
        start = text.index(word)
        return AUDIT.miss_kind(doc, (start, start + len(word)))[0]

    assert kind("curiga") == "other_form"  # a row's base in a form the row does not generate
    assert kind("menetapkan") == "multiword_part"  # the head of "menetapkan ... tersangka" alone
    assert kind("menggedor") == "new_word"
    assert AUDIT.miss_kind(doc, (-1, -1))[0] == "unmapped"
    missed = [AUDIT.Missed("a", "ACCUSE", "curiga", "other_form", "curiga", "")]
    AUDIT.report_missed("dev", missed, listing=True)
    out = capsys.readouterr().out
    assert "1 gold triggers with no lexicon match" in out and "missed\tother_form\tACCUSE" in out


def _reasons(text: str) -> dict[str, str]:
    """Why each lexicon match of ``text`` made no event (rule drops and the rest)."""
    doc = build(text)
    why: dict[str, str] = {}
    events.candidates(doc, lookup=lookup,
                      dropped=lambda t, _f, reason: why.setdefault(t.text, reason))
    return why


def test_a_word_of_a_capitalised_title_is_no_act():
    # programmes, documents and offices are capitalised inside a sentence: a title, not an act
    assert _reasons("Prabowo meluncurkan program Bantuan Langsung Tunai bagi Malaysia.") == {
        "Bantuan": "title"}
    assert _reasons("KPK menerbitkan Surat Perintah Penghentian Penyidikan kepada Budi "
                    "Santoso.")["Penyidikan"] == "title"
    # the same word in lower case, a clause's first word after a quote mark or a dash, and a
    # capitalised word with no capitalised neighbour stay acts
    assert "bantuan" not in _reasons("Prabowo memberikan bantuan kepada Malaysia.")
    assert "Bantuan" not in _reasons('Prabowo berkata, "Bantuan Jepang tiba."')
    assert "Bantuan" not in _reasons("Prabowo - Bantuan kepada Malaysia tiba.")
    assert "Bantuan" not in _reasons("Prabowo memberikan Bantuan kepada Malaysia.")


def _parsed(text: str, arcs: dict[str, tuple[str, str]]) -> object:
    """``build(text)`` with the parse arcs word → (head word, relation) set by hand."""
    doc = build(text)
    index = {t.text: t.i for t in doc}
    for word, (head, dep) in arcs.items():
        doc[index[word]].head = doc[index[head]]
        doc[index[word]].dep_ = dep
    return doc


def _why(doc: object, word: str) -> set[str]:
    seen: dict[str, set[str]] = {}
    events.candidates(doc, lookup=lookup, observe=lambda t, f, s, c: seen.setdefault(
        t.text, events.trigger_features(doc, t, f, s, c)))
    return seen[word]


def test_the_trigger_model_reads_whether_the_clause_names_a_party():
    assert "w_clause=party" in _why(build("Prabowo mengecam Malaysia."), "mengecam")
    no_party = _why(build("Kasus itu masih dalam proses penyidikan."), "penyidikan")
    assert {"w_clause=none", "w_sent_none", "ACCUSE&w_clause=none"} <= no_party
    # a party in another clause of the sentence: the clause still names none
    other = _why(build("Prabowo datang, dan penyidikan berjalan."), "penyidikan")
    assert "w_clause=none" in other and "w_sent_none" not in other


def test_the_objects_kind_tells_the_rows_sense():
    visit = _parsed("Prabowo menerima Budi Santoso di Jakarta.",
                    {"Prabowo": ("menerima", "nsubj"), "Budi": ("menerima", "obj"),
                     "Santoso": ("Budi", "flat")})
    bribe = _parsed("Prabowo menerima suap dari Budi Santoso.",
                    {"Prabowo": ("menerima", "nsubj"), "suap": ("menerima", "obj")})
    assert "w_row_obj=terima|party" in _why(visit, "menerima")
    assert "w_row_obj=terima|thing" in _why(bribe, "menerima")
    warned = _parsed("Prabowo memperingatkan bahwa harga naik.",
                     {"Prabowo": ("memperingatkan", "nsubj")})
    assert "w_row_obj=ingat|none" in _why(warned, "memperingatkan")


def test_a_quote_without_a_known_speaker_is_marked():
    from warta.types import Quote

    text = 'Budi Santoso berkata, "Kami menolak Malaysia." Warga bilang, "Kami menolak Rusia."'
    doc = build(text)
    opens = [t.i for t in doc if t.text == '"']
    doc._.quotes = [Quote(doc[opens[0] + 1:opens[1]], "direct", "person:budi-santoso"),
                    Quote(doc[opens[2] + 1:opens[3]], "direct", None)]
    seen: list[set[str]] = []
    events.candidates(doc, lookup=lookup, observe=lambda t, f, s, c: seen.append(
        events.trigger_features(doc, t, f, s, c)))
    assert "w_quote_speaker" in seen[0] and "w_quote_anon" not in seen[0]
    assert "w_quote_anon" in seen[1]


def test_the_audit_says_which_features_pushed_a_rejected_gold_trigger_down():
    """A hand-set trigger model that reads "u_relative" as no event rejects the gold trigger in
    a "yang" clause: the audit names that feature first, with the weight that pushed it down
    and how many rejected non-events and kept gold triggers carry it too."""
    model = LinearModel(TRIGGER_LABELS, {"u_relative": 0, "lemma=tahan": 1, "u_quote=direct": 2},
                        [[-3.0, 0.5, -0.2]], [0.0], threshold=0.2)
    matches = [
        AUDIT.Match("a", "menahan", "tahan/COERCE", "COERCE",
                    ["lemma=tahan", "u_relative", "u_quote=direct"], None, "relative",
                    ("COERCE",)),
        AUDIT.Match("a", "menahan", "tahan/COERCE", "COERCE", ["lemma=tahan"], None, "verb",
                    ("COERCE",)),
        AUDIT.Match("a", "menahan", "tahan/COERCE", "COERCE", ["lemma=tahan", "u_relative"],
                    None, "relative", ()),
    ]
    golds = [("a", "COERCE", "menahan", [0]), ("a", "COERCE", "menahan", [1])]
    AUDIT.score_with(matches, model)
    assert matches[0].pushed == (("u_relative", -3.0), ("u_quote=direct", -0.2))
    assert matches[1].pushed == ()  # nothing pulled it down
    assert AUDIT.pushed_down(matches, golds, 0.2) == [("u_relative", -3.0, 1, 1, 0),
                                                      ("u_quote=direct", -0.2, 1, 0, 0)]
