"""Whether an article can belong to a story in time.

A story keeps what its members say about when the event happened: the span of their
publication dates, and the bounds their contents give (a member that mentions 2022 puts the
event no earlier than 2022; one that speaks of "last year's war" after a 2020 war puts it in
2021). An article far from a story's dates, or whose own bounds exclude them, is unlikely to
report the same event; how unlikely depends on how sure each side is.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date

from ..extract.timeframe import Timeframe

# Reports of one event are published within days of each other, and follow-ups keep coming
# for weeks; months apart, the same words more often mean a new event. No penalty within the
# grace period, then similarity decays by e every EVENT_DECAY_DAYS of further gap.
EVENT_GRACE_DAYS = 7.0
EVENT_DECAY_DAYS = 30.0
# A publication date this sure counts as a day, not a range.
EXACT_CONFIDENCE = 0.9


@dataclass(frozen=True)
class StoryTime:
    """What a story's members say about when it happened."""

    first_published: date | None = None
    last_published: date | None = None
    floor: date | None = None
    floor_confidence: float = 0.0
    ceiling: date | None = None
    ceiling_confidence: float = 0.0

    def add(self, frame: Timeframe) -> "StoryTime":
        """The story's time once an article with this timeframe has joined it."""
        updated = self
        if frame.start is not None and frame.start == frame.end and frame.confidence >= EXACT_CONFIDENCE:
            day = frame.start
            updated = replace(
                updated,
                first_published=min(filter(None, [updated.first_published, day])),
                last_published=max(filter(None, [updated.last_published, day])),
            )
        elif frame.start is not None or frame.end is not None:
            if frame.start is not None and (updated.floor is None or frame.start > updated.floor):
                updated = replace(updated, floor=frame.start, floor_confidence=frame.confidence)
            if frame.end is not None and (updated.ceiling is None or frame.end < updated.ceiling):
                updated = replace(updated, ceiling=frame.end, ceiling_confidence=frame.confidence)
        return updated

    def merge(self, other: "StoryTime") -> "StoryTime":
        """The time of two stories folded into one."""
        merged = self
        for day in (other.first_published, other.last_published):
            if day is not None:
                merged = merged.add(Timeframe(day, day, 1.0, "published"))
        if other.floor is not None:
            merged = merged.add(Timeframe(other.floor, None, other.floor_confidence, "floor"))
        if other.ceiling is not None:
            merged = merged.add(Timeframe(None, other.ceiling, other.ceiling_confidence, "ceiling"))
        return merged


def _decay(gap_days: int) -> float:
    return math.exp(-max(0.0, gap_days - EVENT_GRACE_DAYS) / EVENT_DECAY_DAYS)


def time_factor(frame: Timeframe, story: StoryTime) -> float:
    """A multiplier in (0, 1] on an article's similarity to a story: 1 when time says nothing against it."""
    factor = 1.0
    if frame.start is not None and frame.start == frame.end and frame.confidence >= EXACT_CONFIDENCE:
        day = frame.start
        if story.first_published is not None and story.last_published is not None:
            gap = max(0, (story.first_published - day).days, (day - story.last_published).days)
            factor = _decay(gap)
        start = end = day
    else:
        start, end = frame.start, frame.end
    # Bounds that exclude each other: weigh by the less sure side.
    if end is not None and story.floor is not None and end < story.floor:
        factor *= 1.0 - min(frame.confidence, story.floor_confidence)
    if start is not None and story.ceiling is not None and start > story.ceiling:
        factor *= 1.0 - min(frame.confidence, story.ceiling_confidence)
    if start is not None and story.last_published is not None and frame.start != frame.end:
        # An inferred range that ends before the story's reports were published.
        if end is not None and end < story.first_published:  # type: ignore[operator]
            factor *= 1.0 - frame.confidence
    return factor


def story_time_factor(a: StoryTime, b: StoryTime) -> float:
    """Whether two stories can be one event in time (for merging)."""
    factor = 1.0
    if a.first_published and b.first_published and a.last_published and b.last_published:
        gap = max(0, (b.first_published - a.last_published).days, (a.first_published - b.last_published).days)
        factor = _decay(gap)
    if a.ceiling and b.floor and a.ceiling < b.floor:
        factor *= 1.0 - min(a.ceiling_confidence, b.floor_confidence)
    if b.ceiling and a.floor and b.ceiling < a.floor:
        factor *= 1.0 - min(b.ceiling_confidence, a.floor_confidence)
    return factor
