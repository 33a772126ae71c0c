"""Generate synthetic argument maps, seeded and reproducible, in several shapes.

Each map follows the claim YAML contract: a ``map.yaml`` and claims files
spread over ``files`` files. A claim has about one ``contradicts``, nine times
in ten across perspectives; its own side's ``supports`` depend on the shape:

- ``thesis`` (the default): one thesis per side; every other claim supports
  one of the 50 claims before it, and nine times in ten one more, so each side
  is a tree under its thesis with cross links (about 3 edges per claim);
- ``forest``: small arguments of 5 claims, each a thesis and 4 reasons;
- ``chain``: one long chain per side, each claim supporting the one before;
- ``many``: many conclusions, as in a map being written: a random map whose
  supports join any two claims of a side (1.6 per claim on average, cycles
  included), so about a fifth of the claims support nothing (each a
  thesis), and each conclusion's support reaches most of its side (about 3
  edges per claim). (With half the claims supporting nothing, a random map's
  supports split into small pieces, which is the easy case.)
- ``cycles``: as ``thesis``, and one claim in five also supports a later
  claim, closing support cycles;
- ``dense``: as ``thesis`` with four more supports and three contradicts per
  claim (about 8 edges per claim).

The same map is also written as Argdown text, with the same statements and
the same support and attack relations, so Argdown can parse an identical map.

    python bench/generate.py 20000 /tmp/map20k --files 20 --perspectives 2 --shape many
"""

from __future__ import annotations

import argparse
import math
import random
from pathlib import Path

import yaml

WORDS = ("therapy client relationship trust expert service harm healing research bond "
         "agency problem evidence practice session feedback rupture repair focus conduct "
         "character respect honesty insight opinion connection power dialogue outcome").split()
#: libyaml's emitter when PyYAML has it: a 100,000-claim map is written in seconds, not a minute
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
KINDS = ("premise", "evidence", "experience", "definition", "recommendation", "concession", "background")


SHAPES = ("thesis", "forest", "chain", "many", "cycles", "dense")


def own_supports(rng: random.Random, shape: str, own: list[str]) -> tuple[str | None, list[str]]:
    """A new claim's kind (``"thesis"``, or ``None`` for any other) and the claims of its side it supports."""
    if shape == "forest":
        place = len(own) % 5
        return ("thesis", []) if place == 0 else (None, [rng.choice(own[len(own) - place:])])
    if not own:
        return "thesis", []
    if shape == "chain":
        return None, [own[-1]]
    if shape == "many":  # supports are drawn once every claim exists (see generate)
        return None, []
    supports = [rng.choice(own[-50:])]  # a tree under the thesis
    for _ in range(5 if shape == "dense" else 1):
        if rng.random() < 0.9:
            extra = rng.choice(own)
            if extra not in supports:
                supports.append(extra)
    return None, supports


