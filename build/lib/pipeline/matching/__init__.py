"""Runs the rules of rules/ over a parsed document: spans out, with the rule ids that found them."""
