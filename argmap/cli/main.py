"""The ``argmap`` command line: a thin layer over the Python API.

Each command calls one public function. Every :class:`~argmap.errors.ArgmapError`
is printed to stderr (a map's problems as ``file:line:col: error: ...`` lines)
with exit status 1, and so is an ``OSError``, naming its path: a user never
sees a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import warnings
from pathlib import Path
from typing import Callable, Iterator, Sequence

from .._version import __version__
from ..analysis.query import claims_per_perspective, edges_per_kind, summary
from ..errors import MESSAGE_LIMIT, ArgmapError, MapError, Position, Problem, excerpt
from ..formats import EXPORTS, IMPORTS, Format
from ..formats.imported import PERSPECTIVE_RULES
from ..io.files import MAX_FILE_BYTES
from ..io.load import load, loads
from ..model import ID_PATTERN, LINT_RULES, ArgumentMap
from ..profile import gc_paused, profiling
from .questions import QUESTIONS, RANKED_ROWS, Question
from .text import EscapedText
from .values import megabytes, port, seconds

# Commands that only some runs need import their modules when they run, so
# that a build does not pay for an HTTP server, importers and diffing.

DEFAULT_CLAIMS = "claims"
STDIO = "-"
DEFAULT_OUTPUT = "output/map.html"


def _read_stdin(limit: int, hint: str = "") -> bytes:
    """Standard input, refused (not truncated) when larger than ``limit`` bytes."""
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise ArgmapError(f"standard input is larger than {limit // 2**20} MB{hint}")
    return data


def _load_map(args: argparse.Namespace, *, cache: bool | None = None) -> ArgumentMap:
    """The map the command names: a directory, or ``-`` for one YAML stream on standard input."""
    if args.claims_dir == STDIO:
        data = _read_stdin(getattr(args, "max_file_bytes", MAX_FILE_BYTES), "; pass --max-file-mb to allow more")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise ArgmapError("standard input is not valid UTF-8") from None
        return loads(text, "<stdin>")
    if cache is None:
        cache = not getattr(args, "no_cache", False)
    return load(args.claims_dir, cache=cache, max_file_bytes=getattr(args, "max_file_bytes", MAX_FILE_BYTES))


def _check(args: argparse.Namespace) -> int:
    from ..io.source_texts import check_source_texts

    if args.json:
        return _check_json(args)
    with _profiled(args):
        argument_map = _load_map(args)
        sources = check_source_texts(argument_map)
        line = summary(argument_map)
    for warning in sources.warnings:
        print(warning, file=sys.stderr)
    if sources.problems:
        raise MapError(sources.problems)
    if sources.checked:
        line += f"; {sources.checked} quotes found in their source texts"
    print(f"{'<stdin>' if args.claims_dir == STDIO else args.claims_dir}: ok: {line}")
    return 0


def _problem_json(problem: Problem) -> dict[str, object]:
    return {"path": problem.position.path, "line": problem.position.line, "column": problem.position.column,
            "severity": problem.severity, "rule": problem.rule, "message": problem.message, "hint": problem.hint}


def _check_json(args: argparse.Namespace) -> int:
    """``check --json``: the verdict and every problem, for editors and CI."""
    from ..io.source_texts import check_source_texts

    try:
        argument_map = _load_map(args)
        sources = check_source_texts(argument_map)
        if sources.problems:
            raise MapError(sources.problems + sources.warnings)
    except ArgmapError as error:
        return _diagnostics_json(False, _problems_of(error, args))
    return _diagnostics_json(True, sources.warnings, summary=summary(argument_map),
                             claims=claims_per_perspective(argument_map),
                             relations=sum(edges_per_kind(argument_map).values()))


def _problems_of(error: ArgmapError, args: argparse.Namespace) -> list[Problem]:
    """An error's problems; an error that is not about a place in the map (no map at all) is one at the map."""
    if isinstance(error, MapError):
        return error.problems
    return [Problem(Position(args.claims_dir, 1, 1), str(error))]


