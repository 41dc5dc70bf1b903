"""Tags as plural the nouns a number above one counts that the tagger reads as singular, so that
the count rules, which count plural nouns, see them: a noun whose plural is the same word ("14
more Z900 aircraft", "30 of the sheep"; NN to the tagger), and a plural in a headline written in
title case ("Officials Report 4 New Measles Deaths", where "Deaths" is NNP). inflect says which
nouns keep their form in the plural and which words are plurals. Only next to a number: "the
aircraft landed" stays singular. Also holds the one way inflect is imported (``import_inflect_unchecked``).
"""
from __future__ import annotations

import sys
from functools import lru_cache

from spacy.attrs import TAG
from spacy.language import Language
from spacy.tokens import Doc, Token

SINGULAR_NUMBERS = frozenset({"one", "1", "a", "an", "single", "zero", "0"})
"""Numbers that count one thing or none: the noun after them is singular."""

MIN_TITLE_WORDS = 3
"""How many words of four letters or more a sentence needs, all capitalised, to be a headline in
title case."""


class CountedPlurals:
    """Retags nouns counted by a number above one: lower-case NN whose plural inflect gives as the
    word itself, and NNP plurals of a title-case headline. ``skipped`` holds words that are read as
    units or money rather than things ("hertz", "pence")."""

    def __init__(self, skipped: frozenset[str]):
        self.skipped = skipped

    def __call__(self, doc: Doc) -> Doc:
        titled: dict[int, bool] = {}
        nouns = {doc.vocab.strings.add(tag) for tag in ("NN", "NNP")}  # the only tags changed: no Token for the others
        for token in (doc[i] for i, tag in enumerate(doc.to_array(TAG).tolist()) if tag in nouns):
            if not token.is_alpha or token.lower_ in self.skipped or not _counted_above_one(token):
                continue
            if token.tag_ == "NN" and token.is_lower and invariant(token.lower_):
                token.tag_ = "NNS"
            elif token.tag_ == "NNP" and token.is_title and plural(token.lower_):
                start = token.sent.start
                if start not in titled:
                    titled[start] = _title_case(token.sent)
                if titled[start]:
                    token.tag_ = "NNS"
        return doc


def _counted_above_one(noun: Token) -> bool:
    """Whether a number above one counts the noun: as its quantifier ("14 aircraft") or as the
    part it is the whole of ("40 of the aircraft")."""
    if any(c.dep_ == "nummod" and c.like_num and c.lower_ not in SINGULAR_NUMBERS for c in noun.children):
        return True
    of = noun.head
    return (noun.dep_ == "pobj" and of.lower_ == "of" and of.head.like_num
            and of.head.lower_ not in SINGULAR_NUMBERS)


def _title_case(sentence) -> bool:
    """Whether a sentence is a headline in title case: every word of four letters or more
    capitalised, and at least ``MIN_TITLE_WORDS`` of them."""
    words = [t for t in sentence if t.is_alpha and len(t) >= 4]
    return len(words) >= MIN_TITLE_WORDS and all(t.text[:1].isupper() for t in words)


@lru_cache(maxsize=4096)
def invariant(word: str) -> bool:
    """Whether inflect gives the word as its own plural ("aircraft", "sheep", "species"), not
    "staff" ("staffs")."""
    return _engine().plural_noun(word) == word


@lru_cache(maxsize=4096)
def plural(word: str) -> bool:
    """Whether inflect reads the word as the plural of another ("deaths" of "death"), not a
    singular ("news", "bus")."""
    return bool(_engine().singular_noun(word))


@lru_cache(maxsize=1)
def _engine():
    """The one inflect engine of the process."""
    import_inflect_unchecked()
    import inflect

    return inflect.engine()


def import_inflect_unchecked() -> None:
    """Import inflect with typeguard's ``@typechecked`` a no-op, as typeguard itself makes it in
    optimized mode (``python -O``: checks "not meant to be run in production"). The decorator
    rewrites and recompiles each of inflect's functions at import, about 3 processor seconds in
    every process that uses it (quantulum3 loads its English through inflect too); the words
    passed to it are plain strings, which the checks pass."""
    if "inflect" in sys.modules:
        return
    import typeguard

    checked = typeguard.typechecked
    typeguard.typechecked = _unchecked
    try:
        import inflect  # noqa: F401 - kept in sys.modules
    finally:
        typeguard.typechecked = checked


def _unchecked(target=None, **options):
    """``typeguard.typechecked`` in optimized mode: the function itself, unchanged."""
    return _unchecked if target is None else target


@Language.factory("counted_plurals", default_config={"skipped": []})
def counted_plurals(nlp: Language, name: str, skipped: list[str]) -> CountedPlurals:
    """The "counted_plurals" pipeline component (see ``CountedPlurals``)."""
    del nlp, name
    return CountedPlurals(frozenset(skipped))
