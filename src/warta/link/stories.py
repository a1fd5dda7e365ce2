"""Stories: articles about one developing story, grouped by what they say, who is in them and
when they were published.

The method is single-pass clustering against story centroids, as in topic detection and
tracking: articles are read in publication order; each is compared with every story still
open (its last article at most ``story_window_days`` older, its span kept within
``story_max_span_days`` if the article joined) and joins the most similar one when the
similarity reaches ``story_threshold``, else starts a story. Comparing with the story's
centroid (the mean of its articles' vectors), not with its latest article, is what stops the
chaining single-link grouping suffers (A like B, B like C, ... so A and Z together months
apart); the span bound stops the rest.

Similarity = (1 - w) x cosine of the texts + w x cosine of the actors (+ a bonus when the
article reports a real-world event the story already holds, from ``warta.link.events``):
the texts are TF-IDF vectors of title and lead (scikit-learn), or the records' embeddings when
every record carries one (``record["embedding"]``, a list of numbers); the actors are TF-IDF
vectors of the actor ids each article mentions, so an actor in every article (the country the
news is from) weighs little.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import numpy as np
from numpy.typing import NDArray

from warta.link.events import link_event_mentions
from warta.partial_date import PartialDate
from warta.settings import LinkSettings, Settings

VERSION = 1  # bump when the grouping of the same records changes


class Stories:
    """Stories so far, as the sums a centroid cosine needs (no centroid vector is kept).

    With unit article vectors u_j, the cosine of a story's centroid with article x is
    (sum_j u_j . x) / |sum_j u_j|, and |sum_j u_j|^2 grows by 2 sum_j u_j . x + |x|^2 when x
    joins: so article-to-article similarities are all it takes, and memory stays a few numbers
    per story however large the vocabulary. Arrays hold room for one story per article.
    """

    def __init__(self, size: int) -> None:
        self.of = np.full(size, -1, dtype=np.int64)  # story of each article, -1 unassigned
        self.first = np.full(size, np.nan)  # days as ordinals; NaN: undated
        self.last = np.full(size, np.nan)
        self.norm2_text = np.zeros(size)
        self.norm2_actors = np.zeros(size)
        self.events: list[set[str]] = []
        self.members: list[list[int]] = []

    @property
    def count(self) -> int:
        return len(self.members)

    def open_to(self, day: date | None, rules: LinkSettings) -> NDArray[np.bool_]:
        """Which stories an article of ``day`` may still join (recent enough, span kept);
        undated articles only join undated stories."""
        first, last = self.first[:self.count], self.last[:self.count]
        if day is None:
            return np.asarray(np.isnan(last))
        d = day.toordinal()
        with np.errstate(invalid="ignore"):
            return np.asarray((d - last <= rules.story_window_days)
                              & (d - first <= rules.story_max_span_days))

    def new(self) -> int:
        self.events.append(set())
        self.members.append([])
        return self.count - 1


def group_stories(records: Sequence[Mapping[str, Any]],
                  settings: Settings | None = None) -> dict[str, str]:
    """record id → story id; every record gets one, records of one story share it. A story's
    id is the hash of its first article's id, so it is stable while that article leads it."""
    settings = settings or Settings()
    rules = settings.link
    if not records:
        return {}
    events = _events_by_record(records, settings)
    texts, actors = _text_vectors(records, rules), _actor_vectors(records)
    days = [_day(r.get("published")) for r in records]
    stories = Stories(len(records))
    for i in _in_time_order(records):
        text_sim, actor_sim = _row(texts, i), _row(actors, i)
        scores = _scores(stories, text_sim, actor_sim, events[i], rules)
        scores[~stories.open_to(days[i], rules)] = -np.inf
        if len(scores) and scores.max() >= rules.story_threshold:
            story = int(scores.argmax())
        else:
            story = stories.new()
        _join(stories, story, i, text_sim, actor_sim, events[i], days[i])
    out: dict[str, str] = {}
    for members in stories.members:
        sid = story_id(str(records[members[0]]["id"]))
        for i in members:
            out[str(records[i]["id"])] = sid
    return out


def story_leads(records: Sequence[Mapping[str, Any]], stories: Mapping[str, str],
                settings: Settings | None = None) -> dict[str, str]:
    """story id → the record id of its most central article (the highest summed text cosine
    with the story's other articles; the earliest on ties): its headline names the story."""
    rules = (settings or Settings()).link
    texts = _text_vectors(records, rules)
    members: dict[str, list[int]] = {}
    for i in _in_time_order(records):
        members.setdefault(stories[str(records[i]["id"])], []).append(i)
    leads: dict[str, str] = {}
    for story, rows in members.items():
        if len(rows) < 3:  # with one or two articles, the first one leads
            leads[story] = str(records[rows[0]]["id"])
            continue
        sub = texts[rows]
        sums = np.asarray((sub @ sub.T).sum(axis=1), dtype=np.float64).ravel()
        leads[story] = str(records[rows[int(sums.argmax())]]["id"])
    return leads


def story_id(first_article: str) -> str:
    """A story's id: 16 hex digits of the hash of its first article's id."""
    return "st" + hashlib.sha1(first_article.encode()).hexdigest()[:16]


