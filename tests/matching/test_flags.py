"""Word-list and regex tests turned into lexeme flags match exactly what the original patterns match."""
from __future__ import annotations

import spacy
from spacy.matcher import Matcher

from pipeline.matching.flags import LexemeFlags, WordTest

PATTERNS = [
    [{"LOWER": {"IN": ["more", "less"]}}, {"LOWER": "than"}],
    [{"TEXT": {"REGEX": r"^\d+$"}}, {"LOWER": {"NOT_IN": ["percent"]}, "OP": "?"}],
    [{"ORTH": {"IN": ["Acme"]}}, {"LOWER": {"IN": ["sold", "bought"], "NOT_IN": ["bought"]}}],  # one list: "sold"
    [{"LOWER": {"IN": ["shares"], "REGEX": "^s"}}],  # two tests stay as they are
]


def test_word_tests_of_a_word_and_of_its_lowercase_form() -> None:
    assert WordTest(lower=True, words=frozenset({"more"}))("More")
    assert not WordTest(lower=False, words=frozenset({"more"}))("More")
    assert WordTest(lower=False, regex=r"^\d+$")("2024")


def test_rewritten_patterns_check_flags_and_match_what_the_originals_match() -> None:
    nlp = spacy.blank("en")
    flags = LexemeFlags(nlp.vocab, PATTERNS[:1], PATTERNS[1:])
    assert len(flags.flags) == 5
    rewritten = [[flags.rewrite(token) for token in pattern] for pattern in PATTERNS]
    assert "LOWER" not in rewritten[0][0] and rewritten[1][1]["OP"] == "?"
    assert list(rewritten[2][1].values()) == [True] and WordTest(lower=True, words=frozenset({"sold"})) in flags.flags
    assert rewritten[3] == PATTERNS[3]

    original, compiled = Matcher(nlp.vocab), Matcher(nlp.vocab, validate=False)
    for key, (pattern, flagged) in enumerate(zip(PATTERNS, rewritten)):
        original.add(str(key), [pattern])
        compiled.add(str(key), [flagged])
    doc = nlp("Acme sold more than 40 percent, less than 30 cars and MORE THAN 2024 at More than 7. Acme bought shares.")
    assert len(original(doc)) > 5
    assert compiled(doc) == original(doc)
