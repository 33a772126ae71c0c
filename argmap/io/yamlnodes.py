"""Read YAML as position-carrying nodes, and read plain values out of them.

Files are *composed*, never *constructed*: PyYAML builds a node tree with
source marks and resolves tags, but no constructor runs, so a tag such as
``!!python/object`` can never execute anything. :class:`NodeReader` then reads
strings, lists and mappings out of the nodes and records a positioned
:class:`~argmap.errors.Problem` for anything else.
"""

from __future__ import annotations

from typing import Iterable

import yaml

from ..errors import Position, Problem, did_you_mean, excerpt

try:  # the C parser is several times faster; the pure-Python one is the fallback
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

_CORE = "tag:yaml.org,2002:"
STR, NULL, BOOL, INT, FLOAT = (_CORE + t for t in ("str", "null", "bool", "int", "float"))
MAP, SEQ, TIMESTAMP = _CORE + "map", _CORE + "seq", _CORE + "timestamp"
_PLAIN_DATA_TAGS = {STR, NULL, BOOL, INT, FLOAT, MAP, SEQ, TIMESTAMP}


class _Loader(_BaseLoader):  # type: ignore[valid-type,misc]
    """The safe loader with a faster implicit-tag resolver.

    PyYAML resolves every plain scalar in Python against a list of regular
    expressions, which is most of the time spent loading a large map. Every
    YAML 1.1 implicit pattern (bool, int, float, null, timestamp, merge, value)
    either has no space or starts with a digit, and each pattern may start
    only with certain characters. So a plain scalar with a space that does not
    start with a digit, or one that starts with a character no pattern starts
    with, is a string. Other short scalars, such as keys, repeat, so their tags
    are cached. Results are identical to the stock resolver (a property test
    checks this).
    """

    _short_tags: dict[str, str] = {}
    _pattern_starts = frozenset(k for k in _BaseLoader.yaml_implicit_resolvers if k)
    assert None not in _BaseLoader.yaml_implicit_resolvers  # no pattern may match any first character

    def resolve(self, kind, value, implicit):  # type: ignore[no-untyped-def]
        if kind is yaml.ScalarNode and implicit[0]:
            first = value[:1]
            if (first and first not in self._pattern_starts) or (" " in value and not first.isdigit()):
                return STR
            tag = self._short_tags.get(value)
            if tag is None:
                tag = super().resolve(kind, value, implicit)
                if len(value) <= 40 and len(self._short_tags) < 50_000:
                    self._short_tags[value] = tag
            return tag
        return super().resolve(kind, value, implicit)


def decode_file(raw: bytes, shown_as: str) -> tuple[str | None, list[Problem]]:
    """A file's bytes as text, or the problem that they are not UTF-8.

    >>> decode_file(b"a: \\xff", "c.yaml")[1][0].message
    'file is not valid UTF-8'
    """
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(Position(shown_as, line, 1), "file is not valid UTF-8", "save it as UTF-8")]


def compose_documents(text: str, shown_as: str) -> tuple[list[yaml.Node], list[Problem]]:
    """Parse YAML text into one node tree per document, or return the syntax problem.

    ``shown_as`` is the path used in messages. Empty documents are left out,
    so an empty text gives ``([], [])``.

    >>> nodes, problems = compose_documents("a: 1\\n---\\nb: 2\\n", "c.yaml")
    >>> [node.value[0][0].value for node in nodes], problems
    (['a', 'b'], [])
    >>> print(compose_documents("a: [1\\n", "c.yaml")[1][0])  # doctest: +ELLIPSIS
    c.yaml:2:1: error: YAML syntax error: ...
    """
    loader = _Loader(text)
    try:
        nodes = []
        while loader.check_node():
            node = loader.get_node()
            if node is not None:
                nodes.append(node)
        return nodes, []
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = Position(shown_as, mark.line + 1, mark.column + 1) if mark else Position(shown_as, 1, 1)
        message = " ".join(part for part in (error.context, error.problem) if part)
        return [], [Problem(where, f"YAML syntax error: {message}")]
    except yaml.YAMLError as error:  # reader errors: control characters and the like
        line, column = _reader_error_position(text, error)
        character = getattr(error, "character", None)
        if isinstance(character, str) and character:
            character = ord(character)
        what = f"character #x{character:04x}" if isinstance(character, int) else "a character"
        reason = getattr(error, "reason", None) or "it cannot be read"
        return [], [Problem(Position(shown_as, line, column), f"YAML cannot hold {what}: {reason}",
                            "remove it, or write it as an escape inside double quotes")]
    finally:
        loader.dispose()


