"""Saved web pages: the article's paragraphs and metadata are kept, the rest of the page is not.

The fixtures are pages written with the markup of real news sites: bylines, ``<time datetime>``,
JSON-LD NewsArticle (plain and in a Yoast ``@graph``), Open Graph tags, navigation menus,
cookie banners, figure captions, related-links boxes, comments, sidebars and copyright footers.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given

from tests.ingest.ingest_inputs import FUZZ, html_fragments
from pipeline.errors import E_NO_TEXT, PipelineError
from pipeline.ingest.html import read_page
from pipeline.ingest.read import read_article

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"

PAGES = {
    "ledger-port-exports.html": dict(
        title="Port exports hit record as container traffic recovers",
        author="Helen Marsh", source="The Northern Ledger",
        url="https://www.northernledger.example/business/2024/mar/05/port-exports-record",
        published=date(2024, 3, 5), published_origin="html:jsonld",
        kept=["Exports through the port of Tynemouth grew by 12 percent in 2023 to £5.2 billion",
              "Container traffic recovered to 640,000 units",
              "She said the port now employed 4,000 people directly, up from 3,400 five years ago.",
              "The authority plans to spend £180 million on a new deep-water berth by 2027"],
        dropped=["We use cookies", "Accept all", "Subscribe from £1", "Photograph: Tom Reed",
                 "Cranes at the container terminal", "Related stories", "Shipping rates double",
                 "Port to cut 300 jobs", "Sign up to Business Today", "© 2024", "All rights reserved",
                 "Privacy policy"],
    ),
    "wire-gas-prices.html": dict(
        title="European gas prices fall 20% as storage fills early",
        author="Pieter de Vries", source="Continental Wire",
        url="https://www.continentalwire.example/markets/european-gas-prices-fall-2023-08-17/",
        published=date(2023, 8, 17), published_origin="html:og",
        kept=["European wholesale gas prices fell about 20% this week",
              "settled at 32 euros per megawatt hour on Wednesday",
              "shipped 109 billion cubic metres to the continent in 2022",
              '"The market is much more relaxed than a year ago'],
        dropped=["Sign in", "Markets |", "3 min read", "Advertisement", "Read Next",
                 "Oil climbs 2%", "Coal imports drop", "quotes delayed", "© 2023"],
    ),
    "blog-rents-wages.htm": dict(  # windows-1252, declared in <meta http-equiv>
        title="Why rents outpaced wages again", author="Léa Moreau",
        source="Mapping the Market",  # from "<title>Why rents outpaced wages again &#8211; Mapping the Market"
        url="https://mappingthemarket.example/2024/01/22/rents-outpaced-wages/",
        published=date(2024, 1, 22), published_origin="html:time",
        kept=["Average asking rents in the capital rose to €1450 a month in 2023, up 8.5 % on the year",
              "now costs €1390, and the city has added 12400 rental homes against a target of 30000.",
              "The mayor’s office called the figures “disappointing”",
              "Temperature in the housing debate", "6 in 10 renters",
              "Café owners in the old town, whose commercial rents rose by -2 % – a rare fall –",
              "recovered to 2019 levels..."],
        dropped=["Home", "Donate", "Posted on", "Share this", "Twitter", "Vacancy rate falls",
                 "thoughts on", "My rent went up 25%", "Recent Posts", "Mortgage approvals",
                 "Copyright", "powered by WordPress", "levels....", "\u00ad", "\u00a0", "\u202f"],
    ),
    "gazette-school-budget.html": dict(  # no declared date: the extractor reads the byline or URL
        title="School board approves $48.6 million budget",
        author="",  # the byline "Staff report · Published May 14, 2021" names no one
        source="Riverside Gazette",  # from "<title>... - Riverside Gazette"
        url="https://www.riversidegazette.example/news/2021/05/14/school-board-approves-budget/",
        published=date(2021, 5, 14), published_origin="html",
        kept=["The Riverside school board voted 5-2 on Thursday to approve a $48.6 million operating budget",
              "The budget adds 14 teaching positions",
              "Property owners will pay an estimated $1,875 in school taxes on a home assessed at $250,000",
              "its $3.2 million reserve to hold taxes flat."],
        dropped=["BREAKING", "Storm warning", "Obituaries", "E-Edition", "99 cents a month", "Sam Ortiz",
                 "Board members listen", "Tags:", "Trending Now", "3-vehicle crash", "June 5", "120 Main St",
                 "© 2021", "dataLayer"],
    ),
    "review-water-tables.html": dict(
        title="The aquifer is running dry", author="Ravi Natarajan; Maria Olsen",
        source="Policy Review Foundation",
        url="https://policyreview.example/environment/aquifer-running-dry/",
        published=date(2022, 11, 30), published_origin="html:jsonld",
        kept=["Farmers in the valley pumped 1.8 cubic kilometres of groundwater in the 2021 season",
              "A falling water table",
              "The water table under the valley has dropped by about 30 metres since 1990",
              "North | 1,240 | 180 m", "the state spent $410 million on farm power in 2021",
              "Half of the valley's 600,000 farmers"],
        dropped=["This site uses cookies", "Podcast", "More from Environment", "Heatwaves cost 4%",
                 "registered charity", "© Policy Review", "senior fellow"],
    ),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_text_and_metadata(name: str) -> None:
    expected = PAGES[name]
    article = read_article(FIXTURES / name)
    assert (article.title, article.author, article.source, article.url, article.published,
            article.published_origin) == tuple(expected[key] for key in (
                "title", "author", "source", "url", "published", "published_origin"))
    assert article.id == Path(name).stem
    for kept in expected["kept"]:
        assert kept in article.text
    for dropped in expected["dropped"]:
        assert dropped not in article.text, dropped


@pytest.mark.parametrize("name", sorted(PAGES))
def test_paragraphs_are_blank_line_separated_and_start_with_the_title(name: str) -> None:
    article = read_article(FIXTURES / name)
    paragraphs = article.text.rstrip("\n").split("\n\n")
    assert paragraphs[0] == PAGES[name]["title"]
    assert all(paragraph and "\n" not in paragraph for paragraph in paragraphs)
    for kept in PAGES[name]["kept"]:  # each kept passage lies within one paragraph
        assert any(kept in paragraph for paragraph in paragraphs)


def page(head: str, body: str) -> str:
    paragraph = ("<p>The council approved a budget of $4.5 million for road repairs on Tuesday, "
                 "with 60 percent of the money going to the northern districts this year.</p>")
    return f"<html><head>{head}</head><body><article>{body}{paragraph}</article></body></html>"


@pytest.mark.parametrize(
    "head, body, published, origin",
    [
        ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2021-06-02"}</script>',
         "", date(2021, 6, 2), "html:jsonld"),
        ('<meta property="article:published_time" content="2020-02-03T23:50:00-05:00">',
         "", date(2020, 2, 3), "html:og"),
        ("", '<p class="byline">By Ann Lee <time datetime="2019-10-11">Oct 11</time></p>',
         date(2019, 10, 11), "html:time"),
        ("", "", None, "none"),
    ],
)
def test_publication_date_and_its_origin(head: str, body: str, published: date | None, origin: str) -> None:
    found = read_page(page(head, body), "p.html")
    assert (found.published, found.published_origin) == (published, origin)


def test_declared_metadata_fills_what_the_extractor_misses() -> None:
    head = ('<script type="application/ld+json">[{"@type": "WebPage"}, {"@type": ["NewsArticle"], '
            '"headline": "Road money approved", "author": {"@type": "Person", "name": "Ann Lee"}, '
            '"publisher": {"name": "County Times"}}]</script>'
            '<meta property="og:url" content="https://county.example/roads">')
    found = read_page(page(head, ""), "p.html")
    assert (found.title, found.author, found.url) == ("Road money approved", "Ann Lee", "https://county.example/roads")
    assert found.text.startswith("Road money approved\n\nThe council approved a budget of $4.5 million")


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><nav><a href='/'>Home</a></nav></body></html>",
        "<<<>>> </p></div>",
        "<html><body>" + "<div>" * 5000 + "<p>Deep text with 5 figures in it, far too deep to reach.</p>"
        + "</div>" * 5000 + "</body></html>",
        '<script type="application/ld+json">' + "[" * 100000 + "]" * 100000 + "</script>",
    ],
)
def test_pages_without_reachable_text_are_refused_without_crashing(html: str) -> None:
    with pytest.raises(PipelineError) as caught:
        read_page(html, "bad.html")
    assert caught.value.code == E_NO_TEXT
    assert "bad.html" in str(caught.value) and "\n" not in str(caught.value)


def test_malformed_markup_still_gives_its_text() -> None:
    html = ("<html><body><article><p>Unclosed <b>bold and <i>italic tags: the agency hired 250 "
            "inspectors in 2023, up from 180, it said in its annual report on Friday.<p>Second "
            "paragraph without a closing tag, also long enough to count as article text here.</article>")
    found = read_page(html, "broken.html")
    assert "the agency hired 250 inspectors in 2023, up from 180" in found.text
    assert "Second paragraph without a closing tag" in found.text


@FUZZ
@given(html_fragments)
def test_any_markup_gives_a_page_or_a_coded_error(html: str) -> None:
    try:
        page = read_page(html, "fuzz.html")
    except PipelineError as error:
        assert error.code in ("E042", "E043")
        return
    assert page.text.strip()
    assert "\n\n\n" not in page.text
