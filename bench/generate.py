"""Generate synthetic argument maps, seeded and reproducible.

Each map follows the claim YAML contract: a ``map.yaml`` and claims files
spread over ``files`` files. Edges average about three per claim: every claim
but a thesis supports an earlier claim of its own perspective (so each side is
a tree under its theses), plus about one more ``supports`` within the
perspective and one ``contradicts``, nine times in ten across perspectives.
The same map is also written as Argdown text, with the same statements and
the same support and attack relations, so Argdown can parse an identical map.

    python bench/generate.py 20000 /tmp/map20k --files 20 --perspectives 2
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import yaml

WORDS = ("therapy client relationship trust expert service harm healing research bond "
         "agency problem evidence practice session feedback rupture repair focus conduct "
         "character respect honesty insight opinion connection power dialogue outcome").split()
#: libyaml's emitter when PyYAML has it: a 100,000-claim map is written in seconds, not a minute
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
KINDS = ("premise", "evidence", "experience", "definition", "recommendation", "concession", "background")


def generate(root: Path, claims: int, *, perspectives: int = 2, files: int = 20, seed: int = 1) -> Path:
    """Write a map of ``claims`` claims under ``root``; return ``root``.

    Also writes ``root/map.argdown``, which ``argmap`` ignores (not YAML).
    """
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
        supports: list[str] = []
        contradicts: list[dict[str, str]] = []
        if not own:
            record["kind"] = "thesis"
        else:
            record["kind"] = rng.choice(KINDS)
            supports.append(rng.choice(own[-50:]))  # a tree under the theses
            if rng.random() < 0.9:
                extra = rng.choice(own)
                if extra not in supports:
                    supports.append(extra)
        if i > perspectives and rng.random() < 0.95:
            others = [s for s in sides if s != side] if rng.random() < 0.9 else [side]
            pool = [c for s in others for c in by_side[s][-200:]]
            target = rng.choice(pool) if pool else None
            if target and target != cid and target not in supports:
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
    args = parser.parse_args()
    generate(args.directory, args.claims, perspectives=args.perspectives, files=args.files, seed=args.seed)


if __name__ == "__main__":
    main()
