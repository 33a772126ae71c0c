"""Shell completion for fish, and a man page, generated from argmap's own argument parser.

bash and zsh completion come from shtab; fish is written here, since shtab
has no fish. Both walk the same parser as ``argmap --help``, so they never
drift from it.
"""

from __future__ import annotations

import argparse
import datetime
import re

from .._version import __version__


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, tuple[argparse.ArgumentParser, str]]:
    """A parser's subcommands, each with its parser and one-line help, in order."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
            return {name: (sub, helps.get(name, "")) for name, sub in action.choices.items()}
    return {}


def _options(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [a for a in parser._actions if a.option_strings and not isinstance(a, argparse._HelpAction)]


def _fish_quote(text: str) -> str:
    """``text`` in fish's single quotes (only ``\\`` and ``'`` are special there)."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _short(text: str | None) -> str:
    """A help text's first clause, as fish shows beside a completion."""
    plain = " ".join((text or "").replace("%(default)s", "").split())
    return re.split(r"(?<=[.;:(])\s", plain, maxsplit=1)[0].rstrip(".;:( ")[:80]


def fish_completion(parser: argparse.ArgumentParser) -> str:
    """A fish completion script for ``parser``'s commands, subcommands, options and choices.

    >>> from argmap.cli.main import build_parser
    >>> script = fish_completion(build_parser())
    >>> "complete -c argmap -n '__fish_use_subcommand' -a check" in script
    True
    """
    name = parser.prog
    lines = [f"# fish completion for {name} {__version__}, generated from its argument parser",
             f"complete -c {name} -f"]

    def add(path: list[str], sub: argparse.ArgumentParser) -> None:
        children = _subcommands(sub)
        if not path:
            condition = "__fish_use_subcommand"
        else:
            condition = " && ".join(f"__fish_seen_subcommand_from {word}" for word in path)
            if children:
                condition += " && not __fish_seen_subcommand_from " + " ".join(children)
        for action in _options(sub):
            flags = "".join(f" -l {o[2:]}" if o.startswith("--") else f" -s {o[1:]}" for o in action.option_strings)
            takes = action.nargs != 0
            values = f" -xa {_fish_quote(' '.join(map(str, action.choices)))}" if action.choices else (
                " -r -F" if takes else "")
            about = f"a {action.option_strings[-1]} value" if action.choices else _short(action.help)
            lines.append(f"complete -c {name} -n {_fish_quote(condition)}{flags}{values} -d {_fish_quote(about)}")
        for child, (child_parser, child_help) in children.items():
            lines.append(f"complete -c {name} -n {_fish_quote(condition)} -a {child} -d {_fish_quote(_short(child_help))}")
        if not children:
            for action in sub._actions:
                if not action.option_strings and action.choices:
                    lines.append(f"complete -c {name} -n {_fish_quote(condition)} -xa "
                                 f"{_fish_quote(' '.join(map(str, action.choices)))}")
                elif not action.option_strings and action.dest not in ("help",):
                    lines.append(f"complete -c {name} -n {_fish_quote(condition)} -F")
                    break
        for child, (child_parser, _) in children.items():
            add([*path, child], child_parser)

    add([], parser)
    return "\n".join(lines) + "\n"


def _roff(text: str) -> str:
    """Text as roff shows it: backslashes escaped, and no line that starts a request."""
    escaped = text.replace("\\", "\\e").replace("-", "\\-")
    return re.sub(r"^([.'])", r"\\&\1", escaped, flags=re.MULTILINE)


def man_page(parser: argparse.ArgumentParser) -> str:
    """``argmap(1)`` in roff (man's own markup): every command, with its usage and options.

    >>> from argmap.cli.main import build_parser
    >>> page = man_page(build_parser())
    >>> page.startswith(".TH ARGMAP 1") and ".SS argmap check" in page
    True
    """
    name = parser.prog
    out = [f'.TH {name.upper()} 1 "{datetime.date(2000, 1, 1):%Y-%m-%d}" "{name} {__version__}" "User Commands"',
           ".ad l", ".SH NAME", f"{name} \\- {_roff(parser.description or '')}",
           ".SH SYNOPSIS", f".B {name}", ".I COMMAND", "[\\fIOPTIONS\\fR]",
           ".SH DESCRIPTION", _roff(parser.description or ""), _roff(parser.epilog or ""), ".SH COMMANDS"]

    def describe(path: list[str], sub: argparse.ArgumentParser) -> None:
        children = _subcommands(sub)
        if path:
            out.append(f".SS {' '.join([name, *path])}")
            usage = " ".join(sub.format_usage().split())
            # \: lets a long list of choices break after its commas
            out.extend([".PP", _roff(usage.removeprefix("usage: ")).replace(",", ",\\:"), ".PP",
                        _roff(sub.description or "")])
            for action in sub._actions:
                if isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)):
                    continue
                flags = ", ".join(action.option_strings) or (action.metavar or action.dest)
                value = f" {action.metavar or action.dest.upper()}" if action.option_strings and action.nargs != 0 \
                    else ""
                out.extend([".TP", f"\\fB{_roff(str(flags))}\\fR{_roff(str(value))}", _roff(action.help or "")])
        for child, (child_parser, _) in children.items():
            describe([*path, child], child_parser)

    describe([], parser)
    out += [".SH SEE ALSO", "The README, and \\fBargmap COMMAND \\-\\-help\\fR for one command's options."]
    return "\n".join(line for line in out if line) + "\n"
