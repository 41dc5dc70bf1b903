"""The spaCy model's attribute ruler, with most of its patterns looked up in a table.

The ruler maps each fine-grained tag to its part of speech and morphology, and fixes the lemma or
tag of some words. In the small English model 157 of its 179 patterns are one token testing only
the tag and/or the lower-case word ({"TAG": "VBZ", "LOWER": "gets"}); spaCy's Matcher tests every
pattern on every token, which cost a tenth of parsing time. Here those patterns are a table looked
up once per token, the other one-token patterns are matched per distinct word, tag and dependency
(a OneTokenMatcher), and only the patterns of several tokens still run over the whole document;
the matches, and so the attributes set, are the same.
"""
from __future__ import annotations

from collections import defaultdict

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.onetoken import OneTokenMatcher, is_one_token

TABLE_ATTRS = ("TAG", "LOWER")


class IndexedAttributeRuler(AttributeRuler):
    """An AttributeRuler whose one-token patterns are found by table look-up (those on ``TAG`` and
    ``LOWER`` strings) or a cached OneTokenMatcher instead of by its Matcher; ``patterns``, saving
    and setting work as before."""

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler", **kwargs) -> None:
        super().__init__(vocab, name, **kwargs)
        self._index()

    def clear(self) -> None:
        super().clear()
        self._index()

    def _index(self) -> None:
        self._table: dict[tuple[int | None, int | None], list[int]] = defaultdict(list)  # by string hashes
        self._one_token = OneTokenMatcher(self.vocab)
        self._others = Matcher(self.vocab, validate=self.validate)
        self._match_ids: list[int] = []

    def add(self, patterns, attrs: dict, index: int = 0) -> None:
        number = len(self.attrs)
        super().add(patterns, attrs, index)
        self._match_ids.append(self.vocab.strings[str(number)])
        one_token, others = [], []
        for pattern in patterns:
            key = table_key(pattern)
            if key is not None:
                self._table[tuple(None if s is None else self.vocab.strings.add(s) for s in key)].append(number)
            else:
                (one_token if is_one_token(pattern) else others).append(pattern)
        if one_token:
            self._one_token.add(self._match_ids[number], one_token)
        if others:
            self._others.add(self._match_ids[number], others)

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """(pattern number, match id, start, end) of every match, sorted as AttributeRuler sorts them
        (later patterns are applied last and take precedence)."""
        found = {(int(self.vocab.strings[match_id]), match_id, start, end)
                 for match_id, start, end in (self._others(doc, allow_missing=True) if len(self._others) else ())}
        table, match_ids, one_token = self._table, self._match_ids, self._one_token
        for token in doc:
            tag, lower = token.tag, token.lower
            for key in ((tag, None), (tag, lower), (None, lower)):
                for number in table.get(key, ()):
                    found.add((number, match_ids[number], token.i, token.i + 1))
            for match_id in one_token.on(token):
                found.add((int(self.vocab.strings[match_id]), match_id, token.i, token.i + 1))
        return sorted(found)


def table_key(pattern: list[dict]) -> tuple[str | None, str | None] | None:
    """(tag, lower-case word) a one-token pattern requires, None standing for any; None for a
    pattern that tests anything else or spans several tokens."""
    if len(pattern) != 1 or not pattern[0]:
        return None
    token = {str(attr).upper(): value for attr, value in pattern[0].items()}
    if set(token) - set(TABLE_ATTRS) or not all(isinstance(value, str) for value in token.values()):
        return None
    return token.get("TAG"), token.get("LOWER")


@Language.factory("indexed_attribute_ruler")
def make_indexed_attribute_ruler(nlp: Language, name: str) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name)


def index_attribute_ruler(nlp: Language) -> None:
    """Put an IndexedAttributeRuler with the same patterns in place of the model's attribute ruler."""
    if "attribute_ruler" not in nlp.pipe_names or isinstance(nlp.get_pipe("attribute_ruler"), IndexedAttributeRuler):
        return
    patterns = nlp.get_pipe("attribute_ruler").patterns
    ruler = nlp.replace_pipe("attribute_ruler", "indexed_attribute_ruler")
    ruler.add_patterns(patterns)
