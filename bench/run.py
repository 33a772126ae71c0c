"""Benchmark argmap against its baselines, side by side in one run.

For each map size it measures, on seeded synthetic maps from generate.py:

- each phase of a cold build in-process (parse YAML, validate, layout, render,
  write), against the *parse floor*: PyYAML's C loader reading the same files
  plus ``json.dumps`` of the data;
- the whole ``argmap build`` process, cold (no cache) and after editing one
  file (cached), with its peak memory and the HTML's size;
- the naive pyvis route, ``Network.from_nx`` with default options, in a
  separate process under a time limit;
- Argdown's parse-only ``argdown json`` of the same map, where node and npm
  are present (installed once into bench/.cache/argdown);
- the time to vis-network's first ``afterDrawing`` in headless Chromium, for
  argmap's page (which opens each side's support tree collapsed to its top
  levels) and for the naive pyvis page; then, on argmap's open page, one pan
  as it opened, "Expand all", one pan on the whole expanded map near the
  theses and one zoomed out over all of it, and one search;
- at the largest size, every ``argmap query`` question, one process each;
- how each figure grows with the map, as a table and a log-log plot (``--plot``).

Each timed process, argmap's first draw in Chromium and each question's pair
of asks runs ``--repeat`` times and the tables show the fastest run; above
20,000 claims the peers run once, and naive pyvis, which does not finish
20,000 claims in a minute, is not tried. argmap's bytecode is compiled first,
as an installed copy's is.

    pip install '.[bench]'
    python bench/run.py                      # sizes 1000, 5000, 20000, 100000
    python bench/run.py --sizes 100,1000 --no-browser --no-argdown
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path


HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CACHE = HERE / ".cache"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

import argmap  # noqa: E402
from generate import generate  # noqa: E402

NAIVE_PYVIS = """
import sys, time, argmap
from pyvis.network import Network
graph = argmap.load(sys.argv[1]).graph.copy()
for _, attrs in graph.nodes(data=True):
    for key in list(attrs):
        if not isinstance(attrs[key], (str, int, float)):
            del attrs[key]
start = time.perf_counter()
net = Network(directed=True, cdn_resources="in_line")
net.from_nx(graph)
net.write_html(sys.argv[2])
print(time.perf_counter() - start)
"""


def best(values: Iterable[float | None]) -> float | None:
    """The fastest of the runs, or None if any run failed or timed out.

    As the timeit documentation advises: the slower runs measure what else
    the machine was doing, not the code. On a shared 2-core machine the same
    build varies by 1.5x from minute to minute.
    """
    runs = list(values)
    return None if not runs or any(v is None for v in runs) else min(runs)  # type: ignore[type-var]


def run_process(command: list[str], timeout: float) -> tuple[float | None, str]:
    """Run a command under a time limit; return (seconds, or None on timeout or failure; stdout)."""
    start = time.perf_counter()
    try:
        done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, ""
    if done.returncode != 0:
        print(f"  ! {' '.join(command[:3])} failed: {done.stderr.strip()[-300:]}", file=sys.stderr)
        return None, done.stdout
    return time.perf_counter() - start, done.stdout


def timed_with_memory(command: list[str], timeout: float) -> tuple[float | None, float]:
    """Wall time and peak resident memory (MB) of a child process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            process.kill()
            os.wait4(process.pid, 0)
            return None, 0.0
        time.sleep(0.002)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        print(f"  ! {' '.join(command)} failed: {process.stderr.read().decode()[-300:]}", file=sys.stderr)
        return None, 0.0
    return seconds, usage.ru_maxrss / 1024


FLOOR = """
import glob, json, sys, time, yaml
from pathlib import Path
loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
start = time.perf_counter()
data = [yaml.load(Path(f).read_text(encoding="utf-8"), Loader=loader) for f in sorted(glob.glob(sys.argv[1] + "/*.yaml"))]
json.dumps(data)
print(time.perf_counter() - start)
"""


