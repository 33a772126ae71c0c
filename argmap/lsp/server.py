"""``argmap lsp``: a Language Server Protocol server over stdio, built on pygls.

It serves every map whose files the editor opens: a ``*.yaml`` file beside,
or below, a ``map.yaml`` belongs to that map. It works on what the editor
holds, saved or not. The answers come from :class:`~argmap.lsp.session.MapSession`;
this module only turns them into LSP messages and back, converting columns
between code points and the UTF-16 units LSP counts in.

Diagnostics are published for every file of the map, debounced after each
change, so a mistyped id shows wherever it is and clears when it is fixed.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import os
import sys
from pathlib import Path
from typing import Any, BinaryIO

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import from_fs_path, to_fs_path

from .._version import __version__
from ..errors import Position, Problem, printable
from ..io.files import MAX_FILE_BYTES
from .index import Span
from .session import Completion, MapSession, session_for

#: Seconds of quiet after a change before the map is checked again.
DEBOUNCE = 0.15
_KINDS = {"id": types.CompletionItemKind.Reference, "key": types.CompletionItemKind.Property,
          "value": types.CompletionItemKind.EnumMember, "quote": types.CompletionItemKind.Text}


#: The largest message read: a buffer of the loader's largest file, with room for JSON's escapes.
MAX_MESSAGE_BYTES = 4 * MAX_FILE_BYTES


class _Protocol(LanguageServerProtocol):
    """pygls's protocol, but a request whose params do not fit its method still gets an answer.

    pygls logs such a message and drops it, so the client waits forever;
    JSON-RPC asks for an Invalid Params error.
    """

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            print(f"argmap lsp: {error.message} in a {printable(str(data.get('method', 'message'))[:80])} message",
                  file=sys.stderr, flush=True)
            if "id" in data and "method" in data:
                ident = data["id"] if isinstance(data["id"], (int, str)) and not isinstance(data["id"], bool) else None
                self._send_response(ident, error=error.to_response_error())  # type: ignore[arg-type]
            return _DROPPED

    def handle_message(self, message: Any) -> None:
        if message is _DROPPED or not hasattr(message, "jsonrpc"):  # said already, or skipped (``null``)
            return
        super().handle_message(message)


#: What a message that could not be read becomes: answered already if it was a request, then ignored.
_DROPPED = object()


class _BoundedInput:
    """Standard input for pygls, refusing a message over :data:`MAX_MESSAGE_BYTES`.

    pygls reads as many bytes as ``Content-Length`` says, at once: a header of
    ``99999999999`` made it allocate them and die. An oversized message is
    skipped instead (its body is then read as header lines, which are
    ignored until the next ``Content-Length``), and said on stderr.
    """

    def __init__(self, stream: BinaryIO):
        self.stream = stream

    def readline(self) -> bytes:
        return self.stream.readline(MAX_MESSAGE_BYTES)

    def read(self, size: int) -> bytes:
        if size > MAX_MESSAGE_BYTES:
            print(f"argmap lsp: skipped a message of {size:,} bytes (the limit is {MAX_MESSAGE_BYTES:,})",
                  file=sys.stderr, flush=True)
            return b"null"
        return self.stream.read(size)


class ArgmapServer(LanguageServer):
    """The language server, with one :class:`MapSession` per map it has seen."""

    def __init__(self) -> None:
        super().__init__("argmap", __version__, protocol_cls=_Protocol)
        self.sessions: dict[Path, MapSession] = {}
        self.pending: dict[Path, asyncio.TimerHandle] = {}
        #: the check each map waits for or runs, in the one checking thread
        self.checks: dict[Path, concurrent.futures.Future[Any]] = {}
        self.checker = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="argmap-check")
        #: what each file's diagnostics were when last published, to send only what changed
        self.published: dict[str, list[tuple[Problem, Span]]] = {}


server = ArgmapServer()


def _path(uri: str) -> Path:
    """The file a URI names, normalised: ``sub/../x.yaml`` is ``x.yaml``, one file with one session entry."""
    return Path(os.path.normpath(to_fs_path(uri) or uri))


def _uri(path: Path) -> str:
    return from_fs_path(str(path)) or str(path)


def _utf16(line: str, column: int) -> int:
    return len(line[:column].encode("utf-16-le")) // 2


def _codepoints(line: str, units: int) -> int:
    """The code-point column of a UTF-16 column in ``line``."""
    count = 0
    for index, char in enumerate(line):
        if count >= units:
            return index
        count += 2 if ord(char) > 0xFFFF else 1
    return len(line)


def _lines(session: MapSession, path: Path) -> list[str]:
    snapshot = session.snapshot
    return snapshot.lines_of(path) if path in snapshot.texts else session.lines_of(path)


def _range(session: MapSession, path: Path, span: Span) -> types.Range:
    lines = _lines(session, path)

    def point(line: int, column: int) -> types.Position:
        text = lines[line] if 0 <= line < len(lines) else ""
        return types.Position(line=line, character=_utf16(text, column))
    return types.Range(start=point(*span[0]), end=point(*span[1]))


def _point(session: MapSession, path: Path, position: types.Position) -> tuple[int, int]:
    lines = _lines(session, path)
    text = lines[position.line] if 0 <= position.line < len(lines) else ""
    return position.line, _codepoints(text, position.character)


def _span(session: MapSession, path: Path, lsp_range: types.Range) -> Span:
    return _point(session, path, lsp_range.start), _point(session, path, lsp_range.end)


def _session(ls: ArgmapServer, uri: str) -> tuple[MapSession, Path] | None:
    path = _path(uri)
    session = session_for(path, ls.sessions)
    return (session, path) if session is not None else None


def _located(ls: ArgmapServer, uri: str, position: types.Position) -> tuple[MapSession, Path, int, int] | None:
    """The session, path and code-point point a request names; ``None`` outside any map."""
    if (found := _session(ls, uri)) is None:
        return None
    session, path = found
    return (session, path, *_point(session, path, position))


def publish(ls: ArgmapServer, session: MapSession) -> None:
    """Check the map in the checking thread, then publish its problems, then its warnings.

    The server goes on answering while a map is checked: questions asked
    meanwhile about a slow map are answered from its last check. A check
    not yet started when another edit comes is cancelled, and the result of
    one that an edit overtook is not published (the next check's is).
    """
    ls.pending.pop(session.root, None)
    if (waiting := ls.checks.pop(session.root, None)) is not None:
        waiting.cancel()  # not started yet: this check replaces it
    version = session.version
    session.check_due = True
    check = ls.checks[session.root] = ls.checker.submit(session.refresh)

    def checked(_: asyncio.Future[Any]) -> None:
        if check.cancelled():
            return
        if ls.checks.get(session.root) is check:
            del ls.checks[session.root]
        if check.exception() is not None:
            session.check_due = False
            ls.window_log_message(types.LogMessageParams(type=types.MessageType.Error,
                                                         message=f"argmap: check failed: {check.exception()}"))
        elif session.version == version:  # else an edit overtook it, and its own check is on the way
            session.check_due = False
            _publish_checked(ls, session)
    asyncio.wrap_future(check).add_done_callback(checked)


def _publish_checked(ls: ArgmapServer, session: MapSession) -> None:
    """Publish the problems of the map just checked now, then its warnings once they are computed.

    Lint warnings and quote checks need the whole comparison (seconds at
    20,000 claims), so they are computed in a worker thread, while the server
    goes on answering, and published with the problems when done, unless the
    buffers changed in the meantime.
    """
    _send(ls, session, session.diagnostics(with_warnings=False))
    snapshot = session.snapshot
    if snapshot.map is None or session.warnings_current():  # errors only; or the warnings shown still hold
        return

    def warned() -> None:
        snapshot.warnings  # noqa: B018 - computed here, off the event loop
    task = asyncio.get_running_loop().run_in_executor(None, warned)

    def done(future: asyncio.Future[None]) -> None:
        if future.exception() is not None:
            ls.window_log_message(types.LogMessageParams(type=types.MessageType.Error,
                                                         message=f"argmap: lint failed: {future.exception()}"))
        elif session.snapshot is snapshot:
            _send(ls, session, session.diagnostics())
    task.add_done_callback(done)


def _send(ls: ArgmapServer, session: MapSession, found: dict[Path, list[tuple[Problem, Span]]]) -> None:
    """Publish each file's diagnostics; a file that had some and has none now gets an empty list."""
    for path, problems in found.items():
        uri = _uri(path)
        if ls.published.get(uri, []) == problems:  # the client shows these already
            continue
        ls.published[uri] = problems
        diagnostics = [_diagnostic(session, path, problem, span) for problem, span in problems]
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics))


