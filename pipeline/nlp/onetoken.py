"""One-token Matcher patterns matched on a single token when asked, with the answer cached.

What a one-token pattern matches depends only on the token's word (its lexeme: text, lower-case
form, flags) and on the token attributes the pattern tests (lemma, tag, dependency, ...). So
instead of running such patterns over every token of every document, a caller asks about the
tokens it needs, and each combination of word and tested attributes is matched only once. Where
the patterns test only the word and the token's tags, lemma and dependency, a new word is
answered in Python (``WordTests``) rather than by a Matcher run over it, several times faster.
"""
from __future__ import annotations

import operator
import re
from collections.abc import Callable

from spacy.attrs import FLAG63, IDS, ORTH
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from pipeline.nlp.caches import BoundedCache

LEXEME_ATTRS = frozenset({"ID", "ORTH", "TEXT", "LOWER", "SHAPE", "PREFIX", "SUFFIX", "LENGTH", "LANG"})
"""Pattern attributes of the word itself (spaCy's Lexeme), which its ``orth`` decides; so do the flags."""

LEXEME_STRINGS = {"ORTH": "orth_", "TEXT": "orth_", "LOWER": "lower_", "SHAPE": "shape_", "PREFIX": "prefix_",
                  "SUFFIX": "suffix_"}
"""Lexeme attributes a word test may compare with strings, by the Lexeme property that holds each."""

TOKEN_ATTRS: dict[str, Callable[[Token], object]] = {
    **{name: operator.attrgetter(name.lower()) for name in ("LEMMA", "POS", "TAG", "DEP", "NORM", "ENT_TYPE", "ENT_IOB")},
    "SPACY": lambda token: token.whitespace_ != ""}
"""Pattern attributes of a token in its document, each with how to read its value from the token
as ``Doc.to_array`` gives it (the whitespace after the token, ``SPACY``, as a truth value, which
equals the array's 1 or 0)."""

TOKEN_STRINGS = {**LEXEME_STRINGS, "POS": "pos_", "TAG": "tag_", "LEMMA": "lemma_", "DEP": "dep_", "NORM": "norm_",
                 "ENT_TYPE": "ent_type_"}
"""Attributes a token test may compare with strings, by the Token property that holds each: the
word's, and the token's own in its document."""

READ_STRINGS = {"LENGTH": "orth_", "SPACY": "whitespace_"}
"""Attributes a token test compares with a number or a truth value, by the Token string property
it reads: the word's length, and whether a space follows the token ("5-$10": no space after "5")."""


class OneTokenMatcher:
    """A Matcher of one-token patterns (no quantifier) asked about one token at a time. Answers are
    cached by the word and the token attributes the patterns test; a pattern testing anything else
    turns the cache off."""

    def __init__(self, vocab: Vocab):
        self.matcher = Matcher(vocab, validate=False)
        self._token_attrs: tuple[str, ...] | None = ()
        self._cache: BoundedCache = BoundedCache()
        self._word_tests: WordTests | None = WordTests()
        """Every pattern, while every one tests only the word (``WordTests``): then a word the cache
        misses is answered in Python, not by a Matcher run over it, which calls spaCy's Python
        predicates one by one (most of the time of matching a text full of new words)."""

    def __len__(self) -> int:
        return len(self.matcher)

    def add(self, key: int | str, patterns: list[list[dict]]) -> None:
        """Add one-token patterns under ``key`` (ValueError for any other kind). A pattern testing
        a token attribute outside TOKEN_ATTRS turns the answer cache off for good."""
        if not all(is_one_token(pattern) for pattern in patterns):
            raise ValueError(f"{key}: a OneTokenMatcher takes only one-token patterns without a quantifier")
        self.matcher.add(key, patterns)
        match_id = key if isinstance(key, int) else self.matcher.vocab.strings.add(key)
        for pattern in patterns:
            if self._word_tests is not None and not self._word_tests.add(match_id, pattern[0]):
                self._word_tests = None
        for attr in (attr for pattern in patterns for attr in pattern[0]):
            if is_lexical(attr):
                continue
            name = str(attr).upper()
            known = name in TOKEN_ATTRS and self._token_attrs is not None
            self._token_attrs = tuple(dict.fromkeys((*self._token_attrs, name))) if known else None
        self._cache.clear()

    def add_test(self, test: dict) -> int:
        """The match id of a one-token pattern, added the first time under a key named after it, so
        that equal tests are matched once."""
        key = "test " + repr(sorted(test.items(), key=lambda item: str(item[0])))
        match_id = self.matcher.vocab.strings.add(key)
        if match_id not in self.matcher:
            self.add(match_id, [[test]])
        return match_id

    def on_doc(self, doc: Doc) -> list[tuple[int, ...]]:
        """The match ids of the patterns each token of ``doc`` matches, in token order; the cache
        keys are read for the whole document at once."""
        if not len(self.matcher) or self._token_attrs is None:
            return [self.on(token) for token in doc]
        columns = [ORTH, *(IDS[name] for name in self._token_attrs)]
        rows = doc.to_array(columns).tolist()
        keys = map(tuple, rows) if len(columns) > 1 else ((orth,) for orth in rows)
        cache, found = self._cache, []
        for i, key in enumerate(keys):
            ids = cache.get(key)
            found.append(self.on(doc[i]) if ids is None else ids)
        return found

    def on(self, token: Token) -> tuple[int, ...]:
        """The match ids of the patterns this token matches."""
        if not len(self.matcher):
            return ()
        key = None if self._token_attrs is None else (token.orth, *(TOKEN_ATTRS[a](token) for a in self._token_attrs))
        found = self._cache.get(key) if key is not None else None
        if found is None:
            found = self._matched(token)
            if key is not None:
                self._cache.put(key, found)
        return found

    def _matched(self, token: Token) -> tuple[int, ...]:
        """What the Matcher gives for the token alone: its match ids in the order the patterns were
        added, each once."""
        if self._word_tests is not None:
            return self._word_tests(token)
        return tuple(match_id for match_id, _, _ in self.matcher(token.doc[token.i:token.i + 1], allow_missing=True))


