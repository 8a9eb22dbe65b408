"""Word lists as trie-shaped regular expressions.

Python's `re` tries the branches of `a|b|c|...` one by one at every position; with hundreds of
place names or indicator aliases that dominates the parser's time. Factoring the words into a
trie (`长(?:沙|春)|...`) lets the engine reject a position after one character. And when every
branch of a pattern opens with a literal character, as a trie's do, `re` collects those characters
and jumps from one of them to the next at C speed, without trying the positions between: a
first-character lookahead (`(?=[长湖])...`) in front of a trie hides them and makes a search over a
document 2-4 times slower.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of `words`, longest first at each position (as an alternation would
    if sorted by length)."""
    trie: dict = {}
    for word in words:
        if not word:
            continue
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _render(trie)


def _render(node: dict) -> str:
    ends = "" in node
    branches = []
    atomic = True  # a single character needs no group before `?`
    for char, child in sorted(node.items()):
        if not char:
            continue
        rest = _render(child)
        atomic = atomic and not rest
        branches.append(re.escape(char) + rest)
    if not branches:
        return ""
    if len(branches) == 1:
        if not ends:
            return branches[0]
        return f"{branches[0]}?" if atomic else f"(?:{branches[0]})?"
    group = f"(?:{'|'.join(branches)})"
    return f"{group}?" if ends else group
