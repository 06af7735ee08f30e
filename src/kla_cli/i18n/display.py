"""Names from the outside world (file names, sheet names, cell text) made safe to show on one line.

A file name on Linux may hold bytes that are not UTF-8 (they arrive as lone surrogates), a newline,
or a right-to-left override that makes a terminal show something else than what is there. Every
message names its file, so these must neither break the one-line rule nor crash the output.
"""

from __future__ import annotations

import re
import unicodedata

_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
_SURROGATES = re.compile("[\ud800-\udfff]")


def _escape(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char, f"\\x{code:02x}")
    return f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with control, invisible-format (zero-width, bidi) and undecodable characters
    written as escapes."""
    if text.isprintable() and not _BIDI.intersection(text):
        return text
    return "".join(
        _escape(c) if c in _BIDI or unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp") else c
        for c in text
    )


def encodable(text: str) -> str:
    """`text` with lone surrogates replaced by U+FFFD, so it can be written as UTF-8."""
    return _SURROGATES.sub("\ufffd", text)


def shown(text: str) -> str:
    """`printable`, line by line: a block of several lines (a table, a list) keeps its line
    breaks, while a control character inside a line (a vertical tab pasted from Word, `\\x01`,
    an escape sequence) is shown as an escape instead of reaching the terminal raw."""
    if text.isprintable():
        return text
    return "\n".join(printable(line) for line in text.split("\n"))


_BREAKS = re.compile("[\x0b\x0c]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def document_text(text: str) -> str:
    """`text` for a document (xlsx, HTML, SVG, Markdown), which cannot hold C0 control
    characters: a vertical tab or form feed (Word's manual line and page breaks) becomes a line
    break, the others are dropped. Tab, line feed and carriage return stay."""
    return _CONTROLS.sub("", _BREAKS.sub("\n", text))
