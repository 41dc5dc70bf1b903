"""The parts figures play in one change statement, and which neighbours make one statement."""
from __future__ import annotations

from pipeline.figures.links import link_groups, link_parts

FILLERS = {"a", "record", "about"}


def _figures(resources, text: str, figures: list[str]):
    doc = resources.nlp(text)
    spans = []
    for figure in figures:
        start = next(i for i in range(len(doc)) if doc[i:].text.startswith(figure) and all(
            span.start != i for span in spans))
        end = next(j for j in range(start + 1, len(doc) + 1) if doc[start:j].text == figure)
        spans.append(doc[start:end])
    return doc, spans


def test_a_change_with_its_end_point_is_one_statement_and_a_later_level_stands_alone(resources) -> None:
    doc, spans = _figures(resources, "Exports rose by 12 percent to a record $48 billion, while 300 ships sailed.",
                          ["12 percent", "$48 billion", "300 ships"])
    parts = link_parts(doc, spans, ["change", "level", "level"], FILLERS)
    assert parts == ["by", "to", ""]
    assert link_groups(doc, spans, parts) == [(1,), (0,), ()]


def test_a_level_right_before_a_from_figure_is_the_end_point(resources) -> None:
    doc, spans = _figures(resources, "Tarrow sold 18% of its vans, up from 9 percent.", ["18%", "9 percent"])
    parts = link_parts(doc, spans, ["share", "level"], FILLERS)
    assert parts == ["to", "from"]
    assert link_groups(doc, spans, parts) == [(1,), (0,)]


def test_a_change_restated_after_or_is_the_same_part(resources) -> None:
    doc, spans = _figures(resources, "Brill shares gained $1.40, or 3.1%, on Monday.", ["$1.40", "3.1%"])
    parts = link_parts(doc, spans, ["change", "level"], FILLERS)
    assert parts == ["by", "by"]
    assert link_groups(doc, spans, parts) == [(1,), (0,)]


def test_a_verb_between_two_figures_starts_another_statement(resources) -> None:
    doc, spans = _figures(resources, "Brisco fell 14 to 1,162, Harlow slid 9.5 to 200.5, and Tarrow lost 10 to 250.",
                          ["1,162", "9.5", "200.5", "10", "250"])
    parts = link_parts(doc, spans, ["level", "change", "level", "change", "level"], FILLERS)
    assert parts == ["to", "by", "to", "by", "to"]
    assert link_groups(doc, spans, parts) == [(), (2,), (1,), (4,), (3,)]


def test_a_participle_between_two_figures_continues_the_statement(resources) -> None:
    doc, spans = _figures(resources, "The bank added $42 million to reserves, raising them to $510 million.",
                          ["$42 million", "$510 million"])
    parts = link_parts(doc, spans, ["change", "level"], FILLERS)
    assert parts == ["by", "to"]
    assert link_groups(doc, spans, parts) == [(1,), (0,)]
