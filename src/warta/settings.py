"""Frozen settings: the packaged ``default_config.toml`` with an optional user file on top.

Settings are passed down explicitly; nothing in warta reads module-level mutable configuration.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

from warta.errors import ConfigError, Errors


@dataclass(frozen=True)
class IngestSettings:
    max_bytes: int = 50_000_000
    max_expanded_bytes: int = 500_000_000  # what one compressed input may expand to
    max_record_bytes: int = 10_000_000  # one WARC record body or HTML page, before parsing
    max_article_chars: int = 2_000_000  # one article's text; longer ones are refused unread
    chunk_chars: int = 50_000  # longer articles are analysed by pieces of whole paragraphs
    text_column: str = "text"
    title_column: str = "title"
    date_column: str = "published"
    url_column: str = "url"
    id_column: str = "id"


@dataclass(frozen=True)
class LanguageSettings:
    candidates: tuple[str, ...] = ("id", "ms", "en", "jv", "su", "zh", "ar", "ru")
    supported: tuple[str, ...] = ("id",)


@dataclass(frozen=True)
class ActorsSettings:
    user_file: str = ""  # actors.toml/CSV that adds or corrects actors; wins over what is learned


@dataclass(frozen=True)
class EmbedSettings:
    enabled: bool = False  # the embed stage runs during analysis (else: `warta embed`)
    model: str = "multilingual-e5-small-q4"  # warta.nlp.embed.MODELS names the known ones
    paragraphs: bool = False  # also one vector per paragraph (costs ~17x the title + lead)
    max_tokens: int = 128  # model tokens embedded per title + lead, and per paragraph
    min_paragraph_chars: int = 80  # shorter lines (captions, "Baca juga") get no vector
    threads: int = 1  # the model's threads per process (ingest runs one process per core)
    rrf_k: int = 60  # hybrid search: reciprocal-rank fusion constant
    candidates: int = 100  # hybrid/semantic search: nearest articles ranked


@dataclass(frozen=True)
class ServeSettings:
    host: str = "127.0.0.1"
    port: int = 8000
    query_time_limit_ms: int = 2000


@dataclass(frozen=True)
class LinkSettings:
    """Links between articles: one real-world event in many reports, and stories."""

    after_ingest: bool = True  # recompute the links after `warta ingest` and `warta load`
    event_window_days: int = 3  # two reports of one event are dated at most this far apart
    event_max_span_days: int = 7  # the reports of one event span at most this many days
    event_missing_party: bool = False  # a one-sided mention may join the one event it fits
    event_story_partial: bool = True  # in one story, a side may be missing (same trigger word)
    event_story_window_days: int = 1  # ... when the two reports' days are at most this apart
    story_window_days: int = 7  # an article joins a story last reported at most this long ago
    story_max_span_days: int = 45  # a story spans at most this many days (no months of chain)
    story_threshold: float = 0.45  # least similarity of an article to a story's centroid
    story_actor_weight: float = 0.3  # share of shared actors in that similarity (rest: text)
    story_event_bonus: float = 0.15  # added when the article reports an event of the story
    story_text_chars: int = 2000  # characters of each article's text compared (title + lead)


@dataclass(frozen=True)
class DedupSettings:
    enabled: bool = True  # fold copies of a stored text into versions of it
    near: bool = True  # near copies too (MinHash/LSH), not only the same normalised text
    threshold: float = 0.6  # estimated Jaccard of word shingles from which a text is a copy
    num_perm: int = 128  # MinHash permutations (signature length)
    shingle: int = 5  # words per shingle
    sentences: bool = True  # re-edited copies too, by sentence alignment (needs ``near``)
    sentence_similarity: float = 0.5  # word-set Jaccard from which two sentences are aligned
    aligned_share: float = 0.75  # share of the shorter text's sentences aligned: a copy
    longer_share: float = 0.4  # ... when this share of the longer text's are aligned too
    min_aligned: int = 3  # fewer aligned sentences are never a copy (a quote or two in common)
    min_sentence_words: int = 4  # shorter sentences are left out of the alignment
    names_share: float = 0.5  # aligned sentences share this much of their capitalised words
    quotes_min: int = 4  # quotations, all of them in the other text, that lower the bar ...
    quoted_share: float = 0.5  # ... to this share of the shorter text's sentences aligned
    paraphrase: bool = True  # rewrites too: sentences in the same order, reworded (needs sentences)
    paraphrase_similarity: float = 0.3  # character 4-gram cosine from which two are paraphrases
    paraphrase_share: float = 0.8  # share of the shorter text's sentences so aligned: a copy


@dataclass(frozen=True)
class Settings:
    ingest: IngestSettings = field(default_factory=IngestSettings)
    language: LanguageSettings = field(default_factory=LanguageSettings)
    actors: ActorsSettings = field(default_factory=ActorsSettings)
    embed: EmbedSettings = field(default_factory=EmbedSettings)
    serve: ServeSettings = field(default_factory=ServeSettings)
    link: LinkSettings = field(default_factory=LinkSettings)
    dedup: DedupSettings = field(default_factory=DedupSettings)

    def with_ingest(self, **changes: Any) -> Settings:
        """A copy with some ingest options replaced; ``None`` values are ignored."""
        kept = {k: v for k, v in changes.items() if v is not None}
        return replace(self, ingest=replace(self.ingest, **kept))


_SECTIONS: dict[str, Any] = {  # section → its settings dataclass
    "ingest": IngestSettings,
    "language": LanguageSettings,
    "actors": ActorsSettings,
    "embed": EmbedSettings,
    "serve": ServeSettings,
    "link": LinkSettings,
    "dedup": DedupSettings,
}


def _merge(base: dict[str, Any], over: dict[str, Any], origin: str) -> dict[str, Any]:
    merged = {k: dict(v) for k, v in base.items()}
    for section, values in over.items():
        if section not in _SECTIONS or not isinstance(values, dict):
            reason = f"unknown section [{section}]"
            raise ConfigError(Errors.E021.format(path=origin, reason=reason))
        known = set(_SECTIONS[section].__dataclass_fields__)
        unknown = set(values) - known
        if unknown:
            reason = f"unknown key(s) {sorted(unknown)} in [{section}]"
            raise ConfigError(Errors.E021.format(path=origin, reason=reason))
        _check_types(section, values, origin)
        merged.setdefault(section, {}).update(values)
    return merged


def _check_types(section: str, values: dict[str, Any], origin: str) -> None:
    """Refuse a value of the wrong kind now (E021), not as a TypeError deep inside a stage."""
    defaults = _SECTIONS[section]()
    for key, value in values.items():
        expected = getattr(defaults, key)
        if isinstance(expected, tuple):
            ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
            kind = "a list of strings"
        else:
            # a number setting takes a whole number too (`story_threshold = 1`)
            accepted = (int, float) if isinstance(expected, float) else type(expected)
            ok = isinstance(value, accepted) and not (
                isinstance(value, bool) and not isinstance(expected, bool))
            kind = {int: "an integer", float: "a number", str: "a string",
                    bool: "true or false"}.get(type(expected), type(expected).__name__)
        if not ok:
            reason = f"[{section}] {key} must be {kind}, not {value!r}"
            raise ConfigError(Errors.E021.format(path=origin, reason=reason))


def load_settings(path: str | Path | None = None) -> Settings:
    """Read the packaged defaults, then the user's TOML file if given."""
    text = resources.files("warta").joinpath("default_config.toml").read_text("utf-8")
    data = tomllib.loads(text)
    if path is not None:
        try:
            user = tomllib.loads(Path(path).read_text("utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
            raise ConfigError(Errors.E021.format(path=path, reason=e)) from e
        data = _merge(data, user, str(path))
    parts: dict[str, Any] = {}
    for section, cls in _SECTIONS.items():
        values = dict(data.get(section, {}))
        for key, value in values.items():
            if isinstance(value, list):
                values[key] = tuple(value)
        parts[section] = cls(**values)
    return Settings(**parts)
