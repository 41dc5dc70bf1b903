"""Long articles are parsed in pieces and come back as one Doc with the article's offsets."""
from hypothesis import given
from hypothesis import strategies as st

from pipeline.extract import extract_doc
from pipeline.nlp.parse import BATCH_CHARACTERS, piece_batches, parse_articles, split_text
from pipeline.records import Article


@given(st.text(alphabet="ab \n.", max_size=300), st.integers(min_value=1, max_value=40))
def test_pieces_join_back_and_respect_the_limit(text, limit):
    pieces = split_text(text, limit)
    assert "".join(pieces) == text
    assert all(0 < len(p) <= limit for p in pieces) or pieces == [""]


def test_a_piece_ends_at_a_line_break_when_there_is_one():
    assert split_text("aaaa\nbbbb cc", 8) == ["aaaa\n", "bbbb cc"]
    assert split_text("aaaa bbbb cc", 8) == ["aaaa ", "bbbb cc"]


def test_a_long_article_gives_the_same_figures_as_its_paragraphs(resources):
    paragraph = "In 2022, bilateral trade grew by 36 percent to $190 billion.\n\n"
    text = paragraph * 40
    article = Article(id="long", text=text)
    doc, same = next(parse_articles([article], resources.nlp, batch_size=8, limit=500))
    assert doc.text == text and same is article
    whole = extract_doc(doc, article, resources)
    assert len(whole.figures) == 80
    assert all(text[f.start:f.end] == f.text for f in whole.figures)
    assert {f.time.value for f in whole.figures} == {"2022"}


def test_batches_hold_at_most_so_many_pieces_and_characters_in_order():
    owner = (Article(id="a", text=""), 1)
    pieces = [("x" * length, owner) for length in (30_000, 30_000, 30_000, 30_000, 5, 5, 5, 90_000, 200_000)]
    batches = list(piece_batches(iter(pieces), 2))
    assert [piece for batch in batches for piece in batch] == pieces
    assert [[len(text) for text, _ in batch] for batch in batches] == [
        [30_000, 30_000], [30_000, 30_000], [5, 5], [5, 90_000], [200_000]]
    assert all(sum(len(text) for text, _ in batch) <= BATCH_CHARACTERS for batch in batches if len(batch) > 1)


def test_a_long_article_joined_from_pieces_keeps_no_tensor(resources):
    article = Article(id="long", text="Exports rose 5 percent in 2022.\n\n" * 30)
    doc, _ = next(parse_articles([article], resources.nlp, batch_size=8, limit=200))
    assert doc.text == article.text and doc.tensor.size == 0
