"""Online story clustering: each article joins the story of the event it reports, or starts one.

Single pass over the stream, in arrival order. An article's similarity to a story is its
average similarity to the story's members (average link: the dot product with the mean of
the members' unit vectors), times what time says (`timing.py`). Average link keeps a
story from snowballing: a story that took in a stray article gets a more diffuse mean and
attracts less. When an article's arrival shows two stories to be one (their average link
passes the merge threshold), the younger is folded into the older.

Candidates come from an inverted index over the top terms of the active stories: the most
recently updated `max_active` ones (and, of the stories holding one term, the freshest
`RECENT_POSTINGS`). Older stories stay in the store but are not searched,
so the cost per article does not grow with the history.
"""

from __future__ import annotations

import heapq
import itertools
import json
import sys
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Iterable

from ..extract.timeframe import Timeframe
from .features import ArticleFeatures, Vector, dot
from .timing import StoryTime, story_time_factor, time_factor

if TYPE_CHECKING:
    from ..store import Store

# Thresholds on average-link similarity. Calibrated on the seed articles and the MultiLing
# 2011 story clusters, not on ECB+ (which scores them): reports of one event in the seeds
# share 0.24-0.53 with each other, articles of one long-running topic in MultiLing a median
# of 0.18, and articles of different topics almost never more than 0.03.
JOIN_THRESHOLD = 0.22
MERGE_THRESHOLD = JOIN_THRESHOLD
THREAD_THRESHOLD = 0.08
# Features kept in a story's or thread's summed vector, and indexed for candidate search.
STORY_FEATURES = 200
INDEXED_FEATURES = 20
QUERY_FEATURES = 15
# Features of an article used to score candidates: the heaviest hold most of its weight, and
# each one more costs a lookup in every candidate story.
SCORE_FEATURES = 60
MAX_CANDIDATES = 20
# Index entries shared by this many active stories say nothing ("said", "trump" in a US feed).
MAX_POSTINGS = 500
# Of the stories holding one index entry, only the most recently updated this many are
# candidates: news stories are joined while they are fresh, and this keeps the cost of a
# lookup from growing as the active window fills up.
RECENT_POSTINGS = 64
# Features kept of the titled member, to compare a newcomer's claim to the title.
TITLE_FEATURES = 40
# Merging is considered with the stories the joining article also links to at least this
# well: two stories can only turn out to be one through articles that fit both.
MERGE_CHECK_FLOOR = 0.5
# A thread's vector follows its stories' means, refreshed when a story reaches these sizes
# (a story's mean moves little between them) and every THREAD_UPDATE_EVERY articles after.
THREAD_UPDATE_AT = {2, 3, 4, 6, 8, 12, 16, 24, 32}
THREAD_UPDATE_EVERY = 16
# A story alone in its thread looks for a thread again when it reaches these sizes.
RECONSIDER_AT = {2, 4, 8, 16}


def _prune(vector: Vector, size: int) -> Vector:
    """The `size` heaviest entries (ties broken by key), in the vector's own order.

    Finds the cut-off weight with a sort of the bare floats, which runs in C; this is the
    clusterer's most frequent step (every story vector is pruned after each article).
    """
    if len(vector) <= size:
        return vector
    if size <= 0:
        return {}
    cut = sorted(vector.values(), reverse=True)[size - 1]
    top = {key: value for key, value in vector.items() if value > cut}
    if len(top) < size:
        for key in sorted(key for key, value in vector.items() if value == cut)[: size - len(top)]:
            top[key] = cut
    return top


def _add(target: Vector, source: Vector, scale: float = 1.0) -> None:
    for key, value in source.items():
        target[key] = target.get(key, 0.0) + value * scale


def _sum(first: Vector, second: Vector) -> Vector:
    """A new vector, first + second: a story's vector may be shared (see `StoryState.mean`)."""
    total = dict(first)
    _add(total, second)
    return total


def _interned(vector: Vector) -> Vector:
    """The vector with its keys interned: the active stories share one copy of each feature's name.

    Features arrive unpickled from the workers or parsed from JSON, a new string each time;
    interned, 20,000 active stories hold one string per distinct feature.
    """
    return {sys.intern(key): value for key, value in vector.items()}


def _top_keys(vector: Vector, size: int) -> set[str]:
    return set(_prune(vector, size))


@dataclass
class StoryState:
    """A story as the clusterer holds it while it is active."""

    id: int
    thread_id: int
    vector: Vector
    articles: int
    time: StoryTime
    first_seq: int
    last_seq: int
    title: str | None = None
    title_vector: Vector = field(default_factory=dict)
    indexed: set[str] = field(default_factory=set)
    thread_share: Vector = field(default_factory=dict)

    def mean(self) -> Vector:
        """The members' mean; for a story of one article, its vector itself (no copy: most stories
        have one article, and a vector is never changed in place)."""
        if self.articles == 1:
            return self.vector
        return {key: value / self.articles for key, value in self.vector.items()}