def parse_floor(root: Path) -> float | None:
    """The bare parse floor, in a fresh process like the build it is compared with."""
    seconds, out = run_process([sys.executable, "-c", FLOOR, str(root)], timeout=600)
    return float(out) if seconds is not None else None


def build_phases(root: Path, html: Path) -> dict[str, float]:
    """Seconds per phase of a cold build, read from ``argmap build --profile``."""
    done = subprocess.run([sys.executable, "-m", "argmap", "build", str(root), "-o", str(html), "--no-cache",
                           "--profile"], cwd=REPO, capture_output=True, text=True, check=True)
    phases = {}
    for line in done.stderr.splitlines()[1:]:
        parts = line.split()
        if len(parts) >= 3 and parts[-1].endswith("%"):
            phases[" ".join(parts[:-2])] = float(parts[-2])
    return phases


def argdown_binary() -> Path | None:
    if not (shutil.which("node") and shutil.which("npm")):
        return None
    folder = CACHE / "argdown"
    binary = folder / "node_modules" / ".bin" / "argdown"
    if not binary.exists():
        print("  installing @argdown/cli into bench/.cache/argdown (once)…", file=sys.stderr)
        folder.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1", "PUPPETEER_SKIP_CHROMIUM_DOWNLOAD": "1"}
        done = subprocess.run(["npm", "install", "--prefix", str(folder), "--no-audit", "--no-fund",
                               "--loglevel=error", "@argdown/cli"], env=env, capture_output=True, text=True)
        if done.returncode != 0 or not binary.exists():
            print(f"  ! could not install @argdown/cli: {done.stderr[-300:]}", file=sys.stderr)
            return None
    return binary


def browser_timings(html: Path, timeout_ms: int, loads: int = 1) -> dict[str, float] | None:
    """Milliseconds in headless Chromium: to vis-network's first afterDrawing, from the load event
    (``after load``) and from navigation start (``from start``), the fastest of ``loads`` page loads,
    each in a fresh browser context; then, on argmap's last page, the pans, Expand all and one search,
    as a reader would use the open map."""
    from playwright.sync_api import sync_playwright

    from tests.browser import launch

    # argmap's page marks its first frame with <body data-drawn>; pyvis's
    # page exposes its network as a global once drawing is under way.
    hook = """
      window.__drawnAt = null;
      const drawn = () => { if (window.__drawnAt === null) window.__drawnAt = performance.now(); };
      new MutationObserver(drawn).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-drawn"] });
      const poll = setInterval(() => {
        if (window.network && window.network.once) { clearInterval(poll); window.network.once("afterDrawing", drawn); }
      }, 1);
    """
    pan = """(limit) => new Promise((resolve, reject) => {
        const network = window.argmap.network, start = performance.now(), at = network.getViewPosition();
        setTimeout(() => reject(new Error("no frame after a pan")), limit);
        network.once("afterDrawing", () => resolve(performance.now() - start));
        network.moveTo({ position: { x: at.x + 300 / network.getScale(), y: at.y } });
    })"""
    # The map holds only what is near the view (its level of detail); let it settle before the next pan.
    settled = "() => new Promise((resolve) => setTimeout(resolve, 400))"
    expand = """(limit) => new Promise((resolve, reject) => {
        const network = window.argmap.network, start = performance.now();
        setTimeout(() => reject(new Error("no frame after Expand all")), limit);
        network.once("afterDrawing", () => resolve(performance.now() - start));
        document.getElementById("expand-all").click();
        network.redraw();
    })"""
    zoom_out = """() => { const n = window.argmap.network; n.moveTo({ scale: 0.02, animation: false }); n.emit("zoom", {}); }"""
    search = """() => {
        const box = document.getElementById("search"), start = performance.now();
        box.value = "repair";
        box.dispatchEvent(new Event("input"));
        return document.querySelectorAll("#search-results li").length ? performance.now() - start : null;
    }"""
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            timings: dict[str, float] = {}
            context = None
            for _ in range(loads):
                if context is not None:
                    context.close()
                context = browser.new_context(viewport={"width": 1400, "height": 900})  # nothing kept from before
                page = context.new_page()
                page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
                page.add_init_script(hook)
                # argmap's page opens on the comparison; the map view is what is drawn and timed.
                page.goto(html.resolve().as_uri() + "#view=map", timeout=timeout_ms)
                page.wait_for_function("() => window.__drawnAt !== null", timeout=timeout_ms)
                drawn, loaded = page.evaluate(
                    "() => [window.__drawnAt, performance.getEntriesByType('navigation')[0].loadEventStart]")
                if not timings or drawn < timings["from start"]:
                    timings = {"after load": max(0.0, drawn - loaded), "from start": drawn}
            if page.evaluate("() => Boolean(window.argmap)"):
                timings["pan"] = page.evaluate(pan, timeout_ms)
                timings["shown"] = page.evaluate("() => window.argmap.network.body.data.nodes.length")
                page.evaluate(settled)
                timings["expand"] = page.evaluate(expand, timeout_ms)
                page.evaluate(settled)
                timings["pan expanded"] = max(page.evaluate(pan, timeout_ms) for _ in range(3))
                page.evaluate(zoom_out)
                page.evaluate(settled)
                timings["pan whole"] = max(page.evaluate(pan, timeout_ms) for _ in range(3))
                timings["search"] = page.evaluate(search)
        except Exception as error:
            print(f"  ! {html.name} in Chromium: {error}", file=sys.stderr)
            return None
        finally:
            browser.close()
    return timings


