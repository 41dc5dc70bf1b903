"""Patterns matched only around their anchors find what matching them over the whole document finds."""
from pathlib import Path

import pytest
from spacy.matcher import Matcher

from pipeline.matching.anchors import (AnchoredPatterns, choose_anchor, found_around, is_selective, joined_windows,
                                      longest_run, max_length)
from pipeline.jobs.bench import generate_corpus

ARTICLES = Path(__file__).resolve().parents[2] / "corpus" / "articles"


def _is_stop(word: str) -> bool:
    return word in {"the", "a", "to", "of", "in", "and"}


def test_max_length_of_a_pattern():
    assert max_length([{}, {"OP": "?"}, {"OP": "{,3}"}, {"OP": "{2}"}, {"OP": "!"}]) == 8
    assert max_length([{}, {"OP": "*"}]) is None
    assert max_length([{"OP": "{2,}"}]) is None


def test_the_rarest_required_token_anchors():
    month = {"LOWER": {"IN": ["january", "february"]}}
    year = {"TEXT": {"REGEX": r"^\d{4}$"}}
    assert choose_anchor([{"LOWER": "the"}, month, year], _is_stop) == 1  # words before a regex, a stop word last
    assert choose_anchor([{"LOWER": "the"}, year], _is_stop) == 1
    assert choose_anchor([{"LOWER": {"IN": ["to", "through"]}}, {"LOWER": "until"}], _is_stop) == 1
    assert choose_anchor([{**month, "OP": "?"}, {"LIKE_NUM": True}], _is_stop) == 1  # an optional token never anchors
    assert choose_anchor([{"IS_TITLE": True}, {"POS": "NOUN"}], _is_stop) is None  # accepts too many words
    assert choose_anchor([{"LOWER": {"NOT_IN": ["x"]}}], _is_stop) is None
    assert choose_anchor([{"LIKE_NUM": True, "OP": "+"}, {"LOWER": "percent"}], _is_stop) == 1
    assert choose_anchor([{"LIKE_NUM": True, "OP": "+"}, {"LOWER": "to"}], _is_stop) == 0  # a repeated token anchors
    assert choose_anchor([month, {"POS": "NOUN", "OP": "+"}], _is_stop) is None  # a run nothing on the word bounds


def test_longest_run_of_consecutive_positions():
    assert longest_run([1, 2, 3, 7, 8]) == 3
    assert longest_run([4]) == 1
    assert longest_run([]) == 0


def test_windows_around_positions_are_joined_where_they_overlap_and_kept_in_the_document():
    assert joined_windows([0, 3, 10], before=1, after=2, length=12) == [(0, 6), (9, 12)]
    assert joined_windows([2, 4], before=0, after=1, length=10) == [(2, 4), (4, 6)]  # touching, not overlapping
    assert joined_windows([], before=3, after=3, length=10) == []


def test_a_pattern_without_a_word_test_at_its_anchor_is_refused(resources):
    anchored = AnchoredPatterns(resources.nlp.vocab)
    with pytest.raises(ValueError, match="no anchor"):
        anchored.add("x", [{"POS": "NUM"}, {"LOWER": "percent"}], 0)
    with pytest.raises(ValueError, match="no anchor"):
        anchored.add("x", [{"LIKE_NUM": True, "OP": "?"}, {"LOWER": "percent"}], 0)
    with pytest.raises(ValueError, match="tests nothing on the word"):
        anchored.add("x", [{"POS": "NUM", "OP": "+"}, {"LOWER": "percent"}], 1)


def test_anchored_rule_patterns_match_as_over_the_whole_document(resources):
    vocab = resources.nlp.vocab
    anchored, whole = AnchoredPatterns(vocab), Matcher(vocab, validate=False)
    for rule in resources.matcher.rules.rules:
        anchor = choose_anchor(list(rule.pattern), lambda word: vocab[word].is_stop) if rule.pattern else None
        if anchor is not None:
            anchored.add(rule.id, list(rule.pattern), anchor, greedy="LONGEST")
            whole.add(rule.id, [list(rule.pattern)], greedy="LONGEST")
    assert len(anchored) == len(whole) > 50
    texts = [path.read_text(encoding="utf-8") for path in sorted(ARTICLES.glob("*.txt"))]
    texts += [article.text for article in generate_corpus([ARTICLES], 40, 3, seed=11)]
    matched = 0
    for doc in resources.nlp.pipe(texts):
        expected = sorted(whole(doc))
        assert sorted(anchored(doc)) == expected
        matched += len(expected)
    assert matched > 1000


def test_greedy_filtering_sees_overlapping_matches_together(resources):
    nlp = resources.nlp
    anchored, whole = AnchoredPatterns(nlp.vocab), Matcher(nlp.vocab)
    pattern = [{"LIKE_NUM": True, "OP": "?"}, {"LOWER": "to"}, {"LIKE_NUM": True}, {"LOWER": "to", "OP": "?"},
               {"LIKE_NUM": True, "OP": "?"}]
    anchored.add("range", pattern, 2, greedy="LONGEST")
    whole.add("range", [pattern], greedy="LONGEST")
    doc = nlp("It went from 5 to 6 to 7 and then 8 to 9 to 10 to 11.")
    assert sorted(anchored(doc)) == sorted(whole(doc))


