"""Sentences, paragraphs, datelines and clauses: sentence look-ups through the document's sentence
starts give what spaCy's own give."""
from pathlib import Path

from pipeline.nlp.structure import index_sentences

ARTICLES = Path(__file__).resolve().parent.parent / "corpus" / "articles"


def test_span_and_token_sentences_are_spacys_own(resources):
    texts = [path.read_text(encoding="utf-8") for path in sorted(ARTICLES.glob("*.txt"))[:8]]
    texts.append("HEADLINE IN CAPITALS\n\nFirst one.  Second one!\n\n- a list item\nno stop here")
    for doc in resources.nlp.pipe(texts):
        spans = [doc[i:j] for i in range(0, len(doc), 3) for j in (i + 1, min(i + 7, len(doc)), min(i + 40, len(doc)))]
        expected = ([(t.sent.start, t.sent.end) for t in doc], [(s.sent.start, s.sent.end) for s in spans])
        index_sentences(doc, list(doc.sents))
        assert "sent" in doc.user_span_hooks
        assert ([(t.sent.start, t.sent.end) for t in doc], [(s.sent.start, s.sent.end) for s in spans]) == expected


def test_an_extracted_doc_is_freed_without_the_cyclic_collector(resources):
    """The hooks hold offsets, not the document's spans, so no reference cycle keeps a Doc alive."""
    import gc
    import weakref
    from datetime import date

    from pipeline.extract import extract_doc
    from pipeline.nlp.parse import parse_articles
    from pipeline.records import Article

    article = Article(id="x", text="Prices rose 5 percent in May, up from 4 percent. \"It is high,\" she said.",
                      title="", source="", published=date(2024, 6, 1), path="x")
    gc.disable()
    try:
        [(doc, parsed)] = list(parse_articles([article], resources.nlp, 8))
        extract_doc(doc, parsed, resources)
        freed = weakref.ref(doc)
        del doc
        assert freed() is None
    finally:
        gc.enable()