def fmt(seconds: float | None, limit: float | None = None) -> str:
    if seconds is None:
        return f">{limit:.0f}s" if limit else "n/a"
    return f"{seconds:.2f}s"


def ratio(value: float | None, base: float | None) -> str:
    return f"{value / base:.2f}x" if value is not None and base else "–"


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark argmap against its baselines.")
    parser.add_argument("--sizes", default="1000,5000,20000,100000")
    parser.add_argument("--files", type=int, default=20)
    parser.add_argument("--naive-limit", type=float, default=60.0, help="seconds before naive pyvis is given up")
    parser.add_argument("--repeat", type=int, default=5,
                        help="runs of each timed process; the tables show the fastest (default 5)")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--no-argdown", action="store_true")
    parser.add_argument("--markdown", action="store_true", help="print the tables as Markdown, for the README")
    parser.add_argument("--plot", type=Path, default=CACHE / "scaling.svg",
                        help="where to write the log-log plot of cost against size (default bench/.cache/scaling.svg)")
    parser.add_argument("--shapes", action="store_true",
                        help="measure every shape of map of generate.py at --shape-size claims instead (the "
                             "cold build against the parse floor, peak memory, every query, the first draw), "
                             "and the many-conclusions shape at --large-size")
    parser.add_argument("--shape-size", type=int, default=20000)
    parser.add_argument("--large-size", type=int, default=100000, help="0 skips it")
    args = parser.parse_args()
    if args.shapes:
        compileall.compile_dir(Path(argmap.__file__).parent, quiet=1)
        shapes(args)
        return
    # Measure argmap as an installed copy runs, its bytecode compiled once (pip does so at install), not
    # compiled again in every process, as a checkout whose edited modules' bytecode is stale would be.
    compileall.compile_dir(Path(argmap.__file__).parent, quiet=1)
    sizes = [int(s) for s in args.sizes.split(",")]
    argdown = None if args.no_argdown else argdown_binary()
    build_rows, phase_rows, browser_rows = [], [], []
    for size in sizes:
        root = CACHE / "maps" / f"map{size}"
        if not (root / "map.yaml").exists():
            generate(root, size, files=args.files, seed=1)
        edges = sum(1 for _ in argmap.load(root).relations())
        print(f"{size} claims, {edges} edges …", file=sys.stderr)
        html = CACHE / f"map{size}.html"
        floor = best(parse_floor(root) for _ in range(args.repeat))
        runs = [build_phases(root, html) for _ in range(args.repeat)]
        phases = {name: min(run.get(name, 0.0) for run in runs) for name in runs[0]}
        phase_rows.append((size, floor, phases))
        build = [sys.executable, "-m", "argmap", "build", str(root), "-o", str(html)]
        colds = [timed_with_memory([*build, "--no-cache"], timeout=600) for _ in range(args.repeat)]
        cold, memory = best(c[0] for c in colds), max(c[1] for c in colds)
        timed_with_memory(build, timeout=600)  # fills the cache
        edited = sorted(root.glob("side0-*.yaml"))[0]
        rebuilds = []
        for _ in range(args.repeat):
            # Reword one claim, as an author does: the file is parsed again and the page changes, while the
            # layout and the comparison, which read only the map's structure, come from the cache.
            edited.write_text(edited.read_text().replace("  text: ", f"  text: Edited {time.time_ns()} ", 1))
            rebuilds.append(timed_with_memory(build, 600)[0])
        rebuild = best(rebuilds)
        peer_runs = args.repeat if size <= 20000 else 1
        naive_html = CACHE / f"naive{size}.html"
        naive = None
        if size <= 20000:  # it does not finish 20,000 claims within the limit
            naive, _ = run_process([sys.executable, "-c", NAIVE_PYVIS, str(root), str(naive_html)], args.naive_limit)
        argdown_seconds = None
        if argdown:
            argdown_seconds = best(timed_with_memory([str(argdown), "json", str(root / "map.argdown"),
                                                        str(CACHE / f"argdown{size}")], timeout=900)[0]
                                     for _ in range(peer_runs))
        build_rows.append((size, edges, floor, cold, rebuild, memory, html.stat().st_size / 1e6, naive,
                           argdown_seconds))
        if not args.no_browser:
            ours = browser_timings(html, 120_000, args.repeat)
            theirs = browser_timings(naive_html, int(args.naive_limit * 1000)) if naive is not None else None
            browser_rows.append((size, ours, theirs))
    largest = CACHE / "maps" / f"map{max(sizes)}"
    query_rows = query_timings(largest, args.repeat)

    bar = "|" if args.markdown else " "
    print(f"\nWhole `argmap build` process, cold (no cache) and after editing one of {args.files} files; "
          f"best of {args.repeat} runs; ratios against the parse floor (PyYAML C loader + json.dumps) "
          "and the peers, measured in this run:\n")
    head = ["claims", "edges", "parse floor", "argmap cold", "vs floor", "rebuild", "peak MB", "HTML MB",
            "naive pyvis", "vs naive", "argdown json", "vs argdown"]
    print(bar.join(f" {h} " for h in head))
    if args.markdown:
        print("|".join(" --- " for _ in head))
    for size, edges, floor, cold, rebuild, memory, mb, naive, ad in build_rows:
        cells = [size, edges, fmt(floor), fmt(cold), ratio(cold, floor), fmt(rebuild), f"{memory:.0f}", f"{mb:.1f}",
                 fmt(naive, args.naive_limit) if size <= 20000 else "not tried", ratio(cold, naive), fmt(ad) if argdown else "not run", ratio(cold, ad)]
        print(bar.join(f" {c} " for c in cells))

    names = list(dict.fromkeys(name for _, _, phases in phase_rows for name in phases))
    print(f"\nPhases of a cold build, from `argmap build --profile` (seconds, each the fastest of {args.repeat} "
          "runs), against the parse floor:\n")
    head = ["claims", "parse floor", *names, "sum", "sum vs floor"]
    print(bar.join(f" {h} " for h in head))
    if args.markdown:
        print("|".join(" --- " for _ in head))
    for size, floor, phases in phase_rows:
        total = sum(phases.values())
        cells = [size, f"{floor:.3f}", *(f"{phases.get(n, 0):.3f}" for n in names), f"{total:.3f}", ratio(total, floor)]
        print(bar.join(f" {c} " for c in cells))

    if browser_rows:
        print("\nHeadless Chromium: time to vis-network's first afterDrawing, from the load event and from "
              f"navigation start, the fastest of {args.repeat} page loads (what a reader waits; the map opens "
              "with each side's support tree collapsed to its top levels); then the slowest of three pans as it "
              "opened, the time to draw after Expand all, the slowest of three pans on the whole expanded map near the theses and zoomed out over all of it, "
              "and one search:\n")
        head = ["claims", "argmap after load", "argmap from start", "claims drawn", "pan", "expand all",
                "pan expanded", "pan whole map", "search", "naive pyvis from start", "naive vs argmap"]
        print(bar.join(f" {h} " for h in head))
        if args.markdown:
            print("|".join(" --- " for _ in head))
        for size, ours, theirs in browser_rows:
            def ms(timings: dict[str, float] | None, key: str) -> str:
                value = (timings or {}).get(key)
                return "failed" if value is None else f"{value:.0f} ms"

            naive_cell = ms(theirs, "from start") if theirs else (f">{args.naive_limit:.0f} s" if size <= 20000
                                                                   else "not tried")
            cells = [size, ms(ours, "after load"), ms(ours, "from start"), f"{(ours or {}).get('shown', 0):.0f}",
                     ms(ours, "pan"), ms(ours, "expand"), ms(ours, "pan expanded"), ms(ours, "pan whole"),
                     ms(ours, "search"), naive_cell,
                     f"{theirs['from start'] / ours['from start']:.1f}x" if theirs and ours else "–"]
            print(bar.join(f" {c} " for c in cells))

    if query_rows:
        print(f"\nEvery `argmap query` question on the {max(sizes):,}-claim map, one whole process each "
              "(parse cache warm), in seconds: asked first with the derived cache emptied, then asked again "
              f"(the comparison's measures read back), the fastest of {args.repeat} such pairs. Ranked lists print "
              "their top 100 rows:\n")
        head = ["question", "first ask", "asked again"]
        print(bar.join(f" {h} " for h in head))
        if args.markdown:
            print("|".join(" --- " for _ in head))
        for question, first, again in query_rows:
            print(bar.join(f" {c} " for c in (question, fmt(first, 120), fmt(again, 120))))

    print("\nHow cost grows with the map (each figure against the smallest map's; linear growth "
          "is the ratio of sizes):\n")
    base = build_rows[0]
    head = ["claims", "× claims", "parse floor", "cold build", "rebuild", "peak MB", "HTML MB", "first draw"]
    print(bar.join(f" {h} " for h in head))
    if args.markdown:
        print("|".join(" --- " for _ in head))
    draws = {size: (ours or {}).get("from start") for size, ours, _ in browser_rows}
    for row in build_rows:
        size, _, floor, cold, rebuild, memory, mb = row[:7]
        grow = lambda value, first: f"{value / first:.1f}x" if value and first else "–"  # noqa: E731
        cells = [size, f"{size / base[0]:.0f}x", grow(floor, base[2]), grow(cold, base[3]), grow(rebuild, base[4]),
                 grow(memory, base[5]), grow(mb, base[6]), grow(draws.get(size), draws.get(base[0]))]
        print(bar.join(f" {c} " for c in cells))
    write_plot(args.plot, [r[0] for r in build_rows], {
        "parse floor": [r[2] for r in build_rows], "cold build": [r[3] for r in build_rows],
        "rebuild": [r[4] for r in build_rows],
        "first draw in Chromium": [None if draws.get(r[0]) is None else draws[r[0]] / 1000 for r in build_rows]})
    print(f"\nlog-log plot written to {args.plot}", file=sys.stderr)


