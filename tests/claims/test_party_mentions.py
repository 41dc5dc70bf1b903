"""The parties an article named before a point, carried on figure after figure: the same as
finding them again from the start of the article, whatever order the points are asked in."""
import random

from pipeline.claims.describe import EntityIndex
from pipeline.claims.party_mentions import MentionCounts

TEXT = ("Corvane Systems borrowed $40 million from Nordbank on Monday. The company said Nordbank, which "
        "Tessin Holdings partly owns, lent it the money. Shares closed at $15 on the New York Stock Exchange. "
        "Corvane cut 200 jobs and Nordbank raised its fee, Tessin Holdings said.")


def _walked(counts: MentionCounts, offset: int, test, wanted: bool) -> dict:
    latest = {}
    for ent in counts.index.within(0, offset):
        if test(ent) == wanted:
            latest[(ent["canonical"], ent["label"])] = ent["start"]
    return latest


def test_parties_named_before_a_point_are_those_found_from_the_start(resources):
    doc = resources.nlp(TEXT)
    entities = [{"start": e.start_char, "end": e.end_char, "canonical": e.text, "label": e.label_, "text": e.text}
                for e in doc.ents]
    counts = MentionCounts(doc, EntityIndex(doc, entities), resources.speakers.party_words.where_prepositions)
    offsets = [t.idx for t in doc] + [e.start_char + 1 for e in doc.ents]  # some inside an entity
    random.Random(0).shuffle(offsets)
    for offset in sorted(offsets[:30]) + offsets:  # in text order, then back and forth
        for test, wanted in ((counts._acting_mention, True), (counts._subject_mention, True),
                             (counts._named_where, False)):
            assert counts._latest_before(offset, test, wanted) == _walked(counts, offset, test, wanted)