def test_repeated_tokens_reach_as_far_as_their_longest_run(resources):
    nlp = resources.nlp
    anchored, whole = AnchoredPatterns(nlp.vocab), Matcher(nlp.vocab)
    patterns = {"money": [{"ORTH": "$"}, {"LIKE_NUM": True, "OP": "+"}, {"LOWER": {"IN": ["million", "billion"]}, "OP": "*"}],
                "percent": [{"LIKE_NUM": True, "OP": "+"}, {"LOWER": "percent"}],
                "run": [{"LOWER": "from"}, {"LIKE_NUM": True, "OP": "+"}, {"LOWER": "to"}]}
    for key, pattern in patterns.items():
        anchored.add(key, pattern, choose_anchor(pattern, lambda word: nlp.vocab[word].is_stop), greedy="LONGEST")
        whole.add(key, [pattern], greedy="LONGEST")
    doc = nlp("It cost $ 1 2 3 4 5 million billion million, up from one two three four five six to 7 8 9 10 percent.")
    assert sorted(anchored(doc)) == sorted(whole(doc))
    assert {nlp.vocab.strings[k]: doc[s:e].text for k, s, e in anchored(doc)} == {
        "money": "$ 1 2 3 4 5 million billion million", "percent": "7 8 9 10 percent",
        "run": "from one two three four five six to"}


def test_patterns_of_the_anchor_word_alone_match_as_a_matcher_does(resources):
    nlp = resources.nlp
    anchored, whole = AnchoredPatterns(nlp.vocab), Matcher(nlp.vocab)
    patterns = {"unit": [{"LOWER": {"IN": ["kilometres", "tonnes"]}}],
                "unit again": [{"LOWER": {"IN": ["kilometres", "tonnes"]}}],
                "unit after number": [{"LIKE_NUM": True}, {"LOWER": {"IN": ["kilometres", "tonnes"]}}],
                "number": [{"LIKE_NUM": True}], "bare four": [{"ORTH": "4"}]}
    for key, pattern in patterns.items():
        anchored.add(key, pattern, len(pattern) - 1, greedy="LONGEST")
        whole.add(key, [pattern], greedy="LONGEST")
    doc = nlp("The barge carried 40 tonnes over 12 kilometres, then 4 more tonnes and four kilometres back.")
    assert sorted(anchored(doc)) == sorted(whole(doc))
    assert sum(1 for key, _, _ in anchored(doc) if nlp.vocab.strings[key] == "unit") == 4


def test_required_tokens_that_few_words_pass_are_selective():
    assert is_selective({"LOWER": "of"})
    assert is_selective({"LIKE_NUM": True, "OP": "+"})
    assert is_selective({40: True})  # a word list turned into a lexeme flag
    assert not is_selective({40: False})  # a list the word must not be in
    assert not is_selective({"LOWER": {"NOT_IN": ["per"]}})
    assert not is_selective({"LOWER": "of", "OP": "?"})
    assert not is_selective({"POS": "NOUN"})


def test_an_anchor_is_kept_only_with_each_other_required_word_on_its_side_and_in_reach():
    passing = {1: [3], 2: [6, 9]}
    side = (2, 3, (1,), (2,))  # test 1 at most 2 tokens before, test 2 at most 3 tokens after
    assert found_around(5, side, passing)
    assert found_around(4, side, passing)
    assert not found_around(6, side, passing)  # 3 is 3 tokens before
    assert not found_around(3, side, passing)  # the word of test 1 is the anchor itself
    assert not found_around(2, side, passing)  # 6 is 4 tokens after, and nothing before


def test_patterns_needing_other_words_match_as_over_the_whole_document(resources):
    nlp = resources.nlp
    anchored, whole = AnchoredPatterns(nlp.vocab), Matcher(nlp.vocab)
    patterns = {"share": [{"LIKE_NUM": True}, {"LOWER": "of"}, {"LOWER": "the", "OP": "?"}, {"LIKE_NUM": True}],
                "run": [{"LOWER": "from"}, {"IS_ALPHA": True, "OP": "?"}, {"LIKE_NUM": True, "OP": "+"}],
                "bare": [{"LIKE_NUM": True}, {"POS": "NOUN"}],
                "word": [{"LIKE_NUM": True}]}
    for key, pattern in patterns.items():
        anchored.add(key, pattern, choose_anchor(pattern, lambda word: nlp.vocab[word].is_stop), greedy="LONGEST")
        whole.add(key, [pattern], greedy="LONGEST")
    doc = nlp("Three of the five stayed, 12 of them left, and 7 of 9 boats sank; from about 4 5 6 ships, "
              "from 2 to 3 crews came 40 miles from 8 of the 10 ports.")
    assert sorted(anchored(doc)) == sorted(whole(doc))
    assert {doc[s:e].text for k, s, e in anchored(doc) if nlp.vocab.strings[k] == "share"} == {
        "Three of the five", "7 of 9", "8 of the 10"}
