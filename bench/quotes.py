"""How long `argmap quotes` takes to suggest the closest passage for a missing quote.

Side by side in one run, on a source of about 3 MB (the relational article
repeated) and a few quotes that are not in it: argmap's rapidfuzz alignment
against difflib's longest-match search, which argmap used before.

    python bench/quotes.py [--megabytes 3] [--misses 5]
"""

from __future__ import annotations

import argparse
import difflib
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from argmap.io.quotes import closest_passage, normalize  # noqa: E402

SEED = REPO.parent / "shared" / "seeds" / "000_2d4881c6229b3c38.txt"
MISSES = [
    "the relationship between client and therapist matters more than any one technique, in my view",
    "therapists who check in every session see fewer clients drop out",
    "a rupture that is repaired can deepen trust between the two people",
    "connection heals because people are wired for it",
    "clients should say when a session does not help them",
]


def difflib_closest(quote: str, source_text: str) -> str:
    needle, haystack = normalize(quote)[0], normalize(source_text)[0]
    matcher = difflib.SequenceMatcher(None, haystack, needle, autojunk=False)
    anchor = matcher.find_longest_match(0, len(haystack), 0, len(needle))
    start = max(0, anchor.a - anchor.b)
    return haystack[start:start + len(needle)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=3.0)
    parser.add_argument("--misses", type=int, default=len(MISSES))
    args = parser.parse_args()
    article = SEED.read_text(encoding="utf-8")
    source = (article + "\n") * max(1, int(args.megabytes * 1_000_000 / len(article)))
    quotes = (MISSES * args.misses)[:args.misses]
    start = time.perf_counter()
    for quote in quotes:
        closest_passage(quote, source)
    ours = (time.perf_counter() - start) / len(quotes)
    start = time.perf_counter()
    difflib_closest(quotes[0], source)
    theirs = time.perf_counter() - start
    print(f"source: {len(source) / 1e6:.1f} MB; {len(quotes)} missing quotes")
    print(f"argmap (rapidfuzz): {ours:.2f} s per missing quote, the source's normalisation shared")
    print(f"difflib longest match: {theirs:.2f} s for one missing quote ({theirs / ours:.0f}x slower)")


if __name__ == "__main__":
    main()
