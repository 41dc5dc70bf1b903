"""The per-word cache starts again when full."""
from pipeline.nlp.caches import BoundedCache


def test_a_full_cache_starts_again():
    cache = BoundedCache(size=3)
    for word in "abc":
        assert cache.put(word, word.upper()) == word.upper()
    assert len(cache) == 3
    cache.put("d", "D")
    assert dict(cache) == {"d": "D"}
