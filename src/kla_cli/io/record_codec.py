"""kla's own records (named tuples and enums) as JSON and back, exactly, for caches on disk.

`encode` turns a value made of named tuples, enums, tuples, lists, dicts, (frozen)sets, dates
and plain JSON values into JSON text in which every non-JSON value carries a tag; `decode` turns
it back into the same classes. Only the classes given to `Codec` are ever built, by their
fields, so that an entry on disk is data, never code (unlike pickle, which would run whatever a
damaged or planted entry asked for). Anything else (an object the codec does not know, a float
that is not a number) is refused with a TypeError or ValueError: the caller then keeps nothing.

Each value is encoded by its exact type, so `decode(encode(x))` equals x with the same types
all the way down (a read-only `MappingProxyType` comes back a dict): a subclass of `str` or
`float` the codec does not know is refused, not written as its base and read back as another
type. `==` alone would not show a lost type (a named tuple equals a plain tuple with its values,
a StrEnum member its text); the tests compare type by type (`tests/io/test_record_codec.same`)
on real assessments.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterable
from enum import Enum
from types import MappingProxyType
from typing import Any

_PLAIN = frozenset({str, int, bool, type(None)})
"""What JSON keeps as it is (a float only when finite)."""
_DATES: dict[str, type[dt.date] | type[dt.time]] = {
    "datetime": dt.datetime,
    "date": dt.date,
    "time": dt.time,
}


class Codec:
    """Encoding and decoding of the named tuples and enums in `classes` (by class name, which
    must be unique among them)."""

    def __init__(self, classes: Iterable[type]) -> None:
        self._classes: dict[str, type] = {}
        for cls in classes:
            if cls.__name__ in self._classes:
                raise ValueError(f"two classes named {cls.__name__}")
            self._classes[cls.__name__] = cls

    def shape(self) -> str:
        """The classes' names, fields and members: part of a cache key, so that an entry made
        when a record had other fields is never read into the new one."""
        parts = []
        for name, cls in sorted(self._classes.items()):
            if issubclass(cls, Enum):
                parts.append(f"{name}={','.join(str(m.value) for m in cls)}")
            else:
                parts.append(f"{name}({','.join(cls._fields)})")  # type: ignore[attr-defined]
        return ";".join(parts)

    def encode(self, value: object) -> str:
        return json.dumps(self._plain(value), allow_nan=False)  # ASCII: a lone surrogate too

    def decode(self, text: str | bytes) -> Any:
        return json.loads(text, object_hook=self._built)

    def _plain(self, value: object) -> object:
        """`value` as JSON-able data, by its exact type: a subclass the codec does not know (a
        `str` or `float` of some library's own) is refused, never written as its base."""
        kind = type(value)
        if kind in _PLAIN:
            return value
        if kind is float:
            if not math.isfinite(value):  # type: ignore[arg-type]
                raise ValueError("not a finite number")
            return value
        if kind is list:
            return [self._plain(v) for v in value]  # type: ignore[attr-defined]
        if kind is tuple:
            return {"@t": [self._plain(v) for v in value]}  # type: ignore[attr-defined]
        name = kind.__name__
        if self._classes.get(name) is kind:
            if isinstance(value, Enum):
                return {"@e": name, "v": value.value}
            return {"@": name, "f": [self._plain(v) for v in value]}  # type: ignore[attr-defined]
        if kind in (set, frozenset):
            items = sorted(value, key=repr)  # type: ignore[call-overload]
            return {"@s": [self._plain(v) for v in items], "frozen": kind is frozenset}
        if kind in (dict, MappingProxyType):
            pairs = value.items()  # type: ignore[attr-defined]
            return {"@d": [[self._plain(k), self._plain(v)] for k, v in pairs]}
        if _DATES.get(name) is kind:
            return {"@date": name, "v": value.isoformat()}  # type: ignore[attr-defined]
        raise TypeError(f"cannot keep a {name}")

    def _built(self, data: dict[str, Any]) -> object:
        if "@" in data:
            return self._classes[data["@"]](*data["f"])
        if "@t" in data:
            return tuple(data["@t"])
        if "@e" in data:
            return self._classes[data["@e"]](data["v"])
        if "@d" in data:  # a key or member that was a tuple is one again (its own tag)
            return dict(data["@d"])
        if "@s" in data:
            return frozenset(data["@s"]) if data["frozen"] else set(data["@s"])
        if "@date" in data:
            return _DATES[data["@date"]].fromisoformat(data["v"])
        raise ValueError("an untagged object")