def _poisson(rng: random.Random, mean: float) -> int:
    """A Poisson-distributed count (Knuth's method)."""
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def generate(root: Path, claims: int, *, perspectives: int = 2, files: int = 20, seed: int = 1,
             shape: str = "thesis") -> Path:
    """Write a map of ``claims`` claims of ``shape`` (one of :data:`SHAPES`) under ``root``; return ``root``.

    Also writes ``root/map.argdown``, which ``argmap`` ignores (not YAML).
    """
    if shape not in SHAPES:
        raise ValueError(f"shape must be one of {', '.join(SHAPES)}")
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    sides = [f"side{p}" for p in range(perspectives)]
    ids = [f"{sides[i % perspectives]}.c{i}" for i in range(claims)]
    side_of = {cid: sides[i % perspectives] for i, cid in enumerate(ids)}
    by_side: dict[str, list[str]] = {s: [] for s in sides}
    records = []
    for i, cid in enumerate(ids):
        side = side_of[cid]
        own = by_side[side]
        record: dict[str, object] = {"id": cid, "text": " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16))).capitalize() + "."}
        contradicts: list[dict[str, str]] = []
        kind, supports = own_supports(rng, shape, own)
        record["kind"] = kind or rng.choice(KINDS)
        for _ in range(3 if shape == "dense" else 1):
            if i > perspectives and rng.random() < 0.95:
                others = [s for s in sides if s != side] if rng.random() < 0.9 else [side]
                pool = [c for s in others for c in by_side[s][-200:]]
                target = rng.choice(pool) if pool else None
                if target and target != cid and target not in supports and \
                        target not in [c["to"] for c in contradicts]:
                    contradicts.append({"to": target, "note": "They cannot both hold."})
        if rng.random() < 0.3:
            record["quote"] = " ".join(rng.choice(WORDS) for _ in range(6))
        if rng.random() < 0.2:
            record["tags"] = [rng.choice(("core", "comment", "empirical"))]
        if supports:
            record["supports"] = supports
        if contradicts:
            record["contradicts"] = contradicts
        own.append(cid)
        records.append(record)
    if shape == "many":  # a random map: each claim supports a Poisson(1.6) number of any claims of its side
        for record in records:
            own = by_side[side_of[record["id"]]]  # type: ignore[index]
            targets = list(dict.fromkeys(t for t in (rng.choice(own) for _ in range(_poisson(rng, 1.6)))
                                         if t != record["id"]))
            if targets:
                record["supports"] = targets
            else:
                record["kind"] = "thesis"  # a conclusion: it supports nothing on its side
            record["contradicts"] = [c for c in record.get("contradicts", []) if c["to"] not in targets]  # type: ignore
            if not record["contradicts"]:
                del record["contradicts"]
    if shape == "cycles":  # one claim in five also supports a later claim of its side: support cycles
        position = {record["id"]: i for i, record in enumerate(records)}
        for side in sides:
            own = by_side[side]
            for index, cid in enumerate(own[:-1]):
                if rng.random() < 0.2:
                    later = rng.choice(own[index + 1:index + 50])
                    record = records[position[cid]]
                    if later not in record.setdefault("supports", []):  # type: ignore[operator]
                        record["supports"].append(later)  # type: ignore[union-attr]

    (root / "map.yaml").write_text(yaml.safe_dump({
        "title": f"Synthetic map of {claims} claims",
        "perspectives": {s: {"label": f"Side {i}"} for i, s in enumerate(sides)},
    }, sort_keys=False))
    per_side_files = max(1, files // perspectives)
    for side in sides:
        mine = [r for r in records if side_of[r["id"]] == side]  # type: ignore[index]
        for k in range(per_side_files):
            chunk = mine[k::per_side_files]
            (root / f"{side}-{k:03d}.yaml").write_text(yaml.dump(
                {"perspective": side, "source": {"title": f"Source {side}"}, "claims": chunk},
                Dumper=DUMPER, sort_keys=False, allow_unicode=True, width=100))
    (root / "map.argdown").write_text(argdown_text(records, side_of))
    return root


def argdown_text(records: list[dict[str, object]], side_of: dict[str, str]) -> str:
    """The same statements and relations as Argdown source."""
    lines = ["===", "title: synthetic map", "===", ""]
    for record in records:
        lines.append(f"[{record['id']}]: {record['text']} #{side_of[record['id']]}")  # type: ignore[index]
        lines.extend(f"  +> [{target}]" for target in record.get("supports", []))  # type: ignore[union-attr]
        lines.extend(f"  -> [{c['to']}]" for c in record.get("contradicts", []))  # type: ignore[union-attr,index]
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("claims", type=int)
    parser.add_argument("directory", type=Path)
    parser.add_argument("--perspectives", type=int, default=2)
    parser.add_argument("--files", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--shape", choices=SHAPES, default="thesis")
    args = parser.parse_args()
    generate(args.directory, args.claims, perspectives=args.perspectives, files=args.files, seed=args.seed,
             shape=args.shape)


if __name__ == "__main__":
    main()
