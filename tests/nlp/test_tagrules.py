"""The indexed attribute ruler sets exactly what the model's own attribute ruler sets."""
from pathlib import Path

from pipeline.resources import load_nlp
from pipeline.nlp.tagrules import IndexedAttributeRuler, index_attribute_ruler, table_keys

ARTICLES = Path(__file__).resolve().parents[2] / "corpus" / "articles"


def _annotations(doc):
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def test_same_annotations_as_the_model_ruler_on_the_corpus():
    model, indexed = load_nlp(), load_nlp()
    index_attribute_ruler(indexed)
    assert isinstance(indexed.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    assert indexed.pipe_names == model.pipe_names
    texts = [path.read_text(encoding="utf-8") for path in sorted(ARTICLES.glob("*.txt"))]
    texts.append("Y'all gon na see it ain't nothin' — let's go, c'mon.  There's \n\n more  to   it.")
    for mine, theirs in zip(indexed.pipe(texts), model.pipe(texts)):
        assert _annotations(mine) == _annotations(theirs)


def test_patterns_are_kept_and_only_plain_one_token_patterns_go_to_the_table():
    model, indexed = load_nlp(), load_nlp()
    index_attribute_ruler(indexed)
    assert indexed.get_pipe("attribute_ruler").patterns == model.get_pipe("attribute_ruler").patterns
    assert table_keys([{"TAG": "VBZ", "LOWER": "gets"}]) == [("VBZ", "gets")]
    assert table_keys([{"TAG": "NN"}]) == [("NN", None)]
    assert table_keys([{"TAG": {"IN": ["VBP", "VBZ"]}, "LOWER": {"IN": ["is", "'s"]}}]) == [
        ("VBP", "is"), ("VBP", "'s"), ("VBZ", "is"), ("VBZ", "'s")]
    assert table_keys([{"TAG": {"NOT_IN": ["VBP", "VBZ"]}}]) is None
    assert table_keys([{"LOWER": {"REGEX": "^n't$"}}]) is None
    assert table_keys([{"LOWER": "gon"}, {"LOWER": "na"}]) is None
    assert table_keys([{"LOWER": "i", "DEP": "nsubj"}]) is None