def _diagnostic(session: MapSession, path: Path, problem: Problem, span: Span) -> types.Diagnostic:
    severity = types.DiagnosticSeverity.Warning if problem.severity == "warning" else types.DiagnosticSeverity.Error
    message = problem.message + (f" ({problem.hint})" if problem.hint else "")
    return types.Diagnostic(range=_range(session, path, span), message=message, severity=severity, source="argmap",
                            code=problem.rule, data={"message": problem.message, "hint": problem.hint,
                                                     "rule": problem.rule, "severity": problem.severity})


def schedule(ls: ArgmapServer, session: MapSession) -> None:
    """Publish after :data:`DEBOUNCE` seconds without another change."""
    if (handle := ls.pending.pop(session.root, None)) is not None:
        handle.cancel()
    session.check_due = True
    ls.pending[session.root] = asyncio.get_running_loop().call_later(DEBOUNCE, publish, ls, session)


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: ArgmapServer, params: types.DidOpenTextDocumentParams) -> None:
    if (found := _session(ls, params.text_document.uri)) is not None:
        session, path = found
        session.set_text(path, params.text_document.text)
        schedule(ls, session)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: ArgmapServer, params: types.DidChangeTextDocumentParams) -> None:
    if (found := _session(ls, params.text_document.uri)) is not None:
        session, path = found
        session.set_text(path, ls.workspace.get_text_document(params.text_document.uri).source)
        schedule(ls, session)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: ArgmapServer, params: types.DidCloseTextDocumentParams) -> None:
    if (found := _session(ls, params.text_document.uri)) is not None:
        session, path = found
        session.close(path)
        schedule(ls, session)


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_files(ls: ArgmapServer, params: types.DidChangeWatchedFilesParams) -> None:
    for change in params.changes:
        if (found := _session(ls, change.uri)) is not None:
            found[0].invalidate()
            schedule(ls, found[0])


