"""The rule files of ``rules/``, loaded and validated in one place: extraction rules, lexicons and
units, data tables, the consistency checks' parameters and the metrics lexicon of ``claims verify``."""
from pipeline.rules.checks import CHECK_IDS, CONSISTENCY_FILE, load_consistency
from pipeline.rules.extraction import CONTEXT_LABELS, EXTRACTION_LABELS, LABELS, Rule
from pipeline.rules.files import RULES_DIR
from pipeline.rules.load import RuleFiles, RuleSet, check_all, check_rules, load_rules
from pipeline.rules.metrics import METRICS_FILE, load_metrics

__all__ = ["CHECK_IDS", "CONSISTENCY_FILE", "CONTEXT_LABELS", "EXTRACTION_LABELS", "LABELS", "METRICS_FILE",
           "RULES_DIR", "Rule", "RuleFiles", "RuleSet", "check_all", "check_rules", "load_consistency",
           "load_metrics", "load_rules"]