def _diagnostics_json(ok: bool, problems: list[Problem], **extra: object) -> int:
    """What ``check --json`` and ``lint --json`` print, in one shape: ``ok``, then every problem as one record.

    Errors and warnings are the same record, told apart by ``severity``. The
    exit status is 0 when ``ok``, else 1.
    """
    import json

    print(json.dumps({"ok": ok, "problems": [_problem_json(p) for p in problems], **extra}, ensure_ascii=False,
                     indent=2))
    return 0 if ok else 1


def _init(args: argparse.Namespace) -> int:
    from ..io.starter import write_starter

    root = write_starter(args.directory)
    print(f"wrote {root}: {summary(load(root, cache=False))}")
    print(f"next: argmap build {root}   (then open output/map.html; edit the YAML files and build again)")
    return 0


def _lint(args: argparse.Namespace) -> int:
    from ..analysis.lint import lint

    try:
        argument_map = _load_map(args)
    except ArgmapError as error:
        if not args.json:
            raise
        return _diagnostics_json(False, _problems_of(error, args))
    warnings_found = lint(argument_map)
    failed = bool(args.strict and warnings_found)
    if args.json:
        return _diagnostics_json(not failed, warnings_found)
    for warning in warnings_found:  # diagnostics go to stderr, as check's problems do
        print(warning, file=sys.stderr)
    print(f"{len(warnings_found)} warning{'s' if len(warnings_found) != 1 else ''}"
          + (f"; rules off in map.yaml: {', '.join(sorted(argument_map.lint_off))}" if argument_map.lint_off
             else ""), file=sys.stderr)
    return 1 if failed else 0


def _lsp(args: argparse.Namespace) -> int:
    try:
        from ..lsp.server import serve
    except ImportError as error:  # pygls is a dependency; a broken install still gets a clear word
        raise ArgmapError(f"argmap lsp needs pygls: pip install 'pygls>=2' ({error})") from None
    serve()
    return 0


def _draft(args: argparse.Namespace) -> int:
    from ..io.draft import candidates, draft_text, write_draft
    from ..io.source_texts import read_source_text

    if not ID_PATTERN.fullmatch(args.perspective):
        raise ArgmapError(f"perspective id '{excerpt(args.perspective)}' is not valid; "
                          "use letters, digits, '_', '.', ':' and '-'")
    if args.output == STDIO:
        content, problems = read_source_text(Path(args.source), args.source)
        if content is None:
            raise MapError(problems)
        sys.stdout.write(draft_text(content, args.perspective, text_path=Path(args.source).as_posix()))
        print(f"{len(candidates(content))} candidate claims", file=sys.stderr)
        return 0
    path, count = write_draft(args.source, args.perspective, args.output, force=args.force)
    print(f"wrote {path}: {count} candidate claims; write each one's text (argmap lint lists the TODOs)")
    return 0


def _completion(args: argparse.Namespace) -> int:
    if args.shell == "fish":
        from .shells import fish_completion

        sys.stdout.write(fish_completion(build_parser()))
        return 0
    import shtab

    sys.stdout.write(shtab.complete(build_parser(), shell=args.shell))
    return 0


def _man(args: argparse.Namespace) -> int:
    from .shells import man_page

    sys.stdout.write(man_page(build_parser()))
    return 0


def _build(args: argparse.Namespace) -> int:
    from ..web.render import render_html, write_html

    with _profiled(args):
        argument_map = _load_map(args)
        cache = not args.no_cache and args.claims_dir != STDIO
        if args.output == STDIO:
            sys.stdout.write(render_html(argument_map, cache=cache))
            return 0
        written = write_html(argument_map, args.output, cache=cache)
        line = summary(argument_map)
    print(f"wrote {written}: {line}")
    return 0


@contextlib.contextmanager
def _profiled(args: argparse.Namespace) -> Iterator[None]:
    """Time the phases; show progress on a terminal; print the table on --profile."""
    with profiling(progress=sys.stderr if sys.stderr.isatty() else None) as profile:
        try:
            yield
        finally:
            if args.profile:
                profile.finish()
                print(profile.table(), file=sys.stderr)


def _quotes(args: argparse.Namespace) -> int:
    from ..io.quotes import check_quotes

    report = check_quotes(args.claims_file, args.source)
    for miss in report.misses:
        print(miss, file=sys.stderr)
    if report.misses:
        print(f"{len(report.misses)} of {report.checked} quotes not found in {args.source}", file=sys.stderr)
        return 1
    print(f"{args.claims_file}: all {report.checked} quotes found in {args.source}")
    return 0