def is_one_token(pattern: list[dict]) -> bool:
    """Whether a pattern is one token without a quantifier (``[{"POS": "NOUN"}]`` for "not after a
    noun"): a OneTokenMatcher answers it per token, cheaper than a Matcher run over the document."""
    return len(pattern) == 1 and "OP" not in pattern[0]


def cacheable(token: dict) -> bool:
    """Whether a one-token pattern tests only what a OneTokenMatcher caches its answers by: the
    word and the token attributes in TOKEN_ATTRS."""
    return all(is_lexical(attr) or str(attr).upper() in TOKEN_ATTRS for attr in token)


def is_lexical(attr: str | int) -> bool:
    """Whether a pattern attribute is one of the word itself: a flag or a Lexeme attribute."""
    name = str(attr).upper()
    number = attr if isinstance(attr, int) else IDS.get(name, -1)
    return 0 < number <= FLAG63 or name in LEXEME_ATTRS


class WordTests:
    """One-token patterns that test the word and the token's string attributes, answered for a
    token in Python as spaCy's Matcher answers them: flags of the word (``{"LIKE_NUM": True}``, a
    rule's word-list flag) and string attributes of the word or the token (``TOKEN_STRINGS``:
    ``{"TAG": {"NOT_IN": ["VBD"]}}``) equal to a string, in or not in a list, or matching a regex
    (``{"LOWER": {"IN": ["million", "billion"]}}``), or several of these at once (a list of months
    but "may"), the word's length, equal to or compared with a number (``{"LENGTH": {">=": 2}}``),
    and whether a space follows the token (``{"SPACY": false}``); every test of a pattern must hold. A pattern
    that is one list or one string is looked up by the word; for the others, their flags are
    compared at once as bits of the word's flags, then any other test is checked."""

    def __init__(self) -> None:
        self._ids: list[int] = []
        """The match id of each pattern, in the order added."""
        self._listed: dict[str, dict[str, list[int]]] = {}
        """By Token property and its value, the patterns that are that one test."""
        self._flagged: list[tuple[int, int, int]] = []
        """(pattern, flag bits tested, the bits of those that must be set) of patterns of flags only."""
        self._checked: list[tuple[int, int, int, Callable[[dict[str, str]], bool]]] = []
        """The other patterns, as flags as above and a check of their other tests."""
        self._props: dict[str, None] = {}
        """The Token properties the patterns read, in the order first read."""
        self._mask = 0
        """Every flag bit a pattern tests."""
        self._by_flags: BoundedCache = BoundedCache()
        """By a word's bits of ``_mask``: the patterns of flags only that it passes, and the other
        patterns whose flags it passes (their other tests still to check). Words share few such bit
        sets ("5" and "17" have the same), so a new word is not compared with every pattern's flags."""

    def add(self, match_id: int, token: dict) -> bool:
        """Add a one-token pattern; False (and nothing added) for one that tests anything else."""
        tests = [_word_test(attr, value) for attr, value in token.items()]
        if not tests or None in tests:
            return False
        index = len(self._ids)
        self._ids.append(match_id)
        self._props.update(dict.fromkeys(READ_STRINGS.get(name) or TOKEN_STRINGS[name]
                                         for name in map(str.upper, map(str, token))
                                         if name in TOKEN_STRINGS or name in READ_STRINGS))
        if len(tests) == 1 and isinstance(tests[0], tuple):
            prop, words = tests[0]
            for word in words:
                self._listed.setdefault(prop, {}).setdefault(word, []).append(index)
            return True
        flags = [test for test in tests if isinstance(test, int)]
        mask = sum(1 << abs(flag) for flag in flags)
        wanted = sum(1 << flag for flag in flags if flag > 0)
        self._mask |= mask
        self._by_flags.clear()
        checks = [_as_check(test) for test in tests if not isinstance(test, int)]
        if checks:
            check = checks[0] if len(checks) == 1 else (lambda texts: all(test(texts) for test in checks))
            self._checked.append((index, mask, wanted, check))
        else:
            self._flagged.append((index, mask, wanted))
        return True

    def __call__(self, token: Token) -> tuple[int, ...]:
        """The match ids of the patterns the token passes, in the order added, each once."""
        texts = {prop: getattr(token, prop) for prop in self._props}
        bits = token.lex.flags & self._mask
        by_flags = self._by_flags.get(bits)
        if by_flags is None:
            by_flags = self._by_flags.put(bits, (
                [i for i, mask, wanted in self._flagged if bits & mask == wanted],
                [(i, check) for i, mask, wanted, check in self._checked if bits & mask == wanted]))
        flagged, checked = by_flags
        passed = [i for prop, by_word in self._listed.items() for i in by_word.get(texts[prop], ())]
        passed += flagged
        passed += [i for i, check in checked if check(texts)]
        return tuple(dict.fromkeys(self._ids[i] for i in sorted(passed)))


