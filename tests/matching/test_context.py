"""Context hits looked up by where they touch a figure, the longest first; guards checked per span."""
from __future__ import annotations


def figure_start(doc, text: str) -> int:
    return next(token.i for token in doc if token.text == text)


def test_context_ending_at_a_figure_longest_first(resources) -> None:
    doc = resources.nlp("They will spend no more than $2 billion.")
    _, hits = resources.matcher.match(doc)
    found = [(hit.rule.id, doc[hit.start:hit.end].text) for hit in hits.ending_at(figure_start(doc, "$"))]
    assert found[:2] == [("qualifier-no-further-than", "no more than"), ("qualifier-more-than", "more than")]
    assert all(hit.rule.label in ("qualifier", "role") for hit in hits.ending_at(figure_start(doc, "$")))
    assert hits.ending_at(0) == ()


def test_context_starting_after_a_figure_is_looked_up_where_it_starts(resources) -> None:
    doc = resources.nlp("Exports rose 5 percent, up from 3 percent a year earlier.")
    candidates, hits = resources.matcher.match(doc)
    five = next(c for c in candidates if doc[c.start].text == "5" and c.label == "percent")
    assert all(hit.start == five.end for hit in hits.starting_at(five.end))
    assert hits.starting_at(five.end) == hits.starting_at(five.end)  # looked up once, then kept


def test_match_all_keeps_only_the_spans_whose_guards_hold(resources) -> None:
    doc = resources.nlp("Industrial equipment made up around 23 percent of exports in 2023.")
    candidates, hits = resources.matcher.match(doc)
    kept = resources.matcher.match_all(doc)[0]
    assert kept == [c for c in candidates if hits.holds(c)]
    assert candidates == sorted(candidates, key=lambda c: (c.start, c.end, resources.matcher.order[c.rule.id]))


def test_a_sentence_about_it_takes_its_sentence_words_from_the_sentence_before(resources) -> None:
    """The index named in one sentence makes the points of "It rose ..." in the next index points;
    a sentence with its own subject does not look back."""
    def holding(text: str) -> set[str]:
        doc = resources.nlp(text)
        candidates, hits = resources.matcher.match(doc)
        return {c.rule.id for c in candidates if doc[c.start:c.end].text == "27.5 points" and hits.holds(c)}

    assert "quantity-index-points" in holding("The firm topped the index. It went up by 27.5 points.")
    assert "quantity-index-points" not in holding("The firm topped the index. Its chairman won 27.5 points.")