def _query(args: argparse.Namespace) -> int:
    from .text import to_json

    argument_map = _load_map(args)
    if not args.no_cache and args.claims_dir != STDIO:  # the comparison's measures are kept like parsed files
        from ..io.cache import DerivedCache
        from ..io.structure import structure_digest

        args.store = DerivedCache().bound(argument_map.view(structure_digest))
    question: Question = args.question
    if question.top is not None and not args.json and not args.all:
        rows, total = question.top(argument_map, args, RANKED_ROWS)
        print(question.text(rows))
        if total > len(rows):  # on stderr, so the table piped on stays a table
            print(f"argmap: showed the first {len(rows)} of {total:,} {question.ranked}; --all lists every one",
                  file=sys.stderr)
        return 0
    answer = question.answer(argument_map, args)
    print(to_json(answer) if args.json else question.text(answer))
    return 0


def _report(args: argparse.Namespace) -> int:
    from ..report import render_report, write_report

    argument_map = _load_map(args, cache=False)
    if args.output in (None, STDIO):
        sys.stdout.write(render_report(argument_map))
    else:
        print(f"wrote {write_report(argument_map, args.output)}")
    return 0


def _schema(args: argparse.Namespace) -> int:
    from ..io.schema import schema_text

    sys.stdout.write(schema_text(args.which))
    return 0


def _export(args: argparse.Namespace) -> int:
    from ..formats import LossyExport, export_bytes, write_export

    argument_map = _load_map(args, cache=True)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", LossyExport)
        if args.output in (None, STDIO):
            if EXPORTS[args.format].binary and sys.stdout.isatty():
                raise ArgmapError(f"{args.format} is binary and standard output is a terminal; write it to a "
                                  f"file with -o map{EXPORTS[args.format].suffix}, or pipe it on")
            data = export_bytes(argument_map, args.format)
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            print(f"wrote {write_export(argument_map, args.format, args.output)}")
    for warning in caught:
        print(f"argmap: warning: {excerpt(warning.message, MESSAGE_LIMIT)}", file=sys.stderr)
    return 0


def _import(args: argparse.Namespace) -> int:
    from ..formats import import_file

    options = {}
    if args.perspectives is not None:
        if args.source_format != "kialo":
            raise ArgmapError("--perspectives applies to --from kialo only")
        options["perspectives"] = args.perspectives
    if args.perspective_from is not None:
        if args.source_format != "argdown":
            raise ArgmapError("--perspective-from applies to --from argdown only")
        options["perspective_from"] = args.perspective_from
    if args.file == STDIO:  # the importers read files: standard input goes through a private one
        import tempfile

        with tempfile.TemporaryDirectory(prefix="argmap-import-") as folder:
            copy = Path(folder) / f"stdin{IMPORTS[args.source_format].suffix}"
            copy.write_bytes(_read_stdin(MAX_FILE_BYTES))
            try:
                imported = import_file(args.source_format, copy, **options)
            except MapError as error:  # name the input as the user gave it, not the private copy
                raise MapError([Problem(Position("<stdin>", p.position.line, p.position.column), p.message, p.hint)
                                if p.position.path == str(copy) else p for p in error.problems]) from None
    else:
        imported = import_file(args.source_format, args.file, **options)
    written = imported.write(args.output, force=args.force)
    for warning in imported.warnings:
        print(f"argmap: warning: {excerpt(warning, MESSAGE_LIMIT)}", file=sys.stderr)
    for original, new in imported.renamed:
        print(f"argmap: renamed '{excerpt(original)}' to '{new}': its id would have collided with another claim's",
              file=sys.stderr)
    argument_map = load(written)  # what was written must pass argmap check
    print(f"wrote {written}: {summary(argument_map)}")
    return 0


def _diff(args: argparse.Namespace) -> int:
    from ..analysis.diff import diff_maps
    from ..io.git import load_side
    from .text import format_diff, to_json

    result = diff_maps(load_side(args.old), load_side(args.new))
    print(to_json(result) if args.json else format_diff(result))
    return 0


