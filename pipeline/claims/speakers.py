"""Says who asserts each claim: the author, unless the text reports someone else's words.

A reporting verb ("told", "said", "estimated", "described ... as") makes its subject the speaker of
what it reports: its clause or object, and any quote inside it or right before it; set between
commas inside a clause ("Mr. Kerr, the agency said, earned $8 million"), the whole clause. An
accusing verb asserts what it accuses of ("accused Kerr of hiding losses"), and a passive one's "by"
phrase names its speaker ("was confirmed by police"). "according to
X" makes X the speaker of its clause. A quote with no cue of its own continues the quote before it
in the same paragraph ("“...,” Blinken told senators. “I am not sure ...”"), and in a transcript
that marks no quotes, "<person> says <clause>." hands the next paragraph to that person. A joint
subject gives every party ("Putin and Xi" -> "Vladimir Putin; Xi Jinping"); names are the
canonical ones of the article's entities, so a title or a later short form names the person in
full.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from pipeline.claims.describe import EntityIndex
from pipeline.claims.parties import Parties
from pipeline.claims.party_reading import PartyWords, figure_tail, states_figure, unplaced_name
from pipeline.claims.report_clauses import (clause_tail, has_subject, hedged, inverted_source, leading_clause,
                                            noun_cue, passive_agent, quoted_speaker, says_of_its_noun, tells_past,
                                            verbal)
from pipeline.claims.reported import (AUTHOR, Attribution, Reported, find_quotes, introduced_words, quote_patterns,
                                      statement_time)
from pipeline.claims.speaker_names import (article_name, based_name, counted_group, group_leaders, joining_word,
                                           kind_named, named_beside, named_kinds, party_name, spokesperson_before,
                                           titled_name, whose_statements)
from pipeline.claims.speech_runs import continued, pointed_back, reporting_subject, soundbites
from pipeline.nlp.structure import clause_head, dateline_end, doc_text
from pipeline.records import DateMention

RELATIVE_DEPS = ("relcl", "advcl")
"""How a clause whose subject is "which", "that" or "who" hangs from what it says more of: as a
relative clause, or misread as an adverbial clause of the verb before it ("held over the raids last
year that killed 31 guards")."""
NOUN_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj")
"""Dependencies of a word used as a noun, whatever its tag ("the 1 percent forecast by economists")."""
UNNAMED_SOURCE = "it"
"""The speaker of "it said" where "it" stands for no party: right after "the statement said", the
statement's owner as there; nobody elsewhere. This is the second of two readings of "it said",
and differs from the first on purpose. ``Parties.speaking`` reads "it" first as a party, from the
parse: what it stands for, else the organisation that last spoke a few sentences before
(``Parties._last_speaker``; only an organisation, as a person is "he" or "she"). Only an "it" with
no such party comes here, where it is the statement itself ("Sales rose 4%, the statement said.
Exports fell 2%, it said."): ``whose_statements`` gives it to whoever owns the statement, a person
too, at any distance, as it gives "the statement said" (pipeline/claims/speaker_names.py)."""
SPEAKER_LABELS = ("PERSON", "ORG", "GPE", "NORP")
"""Entity labels that can name a speaker, people first."""


class SpeakerFinder:
    """Reads the speech cues of rules/speech.yml once and applies them to articles."""

    def __init__(self, speech: dict, titles: set[str] = frozenset(), party_words: PartyWords = PartyWords()) -> None:
        self.titles = set(titles)
        self.party_words = party_words
        # "declared a 10% stock dividend" is an act, not words: its object is no one's report
        self.object_verbs = (set(speech["reporting_verbs"]) | set(speech["naming_verbs"])) \
            - set(speech.get("performing_verbs", ()))
        self.addressed = set(speech["addressee_verbs"])
        self.publication_nouns = set(speech["publication_nouns"])
        self.accusing = set(speech["accusing_verbs"])
        self.evidence = set(speech.get("evidence_verbs", ()))
        self.evidence_nouns = set(speech.get("evidence_nouns", ()))
        self.reporting = set(speech["reporting_verbs"])
        self.accusations = set(speech["accusation_prepositions"])
        self.verbs = self.object_verbs | self.reporting | set(speech["attribution_verbs"]) | self.accusing
        self.framing_verbs = set(speech["framing_verbs"])
        self.sources = [tuple(phrase.split()) for phrase in speech["source_phrases"]]
        self.clause_deps = set(speech["clause_dependencies"])
        self.object_deps = set(speech["object_dependencies"])
        self.content_preps = set(speech["content_prepositions"])
        self.pronouns = set(party_words.person_pronouns)
        self.spokespeople = frozenset(speech["spokespeople"])  # a "she" after one speaks for the body too
        self.quantifiers = set(speech["group_quantifiers"])
        self.source_nouns = set(speech.get("source_nouns", ()))
        self.governments = set(speech.get("government_nouns", ()))
        self.survey_nouns = set(speech.get("survey_nouns", ()))
        self.comparing = frozenset(speech["comparison_words"])
        self.min_words = int(speech["quote_min_words"])
        self.modals = set(speech["reported_modals"])
        self.quote_patterns = quote_patterns(speech["quote_marks"])

    def attribute(self, doc: Doc, entities: list[dict], dates: list[DateMention]) -> Reported:
        """The article's quotes with their speakers, and every stretch of reported words."""
        names = EntityIndex(doc, entities)
        parties = Parties(doc, names, self.party_words)  # this article's only: never kept on self
        sentences = list(doc.sents)
        dates_in = [[] for _ in sentences]
        for mention in dates:
            dates_in[mention.sentence_index].append(mention)
        by_sentence = whose_statements(sentences, [self._reported(sent, names, parties, sent_dates) for sent, sent_dates
                                                   in zip(sentences, dates_in)],
                                       self.source_nouns - self.survey_nouns, UNNAMED_SOURCE)
        by_sentence = named_kinds(doc, [[a for a in group if a.speaker != UNNAMED_SOURCE] for group in by_sentence],
                                  self.party_words.descriptors)
        quotes = find_quotes(doc, sentences, by_sentence, self.quote_patterns, self.min_words)
        attributions = [a for group in by_sentence for a in group]
        attributions += continued(doc, sentences, by_sentence, self.modals)
        attributions += pointed_back(doc, sentences, by_sentence)
        if self.quote_patterns[0].search(doc_text(doc)) is None:
            attributions += soundbites(doc, sentences, by_sentence, self.pronouns)
        return Reported(attributions, quotes)

    def _reported(self, sent: Span, names: EntityIndex, parties: Parties, dates: list[DateMention]) -> list[Attribution]:
        """Stretches of this sentence that a reporting verb or "according to" gives to a speaker."""
        out = []
        for token in sent:
            lemma = token.lemma_.lower()
            if lemma in self.verbs and verbal(token) and not hedged(token) and not self._nested(token):
                source = inverted_source(token) if lemma not in self.addressed else None
                speaker = self._speaker(token, source, names, parties)
                takes_object = lemma in self.object_verbs and (lemma not in self.framing_verbs or self._frames(token))
                # a passive's subject is what it reports: "The toll was confirmed by police"
                objects = self.object_deps - {"dobj"} if lemma in self.addressed else self.object_deps | (
                    {"nsubjpass"} if passive_agent(token) is not None and lemma not in self.framing_verbs else set())
                content = [c for c in token.children if c.dep_ in self.clause_deps or (takes_object and (
                    c.dep_ in objects or (c.dep_ == "prep" and c.lower_ in self.content_preps)))]
                content += clause_tail(token, self.comparing)  # "Spending will rise, she said, from $80 million"
                if lemma in self.accusing:  # "accused Kerr of hiding ...", its phrase also read as Kerr's
                    content += [c for o in [token, *(o for o in token.children if o.dep_ == "dobj")]
                                for c in o.children if c.dep_ == "prep" and c.lower_ in self.accusations]
                content += [c for p in token.children if p.dep_ == "prep" and p.lower_ == "in" for o in p.children
                            if o.lemma_.lower() in self.source_nouns for c in o.children  # "said in a statement that ..."
                            if c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" for m in c.children)]
                if content:  # a participle amid what is said is said too: "said the bonds, sold at $50, will ..."
                    first, last = min(c.i for c in content), max(c.i for c in content)
                    content += [c for c in token.children if c.dep_ == "advcl" and c.tag_ in ("VBN", "VBG")
                                and not has_subject(c) and first < c.i < last]
                if any(c.dep_ == "dobj" for c in content):  # "announced 28 orders, bringing the total to 512"
                    content += [c for c in token.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > token.i
                                and not has_subject(c)]
                    content += figure_tail(token, content, lemma in self.party_words.judging_words, self.comparing)
                if source is not None:  # "Police held two men, reported Morgenposten.": what comes before
                    told = source.head if token.dep_ == "compound" else token.head  # "..., claims analyst Mark Dunn."
                    content = [c for c in content if c.i != source.i] + [told]
                stretches = [(c.left_edge.i, c.right_edge.i + 1) for c in content]
                leading = leading_clause(token, sent)
                if leading is not None and not any(start < leading[1] for start, _ in stretches):
                    stretches.append(leading)
                if says_of_its_noun(token):
                    stretches.append((token.head.left_edge.i, token.head.i + 1))  # "4,000 jobs that Corvane said ..."
                introduced = introduced_words(token, sent)
                if introduced is not None:
                    stretches.append(introduced)  # "The Ledger said in an editorial: ..."
                if speaker and stretches:
                    time = statement_time(token, dates, sent.doc)
                    out += [Attribution(start, end, speaker, time, token.i) for start, end in stretches]
                    out += self._asides(sent.doc, stretches, token.i)
            cue = noun_cue(token) if lemma in self.verbs and token.pos_ == "NOUN" else None
            speaker = self._name(cue[0], names, parties) if cue is not None else ""
            if speaker:  # "Sales should rise 4 percent, the Tarrow Retail Council forecasts."
                out.append(Attribution(*cue[1], speaker, cue=token.i))
            owner = self._owner(token) if lemma in self.source_nouns and (token.pos_ == "NOUN" or token.dep_ in NOUN_DEPS) else None
            if owner is not None and owner.i < token.i and owner.dep_ == "compound" and self._owned(token) \
                    and token.dep_ == "pobj" and token.head.lower_ == "in" and token.head.head.lemma_.lower() in self.verbs:
                owner = reporting_subject(token.head.head) or owner  # "In an SEC filing, Norland said": Norland's
            asking = lemma in self.survey_nouns and token.dep_ == "nsubj" and token.head.pos_ in ("VERB", "AUX")
            if owner is not None or asking:  # "Corvane Corp.'s announcement of a $412.6 million loss"
                speaker = self._name(owner, names, parties) if owner is not None else ""
                if speaker and lemma in self.survey_nouns:
                    speaker = f"{speaker} {lemma}"  # the poll speaks for the people it asked
                elif asking:  # "Polls have shown support rising to 51 percent" -> polls
                    named = [e["canonical"] for e in names.within(token.left_edge.idx, token.idx) if e["label"] == "ORG"]
                    speaker = f"{named[-1]} {lemma}" if named else token.lower_
                if speaker:
                    out.append(Attribution(token.left_edge.i, token.right_edge.i + 1, speaker, cue=token.i))
                    inside = token.dep_ == "pobj" and token.head.lower_ == "in"
                    verb = token.head.head if inside else token.head
                    if (asking or inside) and verb.pos_ in ("VERB", "AUX"):
                        # "In a Contoso Research poll, 62 percent said ...", "A Ledger poll shows 6 in 10 ..."
                        out.append(Attribution(verb.left_edge.i, verb.right_edge.i + 1, speaker, cue=token.i))
            source = self._source(token)
            if source is not None:
                speaker = self._name(source, names, parties)
                kind = source.lemma_.lower()
                if speaker and kind in self.survey_nouns and source.pos_ == "NOUN" and not speaker.lower().endswith(kind):
                    speaker = f"{speaker} {kind}"  # "according to the Tolland survey" -> Tolland survey
                if speaker:
                    verb = clause_head(token.head)
                    # "countries reported 3.5 million cases, according to PAHO": PAHO tells it
                    out = [a for a in out if a.cue != verb.i]
                    out.append(Attribution(verb.left_edge.i, verb.right_edge.i + 1, speaker, cue=token.i))
                    out += self._asides(sent.doc, [(verb.left_edge.i, verb.right_edge.i + 1)], token.i)
                    # the source's own phrase is the author's: "according to a survey of 900 riders"
                    out.append(Attribution(token.i, source.right_edge.i + 1, AUTHOR))
        return out

    def _nested(self, verb: Token) -> bool:
        """Whether a cue is part of what another speaker reports, whose words the whole clause
        stays: "Dana Pike, the chairman, said the company expects sales to rise 6%" is Pike's
        report, not the company's (the source of the clause of "said" speaks its figures), also
        deeper in it ("Ardmore said its plan, expected to start soon, will ..."). A reporting verb
        of its own keeps its speaker: "Police said 5 men were held, though aides later said 8"."""
        if verb.lemma_.lower() in self.reporting:
            return False
        for word in [verb, *verb.ancestors]:
            if word.dep_ == "ccomp" and word.head.lemma_.lower() in self.reporting and verbal(word.head) \
                    and not hedged(word.head) and reporting_subject(word.head) is not None:
                return True
        return False

    def _asides(self, doc: Doc, stretches: list[tuple[int, int]], cue: int) -> list[Attribution]:
        """The author's own background inside reported words: a relative clause that tells a past
        event of something the report only names ("agents said they found no one tied to the
        blasts, which killed 31 people"; "police said a woman was held over the raids that left 12
        guards hurt", also where the parser hangs it from the verb). A present or future state is
        the speaker's ("said it belongs to a group that owns 4% of Norland", "the deal, which will
        bring in $20 million"), and so is what a clause says of a figure ("a rate of 2.5 shares for
        each note, which was equal to $40 a share") or a report of its own ("a study, which
        said ...")."""
        out = []
        for start, end in stretches:
            for verb in doc[start:end]:
                if verb.dep_ in RELATIVE_DEPS and tells_past(verb) and not states_figure(verb.head) \
                        and verb.lemma_ != "be" and verb.lemma_.lower() not in self.verbs \
                        and any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in verb.children) \
                        and not verb.left_edge.i <= cue <= verb.right_edge.i:
                    out.append(Attribution(verb.left_edge.i, verb.right_edge.i + 1, AUTHOR))
        return out

    def _frames(self, verb: Token) -> bool:
        """Whether a framing verb says what its object is ("put growth at 3 percent", "called the
        plan a failure"): not where it puts a figure it moves ("put 3,000 soldiers on the border",
        "called 200 volunteers to the site"), an object that is itself a figure with nothing that
        frames it."""
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if not objects or not states_figure(objects[0]):
            return True
        return any(c.dep_ in ("oprd", "xcomp") or (c.dep_ == "prep" and c.lower_ in self.content_preps)
                   for c in [*verb.children, *objects[0].children])

    def _source(self, token: Token) -> Token | None:
        """The object of "according to X": X's head noun, or None. Asked of every word, which is
        read once, not once per phrase."""
        lower = token.lower_
        for phrase in self.sources:
            if lower != phrase[0]:
                continue
            words = tuple(t.lower_ for t in token.doc[token.i: token.i + len(phrase)])
            if words == phrase:
                last = token.doc[token.i + len(phrase) - 1]
                objects = [c for c in last.children if c.dep_ == "pobj"] or \
                          [t for t in token.doc[last.i + 1: last.i + 6] if t.pos_ in ("PROPN", "NOUN")][:1]
                source = objects[0] if objects else None  # "according to information released by X": X
                return (self._owner(source) or source) if self._owned(source) else source
        return None

    def _owned(self, noun: Token | None) -> bool:
        """Whether a noun is a statement its owner speaks for: "the report", not "a poll"."""
        return noun is not None and noun.lemma_.lower() in self.source_nouns - self.survey_nouns

    def _owner(self, noun: Token) -> Token | None:
        """Whose report, poll or forecast a noun of ``source_nouns`` is: its owner ("Corvane's
        announcement"), the agent of its participle ("a report released by the Labor Department"),
        its "by" or "from" phrase ("the 190,000 forecast by economists", "estimates from traders"),
        or a name before it ("a Ledger/Channel 9 News poll"); None for one nobody is given ("a
        report")."""
        for child in noun.children:
            if child.dep_ == "poss" and child.ent_type_ not in ("DATE", "TIME"):  # not "Friday's announcement"
                return child
            if child.dep_ == "agent":  # "forecast" read as a participle
                return next((named_beside(o) for o in child.children if o.dep_ == "pobj"), None)
            if child.dep_ == "acl" and child.tag_ == "VBN":
                agents = [o for a in child.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
                if agents:
                    return named_beside(agents[0])
        after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
        if after is not None and after.lower_ in ("by", "from"):  # "estimates from traders", not "from May"
            objects = [o for o in after.children if o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME")]
            if objects:
                return objects[0]
        named = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i and c.ent_type_ == "ORG"]
        return named[-1] if named else None

    def _speaker(self, verb: Token, source: Token | None, names: EntityIndex, parties: Parties) -> str:
        # a passive cue borrows no subject from the verb it goes on from: "..., which earned $5 million
        # and is expected to earn $6 million" is nobody's forecast but its "by" phrase's
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        subject = source or (None if passive else reporting_subject(verb))
        if subject is None and not passive and verb.i > 0 and unplaced_name(verb.doc[verb.i - 1], self.verbs):
            subject = verb.doc[verb.i - 1]  # "First of Tarrow Bank Corp. said ...", "First" read as an adverb
        if subject is not None and subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" \
                and verb.head.lemma_.lower() in self.source_nouns:
            owner = self._owner(verb.head)  # "a report released by the Labor Department, which said ..."
            return self._name(owner, names, parties) if owner is not None else ""
        subject = subject if subject is not None else passive_agent(verb)  # "was hailed by the mayor as ..."
        subject = subject if subject is not None else quoted_speaker(verb)
        if subject is None:
            return ""
        if (subject.like_num and subject.pos_ != "PROPN") or any(c.dep_ == "nummod" for c in subject.children):
            return ""  # "68 percent said ...": a share of people, not a source
        if verb.lemma_.lower() in self.evidence and subject.pos_ == "NOUN" \
                and subject.lemma_.lower() in self.evidence_nouns:
            return ""  # "these methods indicate the cases are linked": evidence, not a source
        if self._owned(subject):
            subject = self._owner(subject) or subject  # "Estimates from bond dealers put the gap at 5%"
        subject = group_leaders(subject) or based_name(subject) or titled_name(subject, self.titles) or subject
        if subject.lower_ in self.quantifiers and subject.pos_ != "NOUN":
            subject = counted_group(subject)  # "Bond analysts were cautious. Several had predicted ..."
            if subject is None:
                return ""
        # a joint source's parts, not one counted as only some of a group ("say pollsters and some aides")
        # "said Harbinger, or The Herald, a weekly": one source by two names, not two
        named = [subject] + [c for c in subject.conjuncts if c.i > subject.i and c.pos_ in ("PROPN", "NOUN")
                             and c.left_edge.lower_ not in self.quantifiers and joining_word(subject) != "or"]
        found = [self._name(party, names, parties, self._described(subject, parties)) for party in named]
        found = list(dict.fromkeys(name for name in found if name))
        if not found and subject.lower_ == "it":
            return UNNAMED_SOURCE  # "Sales rose 4%, the statement said. Exports fell 2%, it said."
        if len(found) > 1 and any(party.tag_ == "NNS" for party in named) and all(p.pos_ == "NOUN" for p in named):
            return f" {joining_word(subject)} ".join(found)  # groups that name no one: "police and family members said"
        if len(named) == len(found) == 1 and self._printed(subject, verb) and not found[0].startswith("The "):
            return f"The {found[0]}"
        return "; ".join(found)  # joint speakers by name: "Putin and Xi" -> "Vladimir Putin; Xi Jinping"

    def _name(self, head: Token, names: EntityIndex, parties: Parties, described: str = "") -> str:
        """The name of the party a speaker's phrase stands for (``Parties.speaking``, else what its
        descriptor describes, else ``party_name``); a spokesperson is the body they speak for, named
        as the article names it in full ("a Harlow spokeswoman said" after "Harlow Textiles Corp."
        -> Harlow Textiles; "the spokesman said" or "she said" after it, the same), as the entities
        cell names it; a government the entities cell reads as its country is that country's
        ("The Ruvian Government said" -> Government of Ruvia)."""
        if head.pos_ == "PRON" and head.lower_ in self.pronouns:
            head = spokesperson_before(head, self.spokespeople) or head
        name = kind_named(head, names, self.party_words.descriptors) or parties.speaking(head) or described \
            or party_name(names, head, self.pronouns, self.titles, self.quantifiers)
        body = name[: -len(head.text) - 1] if name.endswith(f" {head.text}") else ""
        if body and (head.lower_ in self.spokespeople or (head.lower_ in self.party_words.spokespeople
                                                          and all(w[:1].isupper() for w in body.split()))):
            return article_name(names, body)  # "the Kestrel board" is Kestrel's; "the school board" a board
        if head.lemma_.lower() in self.governments and name in self.party_words.countries:
            return f"Government of {name}"  # "The Ruvian Government said", its country's own body
        return name

    def _printed(self, subject: Token, verb: Token) -> bool:
        """Whether a speaker is a paper that prints "The" as part of its name: the article writes it
        with a capital inside a sentence ("Last week The Ledger reported ..."), or it opens a sentence
        in what speaks in print (``publication_nouns``: "The Ledger said in an editorial ...").
        "The Labor Department said ..." keeps its plain name."""
        the = subject.doc[subject.left_edge.i]
        if the.text != "The" or the.ent_type_ != "ORG" or subject.ent_type_ != "ORG":
            return False
        if not the.is_sent_start and the.i != dateline_end(subject.sent):
            return True
        return any(p.dep_ == "prep" and p.lower_ == "in" and any(o.lemma_.lower() in self.publication_nouns
                                                                 for o in p.children) for p in verb.children)

    def _described(self, subject: Token, parties: Parties) -> str:
        """The party a subject of common nouns after "the" describes when the last of them is a
        descriptor: an organisation's ("The Danish brewing, bottling and packaging concern, said" ->
        the company named before), as "the company said" is, or a person's title (``titles``: "the
        Peruvian leader said" -> the person most named in the last few sentences, none when no one
        is in view); a name inside the phrase is no description. A place's possessive describes one
        party as "the" does ("Norway's biggest grocer said" -> the grocer named before), not a
        group ("Norway's grocers")."""
        placed = subject.tag_ == "NN" and any(c.dep_ == "poss" and c.ent_type_ in ("GPE", "LOC") for c in subject.children)
        if subject.pos_ != "NOUN" or not (placed or any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)):
            return ""
        nouns = [subject, *(c for c in [*subject.conjuncts, *subject.children] if c.pos_ == "NOUN"
                            and (c.dep_ in ("conj", "appos")))]
        last = max(nouns, key=lambda t: t.i)
        titled = last.lower_ in self.titles and last.lower_ not in self.party_words.spokespeople
        label = "PERSON" if titled else self.party_words.descriptors.get(last.lemma_.lower())
        if (last is subject and label != "PERSON" and not placed) or label not in ("ORG", "PERSON"):
            return ""
        return "; ".join(name for name, _ in parties.antecedent(last, (label,))[:1])

