"""Load an organisation profile and say how its colours and names will be used.

Owns the profile file; decoding the logo image is `logo.py`'s business.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from compassion_kit.branding import WHITE, contrast_ratio, names_organisation
from compassion_kit.colours import read_colour
from compassion_kit.errors import ContentError, Location, Problem
from compassion_kit.loading import YamlDocument, read_yaml
from compassion_kit.model import DEFAULT_ORGANISATION, Organisation
from compassion_kit.model.validate import validate_parts

# Colours used for text on white (headings, figures): shown darker when below AA for text.
TEXT_COLOURS = ("primary", "secondary")
COLOURS = ("primary", "secondary", "accent")


def errors_among(problems: list[Problem]) -> list[Problem]:
    """The problems that stop a build (not the warnings)."""
    return [p for p in problems if p.severity == "error"]


@dataclass(frozen=True)
class Brand:
    """An organisation profile plus where it came from, for messages and the logo path."""

    organisation: Organisation
    profile_path: Path | None = None
    doc: YamlDocument | None = None

    @property
    def logo_path(self) -> Path | None:
        """The logo file, resolved relative to the profile; None when there is no logo."""
        logo = self.organisation.logo
        if logo is None:
            return None
        base = self.profile_path.parent if self.profile_path else Path.cwd()
        return (base / logo).resolve()

    def locate(self, field: str) -> Location:
        """File, line and column of a profile field (the file alone if unknown)."""
        if self.doc is None:
            return Location(self.profile_path)
        return self.doc.locate(tuple(field.split(".")))


DEFAULT_BRAND = Brand(DEFAULT_ORGANISATION)


def load_brand(path: Path | None) -> Brand:
    """The brand for `--org PATH`, or the default NHS-style brand when `path` is None.

    Warnings (a colour too light for text, alt text without the name) do not stop it; use
    `read_brand` to hear them.

    Raises:
        ContentError: the profile cannot be read or has invalid fields (each problem names
            the line).
    """
    if path is None:
        return DEFAULT_BRAND
    brand, problems = read_brand(Path(path))
    if errors_among(problems) or brand is None:
        raise ContentError(problems)
    return brand


def read_brand(path: Path) -> tuple[Brand | None, list[Problem]]:
    """The profile at `path` and every problem in it, found in one go.

    With mistakes in its fields, the brand is read from the fields that are fine, so its
    colours and logo can still be checked in the same run (it is for checking only).

    Raises:
        ContentError: the file cannot be read as YAML.
    """
    return check_profile(read_yaml(path), path)


def check_profile(doc: YamlDocument, path: Path) -> tuple[Brand | None, list[Problem]]:
    """The brand in `doc` (a profile file or a CSV row) and all of its problems and warnings.

    A wrong name stands in as "organisation" while the colours are checked; the logo's alt
    text is then not compared with it.
    """
    organisation, problems = validate_parts(doc, Organisation, stand_ins={"name": "organisation"})
    if organisation is None:
        return None, problems
    brand = Brand(organisation, path, doc)
    if any(p.field == "name" for p in problems):
        return brand, problems + colour_problems(brand)
    return brand, problems + profile_problems(brand)


def profile_problems(brand: Brand) -> list[Problem]:
    """Problems a valid profile can still have: a survey link too long for the closing slide's
    QR code (an error); colours read from another notation or too light for text, and logo alt
    text without the organisation's name (warnings)."""
    return colour_problems(brand) + _alt_text_problems(brand) + _survey_qr_problems(brand)


def _survey_qr_problems(brand: Brand) -> list[Problem]:
    from compassion_kit.qr import too_long_for_qr

    url = brand.organisation.survey_url
    why = too_long_for_qr(url) if url else None
    if why is None:
        return []
    return [
        Problem(
            f"the survey link cannot be made into a QR code: {why}",
            brand.locate("survey_url"),
            field="survey_url",
            hint="use a shorter link (most survey tools offer one), or leave survey_url out",
        )
    ]


def _alt_text_problems(brand: Brand) -> list[Problem]:
    organisation = brand.organisation
    alt = organisation.logo_alt
    if not alt or names_organisation(alt, organisation.name, organisation.short_name):
        return []
    return [
        Problem(
            f"the logo's alt text does not name the organisation ('{organisation.name}'); "
            "it is used as written",
            brand.locate("logo_alt"),
            field="logo_alt",
            hint=f'screen readers read it out instead of the logo: e.g. "{organisation.name} logo"',
            severity="warning",
        )
    ]


def colour_problems(brand: Brand) -> list[Problem]:
    """Warnings: each colour written in another notation (with what it was read as), and each
    text colour below 4.5:1 on white (with the darker shade text uses instead)."""
    colours = brand.organisation.colours
    problems = [_echo(brand, name, getattr(colours, name)) for name in COLOURS]
    found = [p for p in problems if p is not None]
    for name in TEXT_COLOURS:
        colour, shade = getattr(colours, name), getattr(colours, f"{name}_text")
        if shade == colour:
            continue
        found.append(
            Problem(
                f"{colour} on white has a contrast of {contrast_ratio(colour, WHITE):.2f}:1, too "
                f"low for text: text uses the darker shade {shade} "
                f"({contrast_ratio(shade, WHITE):.2f}:1), fills, rules and charts keep {colour}",
                brand.locate(f"colours.{name}"),
                field=f"colours.{name}",
                hint="to choose the text shade yourself, give a darker colour here and put "
                "the light one in 'accent'",
                severity="warning",
            )
        )
    return found


def _echo(brand: Brand, name: str, colour: str) -> Problem | None:
    """A note when the colour was written other than as #RRGGBB, saying what it was read as."""
    data = brand.doc.data if brand.doc is not None else None
    written = data.get("colours") if isinstance(data, dict) else None
    raw = written.get(name) if isinstance(written, dict) else None
    if not isinstance(raw, str) or raw.strip().upper() == colour:
        return None
    try:
        if read_colour(raw) != colour:  # a mistake left out: the default stands in
            return None
    except ValueError:
        return None
    return Problem(
        f"'{raw.strip()}' read as {colour}",
        brand.locate(f"colours.{name}"),
        field=f"colours.{name}",
        severity="warning",
    )