def _reader_error_position(text: str, error: yaml.YAMLError) -> tuple[int, int]:
    offset = getattr(error, "position", None)
    if not isinstance(offset, int):
        return 1, 1
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def is_null(node: yaml.Node) -> bool:
    """Whether a node is an empty value (``~``, ``null`` or nothing at all).

    >>> is_null(yaml.compose("key:").value[0][1])
    True
    """
    return isinstance(node, yaml.ScalarNode) and node.tag == NULL


def describe(node: yaml.Node) -> str:
    """Say what a node holds, for "expected X, got Y" messages.

    >>> describe(yaml.compose("[1, 2]"))
    'a list'
    >>> describe(yaml.compose("yes"))
    'the boolean yes'
    """
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    names = {STR: "the string", NULL: "null", BOOL: "the boolean", INT: "the number",
             FLOAT: "the number", TIMESTAMP: "the date"}
    if node.tag == NULL:
        return "null (an empty value)"
    return f"{names.get(node.tag, 'the value')} {excerpt(node.value)}"


def show_tag(tag: str) -> str:
    """Show a resolved tag the way it is written in YAML.

    >>> show_tag("tag:yaml.org,2002:python/object:os.system")
    '!!python/object:os.system'
    """
    return "!!" + tag[len(_CORE):] if tag.startswith(_CORE) else tag


