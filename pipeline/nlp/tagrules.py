"""The spaCy model's attribute ruler, with most of its patterns looked up in a table.

The ruler maps each fine-grained tag to its part of speech and morphology, and fixes the lemma or
tag of some words. In the small English model 157 of its 180 patterns are one token testing only
the tag and/or the lower-case word, each a string or a list ({"TAG": "VBZ", "LOWER": "gets"});
spaCy's Matcher tests every pattern on every token, which cost a tenth of parsing time. Here those
patterns are a table looked up once per token, the other one-token patterns are matched per
distinct word, tag and dependency (a OneTokenMatcher), and only the patterns of several tokens
still run over the whole document; the matches, and so the attributes set, are the same. One-token
matches are set on their token directly, without the Span spaCy makes of each.
"""
from __future__ import annotations

from collections import defaultdict

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.attrs import LOWER, TAG
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

from pipeline.nlp.onetoken import OneTokenMatcher, is_one_token

TABLE_ATTRS = ("TAG", "LOWER")


class IndexedAttributeRuler(AttributeRuler):
    """An AttributeRuler whose one-token patterns are found by table look-up (those on ``TAG`` and
    ``LOWER`` strings) or a cached OneTokenMatcher instead of by its Matcher; ``patterns``, saving
    and setting work as before."""

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler", **kwargs) -> None:
        super().__init__(vocab, name, **kwargs)
        self._index()

    def clear(self) -> None:
        """As AttributeRuler's, with the look-up tables emptied too."""
        super().clear()
        self._index()

    def _index(self) -> None:
        self._table: dict[tuple[int | None, int | None], list[int]] = defaultdict(list)  # by string hashes
        self._one_token = OneTokenMatcher(self.vocab)
        self._others = Matcher(self.vocab, validate=self.validate)
        self._match_ids: list[int] = []
        self._numbers: dict[int, int] = {}
        """Pattern number by match id."""

    def add(self, patterns, attrs: dict, index: int = 0) -> None:
        """As AttributeRuler's; each pattern is also filed where ``match`` finds it: the table for
        patterns on TAG and LOWER alone, the OneTokenMatcher for other one-token ones, else a Matcher."""
        number = len(self.attrs)
        super().add(patterns, attrs, index)
        self._match_ids.append(self.vocab.strings[str(number)])
        self._numbers[self._match_ids[number]] = number
        one_token, others = [], []
        for pattern in patterns:
            keys = table_keys(pattern)
            if keys is not None:
                for key in dict.fromkeys(keys):
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
        found = {(self._numbers[match_id], match_id, start, end)
                 for match_id, start, end in (self._others(doc, allow_missing=True) if len(self._others) else ())}
        table, match_ids, numbers = self._table, self._match_ids, self._numbers
        rows = doc.to_array([TAG, LOWER]).tolist()
        for i, ((tag, lower), one_token) in enumerate(zip(rows, self._one_token.on_doc(doc))):
            for key in ((tag, None), (tag, lower), (None, lower)):
                for number in table.get(key, ()):
                    found.add((number, match_ids[number], i, i + 1))
            for match_id in one_token:
                found.add((numbers[match_id], match_id, i, i + 1))
        return sorted(found)

    def set_annotations(self, doc: Doc, matches) -> None:
        """As AttributeRuler sets them, one-token matches without making a Span of each."""
        for attr_id, match_id, start, end in matches:
            if end - start == 1 and self.indices[attr_id] in (0, -1):
                set_token_attrs(doc[start], self.attrs[attr_id])
            else:
                super().set_annotations(doc, [(attr_id, match_id, start, end)])


def table_keys(pattern: list[dict]) -> list[tuple[str | None, str | None]] | None:
    """The (tag, lower-case word) pairs a one-token pattern accepts, None standing for any; None for
    a pattern that tests anything else or spans several tokens. A list of values ({"IN": [...]})
    gives a pair for each."""
    if len(pattern) != 1 or not pattern[0]:
        return None
    token = {str(attr).upper(): value for attr, value in pattern[0].items()}
    if set(token) - set(TABLE_ATTRS):
        return None
    choices = []
    for attr in TABLE_ATTRS:
        value = token.get(attr)
        if isinstance(value, dict) and list(value) == ["IN"] and all(isinstance(v, str) for v in value["IN"]):
            value = list(value["IN"])
        elif value is None or isinstance(value, str):
            value = [value]
        else:
            return None
        choices.append(value)
    return [(tag, lower) for tag in choices[0] for lower in choices[1]]


@Language.factory("indexed_attribute_ruler")
def make_indexed_attribute_ruler(nlp: Language, name: str) -> IndexedAttributeRuler:
    """The spaCy factory ``index_attribute_ruler`` puts in place of the model's ruler, by name."""
    return IndexedAttributeRuler(nlp.vocab, name)


def index_attribute_ruler(nlp: Language) -> None:
    """Put an IndexedAttributeRuler with the same patterns in place of the model's attribute ruler."""
    if "attribute_ruler" not in nlp.pipe_names or isinstance(nlp.get_pipe("attribute_ruler"), IndexedAttributeRuler):
        return
    patterns = nlp.get_pipe("attribute_ruler").patterns
    ruler = nlp.replace_pipe("attribute_ruler", "indexed_attribute_ruler")
    ruler.add_patterns(patterns)
