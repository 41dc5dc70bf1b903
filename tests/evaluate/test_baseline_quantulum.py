"""quantulum3 as a baseline: it runs on real text, and its faults are reported as its own."""
from pipeline.evaluate.baseline_quantulum import BASELINE_FIELDS, quantulum_figures
from pipeline.evaluate.gold import GoldItem
from pipeline.evaluate.matching import Prediction, score_predictions
from pipeline.evaluate.metrics import build_report

TEXT = ("Siemens Energy will receive €2.5bn in guarantees, and oil output rose 36 percent to "
        "1.5 million barrels per day, while 10,000 troops guarded the 2,615-mile border.")


def by_text(figures):
    return {f.text: f for f in figures}


def test_baseline_maps_quantities_to_our_kinds():
    found = by_text(quantulum_figures(TEXT))
    assert (found["36 percent"].kind, found["36 percent"].value, found["36 percent"].unit) == ("percent", 36, "percent")
    barrels = found["1.5 million barrels per day"]
    assert (barrels.kind, barrels.value, barrels.unit) == ("quantity", 1_500_000, "barrel per day")
    assert (found["10,000"].kind, found["10,000"].unit) == ("count", "troop")
    assert (found["2,615-mile"].kind, found["2,615-mile"].unit) == ("quantity", "mile")
    for figure in found.values():
        assert TEXT[figure.start:figure.end] == figure.text


def test_baseline_fault_on_scaled_euros_is_scored_against_the_baseline_not_the_pipeline(extract):
    euros = TEXT.index("€2.5bn")
    gold = [GoldItem(start=euros, end=euros + 6, text="€2.5bn", kind="money", value=2.5e9, unit="EUR")]
    baseline = quantulum_figures(TEXT)
    bogus = next(f for f in baseline if f.text == "€2.5bn")
    assert bogus.kind != "money" and bogus.value == 2.5  # quantulum3 reads "bn" as units, not a scale
    preds = [Prediction(f.start, f.end, f.text, f.kind, f) for f in baseline]
    baseline_report = build_report([score_predictions("t", TEXT, preds, gold)], BASELINE_FIELDS)
    assert baseline_report.detection["money"].fn == 1
    assert any(m.text == "€2.5bn" for m in baseline_report.misses)

    ours = next(f for f in extract(TEXT).figures if f.text == "€2.5bn")
    assert (ours.kind, ours.value, ours.unit) == ("money", 2.5e9, "EUR")
