"""A small map that examples and doctests can build anywhere, like networkx's example graphs.

>>> m = example_map()
>>> list(m.perspectives), len(m.claims)
(['tea', 'coffee'], 8)
"""

from __future__ import annotations

from ..model import ArgumentMap
from .load import loads

#: Two perspectives on one question: a thesis each, reasons, a clash between
#: the theses, a clash with a reason, and one claim each side can agree with.
TEA_OR_COFFEE = """\
title: Tea or coffee?
perspectives:
  tea: {label: Tea drinkers, color: "#2a9d8f"}
  coffee: {label: Coffee drinkers, color: "#e76f51"}
---
perspective: tea
source: {title: On Tea, author: Ann}
claims:
  - id: tea.best
    text: Tea is the better morning drink.
    kind: thesis
  - id: tea.gentle
    text: Tea wakes you gently, without jitters.
    quote: tea wakes me gently
    supports: [tea.best]
  - id: tea.theanine
    text: Tea's theanine smooths the caffeine.
    kind: evidence
    supports: [tea.gentle]
  - id: tea.ritual
    text: Brewing tea is a calming ritual.
    supports: [tea.best]
---
perspective: coffee
source: {title: On Coffee, author: Bo}
claims:
  - id: cof.best
    text: Coffee is the better morning drink.
    kind: thesis
    contradicts:
      - {to: tea.best, note: Only one can be the better morning drink.}
  - id: cof.alert
    text: Coffee makes you alert fast.
    supports: [cof.best]
    contradicts:
      - {to: tea.gentle, note: A gentle start is a slow start.}
  - id: cof.strong
    text: Coffee has twice the caffeine.
    kind: evidence
    supports: [cof.alert]
  - id: cof.ritual
    text: Any brewing ritual calms, coffee's too.
    supports: [tea.ritual]
"""


def example_map() -> ArgumentMap:
    """The tea-or-coffee map of :data:`TEA_OR_COFFEE`, loaded afresh."""
    return loads(TEA_OR_COFFEE)
