"""warta's read-only knowledge base: the gazetteer and the word lists every stage consults.

Data and pure look-ups only, loaded once per process from the package's data files: places,
organisations and public figures with their aliases (``warta.kb.gazetteer``) and the words news
writes in lower case (``warta.kb.lexicon``). Stages import from here; nothing here imports a stage,
so the look-ups sit below every layer that uses them (docs/ARCHITECTURE.md).
"""
