"""The one kind of cache the pipeline keeps per word: bounded, so that memory stays flat."""
from __future__ import annotations

from typing import TypeVar

V = TypeVar("V")

CACHE_SIZE = 20_000
"""Entries a per-word cache keeps. News text repeats some thousands of words most of the time; numbers and
names are new all the time, and a cache that kept them would grow with the number of articles."""


class BoundedCache(dict):
    """A dict that starts again when full, so that a run over millions of articles keeps a flat
    memory; the words that come back are cached again at once."""

    def __init__(self, size: int = CACHE_SIZE) -> None:
        super().__init__()
        self.size = size

    def put(self, key, value: V) -> V:
        """Store ``value`` (emptying the cache first when full) and return it, so that a miss reads
        ``found = cache.put(key, compute(key))``."""
        if len(self) >= self.size:
            self.clear()
        self[key] = value
        return value