#: every question of `argmap query`, with arguments that name claims of a generated map
QUESTIONS = [["claims", "--perspective", "side0"], ["supporters", "side0.c0"], ["contradictors", "side0.c0"],
             ["support-tree", "side0.c0"], ["neighbourhood", "side0.c100"], ["paths", "side0.c10", "side1.c11"],
             ["engagement"], ["disagreements"], ["clashes"], ["common-ground"], ["unanswered"], ["cruxes"],
             ["double-cruxes"], ["grounded"], ["complete"], ["preferred"], ["stable"], ["acceptance"]]


#: What every shape must meet at 20,000 claims (issue 28), and the many-conclusions shape at 100,000.
SHAPE_TARGETS = {"vs floor": 1.5, "peak MB": 400, "slowest question": 5.0, "first draw": 1.5}
LARGE_TARGETS = {"vs floor": 1.3, "peak MB": 600}


def shape_questions(root: Path) -> list[list[str]]:
    """The `argmap query` questions, asked of claims this map has (its first claims on each side)."""
    loaded = argmap.load(root)
    first = {p: next(c for c in loaded.claims.values() if c.perspective == p).id for p in loaded.perspectives}
    a, b = first["side0"], first["side1"]
    named = {"side0.c0": a, "side0.c100": a, "side0.c10": a, "side1.c11": b}
    return [[named.get(word, word) for word in question] for question in QUESTIONS]


