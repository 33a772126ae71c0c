"""How fast `argmap lsp` answers an edit on a large map, through a real client over stdio.

On a generated map (20,000 claims in 20 files by default), the client opens one
file, then types a mistyped id into it and fixes it again, several times. For
each edit it measures, from sending the change:

- errors: until the diagnostics that show the mistyped id arrive;
- fixed: until the error is gone and the file's lint warnings show again
  (lint needs a valid map; while an id is mistyped, the files that did not
  change keep their last warnings);
- lint: how long the lint itself takes on the map, in this process, which is
  how long after an edit the server's warnings are brought up to date;

and, side by side in the same run, how long `argmap check` takes on the same
map from a fresh process, which is what a user without the server would wait.
The debounce (0.15 s) is included in the server's figures.

    python bench/lsp.py [--claims 20000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from generate import generate  # noqa: E402
from tests.lsp_client import LspClient  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = generate(Path(scratch) / "map", args.claims)
        target = sorted(root.glob("side0-*.yaml"))[3]
        text = target.read_text()
        typo = text.replace("  supports:\n  - ", "  supports:\n  - typo-", 1)
        assert typo != text
        client = LspClient(root)
        client.initialize(root)
        started = time.perf_counter()
        client.open(target)
        client.diagnostics_for(target, lambda ds: any(d["severity"] == 2 for d in ds), timeout=300)
        cold = time.perf_counter() - started
        errors: list[float] = []
        warnings: list[float] = []
        version = 1
        for _ in range(args.rounds):
            for new_text, has_error in ((typo, True), (text, False)):
                version += 1
                sent = time.perf_counter()
                client.change(target, new_text, version)
                if has_error:
                    client.diagnostics_for(target, lambda ds: any(d["severity"] == 1 for d in ds), timeout=120)
                    errors.append(time.perf_counter() - sent)
                else:  # the error gone, and the file's warnings back
                    client.diagnostics_for(target, lambda ds: not any(d["severity"] == 1 for d in ds)
                                           and any(d["severity"] == 2 for d in ds), timeout=300)
                    warnings.append(time.perf_counter() - sent)
        client.close()
        import argmap
        from argmap.analysis.lint import lint
        from argmap.io.source_texts import check_source_texts
        loaded = argmap.load(root)
        began = time.perf_counter()
        lint(loaded)
        check_source_texts(loaded)
        lint_seconds = time.perf_counter() - began
        check = []
        for _ in range(3):
            began = time.perf_counter()
            subprocess.run([sys.executable, "-m", "argmap", "check", str(root), "--no-cache"], capture_output=True,
                           env={"PYTHONPATH": str(REPO), "PATH": ""}, check=False)
            check.append(time.perf_counter() - began)
    errors_median, warnings_median = statistics.median(errors), statistics.median(warnings)
    print(f"{args.claims} claims, {args.rounds} rounds of a typo and its fix in one of 20 files")
    print(f"  diagnostics and warnings after opening: {cold:6.2f} s")
    print(f"  errors after an edit (median):        {errors_median:6.2f} s  (max {max(errors):.2f} s)")
    print(f"  fixed, warnings back (median):        {warnings_median:6.2f} s  (max {max(warnings):.2f} s)")
    print(f"  lint of the whole map, in process:    {lint_seconds:6.2f} s")
    print(f"  argmap check from a fresh process:    {statistics.median(check):6.2f} s")
    print(f"  errors after an edit / argmap check:  {errors_median / statistics.median(check):6.2f}x")


if __name__ == "__main__":
    main()
