"""Indonesian personal pronouns and demonstratives, and the named subsets the stages read.

``warta.resolve.coref`` links a third-person pronoun to the most recent salient person;
``warta.extract.quotes`` takes a pronoun speaker as one to resolve; the event rules treat a
pronoun subject as naming no new actor. Lower-cased.
"""

from __future__ import annotations

# The classes.
THIRD_SINGULAR = frozenset({"ia", "dia", "beliau"})
THIRD_PLURAL = frozenset({"mereka"})
FIRST_PERSON = frozenset({"saya", "aku", "kami", "kita"})
SECOND_PERSON = frozenset({"anda", "kalian"})
REFLEXIVE = frozenset({"dirinya"})
# Nouns with -nya used as pronouns: "pihaknya" (his side), "keduanya" (the two of them).
PRONOMINAL_NOUNS = frozenset({"pihaknya", "keduanya"})

# The enclitic, split off by warta's tokenizer ("ujar" + "nya") or still attached.
CLITIC = "nya"
# ... as a token of its own: "ujar" + "nya", or "-nya" when written with a hyphen.
CLITIC_FORMS = frozenset({CLITIC, "-" + CLITIC})

# Free pronouns that point back to one person: "Ia mengatakan ...", "kata dia", "beliau ...".
PERSON_PRONOUNS = THIRD_SINGULAR | REFLEXIVE
# ... and the enclitic: a speaker after a cue ("ujarnya", "kata dia").
PERSON_PRONOUNS_CLITIC = PERSON_PRONOUNS | CLITIC_FORMS
# Pronoun speakers after a cue, any person: "ujarnya", "kata dia", "kata mereka", "kata saya".
SPEAKER_PRONOUNS = PERSON_PRONOUNS_CLITIC | THIRD_PLURAL | FIRST_PERSON
# Free pronoun subjects: a clause with one names no new actor ("kami menolak", "pihaknya").
SUBJECT_PRONOUNS = THIRD_SINGULAR | THIRD_PLURAL | FIRST_PERSON | SECOND_PERSON | PRONOMINAL_NOUNS

# Subjects inside a quote that stand for its speaker: "Kami menolak ...," kata X (X rejects);
# "pihaknya" (the speaker's side) in reported speech. In indirect speech ("X mengatakan ia
# menolak ...") a third-person subject is the speaker too, which it is not in a direct quote.
SPEAKER_SUBJECTS = FIRST_PERSON | {"pihaknya"}
SPEAKER_SUBJECTS_INDIRECT = SPEAKER_SUBJECTS | THIRD_SINGULAR

# Demonstratives after a noun: "menteri itu", "bos Tesla tersebut", "hal ini".
DEMONSTRATIVES = frozenset({"itu", "tersebut", "ini"})
# ... and "tadi" (the one just mentioned): "pria tadi".
ANAPHORIC_DETERMINERS = DEMONSTRATIVES | {"tadi"}

# Role-noun mentions introduced by these determiners refer back ("sang presiden", "menteri itu").
ROLE_DETERMINERS_BEFORE: frozenset[str] = frozenset({"sang", "para"})
ROLE_DETERMINERS_AFTER = DEMONSTRATIVES