def shapes(args: argparse.Namespace) -> None:
    """One table: each shape of map at ``--shape-size`` claims, then the many-conclusions shape larger."""
    from generate import SHAPES

    rows = []
    runs = [(shape, args.shape_size) for shape in SHAPES]
    if args.large_size:
        runs.append(("many", args.large_size))
    for shape, size in runs:
        root = CACHE / "shapes" / f"{shape}{size}"
        if not (root / "map.yaml").exists():
            generate(root, size, files=args.files, seed=1, shape=shape)
        edges = sum(1 for _ in argmap.load(root).relations())
        print(f"{shape} at {size} claims, {edges} edges …", file=sys.stderr)
        html = CACHE / f"shape-{shape}{size}.html"
        floor = best(parse_floor(root) for _ in range(args.repeat))
        build = [sys.executable, "-m", "argmap", "build", str(root), "-o", str(html), "--no-cache"]
        colds = [timed_with_memory(build, timeout=900) for _ in range(args.repeat)]
        cold, memory = best(c[0] for c in colds), max(c[1] for c in colds)
        slowest: tuple[float | None, str] = (None, "")
        draw = None
        if size == args.shape_size:
            timed_with_memory(build[:-1], timeout=900)  # the parse cache warm, as a user's is after a build
            asked = query_timings(root, args.repeat, shape_questions(root))
            slowest = max(((first, name) for name, first, _ in asked if first is not None), default=(None, ""))
            if not args.no_browser:
                timings = browser_timings(html, 120_000, args.repeat)
                draw = timings["from start"] / 1000 if timings else None
        rows.append((shape, size, edges, floor, cold, memory, slowest, draw))

    bar = "|" if args.markdown else " "
    print(f"\nShapes of map, measured side by side in this run: the whole `argmap build --no-cache` process "
          f"against the parse floor, its peak memory, the slowest `argmap query` question asked first (one "
          f"process, the parse cache warm, the derived cache empty) and the first draw from navigation start "
          f"in headless Chromium; each the best of {args.repeat} runs. Targets: at {args.shape_size:,} claims "
          f"at most {SHAPE_TARGETS['vs floor']}x the floor, {SHAPE_TARGETS['peak MB']} MB, "
          f"{SHAPE_TARGETS['slowest question']} s a question and {SHAPE_TARGETS['first draw']} s to the first "
          f"draw; at {args.large_size:,} claims at most {LARGE_TARGETS['vs floor']}x and "
          f"{LARGE_TARGETS['peak MB']} MB.\n")
    head = ["shape", "claims", "edges", "parse floor", "argmap cold", "vs floor", "peak MB", "slowest question",
            "first draw", "targets met"]
    print(bar.join(f" {h} " for h in head))
    if args.markdown:
        print("|".join(" --- " for _ in head))
    for shape, size, edges, floor, cold, memory, (question_time, question), draw in rows:
        targets = LARGE_TARGETS if size != args.shape_size else SHAPE_TARGETS
        checks = [cold is not None and floor is not None and cold / floor <= targets["vs floor"],
                  memory <= targets["peak MB"]]
        if size == args.shape_size:
            checks += [question_time is not None and question_time <= targets["slowest question"],
                       args.no_browser or (draw is not None and draw <= targets["first draw"])]
        cells = [shape, size, edges, fmt(floor), fmt(cold), ratio(cold, floor), f"{memory:.0f}",
                 f"{fmt(question_time)} ({question})" if question else "–",
                 fmt(draw) if draw is not None else "–", "yes" if all(checks) else "no"]
        print(bar.join(f" {c} " for c in cells))


