"""Sentence look-ups through the document's sentence starts give what spaCy's own give."""
from pathlib import Path

from pipeline.extract import index_sentences

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
