"""Build src/warta/data/lexicon/common-en.txt: common English words that are no person's name.

Indonesian news capitalises English phrases word by word ("Foreign Direct Investment",
"Wealth Management") and the NER often tags them PERSON; a span made of common words only is
a phrase, not a name (``warta.resolve.actors._common_phrase``). The English words are taken
from wordfreq (data CC BY-SA 4.0; code Apache-2.0; a build-time dependency only, not one of
warta's) with a Zipf frequency of at least MIN_ZIPF; left out are words more frequent in
Indonesian than in English ("andi", "putra") and every word that names a person in the NER
corpora of shared/data (idner-news-2k, IndoNLU NERGrit/NERP: MIT; IndoLEM NER-UGM/UI:
CC BY 4.0), so given names written in English ("Mark", "Grace", "Donald") stay names.
Names the corpora miss ("Aaron Carter", "Angela Merkel") are told from a phrase by the
phrase's everyday English word, one English uses far more than other languages do ("Fuel
Surcharge": "fuel"); a name travels across languages with much the same frequency.
The file is CC BY-SA 4.0 like wordfreq's data.

    pip install --target /tmp/wf wordfreq==3.1.1
    PYTHONPATH=/tmp/wf python scripts/build_common_english.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import wordfreq  # type: ignore[import-not-found]

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "warta" / "data" / "lexicon" / "common-en.txt"
MIN_ZIPF = 2.4  # about one in 250 million words and up
# A name is much the same word in every language ("Angela", "Merkel", "Emre"); a common
# English word is rarer elsewhere ("wealth", "foreign"). A word far rarer in English than in
# some other language is left out ("emre", "merkel"); an "everyday" word is frequent in
# English and clearly rarer in every other language.
OTHER_LANGS = ("de", "fr", "es", "it", "nl", "pt", "id", "tr", "pl", "sv")
MIN_MARGIN = -0.5
EVERYDAY_ZIPF = 3.5
EVERYDAY_MARGIN = 1.0
NER_FILES = ("idner-news-2k/train.txt", "idner-news-2k/dev.txt",
             "indonlu-nergrit/train_preprocess.txt", "indonlu-nerp/train_preprocess.txt",
             "indolem-nerugm/train.01.tsv", "indolem-nerugm/dev.01.tsv",
             "indolem-nerui/train.01.tsv", "indolem-nerui/dev.01.tsv")
PERSON_TAGS = ("PER", "PERSON", "PPL")


def person_words(data: Path) -> set[str]:
    """Lower-cased words inside person entities of the NER corpora."""
    out: set[str] = set()
    for name in NER_FILES:
        for line in (data / name).read_text(encoding="utf-8").splitlines():
            cols = line.split()
            if len(cols) < 2:
                continue
            tag = cols[-1].split("-")[-1].upper()
            if tag in PERSON_TAGS:
                out.add(cols[0].lower())
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    names = person_words(args.data)
    words = []
    for w in wordfreq.iter_wordlist("en", "best"):
        if not (w.isascii() and w.isalpha() and len(w) > 2 and w not in names):
            continue
        z = wordfreq.zipf_frequency(w, "en")
        other = max(wordfreq.zipf_frequency(w, lang) for lang in OTHER_LANGS)
        if z < MIN_ZIPF or wordfreq.zipf_frequency(w, "id") >= z or z - other < MIN_MARGIN:
            continue
        everyday = z >= EVERYDAY_ZIPF and z - other >= EVERYDAY_MARGIN
        words.append(f"{w}\t*" if everyday else w)
    words.sort()
    header = ("# Common English words (wordfreq 3.1.1 'best' list, Zipf >= 2.4, more frequent\n"
              "# in English than in Indonesian, not much rarer than in the other languages of\n"
              "# OTHER_LANGS) that name no person in shared/data's NER corpora; marked '*': an\n"
              "# English word (Zipf >= 3.5, >= 1.0 above every other language) that names\n"
              "# travel with across languages lack. Built by scripts/build_common_english.py.\n"
              "# Licence: CC BY-SA 4.0 (wordfreq data).\n")
    OUT.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words ({len(names)} person words left out) → {OUT}")


if __name__ == "__main__":
    main()