_WordTest = int | tuple[str, tuple[str, ...]] | Callable[[dict[str, str]], bool]
"""A flag that must be set (its id) or unset (minus its id); (property, the words that pass) for
a word list or a string; or a check of the word's strings by property."""


def _word_test(attr: str | int, value: object) -> _WordTest | None:
    """One test of a pattern token on the word or the token; None when it is not a test read here."""
    number = attr if isinstance(attr, int) else IDS.get(str(attr).upper(), -1)
    if 0 < number <= FLAG63:
        return (number if value else -number) if isinstance(value, bool) else None
    if isinstance(attr, str) and attr.upper() == "LENGTH":
        return _length_test(value)
    if isinstance(attr, str) and attr.upper() == "SPACY":
        return (lambda texts: (texts["whitespace_"] != "") is value) if isinstance(value, bool) else None
    prop = TOKEN_STRINGS.get(str(attr).upper()) if isinstance(attr, str) else None
    if prop is None:
        return None
    if isinstance(value, str):
        return prop, (value,)
    if not isinstance(value, dict) or not value:
        return None
    if len(value) == 1 and "IN" in value and _words(value["IN"]):
        return prop, tuple(frozenset(value["IN"]))
    checks = [_operator_check(prop, operator, operand) for operator, operand in value.items()]
    if None in checks:
        return None
    return checks[0] if len(checks) == 1 else (lambda texts: all(check(texts) for check in checks))


def _operator_check(prop: str, operator: str, operand: object) -> Callable[[dict[str, str]], bool] | None:
    """One operator of a string test as a check; a value with several ({"IN": months, "NOT_IN":
    ["may"]}) passes when every one holds, as in spaCy's Matcher. None for an operator not read here."""
    if operator in ("IN", "NOT_IN") and _words(operand):
        words = frozenset(operand)
        return (lambda texts: texts[prop] in words) if operator == "IN" else (lambda texts: texts[prop] not in words)
    if operator == "REGEX" and isinstance(operand, str):
        search = re.compile(operand).search
        return lambda texts: search(texts[prop]) is not None
    return None


COMPARISONS = {"==": operator.eq, "!=": operator.ne, ">=": operator.ge, "<=": operator.le, ">": operator.gt,
               "<": operator.lt}
"""The comparisons spaCy's Matcher allows on a number attribute ({"LENGTH": {">=": 2}})."""


def _length_test(value: object) -> Callable[[dict[str, str]], bool] | None:
    """A test of the word's length in characters, a number or comparisons with numbers, each of
    which must hold; None for any other value."""
    if isinstance(value, int) and not isinstance(value, bool):
        return lambda texts: len(texts["orth_"]) == value
    if not isinstance(value, dict) or not value or not all(
            op in COMPARISONS and isinstance(number, int) and not isinstance(number, bool) for op, number in value.items()):
        return None
    tests = [(COMPARISONS[op], number) for op, number in value.items()]
    return lambda texts: all(compare(len(texts["orth_"]), number) for compare, number in tests)


def _words(operand: object) -> bool:
    return isinstance(operand, list | tuple) and all(isinstance(word, str) for word in operand)


def _as_check(test: _WordTest) -> Callable[[dict[str, str]], bool]:
    if isinstance(test, tuple):
        prop, words = test
        listed = frozenset(words)
        return lambda texts: texts[prop] in listed
    return test