def query_timings(root: Path, repeat: int,
                  questions: list[list[str]] | None = None) -> list[tuple[str, float | None, float | None]]:
    """Seconds for each `argmap query` question, as a user runs it: one process each, the parse cache warm.

    Each question is asked twice: first with the derived cache emptied, so
    the comparison's measures are taken afresh, then again, reading them
    back. Each figure is the fastest of ``repeat`` such pairs.
    """
    from argmap.io.cache import cache_home

    rows = []
    for question in questions or QUESTIONS:
        command = [sys.executable, "-m", "argmap", "query", *question, "-m", str(root)]
        firsts, agains = [], []
        for _ in range(repeat):
            shutil.rmtree(cache_home() / "derived", ignore_errors=True)
            firsts.append(run_process(command, timeout=120)[0])
            agains.append(run_process(command, timeout=120)[0])
        rows.append((" ".join(question), best(firsts), best(agains)))
    return rows


def write_plot(path: Path, sizes: list[int], series: dict[str, list[float | None]]) -> None:
    """A log-log plot of seconds against claims, as a small deterministic SVG."""
    import math

    width, height, left, bottom, top, right = 640, 400, 70, 50, 20, 170
    values = [v for line in series.values() for v in line if v]
    if len(sizes) < 2 or not values:
        return
    x0, x1 = math.log10(min(sizes)), math.log10(max(sizes))
    y0, y1 = math.floor(math.log10(min(values))), math.ceil(math.log10(max(values)))
    sx = lambda n: left + (math.log10(n) - x0) / (x1 - x0) * (width - left - right)  # noqa: E731
    sy = lambda v: height - bottom - (math.log10(v) - y0) / (y1 - y0) * (height - bottom - top)  # noqa: E731
    colours = ["#777777", "#1a56db", "#2e7d32", "#c62828"]
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" font-family="DejaVu Sans, sans-serif" font-size="12">',
             f'<rect width="{width}" height="{height}" fill="#ffffff"/>']
    for n in sizes:
        parts.append(f'<line x1="{sx(n):.1f}" y1="{top}" x2="{sx(n):.1f}" y2="{height - bottom}" stroke="#e4e4e4"/>')
        parts.append(f'<text x="{sx(n):.1f}" y="{height - bottom + 16}" text-anchor="middle">{n:,}</text>')
    for exponent in range(y0, y1 + 1):
        y = sy(10 ** exponent)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#e4e4e4"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{10 ** exponent:g} s</text>')
    parts.append(f'<text x="{(left + width - right) / 2:.0f}" y="{height - 12}" text-anchor="middle">claims (log scale)</text>')
    for (name, line), colour in zip(series.items(), colours):
        points = [(sx(n), sy(v)) for n, v in zip(sizes, line) if v]
        if not points:
            continue
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="'
                     + " ".join(f"{x:.1f},{y:.1f}" for x, y in points) + '"/>')
        parts += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>' for x, y in points]
        parts.append(f'<text x="{points[-1][0] + 8:.1f}" y="{points[-1][1] + 4:.1f}" fill="{colour}">{name}</text>')
    parts.append("</svg>\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(parts), encoding="utf-8")


if __name__ == "__main__":
    main()
