"""Spreadsheet safety: user text must never become a formula in Excel.

A cell whose text starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or
carriage return) is read by spreadsheet programs as a formula. In .xlsx the
cell is written with the string type, so the text stays exactly as typed; in
CSV, which has no types, such text gets a leading apostrophe.
"""

from __future__ import annotations

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_PREFIXES)


def csv_safe(text: str) -> str:
    """The CSV form of a text cell: formula-like text gets a leading apostrophe."""
    return "'" + text if is_formula_like(text) else text
