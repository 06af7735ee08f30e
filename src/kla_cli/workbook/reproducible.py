"""Reproducible workbooks: the same content and print time give the same bytes.

openpyxl stamps a file with the time it is saved (the document's `modified` date and every zip
member's timestamp). `fixed_dates` rewrites both to the given time, so that a report made twice
from the same input with the same `SOURCE_DATE_EPOCH` is byte-identical.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime

CORE = "docProps/core.xml"
_DATES = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def fixed_dates(data: bytes, when: datetime) -> bytes:
    """`data` (an .xlsx) with its document dates and zip timestamps set to `when` (UTC)."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    zip_time = max(when, datetime(1980, 1, 1)).timetuple()[:6]
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info)
            if info.filename == CORE:
                content = _DATES.sub(rb"\g<1>" + stamp + rb"\g<3>", content)
            member = zipfile.ZipInfo(info.filename, date_time=zip_time)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = info.external_attr
            target.writestr(member, content)
    return out.getvalue()