@dataclass
class ThreadState:
    """A long-running topic: the mean vectors of its stories, summed."""

    id: int
    vector: Vector
    stories: int
    first_seq: int
    last_seq: int
    title: str | None = None
    indexed: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class ClusterItem:
    """What the clusterer needs to know of an article."""

    article_id: int
    seq: int
    title: str | None
    features: ArticleFeatures
    timeframe: Timeframe


@dataclass(frozen=True)
class StoryDecision:
    """Where an article goes: an existing story (with its score), or a new one (story_id None)."""

    story_id: int | None
    score: float
    candidates: tuple[tuple[int, float], ...] = ()


class _Index:
    """An inverted index from features to the ids holding them among their top features.

    Each posting list is kept in update order (a dict used as an ordered set), so the most
    recently updated holders can be read from its end.
    """

    def __init__(self) -> None:
        self.postings: dict[str, dict[int, None]] = {}

    def update(self, item_id: int, old: set[str], new: set[str]) -> None:
        for key in old - new:
            holders = self.postings.get(key)
            if holders is not None:
                holders.pop(item_id, None)
                if not holders:
                    del self.postings[key]
        for key in new:
            holders = self.postings.setdefault(key, {})
            holders.pop(item_id, None)
            holders[item_id] = None  # to the end: the freshest holder

    def candidates(self, vector: Vector) -> list[int]:
        hits: dict[int, float] = {}
        for key in _top_keys(vector, QUERY_FEATURES):
            holders = self.postings.get(key)
            if not holders or len(holders) > MAX_POSTINGS:
                continue
            weight = vector[key]
            for holder in itertools.islice(reversed(holders), RECENT_POSTINGS):
                hits[holder] = hits.get(holder, 0.0) + weight
        ranked = heapq.nsmallest(MAX_CANDIDATES, hits.items(), key=lambda item: (-item[1], -item[0]))
        return [holder for holder, _ in ranked]


