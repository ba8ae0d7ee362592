"""Load an organisation profile and check its colours can be read against white.

Owns the profile file; decoding the logo image is `logo.py`'s business.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from compassion_kit.branding import AA_NORMAL, WHITE, contrast_ratio, names_organisation
from compassion_kit.errors import ContentError, Location, Problem
from compassion_kit.loading import YamlDocument, read_yaml
from compassion_kit.model import DEFAULT_ORGANISATION, Organisation
from compassion_kit.model.validate import validate_parts

# Colours used for text on white (headings, figures) must reach AA for normal text.
TEXT_COLOURS = ("primary", "secondary")


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

    Raises:
        ContentError: the profile cannot be read, has invalid fields, or a text colour
            fails 4.5:1 contrast against white (each problem names the line).
    """
    if path is None:
        return DEFAULT_BRAND
    brand, problems = read_brand(Path(path))
    if problems or brand is None:
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
    """The brand in `doc` (a profile file or a CSV row) and all of its problems.

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
    """Problems a valid profile can still have: unreadable text colours, vague logo alt text,
    a survey link too long for the closing slide's QR code."""
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
            f"the logo's alt text does not name the organisation ('{organisation.name}')",
            brand.locate("logo_alt"),
            field="logo_alt",
            hint=f'screen readers read it out instead of the logo: e.g. "{organisation.name} logo"',
        )
    ]


def colour_problems(brand: Brand) -> list[Problem]:
    """A problem for each text colour below 4.5:1 against white, with the measured ratio."""
    problems = []
    for name in TEXT_COLOURS:
        colour = getattr(brand.organisation.colours, name)
        ratio = contrast_ratio(colour, WHITE)
        if ratio < AA_NORMAL:
            problems.append(
                Problem(
                    f"{colour} on white has a contrast of {ratio:.2f}:1; text needs at least 4.5:1",
                    brand.locate(f"colours.{name}"),
                    field=f"colours.{name}",
                    hint="choose a darker shade (NHS Blue #005EB8 is 6.38:1, Dark Blue #003087 "
                    "11.85:1); light colours belong in 'accent', used only as fills",
                )
            )
    return problems