def _watch(args: argparse.Namespace) -> int:
    from ..web.watch import watch

    watch(args.claims_dir, args.output, port=None if args.no_serve else args.port, interval=args.interval)
    return 0


def _names(formats: dict[str, Format]) -> str:
    names = list(formats)
    return ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else names[0]


def _choices_help(formats: dict[str, Format]) -> str:
    return "; ".join(f"{f.name} ({f.used_by})" for f in formats.values())


class Parser(argparse.ArgumentParser):
    """argparse's parser, but a command's options may sit anywhere among its positionals.

    ``argmap query supporters ID --json DIR`` is one command, as a user means
    it: the plain parser stops at ``--json`` and refuses ``DIR``. A parser
    with subcommands parses as usual, and hands the rest to its subcommand's.

    >>> parser = Parser(prog="x")
    >>> _ = parser.add_argument("first"), parser.add_argument("second", nargs="?"), parser.add_argument("--json",
    ...                                                                                      action="store_true")
    >>> sorted(vars(parser.parse_args(["a", "--json", "b"])).items())
    [('first', 'a'), ('json', True), ('second', 'b')]
    """

    _intermixing = False

    def parse_known_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                         namespace: argparse.Namespace | None = None) -> tuple[argparse.Namespace, list[str]]:
        # With "--", Python 3.11's intermixed parse loses the positionals after it: parse as usual then.
        if self._intermixing or self._subparsers is not None or "--" in (args or ()):
            return super().parse_known_args(args, namespace)
        self._intermixing = True  # parse_known_intermixed_args calls parse_known_args itself (before 3.12)
        try:
            return self.parse_known_intermixed_args(args, namespace)
        finally:
            self._intermixing = False


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every ``argmap`` command."""
    parser = Parser(
        prog="argmap",
        description="Map two opposing perspectives as one argument graph. Claims live in YAML "
                    "files in a map directory (map.yaml plus one claims file per source).",
        epilog="Run 'argmap COMMAND --help' for the options of one command.",
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def claims_dir(sub: argparse.ArgumentParser, *, stdin: bool = True) -> None:
        # Every command takes the map the same way: CLAIMS_DIR, or -m/--map CLAIMS_DIR.
        where = "; - reads one YAML stream (manifest and claims documents, split by ---) from standard input" \
            if stdin else ""
        sub.add_argument("claims_dir", nargs="?", default=None, metavar="CLAIMS_DIR",
                         help=f"the map directory holding map.yaml (default: {DEFAULT_CLAIMS}){where}")
        sub.add_argument("-m", "--map", dest="map_option", metavar="CLAIMS_DIR", default=None,
                         help="the map directory, as an option")

    def speed_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--profile", action="store_true",
                         help="print the time spent in each phase to stderr")
        sub.add_argument("--max-file-mb", dest="max_file_bytes", type=megabytes, default=MAX_FILE_BYTES,
                         metavar="MB", help=f"refuse claims files larger than this (default: "
                                            f"{MAX_FILE_BYTES // 2**20})")
        sub.add_argument("--no-cache", action="store_true",
                         help="parse every file again instead of reusing the parse cache "
                              "($XDG_CACHE_HOME/argmap, else ~/.cache/argmap)")

    init = commands.add_parser(
        "init", help="write a small starter map to learn the format from",
        description="Write a small, valid two-perspective map into DIR (a new or empty folder), with comments "
                    "that explain every key, and print the next command to run.")
    init.add_argument("directory", nargs="?", default=DEFAULT_CLAIMS, metavar="DIR",
                      help=f"the folder to create (default: {DEFAULT_CLAIMS})")
    init.set_defaults(run=_init)

    lint = commands.add_parser(
        "lint", help="warn about what a comparison needs beyond validity",
        description="Print warnings beyond validity, each as file:line:col with its rule: "
                    + "; ".join(f"{rule}: {what}" for rule, what in LINT_RULES.items())
                    + ". Turn a rule off in map.yaml with lint: {RULE: off}. Exits 0 with warnings, "
                      "1 only with --strict (or when the map is invalid).")
    claims_dir(lint)
    lint.add_argument("--json", action="store_true", help="print the warnings as JSON")
    lint.add_argument("--strict", action="store_true", help="exit 1 when there is any warning")
    lint.set_defaults(run=_lint)

    lsp = commands.add_parser(
        "lsp", help="run the language server (for editors) over stdio",
        description="Serve the Language Server Protocol over standard input and output, for any editor: "
                    "diagnostics of argmap check and argmap lint as you type, completion of claim ids, keys, "
                    "values and quotes, hover, go to definition, find references, rename across files, an "
                    "outline, and quick fixes. A *.yaml file beside or below a map.yaml belongs to that map. "
                    "See the README's 'Editor setup'.")
    lsp.add_argument("--stdio", action="store_true",
                     help="serve over standard input and output (the only transport; editors pass it)")
    lsp.set_defaults(run=_lsp)

    draft = commands.add_parser(
        "draft", help="write a claims-file skeleton from an article's plain text",
        description="Write a claims file with one candidate claim per sentence of SOURCE that carries an "
                    "argumentative marker (because, therefore, however, but, so, should, must, I think, ...), "
                    "grouped under a comment per paragraph. Each candidate's quote is the sentence verbatim; its "
                    "text is a TODO for you to write (argmap lint lists those left). The file's source.text points at SOURCE, so argmap "
                    "check verifies the quotes. No language model is involved. An existing FILE is kept unless "
                    "--force.")
    draft.add_argument("source", metavar="SOURCE", help="the article as plain UTF-8 text")
    draft.add_argument("--perspective", "-p", required=True, metavar="ID",
                       help="the perspective the claims belong to, as map.yaml names it")
    draft.add_argument("-o", "--output", required=True, metavar="FILE",
                       help="the claims file to write, such as claims/relational.yaml; - for standard output")
    draft.add_argument("--force", action="store_true", help="replace FILE if it exists")
    draft.set_defaults(run=_draft)

    completion = commands.add_parser(
        "completion", help="print a shell completion script for bash, zsh or fish",
        description="Print a completion script for argmap's commands and options. For bash: "
                    "eval \"$(argmap completion bash)\" in ~/.bashrc; for zsh: argmap completion zsh > "
                    "~/.zfunc/_argmap, with ~/.zfunc on your fpath; for fish: argmap completion fish > "
                    "~/.config/fish/completions/argmap.fish.")
    completion.add_argument("shell", choices=("bash", "zsh", "fish"))
    completion.set_defaults(run=_completion)

    manual = commands.add_parser(
        "man", help="print argmap's man page",
        description="Print the manual page argmap(1), made from the same parser as --help: every command with "
                    "its usage and options. Install it with: argmap man > ~/.local/share/man/man1/argmap.1")
    manual.set_defaults(run=_man)

    check = commands.add_parser(
        "check", help="validate a map and print a one-line summary",
        description="Validate every file of a map. Prints a summary and exits 0 when the map is valid; "
                    "prints every problem as file:line:col to stderr and exits 1 when it is not.")
    claims_dir(check)
    check.add_argument("--json", action="store_true",
                       help="print the verdict and every problem (path, line, column, message, hint) as JSON")
    speed_options(check)
    check.set_defaults(run=_check)

    build = commands.add_parser(
        "build", help="render the map as one offline HTML file",
        description="Validate the map and render it as a single HTML file that works offline from "
                    "file://. The file is written atomically: a failed build leaves no partial file. Parse "
                    "results are cached in $XDG_CACHE_HOME/argmap (else ~/.cache/argmap), never in the claims "
                    "directory, so a rebuild re-parses only the files "
                    "that changed.")
    claims_dir(build)
    build.add_argument("-o", "--output", default=DEFAULT_OUTPUT, metavar="FILE",
                       help=f"where to write the HTML; - for standard output (default: {DEFAULT_OUTPUT})")
    speed_options(build)
    build.set_defaults(run=_build)

    quotes = commands.add_parser(
        "quotes", help="check that a claims file's quotes occur in its source text",
        description="Check every 'quote' of a claims file against the source's plain text. Matching "
                    "ignores case and differences in whitespace, quotes, apostrophes and dashes. Each miss "
                    "is printed with its file:line:col and the closest passage of the source; exits 1 on "
                    "any miss.")
    quotes.add_argument("claims_file", metavar="CLAIMS_FILE", help="a claims file, such as claims/relational.yaml")
    quotes.add_argument("source", metavar="SOURCE", help="the source document as plain UTF-8 text")
    quotes.set_defaults(run=_quotes)

    report = commands.add_parser(
        "report", help="write a Markdown report comparing the perspectives",
        description="Write a Markdown report: each side's case in outline, the disagreements with their notes, "
                    "the cruxes, the common ground, what each side leaves unanswered, formal acceptance, and "
                    "a Mermaid diagram of the cross-perspective edges (GitHub renders it).")
    claims_dir(report)
    report.add_argument("-o", "--output", metavar="FILE.md",
                        help="write the report here (atomically) instead of to standard output")
    report.set_defaults(run=_report)

    schema = commands.add_parser(
        "schema", help="print the JSON Schema for claims files or map.yaml",
        description="Print the JSON Schema that editors use to complete and check claim files. Save it "
                    "and point a modeline at it: # yaml-language-server: $schema=claims.schema.json")
    schema.add_argument("which", nargs="?", choices=("claims", "map"), default="claims",
                        help="claims files (default) or map.yaml")
    schema.set_defaults(run=_schema)

    export = commands.add_parser(
        "export", help=f"write the map as {_names(EXPORTS)}",
        description="Write the map in another tool's format. Every export is deterministic.")
    claims_dir(export)
    export.add_argument("--format", "-f", required=True, choices=list(EXPORTS), help=_choices_help(EXPORTS))
    export.add_argument("-o", "--output", metavar="FILE", help="write here (atomically) instead of to standard output")
    export.set_defaults(run=_export)

    importer = commands.add_parser(
        "import", help=f"turn {_names(IMPORTS)} into claim YAML",
        description=f"Turn {_names(IMPORTS)} into a map directory that passes argmap check. AIF takes one file, "
                    "or a directory of nodesets.")
    importer.add_argument("--from", dest="source_format", required=True, choices=list(IMPORTS),
                          help=_choices_help(IMPORTS))
    importer.add_argument("file", metavar="FILE", help="the file (or, for AIF, a directory of nodesets); "
                                                        "- reads standard input")
    importer.add_argument("-o", "--output", required=True, metavar="CLAIMS_DIR", help="the map directory to write")
    importer.add_argument("--perspectives", choices=("camps", "positions"), default=None,
                          help="Kialo only: camps puts claims for and against the thesis in two perspectives; "
                               "positions gives each top-level claim its own. The default is positions for a "
                               "question with several theses (Kialo's multi-thesis discussions), else camps")
    importer.add_argument("--perspective-from", choices=PERSPECTIVE_RULES, default=None,
                          help="Argdown only: where a statement's perspective comes from. declared (the default): "
                               "a tag the front matter declares under perspectives:, else the file; tag: the "
                               "first declared tag, else the first tag; file or none: the file, whatever the tags. "
                               "Tags that make no perspective stay tags")
    importer.add_argument("--force", action="store_true",
                          help="replace the map in a folder that is not empty: its map.yaml and claims files give "
                               "way to the new ones once these are written whole, and nothing else is touched; a "
                               "folder with no map.yaml, or with YAML that is not a claims file, is refused")
    importer.set_defaults(run=_import)

    differ = commands.add_parser(
        "diff", help="show what changed between two versions of a map",
        description="Compare two maps: claims added, removed and changed, edges added and removed, and how the "
                    "cruxes and acceptance moved. Each side is a directory or REV:PATH from git, e.g. "
                    "argmap diff HEAD~1:claims claims")
    differ.add_argument("old", metavar="OLD")
    differ.add_argument("new", metavar="NEW")
    differ.add_argument("--json", action="store_true", help="print stable JSON")
    differ.set_defaults(run=_diff)

    watcher = commands.add_parser(
        "watch", help="rebuild the map whenever a claims file changes",
        description="Build the map, serve it on 127.0.0.1, and rebuild it whenever a file of the map changes; "
                    "an open page reloads itself. Errors are printed and the last good map stays in place.")
    claims_dir(watcher, stdin=False)
    watcher.add_argument("-o", "--output", default=DEFAULT_OUTPUT, metavar="FILE",
                         help=f"where to write the HTML (default: {DEFAULT_OUTPUT})")
    watcher.add_argument("--port", type=port, default=8000, help="port on 127.0.0.1 (default: 8000; 0 picks one)")
    watcher.add_argument("--no-serve", action="store_true", help="only rebuild; serve nothing")
    watcher.add_argument("--interval", type=seconds, default=0.5, help="seconds between checks (default: 0.5)")
    watcher.set_defaults(run=_watch)

    query = commands.add_parser(
        "query", help="ask the map a question: cruxes, disagreements, common ground, ...",
        description="Answer one question about a map, as a readable table or, with --json, as stable JSON. "
                    "Each question is also a Python function; see the README.")
    questions = query.add_subparsers(dest="question_name", metavar="QUESTION", required=True)
    for question in QUESTIONS:
        sub = questions.add_parser(question.name, help=question.help, description=question.help)
        question.arguments(sub)
        claims_dir(sub)
        sub.add_argument("--json", action="store_true", help="print stable JSON instead of a table")
        sub.add_argument("--no-cache", action="store_true",
                         help="parse every file and measure the comparison again, instead of reusing what the "
                              "caches keep ($XDG_CACHE_HOME/argmap, else ~/.cache/argmap)")
        sub.set_defaults(run=_query, question=question)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (root / "map.yaml").write_text("title: Tea?\\nperspectives: {tea: {label: Tea}}\\n")
    >>> _ = (root / "tea.yaml").write_text("perspective: tea\\nclaims:\\n  - {id: best, text: Tea is best.}\\n")
    >>> main(["check", str(root), "--no-cache"])  # doctest: +ELLIPSIS
    /...: ok: 1 claims (tea 1); 0 edges (0 supports, 0 contradicts)
    0
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if hasattr(args, "map_option"):
        if args.map_option and args.claims_dir and args.map_option != args.claims_dir:
            parser.error(f"the map is given twice ({args.claims_dir} and -m {args.map_option}); give it once")
        args.claims_dir = args.map_option or args.claims_dir or DEFAULT_CLAIMS
        if args.claims_dir == STDIO and args.command == "watch":
            parser.error("watch needs a map directory to watch, not standard input")
    run: Callable[[argparse.Namespace], int] = args.run
    # Data formats go out as they are (JSON escapes what a terminal could act on).
    data_to_stdout = args.command in ("build", "export", "schema", "completion", "man") or getattr(args, "json", False)
    # Text for a person: claim text must not drive the terminal.
    escaped = contextlib.nullcontext() if data_to_stdout else contextlib.redirect_stdout(EscapedText(sys.stdout))
    with escaped:
        status = _run(run, args)
        try:  # what is still buffered goes out now, where a closed pipe can be told apart
            if not sys.stdout.closed:  # the language server's transport closes it when the client exits
                sys.stdout.flush()
        except BrokenPipeError:
            return _reader_gone()
        return status


#: The exit status when the reader of standard output went away: 128 + SIGPIPE, as a shell reports git's.
READER_GONE = 141


def _reader_gone() -> int:
    """Stop writing to a standard output nobody reads: no message, and no second error when Python exits."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return READER_GONE


def _run(run: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    # One short command per process: the cyclic collector only rescans the
    # large, acyclic map over and over (see argmap.profile). watch and the
    # language server run for hours, and need it.
    pause = contextlib.nullcontext() if run in (_watch, _lsp) else gc_paused(then_freeze=True)
    try:
        with pause:
            return run(args)
    except MapError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        count = len(error.problems)
        print(f"{count} error{'s' if count != 1 else ''}", file=sys.stderr)
        return 1
    except ArgmapError as error:
        print(f"argmap: error: {excerpt(error, MESSAGE_LIMIT)}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # before OSError, its base: the reader (head, less) stopped reading
        return _reader_gone()
    except OSError as error:
        target = f" {excerpt(error.filename, MESSAGE_LIMIT)}:" if error.filename else ""
        print(f"argmap: error:{target} {excerpt(error.strerror or error, MESSAGE_LIMIT)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