class StoryClusterer:
    """Assigns articles to stories and stories to threads; `learn_one`/`predict_one`, state in the store."""

    def __init__(self, store: "Store", max_active: int):
        self._store = store
        self._max_active = max_active
        self._stories: OrderedDict[int, StoryState] = OrderedDict()
        self._threads: OrderedDict[int, ThreadState] = OrderedDict()
        self._story_index = _Index()
        self._thread_index = _Index()
        self._dirty_stories: set[int] = set()
        self._dirty_threads: set[int] = set()
        self._pending_members: list[tuple[int, int, float]] = []
        self._pending_merges: list[tuple[int, int]] = []
        self._next_story_id = 0
        self._next_thread_id = 0
        self._loaded = False

    # -- state -------------------------------------------------------------------------------

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        self._next_story_id, self._next_thread_id = (value + 1 for value in self._store.max_story_and_thread_ids())
        for row in self._store.active_threads(self._max_active):
            thread = ThreadState(row["id"], _interned(json.loads(row["vector"])), row["stories"], row["first_seq"], row["last_seq"], row["title"])
            self._add_thread(thread)
        for row in self._store.active_stories(self._max_active):
            story = StoryState(
                id=row["id"],
                thread_id=row["thread_id"],
                vector=_interned(json.loads(row["vector"])),
                articles=row["articles"],
                time=StoryTime(
                    _day(row["first_published"]),
                    _day(row["last_published"]),
                    _day(row["floor_day"]),
                    row["floor_confidence"],
                    _day(row["ceiling_day"]),
                    row["ceiling_confidence"],
                ),
                first_seq=row["first_seq"],
                last_seq=row["last_seq"],
                title=row["title"],
                title_vector=_interned(json.loads(row["title_vector"])),
            )
            story.thread_share = story.mean()
            self._add_story(story)

    def _add_story(self, story: StoryState) -> None:
        self._stories[story.id] = story
        self._stories.move_to_end(story.id)
        new = _top_keys(story.vector, INDEXED_FEATURES)  # the mean's, without dividing
        self._story_index.update(story.id, story.indexed, new)
        story.indexed = new
        while len(self._stories) > self._max_active:
            oldest_id, oldest = next(iter(self._stories.items()))
            if oldest_id in self._dirty_stories:
                break  # written at the next flush, then evicted
            del self._stories[oldest_id]
            self._story_index.update(oldest_id, oldest.indexed, set())

    def _add_thread(self, thread: ThreadState) -> None:
        self._threads[thread.id] = thread
        self._threads.move_to_end(thread.id)
        new = _top_keys(thread.vector, INDEXED_FEATURES)
        self._thread_index.update(thread.id, thread.indexed, new)
        thread.indexed = new
        while len(self._threads) > self._max_active:
            oldest_id, oldest = next(iter(self._threads.items()))
            if oldest_id in self._dirty_threads:
                break
            del self._threads[oldest_id]
            self._thread_index.update(oldest_id, oldest.indexed, set())

    # -- decisions ---------------------------------------------------------------------------

    def predict_one(self, item: ClusterItem) -> StoryDecision:
        """The story this article belongs to, by average link and time."""
        self._load()
        scored = []
        query = _prune(item.features.vector, SCORE_FEATURES)
        for story_id in self._story_index.candidates(query):
            story = self._stories[story_id]
            score = dot(query, story.vector) / story.articles * time_factor(item.timeframe, story.time)
            scored.append((story_id, round(score, 6)))
        scored.sort(key=lambda pair: (-pair[1], pair[0]))
        if scored and scored[0][1] >= JOIN_THRESHOLD:
            return StoryDecision(scored[0][0], scored[0][1], tuple(scored))
        return StoryDecision(None, scored[0][1] if scored else 0.0, tuple(scored))

    def learn_one(self, item: ClusterItem, decision: StoryDecision) -> int:
        """Put the article in the decided story (creating it if new); return the story id."""
        self._load()
        features = _interned(item.features.vector)
        if decision.story_id is None:
            story = StoryState(
                id=self._take_story_id(),
                thread_id=0,
                vector=features,
                articles=1,
                time=StoryTime().add(item.timeframe),
                first_seq=item.seq,
                last_seq=item.seq,
                title=item.title,
                title_vector=_prune(features, TITLE_FEATURES),
            )
            self._assign_thread(story)
        else:
            story = self._stories[decision.story_id]
            story.vector = _prune(_sum(story.vector, features), STORY_FEATURES)
            story.articles += 1
            story.time = story.time.add(item.timeframe)
            story.last_seq = item.seq
            self._choose_title(story, item.title, features)
        self._add_story(story)
        self._dirty_stories.add(story.id)
        self._pending_members.append((item.article_id, story.id, decision.score if decision.story_id else 1.0))
        if decision.story_id is not None:
            if story.articles in THREAD_UPDATE_AT or story.articles % THREAD_UPDATE_EVERY == 0:
                self._update_thread(story)
            self._reconsider_thread(story)
            for other_id, score in decision.candidates:
                if score < MERGE_CHECK_FLOOR * JOIN_THRESHOLD:
                    break
                if other_id != story.id and other_id in self._stories:
                    story = self._maybe_merge(story, self._stories[other_id])
        return story.id

    def assign(self, item: ClusterItem) -> int:
        """predict_one then learn_one: the story the article ends up in."""
        return self.learn_one(item, self.predict_one(item))

    def _maybe_merge(self, story: StoryState, other: StoryState) -> StoryState:
        link = dot(story.vector, other.vector) / (story.articles * other.articles)
        if link * story_time_factor(story.time, other.time) < MERGE_THRESHOLD:
            return story
        keep, fold = (story, other) if story.id < other.id else (other, story)
        keep.vector = _prune(_sum(keep.vector, fold.vector), STORY_FEATURES)
        keep.articles += fold.articles
        keep.time = keep.time.merge(fold.time)
        keep.first_seq, keep.last_seq = min(keep.first_seq, fold.first_seq), max(keep.last_seq, fold.last_seq)
        self._choose_title(keep, fold.title, fold.title_vector)
        del self._stories[fold.id]
        self._story_index.update(fold.id, fold.indexed, set())
        self._remove_from_thread(fold)
        self._pending_merges.append((fold.id, keep.id))
        self._dirty_stories.discard(fold.id)
        self._add_story(keep)
        self._dirty_stories.add(keep.id)
        self._update_thread(keep)
        return keep

    # -- threads -----------------------------------------------------------------------------

    @staticmethod
    def _choose_title(story: StoryState, title: str | None, vector: Vector) -> None:
        """Keep the title of the member closest to the story's mean: the most typical report."""
        if not title:
            return
        # Closest to the mean is closest to the sum: the story's size scales both sides alike.
        if not story.title or dot(vector, story.vector) > dot(story.title_vector, story.vector):
            story.title, story.title_vector = title, _prune(vector, TITLE_FEATURES)

    def _take_story_id(self) -> int:
        self._next_story_id += 1
        return self._next_story_id - 1

    def _take_thread_id(self) -> int:
        self._next_thread_id += 1
        return self._next_thread_id - 1

    def _reconsider_thread(self, story: StoryState) -> None:
        """A story alone in its thread may, as it grows, turn out to belong to an existing thread."""
        thread = self._threads.get(story.thread_id)
        if thread is None or thread.stories != 1 or story.articles not in RECONSIDER_AT:
            return
        mean = story.mean()
        best = self._best_thread(mean, exclude=thread.id)
        if best is None:
            return
        self._remove_from_thread(story)
        best.stories += 1
        story.thread_id = best.id
        story.thread_share = {}
        self._update_thread(story)

    def _best_thread(self, mean: Vector, exclude: int | None = None) -> ThreadState | None:
        best, best_score = None, 0.0
        mean = _prune(mean, SCORE_FEATURES)
        for thread_id in self._thread_index.candidates(mean):
            if thread_id == exclude:
                continue
            thread = self._threads[thread_id]
            if thread.stories <= 0:
                continue
            score = dot(mean, thread.vector) / thread.stories
            if score > best_score or (score == best_score and best is not None and thread_id < best.id):
                best, best_score = thread, score
        return best if best_score >= THREAD_THRESHOLD else None

    def _assign_thread(self, story: StoryState) -> None:
        best = self._best_thread(story.mean())
        if best is None:
            best = ThreadState(self._take_thread_id(), {}, 0, story.first_seq, story.first_seq, story.title)
        best.stories += 1
        best.last_seq = story.last_seq
        story.thread_id = best.id
        story.thread_share = {}
        self._threads[best.id] = best
        self._update_thread(story)

    def _update_thread(self, story: StoryState) -> None:
        thread = self._threads.get(story.thread_id)
        if thread is None:
            return
        mean = story.mean()
        _add(thread.vector, story.thread_share, -1.0)
        _add(thread.vector, mean)
        thread.vector = _prune({key: value for key, value in thread.vector.items() if value > 1e-9}, STORY_FEATURES)
        story.thread_share = mean
        thread.last_seq = max(thread.last_seq, story.last_seq)
        self._add_thread(thread)
        self._dirty_threads.add(thread.id)

    def _remove_from_thread(self, story: StoryState) -> None:
        thread = self._threads.get(story.thread_id)
        if thread is None:
            return
        _add(thread.vector, story.thread_share, -1.0)
        thread.vector = {key: value for key, value in thread.vector.items() if value > 1e-9}
        thread.stories -= 1
        self._dirty_threads.add(thread.id)

    # -- persistence -------------------------------------------------------------------------

    def write(self) -> None:
        """Store what changed since the last write (inside the caller's write transaction)."""
        for thread_id in sorted(self._dirty_threads):
            thread = self._threads.get(thread_id)
            if thread is not None:
                self._store.put_thread(thread)
        for story_id in sorted(self._dirty_stories):
            story = self._stories.get(story_id)
            if story is not None:
                self._store.put_story(story)
        folded = dict(self._pending_merges)

        def resolve(story_id: int) -> int:
            while story_id in folded:
                story_id = folded[story_id]
            return story_id

        for article_id, story_id, score in self._pending_members:
            self._store.put_story_member(article_id, resolve(story_id), score)
        for fold, keep in self._pending_merges:
            self._store.merge_stories(fold, keep)
        self._dirty_stories.clear()
        self._dirty_threads.clear()
        self._pending_members.clear()
        self._pending_merges.clear()
        # Stories held back from eviction while dirty can go now.
        self._trim()

    def _trim(self) -> None:
        while len(self._stories) > self._max_active:
            oldest_id, oldest = next(iter(self._stories.items()))
            del self._stories[oldest_id]
            self._story_index.update(oldest_id, oldest.indexed, set())
        while len(self._threads) > self._max_active:
            oldest_id, oldest = next(iter(self._threads.items()))
            del self._threads[oldest_id]
            self._thread_index.update(oldest_id, oldest.indexed, set())


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def vectors_json(vector: Vector) -> str:
    """A vector as compact JSON, rounded: the store needs no more precision than the decisions do."""
    return json.dumps({key: round(value, 5) for key, value in vector.items()}, ensure_ascii=False, separators=(",", ":"))


__all__ = ["ClusterItem", "StoryClusterer", "StoryDecision", "StoryState", "ThreadState", "vectors_json"]


def iter_key_terms(vector: Vector, size: int) -> Iterable[str]:
    """The heaviest plain words of a vector (no names, figures or years), for display."""
    ranked = sorted(vector.items(), key=lambda item: (-item[1], item[0]))
    return [key for key, _ in ranked if key[0] not in "~#@"][:size]