@server.feature(types.TEXT_DOCUMENT_COMPLETION,
                types.CompletionOptions(trigger_characters=[" ", "[", ",", ":", "."]))
def completion(ls: ArgmapServer, params: types.CompletionParams) -> types.CompletionList | None:
    if (at := _located(ls, params.text_document.uri, params.position)) is None:
        return None
    session, path, line, column = at
    items = [_completion_item(item) for item in session.completions(path, line, column)]
    return types.CompletionList(is_incomplete=False, items=items)


def _completion_item(item: Completion) -> types.CompletionItem:
    return types.CompletionItem(label=item.label, detail=item.detail, kind=_KINDS.get(item.kind),
                                insert_text=item.insert)


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: ArgmapServer, params: types.HoverParams) -> types.Hover | None:
    if (at := _located(ls, params.text_document.uri, params.position)) is None:
        return None
    session, path, line, column = at
    answer = session.hover(path, line, column)
    if answer is None:
        return None
    text, span = answer
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
                       range=_range(session, path, span))


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
def definition(ls: ArgmapServer, params: types.DefinitionParams) -> types.Location | None:
    if (at := _located(ls, params.text_document.uri, params.position)) is None:
        return None
    session, path, line, column = at
    target = session.definition(path, line, column)
    if target is None:
        return None
    return types.Location(uri=_uri(target[0]), range=_range(session, target[0], target[1]))


