"""What `kit check` reports: one `Finding` per problem, the rule names and their severities.

Owns the report vocabulary only; the rules live in `pptx_rules`, `docx_rules`, `pdf_rules` and
`identity`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

RULES = {
    "KIT000": "unreadable",
    "KIT001": "alt-missing",
    "KIT002": "alt-quality",
    "KIT003": "slide-title",
    "KIT004": "title-unique",
    "KIT005": "reading-order",
    "KIT006": "table-header",
    "KIT007": "table-simple",
    "KIT008": "contrast",
    "KIT009": "font-size",
    "KIT010": "headings",
    "KIT011": "link-text",
    "KIT012": "doc-title",
    "KIT013": "language",
    "KIT014": "layout-hygiene",
    "KIT015": "readable-text",
    "KIT016": "brand-font",
    "KIT017": "brand-colour",
    "KIT018": "logo",
    "KIT019": "page-setup",
    "KIT020": "pdf-tagged",
    "KIT021": "pdf-marked",
    "KIT022": "pdf-title",
    "KIT023": "pdf-language",
    "KIT024": "pdf-bookmarks",
    "KIT025": "pdf-figure-alt",
    "KIT026": "pdf-fonts",
}
SEVERITY_NAMES = {"E": "error", "W": "warning", "T": "tip"}


@dataclass(frozen=True)
class Finding:
    """One accessibility or identity problem in one file.

    `where` is "slide 3", "presentation", "body paragraph 12", "header1", "styles"...;
    `severity` is E (fails the check), W (warning) or T (tip).
    """

    path: str
    where: str
    code: str
    severity: str
    message: str
    hint: str | None = None

    @property
    def rule(self) -> str:
        """The rule's short name, such as "alt-missing"."""
        return RULES.get(self.code, "")

    def __str__(self) -> str:
        name = SEVERITY_NAMES.get(self.severity, self.severity)
        line = f"{self.path}:{self.where}: {self.code} {name}: {self.message}"
        return line + (f" ({self.hint})" if self.hint else "")

    def as_json(self) -> dict[str, Any]:
        """The finding as plain data for `--json`."""
        return {
            "path": self.path,
            "where": self.where,
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
        }


class Findings:
    """Collects the findings for one file; repeats of one message are folded into one line.

    Folding keeps a document whose body style is 10 pt from printing a line per paragraph:
    the first place is kept and the others are counted ("also at 41 other places").
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self._first: dict[tuple[str, str, str, str | None], list[str]] = {}

    def add(
        self, where: str, code: str, severity: str, message: str, hint: str | None = None
    ) -> None:
        """Record a finding at `where`; the same finding elsewhere is folded into it."""
        places = self._first.setdefault((code, severity, message, hint), [])
        places.append(where)

    def result(self) -> list[Finding]:
        """Every finding, folded: whole-file places first, then slides, sections and paragraphs
        in number order; findings at one place keep the order they were found in."""
        found = []
        for (code, severity, message, hint), places in self._first.items():
            others = len(places) - 1
            if others:
                message = f"{message}; also at {others} other place{'s' if others > 1 else ''}"
            found.append(Finding(self.path, places[0], code, severity, message, hint))
        return sorted(found, key=lambda f: _place_order(f.where))


def _place_order(where: str) -> tuple[int, list[tuple[int, str]]]:
    """Sort key: places without a number ("properties") first, then "slide 2" before
    "slide 10"."""
    pieces = re.split(r"(\d+)", where)
    natural = [(int(p), "") if p.isdigit() else (0, p) for p in pieces]
    return (1 if len(pieces) > 1 else 0, natural)
