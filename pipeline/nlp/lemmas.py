"""The spaCy model's rule lemmatizer, with its word lists as sets and every lemma cached.

The English rule lemmatizer checks each form a suffix rule derives against a list of known words
(57,528 nouns), scanning the list, and caches only the lemmas derived that way: every new word cost
a few list scans, half a second per hundred articles in a fresh process. Here the lists are sets,
each (word, part of speech, morphology) is lemmatized once, and a Doc's lemmas are read and written
as one array; the lemmas are the model's own.
"""
from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from pipeline.nlp.caches import BoundedCache

INDEX_TABLE = "lemma_index"


class CachedLemmatizer:
    """Sets the lemmas a rule lemmatizer sets (only where none is set, unless it overwrites)."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.overwrite = lemmatizer.overwrite
        self._cache: BoundedCache = BoundedCache()
        """Lemma by (word, part of speech, morphology)."""

    def initialize(self, get_examples=None, *, nlp: Language | None = None, lookups: Lookups | None = None) -> None:
        """Hand the tables to the wrapped lemmatizer and drop the cached lemmas other tables gave."""
        self.lemmatizer.initialize(get_examples, nlp=nlp, lookups=lookups)
        self._cache.clear()

    def __call__(self, doc: Doc) -> Doc:
        array = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = array[:, 3].copy()
        cache, strings = self._cache, doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(array.tolist()):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            found = cache.get(key)
            if found is None:
                if len(cache) >= cache.size:
                    self.lemmatizer.cache.clear()  # spaCy's own, of the forms it derived, never empties
                found = cache.put(key, strings.add(self.lemmatizer.lemmatize(doc[i])[0]))
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


def indexed_lookups(lookups: Lookups) -> Lookups:
    """A copy of a lemmatizer's tables whose word lists (looked up by membership) are sets."""
    copy = Lookups()
    for name in lookups.tables:
        table = lookups.get_table(name)
        indexed = copy.add_table(name)
        for key, value in table.items():
            indexed[key] = frozenset(value) if name == INDEX_TABLE and isinstance(value, list) else value
    return copy


@Language.factory("cached_lemmatizer", default_config={"mode": "rule", "overwrite": False})
def make_cached_lemmatizer(nlp: Language, name: str, mode: str, overwrite: bool) -> CachedLemmatizer:
    """The language's own lemmatizer class, wrapped; its tables are given by ``initialize``."""
    return CachedLemmatizer(nlp.create_pipe("lemmatizer", config={"mode": mode, "overwrite": overwrite}))


def cache_lemmatizer(nlp: Language) -> None:
    """Put a CachedLemmatizer, with the model's tables indexed, in place of the model's rule
    lemmatizer; a lemmatizer in another mode is left as it is."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    model = nlp.get_pipe("lemmatizer")
    if not isinstance(model, Lemmatizer) or model.mode != "rule":
        return
    cached = nlp.replace_pipe("lemmatizer", "cached_lemmatizer",
                              config={"mode": model.mode, "overwrite": model.overwrite})
    cached.initialize(lookups=indexed_lookups(model.lookups))


def plural_lemmas(nlp: Language, plurals: list[str]) -> dict[str, str]:
    """The model's lemma of each plural noun, mapped to the plural ("searches" -> search,
    "casualties" -> casualty, "people" -> person): the singular a verb of the same stem matches
    ("was searched three times" counts searches), whatever the spelling of its plural."""
    doc = Doc(nlp.vocab, words=plurals, pos=["NOUN"] * len(plurals), tags=["NNS"] * len(plurals))
    doc = nlp.get_pipe("lemmatizer")(doc) if "lemmatizer" in nlp.pipe_names else doc
    return {token.lemma_ or token.lower_: token.text for token in doc}