@server.feature(types.TEXT_DOCUMENT_REFERENCES)
def references(ls: ArgmapServer, params: types.ReferenceParams) -> list[types.Location] | None:
    if (at := _located(ls, params.text_document.uri, params.position)) is None:
        return None
    session, path, line, column = at
    found = session.references_at(path, line, column, include_definition=params.context.include_declaration)
    if found is None:
        return None
    return [types.Location(uri=_uri(where), range=_range(session, where, span)) for where, span in found]


@server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
def prepare_rename(ls: ArgmapServer, params: types.PrepareRenameParams) -> types.Range | None:
    if (at := _located(ls, params.text_document.uri, params.position)) is None:
        return None
    session, path, line, column = at
    named = session.name_at(path, line, column)
    return _range(session, path, named[1]) if named is not None else None


@server.feature(types.TEXT_DOCUMENT_RENAME)
def rename(ls: ArgmapServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
    if (at := _located(ls, params.text_document.uri, params.position)) is None:
        return None
    session, path, line, column = at
    try:
        edits = session.rename(path, line, column, params.new_name)
    except ValueError as error:  # said to the user, not raised: an exception would log a traceback
        ls.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=f"argmap: {error}"))
        return None
    return types.WorkspaceEdit(changes={_uri(where): [types.TextEdit(range=_range(session, where, span), new_text=text)
                                                      for span, text in spans]
                                        for where, spans in edits.items()})


@server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
def document_symbols(ls: ArgmapServer, params: types.DocumentSymbolParams) -> list[types.DocumentSymbol] | None:
    if (found := _session(ls, params.text_document.uri)) is None:
        return None
    session, path = found
    symbols = []
    for section, entries in session.symbols(path):
        claims = [types.DocumentSymbol(name=entry.id, detail=entry.title or (entry.text or "")[:80],
                                       kind=types.SymbolKind.Object, range=_range(session, path, entry.span),
                                       selection_range=_range(session, path, entry.id_span)) for entry in entries]
        if section is None:
            symbols += claims
        else:
            whole = (entries[0].span[0], entries[-1].span[1])
            symbols.append(types.DocumentSymbol(name=section, kind=types.SymbolKind.Namespace,
                                                range=_range(session, path, whole),
                                                selection_range=_range(session, path, entries[0].id_span),
                                                children=claims))
    return symbols


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
def code_actions(ls: ArgmapServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
    if (found := _session(ls, params.text_document.uri)) is None:
        return None
    session, path = found
    actions = []
    for diagnostic in params.context.diagnostics:
        data: dict[str, Any] = diagnostic.data if isinstance(diagnostic.data, dict) else {}
        span = _span(session, path, diagnostic.range)
        problem = Problem(Position(str(path), span[0][0] + 1, span[0][1] + 1), str(data.get("message", "")),
                          data.get("hint"), rule=data.get("rule"))
        for title, edits in session.code_actions(path, problem, span):
            actions.append(types.CodeAction(
                title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                edit=types.WorkspaceEdit(changes={params.text_document.uri: [
                    types.TextEdit(range=_range(session, path, where), new_text=text) for where, text in edits]})))
    return actions


def _not_a_conversion_traceback(record: logging.LogRecord) -> bool:
    """pygls logs a traceback for every message it cannot convert; :class:`_Protocol` says it in one line."""
    return not str(record.msg).startswith("Unable to deserialize message")


def serve() -> None:
    """Serve over stdin and stdout until the client exits."""
    logging.getLogger("pygls.protocol.json_rpc").addFilter(_not_a_conversion_traceback)
    server.start_io(_BoundedInput(sys.stdin.buffer), sys.stdout.buffer)  # type: ignore[arg-type]
