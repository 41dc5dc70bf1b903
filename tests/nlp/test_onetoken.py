"""One-token patterns asked about one token at a time answer as spaCy's Matcher does, whether the
patterns test only the word (answered in Python) or the token in its document."""
from pathlib import Path

import spacy
from spacy.matcher import Matcher

from pipeline.nlp.onetoken import OneTokenMatcher, WordTests

ARTICLES = Path(__file__).resolve().parent.parent / "corpus" / "articles"

WORD_PATTERNS = {
    "scale": [{"LOWER": {"IN": ["million", "billion", "bn"]}}],
    "percent word": [{"LOWER": "percent"}],
    "dollar sign": [{"ORTH": {"IN": ["$", "US$"]}}],
    "year": [{"TEXT": {"REGEX": r"^(19|20)\d\d$"}}],
    "number not a year": [{"LIKE_NUM": True, "LOWER": {"NOT_IN": ["one", "first"]}}],
    "title": [{"IS_TITLE": True}],
    "lower word": [{"IS_TITLE": False, "IS_ALPHA": True}],
    "month": [{"LOWER": {"REGEX": "^(jan|feb|mar)"}, "IS_TITLE": True}],
    "shape": [{"SHAPE": "dd"}],
    "month but may": [{"LOWER": {"IN": ["february", "may", "march", "feb."], "NOT_IN": ["may", "march"]}}],
    "long number": [{"LENGTH": {">=": 4, "<": 6}, "LIKE_NUM": True}],
    "two characters": [{"LENGTH": 2}],
}


def _words_of_corpus(nlp, limit: int = 6):
    texts = [path.read_text(encoding="utf-8") for path in sorted(ARTICLES.glob("*.txt"))[:limit]]
    texts.append("It cost US$ 5 bn, or 12 percent, in Feb. 2024; one first 1999 Million. Sales rose, costs fell.")
    return [token for doc in nlp.pipe(texts) for token in doc]


def _matcher_answer(matcher: Matcher, token) -> tuple[int, ...]:
    return tuple(match_id for match_id, _, _ in matcher(token.doc[token.i:token.i + 1], allow_missing=True))


def test_word_tests_answer_as_the_matcher_in_its_order():
    nlp = spacy.blank("en")  # its own vocabulary, for a flag of its own
    vocab = nlp.vocab
    flag = vocab.add_flag(lambda word: word.lower() in {"rose", "fell"})
    patterns = {**WORD_PATTERNS, "verb flag": [{flag: True}], "not the verbs": [{flag: False, "IS_ALPHA": True}]}
    ones, matcher = OneTokenMatcher(vocab), Matcher(vocab, validate=False)
    for key, pattern in patterns.items():
        ones.add(key, [pattern])
        matcher.add(key, [pattern])
    tokens = _words_of_corpus(nlp)
    answers = [ones.on(token) for token in tokens]
    assert answers == [_matcher_answer(matcher, token) for token in tokens]
    assert {vocab.strings[match_id] for found in answers for match_id in found} == set(patterns)  # each passed
    assert sum(len(found) > 1 for found in answers) > 5  # words passing several tests, in the Matcher's order


def test_patterns_on_the_token_in_its_document_are_matched_by_the_matcher(resources):
    vocab = resources.nlp.vocab
    ones, matcher = OneTokenMatcher(vocab), Matcher(vocab, validate=False)
    on_token = {"noun": [{"POS": "NOUN"}], "verb lemma": [{"LEMMA": {"IN": ["rise"]}}],
                "number not a verb": [{"LIKE_NUM": True, "TAG": {"NOT_IN": ["VBD", "VBZ"]}}],
                "subject": [{"DEP": {"IN": ["nsubj", "nsubjpass"]}, "IS_TITLE": True}], "named": [{"ENT_TYPE": {"IN": ["GPE", "ORG", "PERSON", "DATE", "MONEY", "PERCENT"]}}],
                "past verb": [{"TAG": "VBD", "LEMMA": {"REGEX": "^[a-r]"}}],
                "glued to the next": [{"SPACY": False, "IS_ALPHA": True}], "number then a space": [{"LIKE_NUM": True, "SPACY": True}]}
    for key, pattern in {**WORD_PATTERNS, **on_token}.items():
        ones.add(key, [pattern])
        matcher.add(key, [pattern])
    tokens = _words_of_corpus(resources.nlp, limit=3)
    answers = [ones.on(token) for token in tokens]
    assert answers == [_matcher_answer(matcher, token) for token in tokens]
    assert {vocab.strings[match_id] for found in answers for match_id in found} >= set(on_token)  # each passed
    doc = resources.nlp("Shares of Brellin-Cole rose 4-5% to 310p, the co-founder said.")
    assert ones.on_doc(doc) == [_matcher_answer(matcher, token) for token in doc]  # the same answers from the cache


def test_only_tests_on_the_word_and_the_token_strings_are_answered_in_python():
    tests = WordTests()
    assert tests.add(1, {"LOWER": {"IN": ["million"]}})
    assert tests.add(3, {"LENGTH": {">=": 3}, "LOWER": {"IN": ["million"], "NOT_IN": ["bn"]}})
    assert tests.add(4, {"POS": "NOUN", "DEP": {"IN": ["nsubj"]}})
    assert tests.add(5, {"SPACY": False, "ORTH": "-"})
    for other in ({"ENT_IOB": "B"}, {"SPACY": "no"}, {"IS_SENT_START": True}, {"LENGTH": {"IN": [3]}}, {"LENGTH": {">=": "3"}}, {}, {"LOWER": {"IN": [1, 2]}}, {"LIKE_NUM": 1},
                  {"LOWER": {"FUZZY": "million"}}, {"_": {"custom": True}}):
        assert not tests.add(2, other)


def test_words_with_the_same_flags_are_still_told_apart_by_their_other_tests(resources):
    vocab = resources.nlp.vocab
    ones, matcher = OneTokenMatcher(vocab), Matcher(vocab)
    patterns = {"small number": [{"LIKE_NUM": True, "TEXT": {"REGEX": r"^\d{1,2}$"}}],
                "number": [{"LIKE_NUM": True}], "not a number": [{"LIKE_NUM": False, "IS_ALPHA": True}]}
    for key, pattern in patterns.items():
        ones.add(key, [pattern])
        matcher.add(key, [pattern])
    doc = resources.nlp("Between 12 and 1480 ferries sailed, 7 of them late.")
    assert [ones.on(token) for token in doc] == [_matcher_answer(matcher, token) for token in doc]
    assert [token.text for token in doc if vocab.strings.add("small number") in ones.on(token)] == ["12", "7"]
