"""JUnit XML as CI servers read it (the Jenkins xUnit plugin's junit-10.xsd, which GitLab, GitHub
test reporters and Jenkins accept): `<testsuites>` with one `<testsuite>` carrying `time`,
`timestamp` and `hostname`, and the counts. `kla batch` and `kla validate` fill in the cases.

What the run was (when, how long, on which machine) is passed in (`JunitRun`): a renderer reads
no clock. `tests/data/junit-10.xsd` checks the documents.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text safe for XML 1.0 (folder names can hold control characters)."""
    return _XML_INVALID.sub("\ufffd", text)


@dataclass(frozen=True)
class JunitRun:
    """When the run started, how long it took and where: the suite's timestamp, time, hostname."""

    started: datetime = datetime(1970, 1, 1, tzinfo=UTC)
    seconds: float = 0.0
    hostname: str = "localhost"

    @property
    def timestamp(self) -> str:
        """ISO 8601 in UTC without a zone, as junit-10.xsd's writers (Ant) give it."""
        return self.started.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")


def suite(
    name: str, suite_name: str, run: JunitRun, *, tests: int, failures: int, errors: int
) -> tuple[ET.Element, ET.Element]:
    """`<testsuites>` and its one `<testsuite>`, with the counts and the run's attributes."""
    counts = {"tests": str(tests), "failures": str(failures), "errors": str(errors)}
    time = f"{run.seconds:.3f}"
    suites = ET.Element("testsuites", {"name": name, **counts, "time": time})
    one = ET.SubElement(
        suites,
        "testsuite",
        {
            "name": xml_text(suite_name),
            **counts,
            "skipped": "0",
            "time": time,
            "timestamp": run.timestamp,
            "hostname": xml_text(run.hostname),
        },
    )
    return suites, one


def document(suites: ET.Element) -> str:
    """The XML text, indented, with its declaration."""
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
