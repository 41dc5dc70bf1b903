"""One-token Matcher patterns matched on a single token when asked, with the answer cached.

What a one-token pattern matches depends only on the token's word (its lexeme: text, lower-case
form, flags) and on the token attributes the pattern tests (lemma, tag, dependency, ...). So
instead of running such patterns over every token of every document, a caller asks about the
tokens it needs, and each combination of word and tested attributes is matched only once.
"""
from __future__ import annotations

from spacy.attrs import FLAG63, IDS, ORTH
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from pipeline.nlp.caches import BoundedCache

LEXEME_ATTRS = frozenset({"ID", "ORTH", "TEXT", "LOWER", "SHAPE", "PREFIX", "SUFFIX", "LENGTH", "LANG"})
"""Pattern attributes of the word itself (spaCy's Lexeme), which its ``orth`` decides; so do the flags."""

TOKEN_ATTRS = {"LEMMA": "lemma", "POS": "pos", "TAG": "tag", "DEP": "dep", "NORM": "norm",
               "ENT_TYPE": "ent_type", "ENT_IOB": "ent_iob"}
"""Pattern attributes of a token in its document, by the Token property that holds each."""


class OneTokenMatcher:
    """A Matcher of one-token patterns (no quantifier) asked about one token at a time. Answers are
    cached by the word and the token attributes the patterns test; a pattern testing anything else
    turns the cache off."""

    def __init__(self, vocab: Vocab):
        self.matcher = Matcher(vocab, validate=False)
        self._token_attrs: tuple[str, ...] | None = ()
        self._cache: BoundedCache = BoundedCache()

    def __len__(self) -> int:
        return len(self.matcher)

    def add(self, key: int | str, patterns: list[list[dict]]) -> None:
        """Add one-token patterns under ``key`` (ValueError for any other kind). A pattern testing
        a token attribute outside TOKEN_ATTRS turns the answer cache off for good."""
        if not all(is_one_token(pattern) for pattern in patterns):
            raise ValueError(f"{key}: a OneTokenMatcher takes only one-token patterns without a quantifier")
        self.matcher.add(key, patterns)
        for attr in (attr for pattern in patterns for attr in pattern[0]):
            if is_lexical(attr):
                continue
            name = TOKEN_ATTRS.get(str(attr).upper())
            known = name is not None and self._token_attrs is not None
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
        columns = [ORTH, *(IDS[name] for attr in self._token_attrs for name, known in TOKEN_ATTRS.items() if known == attr)]
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
        key = None if self._token_attrs is None else (token.orth, *(getattr(token, a) for a in self._token_attrs))
        found = self._cache.get(key) if key is not None else None
        if found is None:
            found = tuple(match_id for match_id, _, _ in self.matcher(token.doc[token.i:token.i + 1], allow_missing=True))
            if key is not None:
                self._cache.put(key, found)
        return found


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
