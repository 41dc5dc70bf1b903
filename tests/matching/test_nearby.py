"""Guard and context parts of bounded length, matched only next to a position asked about, find
what matching them over the whole document finds."""
from pathlib import Path

from spacy.matcher import Matcher

from pipeline.matching.nearby import edge_variants

ARTICLES = Path(__file__).resolve().parents[2] / "corpus" / "articles"


def _check_nearby_against_whole_document(resources, nearby):
    """Every side of ``nearby`` (NearbyParts) finds, at every position, what a Matcher of the same
    patterns finds over the whole document ending (``before``) or starting there; returns how many
    positions had matches."""
    keys = resources.matcher.keys
    texts = [path.read_text(encoding="utf-8") for path in sorted(ARTICLES.glob("*.txt"))[:6]]
    sides = ((nearby.before, nearby.ending_at, True), (nearby.after, nearby.starting_at, False))
    matched = 0
    for doc in resources.nlp.pipe(texts):
        for groups, lookup, ending in sides:
            whole = Matcher(resources.nlp.vocab, validate=False)
            for match_id in keys:
                if groups.get(match_id) is not None:
                    whole.add(match_id, groups.get(match_id)[1])
            if not len(whole):
                continue
            expected: dict[int, set] = {}
            for match_id, start, end in whole(doc):
                position, other = (end, start) if ending else (start, end)
                expected.setdefault(position, set()).add((match_id, other))
            found = {p: set(lookup(doc, p)) for p in range(len(doc) + 1)}
            assert {p: hits for p, hits in found.items() if hits} == expected
            matched += len(expected)
    return matched


def test_nearby_context_parts_match_as_over_the_whole_document(resources):
    nearby = resources.matcher.nearby
    assert len(nearby.before) > 0 and len(nearby.after) > 0
    assert _check_nearby_against_whole_document(resources, nearby) > 0


def test_edge_variants_spell_out_optional_tokens_at_the_edge():
    a, b, c = {"LOWER": "a"}, {"LOWER": "b", "OP": "?"}, {"LOWER": "c", "OP": "{,2}"}
    plain_b = {"LOWER": "b"}
    assert edge_variants([a, b], last=True) == [[a], [a, plain_b]]
    assert edge_variants([b, a], last=False) == [[a], [plain_b, a]]
    assert len(edge_variants([a, b, c], last=True)) == 6
    assert edge_variants([a], last=True) == [[a]]
    assert edge_variants([b], last=True) == []  # nothing required at all
    assert edge_variants([a, {"LOWER": "d", "OP": "!"}], last=True) == []


def test_nearby_guards_match_as_over_the_whole_document(resources):
    guards = resources.matcher.nearby_guards
    assert len(guards.before) > 0
    _check_nearby_against_whole_document(resources, guards)
