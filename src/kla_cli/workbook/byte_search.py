"""Finding a few bytes in a sheet's XML, fast: the one place of this speed trick.

`needle in data` on bytes runs at about 1 ns a byte for the short needles kla looks for (`:c`,
`"e"`, `<f`), where a compiled regular expression made of the same literal bytes finds them 1,5
to 2,7 times as fast (measured on a form's 40 KB sheet on 2026-12-03: 15-21 us against 30-41
us). A sheet is scanned for such bytes before any costlier pattern is tried on it.
"""

from __future__ import annotations

import functools
import re


@functools.cache
def _literal(needle: bytes) -> re.Pattern[bytes]:
    return re.compile(re.escape(needle))


def contains(data: bytes, needle: bytes) -> bool:
    """`needle in data`, faster on a sheet's XML."""
    return _literal(needle).search(data) is not None
