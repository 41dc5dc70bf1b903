"""The consistency checks themselves: one function for every check id the rule loader accepts, and
the pairing of one measure's figures, which stays linear in a very long article."""
from __future__ import annotations

from pipeline.checks.figures import Fig
from pipeline.checks.kinds import CHECKS, class_pairs
from pipeline.records import Claim
from pipeline.rules import CHECK_IDS


def test_every_check_id_has_its_function_in_the_same_order() -> None:
    assert tuple(CHECKS) == CHECK_IDS


def _revenue(sentence: int, value: float) -> Fig:
    claim = Claim(claim_id=f"c{sentence}", article_id="a", sentence_index=sentence, start=sentence * 10,
                  end=sentence * 10 + 5, kind="money", text="$5", value=str(value), unit="USD", time_value="2023")
    return Fig(claim, value, "revenue", True, "revenue was ")


def test_class_pairs_pair_only_figures_within_the_sentence_gap() -> None:
    near, also_near, far = _revenue(0, 5.0), _revenue(3, 6.0), _revenue(500, 7.0)
    pairs = [(a, b) for a, b, _ in class_pairs([near, also_near, far], same=False, gap=100)]
    assert pairs == [((5.0, "2023"), (6.0, "2023"))]


def test_class_pairs_of_a_very_long_text_grow_with_its_length_not_its_square() -> None:
    figures = [_revenue(sentence, float(sentence)) for sentence in range(0, 20_000, 2)]  # a figure every 2 sentences
    pairs = list(class_pairs(figures, same=True, gap=10))
    assert len(pairs) == sum(min(5, len(figures) - 1 - i) for i in range(len(figures)))  # the 5 figures after each
    assert all(len(figs) == 2 for _, _, figs in pairs)


def test_one_value_restated_within_the_gap_pairs_with_itself_once() -> None:
    pairs = list(class_pairs([_revenue(0, 5.0), _revenue(2, 5.0), _revenue(4, 5.0)], same=True, gap=100))
    assert [(a, b, len(figs)) for a, b, figs in pairs] == [((5.0, "2023"), (5.0, "2023"), 3)]