def _in_time_order(records: Sequence[Mapping[str, Any]]) -> list[int]:
    """Record positions by publication day (undated last), then id: the order stories grow."""
    days = [_day(r.get("published")) for r in records]
    return sorted(range(len(records)),
                  key=lambda i: (days[i] is None, days[i] or date.min, str(records[i]["id"])))


def _row(matrix: Any, i: int) -> NDArray[np.float64]:
    """Cosines of article ``i`` with every article (rows are unit vectors or zero)."""
    column = matrix @ matrix[i].T
    dense = column.toarray() if hasattr(column, "toarray") else column  # sparse TF-IDF
    return np.asarray(dense, dtype=np.float64).ravel()


def _story_sums(stories: Stories, sims: NDArray[np.float64]) -> NDArray[np.float64]:
    assigned = stories.of >= 0
    return np.bincount(stories.of[assigned], weights=sims[assigned],
                       minlength=stories.count).astype(np.float64)


def _scores(stories: Stories, text_sim: NDArray[np.float64], actor_sim: NDArray[np.float64],
            events: set[str], rules: LinkSettings) -> NDArray[np.float64]:
    """Similarity of the article to each story's centroid, its shared events counted in."""
    n = stories.count
    if not n:
        return np.zeros(0)
    w = rules.story_actor_weight
    text = _safe_div(_story_sums(stories, text_sim), np.sqrt(stories.norm2_text[:n]))
    actors = _safe_div(_story_sums(stories, actor_sim), np.sqrt(stories.norm2_actors[:n]))
    bonus = np.zeros(n)
    if events:
        bonus[[s for s in range(n) if events & stories.events[s]]] = rules.story_event_bonus
    return np.asarray((1 - w) * text + w * actors + bonus, dtype=np.float64)


def _safe_div(a: NDArray[np.float64], b: NDArray[np.float64]) -> NDArray[np.float64]:
    return np.divide(a, b, out=np.zeros_like(a), where=b > 0)


def _join(stories: Stories, story: int, i: int, text_sim: NDArray[np.float64],
          actor_sim: NDArray[np.float64], events: set[str], day: date | None) -> None:
    """Add article ``i`` to ``story``: grow its squared norms, span and events."""
    mine = stories.of == story
    stories.norm2_text[story] += 2 * float(text_sim[mine].sum()) + float(text_sim[i])
    stories.norm2_actors[story] += 2 * float(actor_sim[mine].sum()) + float(actor_sim[i])
    stories.of[i] = story
    stories.members[story].append(i)
    stories.events[story] |= events
    if day is not None:
        d = day.toordinal()
        stories.first[story] = np.fmin(stories.first[story], d)  # fmin/fmax skip NaN
        stories.last[story] = np.fmax(stories.last[story], d)


def _day(value: str | None) -> date | None:
    parsed = PartialDate.parse(value)
    return parsed.first if parsed is not None else None


def _events_by_record(records: Sequence[Mapping[str, Any]],
                      settings: Settings) -> list[set[str]]:
    """For each record, the real-world events it reports that other records report too."""
    linked = link_event_mentions(records, settings)
    articles: dict[str, set[str]] = {}
    for (record_id, _), event in linked.items():
        articles.setdefault(event, set()).add(record_id)
    shared = {e for e, ids in articles.items() if len(ids) > 1}
    by_record: dict[str, set[str]] = {}
    for (record_id, _), event in linked.items():
        if event in shared:
            by_record.setdefault(record_id, set()).add(event)
    return [by_record.get(str(r["id"]), set()) for r in records]


def _text_vectors(records: Sequence[Mapping[str, Any]], rules: LinkSettings) -> Any:
    """One unit row per record (zero when it says nothing): its embedding when every record has
    one, else TF-IDF of the title (twice: it names the story) and the lead."""
    vectors = [r.get("embedding") for r in records]
    if all(isinstance(v, Sequence) and v and not isinstance(v, str) for v in vectors):
        dense = np.asarray(vectors, dtype=np.float64)
        norms = np.linalg.norm(dense, axis=1, keepdims=True)
        return np.divide(dense, norms, out=np.zeros_like(dense), where=norms > 0)
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = [f"{r.get('title') or ''}. {r.get('title') or ''}. "
            f"{(r.get('text') or '')[:rules.story_text_chars]}" for r in records]
    # max_df drops the words every report uses; sublinear tf keeps one repeated word from
    # deciding; words seen in one article only cannot link two.
    vectorizer = TfidfVectorizer(sublinear_tf=True, min_df=2 if len(docs) > 2 else 1,
                                 max_df=0.5 if len(docs) > 10 else 1.0,
                                 token_pattern=r"(?u)\b[^\W\d_]{3,}\b")
    try:
        return vectorizer.fit_transform(docs)  # sparse, rows of unit length (or zero)
    except ValueError:  # no word survives (tiny or empty inputs): texts say nothing
        return np.zeros((len(records), 1))


def _actor_vectors(records: Sequence[Mapping[str, Any]]) -> Any:
    """One row per record: TF-IDF of the actor ids its entities point to (mention counts)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = [[str(e["actor"]) for e in r.get("entities") or [] if e.get("actor")]
            or [str(a["id"]) for a in r.get("actors") or []] for r in records]
    if not any(docs):
        return np.zeros((len(records), 1))
    vectorizer = TfidfVectorizer(analyzer=lambda ids: ids, sublinear_tf=True)
    return vectorizer.fit_transform(docs)
