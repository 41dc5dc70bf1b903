"""The rule matcher's one-token parts, matched on demand next to a span (cached by the token's word
and tested attributes), find what matching them over the whole document finds."""
from pathlib import Path

from spacy.matcher import Matcher

ARTICLES = Path(__file__).resolve().parents[2] / "corpus" / "articles"


def test_one_token_parts_on_demand_match_as_over_the_whole_document(resources):
    parts, keys = resources.matcher.one_token, resources.matcher.keys
    whole = Matcher(resources.nlp.vocab, validate=False)
    for match_id in keys:
        patterns = parts.matcher.get(match_id)
        if patterns is not None:
            whole.add(match_id, patterns[1])
    assert len(whole) == len(parts.matcher) > 0
    texts = [path.read_text(encoding="utf-8") for path in sorted(ARTICLES.glob("*.txt"))[:6]]
    for doc in resources.nlp.pipe(texts):
        expected: dict[int, set] = {}
        for match_id, start, _ in whole(doc):
            rule, part = keys[match_id]
            expected.setdefault(start, set()).add((rule.id, part))
        for _ in range(2):  # the second time from the cache
            found = {t.i: {(keys[k][0].id, keys[k][1]) for k in parts.on(t)} for t in doc}
            assert {i: keys for i, keys in found.items() if keys} == expected
