"""The cached lemmatizer sets exactly the lemmas the model's rule lemmatizer sets."""
from pathlib import Path

import spacy

from pipeline.nlp.lemmas import CachedLemmatizer, cache_lemmatizer, indexed_lookups
from pipeline.resources import load_nlp

ARTICLES = Path(__file__).resolve().parents[2] / "corpus" / "articles"
ODD_TEXT = "Y'all gon na see it ain't nothin' — let's go, c'mon.  There's \n\n more  to   it. The geese were FLYING."


def _texts():
    return [path.read_text(encoding="utf-8") for path in sorted(ARTICLES.glob("*.txt"))] + [ODD_TEXT]


def _lemmas(nlp, texts):
    return [[t.lemma_ for t in doc] for doc in nlp.pipe(texts)]


def test_same_lemmas_as_the_model_on_the_corpus():
    model, cached = load_nlp(), load_nlp()
    cache_lemmatizer(cached)
    assert isinstance(cached.get_pipe("lemmatizer"), CachedLemmatizer)
    assert cached.pipe_names == model.pipe_names
    texts = _texts()
    assert _lemmas(cached, texts) == _lemmas(model, texts)


def test_a_full_cache_starts_again_with_the_same_lemmas():
    model, cached = load_nlp(), load_nlp()
    cache_lemmatizer(cached)
    lemmatizer = cached.get_pipe("lemmatizer")
    lemmatizer._cache.size = 50
    texts = _texts()
    assert _lemmas(cached, texts) == _lemmas(model, texts)
    assert len(lemmatizer._cache) <= 50


def test_word_lists_become_sets_and_other_tables_stay():
    lookups = load_nlp().get_pipe("lemmatizer").lookups
    indexed = indexed_lookups(lookups)
    assert indexed.tables == lookups.tables
    nouns = lookups.get_table("lemma_index")["noun"]
    assert isinstance(nouns, list) and indexed.get_table("lemma_index")["noun"] == frozenset(nouns)
    assert indexed.get_table("lemma_exc")["verb"] == lookups.get_table("lemma_exc")["verb"]


def test_a_pipeline_without_a_rule_lemmatizer_is_left_alone():
    nlp = spacy.blank("en")
    cache_lemmatizer(nlp)
    assert nlp.pipe_names == []
