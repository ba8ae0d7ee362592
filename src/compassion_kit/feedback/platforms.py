"""What each survey platform puts in its export besides the answers: metadata columns,
how several choices share a cell, and how dates are written.

Owns recognising the platform and the columns to drop; classifying questions is
`columns.py`'s business.

- Microsoft Forms (Excel download, or saved as CSV): ID, Start time, Completion time, Email,
  Name (and Last modified time); a multiple-choice answer is the choices joined with ';' and
  a trailing ';' ("Nurse;Manager;").
- Google Forms (Sheets or "Download responses (.csv)"): Timestamp, then Email Address when
  collected; checkbox answers joined with ', '.
- SmartSurvey and Jisc Online Surveys (CSV "one row per respondent"): respondent and response
  ids, start and end times, IP address; several choices joined with ', '.
- The kit's data-entry CSV (`kit feedback-template`): a Session column and the form's
  questions; several choices joined with ';'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from compassion_kit.feedback.scales import normalised

# Metadata headers (compared normalised) and what each holds. Every one is dropped before
# anything is written, whatever the platform: names, emails and ids identify people, and
# per-response times can.
METADATA: dict[str, str] = {
    **dict.fromkeys(
        (
            "id",
            "response id",
            "respondent id",
            "userno",
            "user no",
            "unique id",
            "visitor id",
            "response number",
            "respondent",
            "ref",
        ),
        "respondent id",
    ),
    **dict.fromkeys(
        ("name", "full name", "first name", "last name", "surname", "your name", "respondent name"),
        "name",
    ),
    **dict.fromkeys(
        ("email", "email address", "e-mail", "e-mail address", "your email", "respondent email"),
        "email address",
    ),
    **dict.fromkeys(
        (
            "start time",
            "completion time",
            "last modified time",
            "timestamp",
            "started",
            "ended",
            "date submitted",
            "submitted",
            "completed",
            "timestamp (started)",
            "timestamp (completed)",
            "start date",
            "end date",
        ),
        "timestamp",
    ),
    **dict.fromkeys(("ip address", "ip"), "IP address"),
    **dict.fromkeys(("phone", "telephone", "phone number", "mobile"), "phone number"),
    **dict.fromkeys(
        (
            "status",
            "response status",
            "score",
            "total points",
            "quiz feedback",
            "time taken",
            "language",
        ),
        "platform detail",
    ),
}
SESSION_HEADERS = ("session", "session name", "session date", "workshop", "event", "cohort")
_TIME_KEYS = {k for k, v in METADATA.items() if v == "timestamp"}
_DATE_PATTERNS = (
    re.compile(r"(?P<y>\d{4})[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2})"),  # 2026-03-12, 2026/03/12
    re.compile(r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})"),  # UK 12/03/2026
    re.compile(r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{2})\b"),  # Microsoft Forms US 3/12/26
)


@dataclass(frozen=True)
class Platform:
    """A survey platform's export conventions."""

    name: str
    separator: str  # between several choices in one cell


MICROSOFT_FORMS = Platform("Microsoft Forms", ";")
GOOGLE_FORMS = Platform("Google Forms", ", ")
SMARTSURVEY = Platform("SmartSurvey or Online Surveys", ", ")
KIT_ENTRY = Platform("data-entry CSV (kit feedback-template)", ";")
OTHER = Platform("CSV", ";")


def detect(headers: tuple[str, ...]) -> Platform:
    """The platform whose metadata columns `headers` carry (OTHER when none)."""
    keys = [normalised(h) for h in headers]
    if "start time" in keys and "completion time" in keys:
        return MICROSOFT_FORMS
    if keys and keys[0] == "timestamp":
        return GOOGLE_FORMS
    if {"userno", "response id", "respondent id", "started", "ended"} & set(keys):
        return SMARTSURVEY
    if keys and keys[0] == "session":
        return KIT_ENTRY
    return OTHER


# Questions a form's owner added to collect who answered, whatever the platform calls them:
# "Your name (optional)", "Please enter your email", "Contact phone number".
_ASKED = (
    (
        re.compile(
            r"^(please (enter|give|tell us) |what is )?(your )?(full |first |last |sur)?name"
            r"( \(optional\)?)?$"
        ),
        "name",
    ),
    (re.compile(r"\be-?mail\b"), "email address"),
    (re.compile(r"\b(phone|telephone|mobile)( number)?\b"), "phone number"),
    (re.compile(r"\b(employee|staff|payroll|nhs) (number|id)\b"), "respondent id"),
)


def metadata_kind(header: str) -> str | None:
    """What a metadata column holds ("name", "email address", ...), or None for a question.

    Besides each platform's own columns, a question asking for a name, email address, phone
    or staff number counts as one: it identifies people, so it is dropped too.
    """
    key = normalised(header)
    if key in METADATA:
        return METADATA[key]
    return next((kind for pattern, kind in _ASKED if pattern.search(key)), None)


def is_session(header: str) -> bool:
    """True for a column naming the session (workshop, cohort) each response belongs to."""
    return normalised(header) in SESSION_HEADERS


def is_time(header: str) -> bool:
    """True for a per-response time column (its dates go, as a range, in the methods note)."""
    return normalised(header) in _TIME_KEYS


def split_choices(cell: str, platform: Platform) -> list[str]:
    """The choices in one multiple-choice cell ("A;B;" or "A, B"), blanks dropped."""
    return [part.strip() for part in cell.split(platform.separator) if part.strip()]


def answer_date(cell: str, platform: Platform) -> date | None:
    """The calendar date in a timestamp cell, or None when it holds none we can read."""
    text = cell.strip()
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    for pattern in _DATE_PATTERNS:
        found = pattern.search(text)
        if not found:
            continue
        day, month, year = (int(found.group(k)) for k in ("d", "m", "y"))
        if year < 100:
            year += 2000
        try:
            return date(year, month, day)
        except ValueError:
            return None
    return None
