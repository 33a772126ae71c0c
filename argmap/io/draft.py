"""A claims-file skeleton from an article's plain text: one candidate claim per argumentative sentence.

No language model is involved. The text is split into paragraphs at blank
lines and into sentences after ``.``, ``!``, ``?`` or ``…`` (with any closing
quote or bracket) followed by a space and a capital, digit or opening quote.
A sentence is a candidate when it holds one of the :data:`MARKERS` as whole
words, in any case. Each candidate's ``quote`` is the sentence verbatim, so
it verifies against the text; its ``text`` is left for the author as
:data:`TODO_TEXT`, which ``argmap lint`` reports until it is written. Candidates are grouped under one
comment per paragraph, and each notes which markers it carries.

>>> text = "Tea is pleasant.\\n\\nTea calms, because it is warm. So you should drink it daily!\\n"
>>> [(s.paragraph, s.text, s.markers) for s in candidates(text)]
[(2, 'Tea calms, because it is warm.', ('because',)), (2, 'So you should drink it daily!', ('so', 'should'))]
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import ArgmapError, MapError, printable
from .files import write_atomically
from .source_texts import read_source_text

#: The argumentative markers, by what they signal.
MARKERS: dict[str, tuple[str, ...]] = {
    "reason": ("because", "since", "given that", "for this reason", "due to"),
    "conclusion": ("therefore", "thus", "hence", "so", "consequently", "as a result", "it follows",
                   "this means", "which means"),
    "contrast": ("however", "but", "although", "though", "yet", "nevertheless", "instead", "rather than",
                 "on the other hand"),
    "ought": ("should", "must", "ought", "need to", "needs to", "have to", "has to"),
    "stance": ("i believe", "i think", "in my view", "in my opinion", "i argue", "i would argue", "the truth is",
               "clearly", "of course"),
}
_ALL_MARKERS = sorted({m for group in MARKERS.values() for m in group}, key=len, reverse=True)
_MARKER = re.compile(r"(?<![\w'’])(" + "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in _ALL_MARKERS)
                     + r")(?![\w'’])", re.IGNORECASE)
#: Where one sentence ends and the next begins: after the end mark and any closing quote or bracket.
_SENTENCE_END = re.compile(r"(?<=[.!?…\"'”’)\]])\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_ENDS = ".!?…"
#: The text of a candidate the author has not written yet.
TODO_TEXT = "TODO: what this sentence claims, in your words"
#: Shorter sentences are headings or fragments, not claims.
MIN_WORDS = 5


@dataclass(frozen=True)
class Candidate:
    """A sentence that carries an argumentative marker."""

    paragraph: int  # 1-based, counting paragraphs of the text
    sentence: int  # 1-based within its paragraph
    text: str  # verbatim, with line breaks inside the paragraph as spaces
    markers: tuple[str, ...]


def paragraphs(text: str) -> list[str]:
    """The text's paragraphs (split at blank lines), each on one line.

    >>> paragraphs("One\\nline.\\n\\n\\nTwo.")
    ['One line.', 'Two.']
    """
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if p.strip()]


def sentences(paragraph: str) -> list[str]:
    """A paragraph's sentences, verbatim.

    >>> sentences("Tea calms. “Coffee jolts.” 3 cups! Mr Tea said (so) Hi.")
    ['Tea calms.', '“Coffee jolts.”', '3 cups!', 'Mr Tea said (so) Hi.']
    """
    found: list[list[str]] = []  # each sentence's pieces, joined once at the end: never quadratic
    for piece in _SENTENCE_END.split(paragraph):
        # A break after a closing quote or bracket counts only where an end mark precedes it.
        if found and not found[-1][-1].rstrip("\"'”’)]").endswith(tuple(_ENDS)):
            found[-1].append(piece)
        elif piece.strip():
            found.append([piece.strip()])
    return [" ".join(pieces) for pieces in found]


def candidates(text: str) -> list[Candidate]:
    """Every candidate sentence of ``text``, in order."""
    found = []
    for number, paragraph in enumerate(paragraphs(text), 1):
        for index, sentence in enumerate(sentences(paragraph), 1):
            markers = tuple(dict.fromkeys(" ".join(m.lower().split()) for m in _MARKER.findall(sentence)))
            if markers and len(sentence.split()) >= MIN_WORDS:
                found.append(Candidate(number, index, sentence, markers))
    return found


def _comment(text: str) -> str:
    return _NOT_YAML.sub(lambda m: f"\\u{ord(m.group()):04x}", printable(" ".join(text.split())))[:70]


#: What YAML cannot hold unescaped (it allows tab, newlines, U+0085 and the printable rest).
_NOT_YAML = re.compile("[\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def yaml_string(text: str | None) -> str:
    r"""``text`` as a double-quoted YAML scalar that YAML can read back, whatever characters it holds.

    JSON's escapes are YAML's, but JSON leaves DEL, C1 controls and U+FFFE
    as they are, which YAML refuses.

    >>> print(yaml_string("tab\there \x7f\x9f\ufffe"))
    "tab\there \u007f\u009f\ufffe"
    """
    return _NOT_YAML.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def draft_text(source_text: str, perspective: str, *, text_path: str | None = None,
               title: str | None = None) -> str:
    """The claims-file skeleton, as YAML text.

    >>> import yaml
    >>> data = yaml.safe_load(draft_text("Tea calms, because it is warm.", "tea", text_path="tea.txt"))
    >>> data["perspective"], data["source"], data["claims"][0]["quote"]
    ('tea', {'title': None, 'text': 'tea.txt'}, 'Tea calms, because it is warm.')
    """
    found = candidates(source_text)
    out = ["# A draft written by `argmap draft`: one candidate claim per sentence with an argumentative",
           "# marker (because, therefore, however, should, I think, ...). Each quote is verbatim from the",
           "# source. Write each claim's text in your own words, give it a title and a kind, link it",
           "# with supports and contradicts, and delete the candidates that are not claims.",
           f"perspective: {yaml_string(perspective)}",
           "source:",
           f"  title: {yaml_string(title)}",
           f"  text: {yaml_string(text_path)}",
           "claims:" + ("" if found else " []")]
    paragraph = 0
    texts = paragraphs(source_text)
    for candidate in found:
        if candidate.paragraph != paragraph:
            paragraph = candidate.paragraph
            out.append(f"  # ── paragraph {paragraph}: {_comment(texts[paragraph - 1])} ──")
        out += [f"  - id: {yaml_string(f'{perspective}.p{candidate.paragraph}-s{candidate.sentence}')}",
                f"    text: {yaml_string(TODO_TEXT)}",
                f"    quote: {yaml_string(candidate.text)}",
                f"    note: {yaml_string('markers: ' + ', '.join(candidate.markers))}"]
    return "\n".join(out) + "\n"


def write_draft(source: str | os.PathLike[str], perspective: str, output: str | os.PathLike[str], *,
                force: bool = False) -> tuple[Path, int]:
    """Write the skeleton for ``source`` to ``output``; return the path and the number of candidates.

    An existing ``output`` is kept unless ``force``: a draft never overwrites an author's work.
    """
    source_path, target = Path(source), Path(output)
    content, problems = read_source_text(source_path, str(source))
    if content is None:
        raise MapError(problems)
    if os.path.lexists(target) and os.path.samefile(source_path, target):
        raise ArgmapError(f"{target} is the article itself; choose another -o (a draft never replaces its source)")
    if os.path.lexists(target) and not force:
        raise ArgmapError(f"{target} exists; pass --force to replace it, or choose another -o")
    relative = os.path.relpath(os.path.abspath(source_path), os.path.abspath(target.parent))
    title = next((line.strip() for line in content.splitlines() if line.strip()), None)
    text = draft_text(content, perspective, text_path=Path(relative).as_posix(),
                      title=title[:120] if title else None)
    write_atomically(target, text)
    return target, len(candidates(content))