class NodeReader:
    """Reads plain values out of one file's nodes, collecting problems.

    >>> reader = NodeReader("c.yaml")
    >>> node = yaml.compose("text: 42")
    >>> entries = reader.mapping(node, "a claim")
    >>> reader.string(entries["text"][1], "text") is None
    True
    >>> print(reader.problems[0])
    c.yaml:1:7: error: text must be a string, not the number 42 (put it in quotes: "42")
    """

    def __init__(self, shown_as: str, *, may_alias: bool = True):
        self.path = shown_as
        self.problems: list[Problem] = []
        #: the nodes read so far, by id, kept only where the text could hold an alias (a '*'). The nodes
        #: themselves are kept, not just their ids: a node freed meanwhile could hand its id to a new one,
        #: which would then look like an alias (Python 3.13 reuses addresses so).
        self._read: dict[int, yaml.Node] | None = {} if may_alias else None

    def position(self, node: yaml.Node) -> Position:
        """Where ``node`` starts, 1-based."""
        return Position(self.path, node.start_mark.line + 1, node.start_mark.column + 1)

    def error(self, node: yaml.Node, message: str, hint: str | None = None) -> None:
        """Record a problem at ``node``."""
        self.problems.append(Problem(self.position(node), message, hint))

    def _plain(self, node: yaml.Node) -> bool:
        # A node read twice is one that YAML aliases (*name) reuse: refused, so
        # that no file can multiply itself into a map many times its size.
        if self._read is not None:
            if self._read.get(id(node)) is node:
                self.error(node, "this value is reused through a YAML alias (*name); aliases are not allowed",
                           "write the value out where it is needed")
                return False
            self._read[id(node)] = node
        if node.tag in _PLAIN_DATA_TAGS:
            return True
        self.error(node, f"YAML tag {excerpt(show_tag(node.tag))} is not allowed",
                   "claim files hold plain data only: strings, lists and mappings")
        return False

    def mapping(self, node: yaml.Node, what: str) -> dict[str, tuple[yaml.Node, yaml.Node]] | None:
        """Read a mapping with string keys as ``{key: (key_node, value_node)}``.

        Duplicate keys are problems, because YAML would silently keep only
        the last value.
        """
        if not self._plain(node):
            return None
        if not isinstance(node, yaml.MappingNode):
            self.error(node, f"{what} must be a mapping, not {describe(node)}")
            return None
        entries: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != STR:
                self.error(key_node, f"keys of {what} must be strings, not {describe(key_node)}")
                continue
            key = key_node.value
            if key in entries:
                first = self.position(entries[key][0])
                self.error(key_node, f"duplicate key '{excerpt(key)}' in {what}; it is first set at line {first.line}",
                           "remove one of them")
                continue
            entries[key] = (key_node, value_node)
        return entries

    def reject_unknown_keys(self, entries: dict[str, tuple[yaml.Node, yaml.Node]],
                            allowed: Iterable[str], what: str) -> None:
        """Record a problem for every key of ``entries`` not in ``allowed``."""
        allowed = list(allowed)
        for key, (key_node, _) in entries.items():
            if key not in allowed:
                hint = did_you_mean(key, allowed) or "allowed keys: " + ", ".join(allowed)
                self.error(key_node, f"unknown key '{excerpt(key)}' in {what}", hint)

    def require(self, entries: dict[str, tuple[yaml.Node, yaml.Node]], key: str,
                owner: yaml.Node, what: str) -> yaml.Node | None:
        """The value node of a required key, or a problem at its owner."""
        if key in entries:
            return entries[key][1]
        self.error(owner, f"{what} has no '{key}'", f"add '{key}:'")
        return None

    def string(self, node: yaml.Node | None, what: str, *, required: bool = False) -> str | None:
        """Read a string; null reads as ``None`` unless ``required``."""
        if node is None or not self._plain(node):
            return None
        if isinstance(node, yaml.ScalarNode) and node.tag == STR:
            if required and not node.value.strip():
                self.error(node, f"{what} is empty")
                return None
            return node.value
        if is_null(node) and not required:
            return None
        hint = f'put it in quotes: "{excerpt(node.value)}"' if isinstance(node, yaml.ScalarNode) and not is_null(node) else None
        self.error(node, f"{what} must be a string, not {describe(node)}", hint)
        return None

    def word(self, node: yaml.Node | None, what: str) -> str | None:
        """A short answer such as ``yes`` or ``2``, read as written: YAML would make ``yes`` a boolean.

        >>> NodeReader("map.yaml").word(yaml.compose("yes"), "a position")
        'yes'
        """
        if isinstance(node, yaml.ScalarNode) and node.tag != STR and not is_null(node) and self._plain(node):
            return node.value
        return self.string(node, what, required=True)

    def boolean(self, node: yaml.Node, what: str) -> bool | None:
        """Read ``true`` or ``false``; anything else is a problem.

        >>> reader = NodeReader("c.yaml")
        >>> reader.boolean(yaml.compose("false"), "asserted"), reader.boolean(yaml.compose("no way"), "asserted")
        (False, None)
        >>> print(reader.problems[0])
        c.yaml:1:1: error: asserted must be true or false, not the string no way
        """
        if not self._plain(node):
            return None
        if isinstance(node, yaml.ScalarNode) and node.tag == BOOL:
            return node.value.lower() in ("true", "yes", "on", "y")
        self.error(node, f"{what} must be true or false, not {describe(node)}")
        return None

    def sequence(self, node: yaml.Node, what: str, example: str) -> list[yaml.Node]:
        """Read a list's items; null reads as an empty list."""
        if not self._plain(node):
            return []
        if isinstance(node, yaml.SequenceNode):
            return list(node.value)
        if is_null(node):
            return []
        self.error(node, f"{what} must be a list, not {describe(node)}", f"write {example}")
        return []
