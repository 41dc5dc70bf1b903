"""Turns a matched span into a figure: its number, unit or currency, qualifier, role and links."""
