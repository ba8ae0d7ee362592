"""Each deck gets its own copy of the template python-pptx parsed once per process."""

from __future__ import annotations

import io

from compassion_kit.paths import templates_dir
from compassion_kit.render.pptx import template


def _saved(prs: object) -> bytes:
    out = io.BytesIO()
    prs.save(out)  # type: ignore[attr-defined]
    return out.getvalue()


def test_open_template_copies_one_parse_and_copies_do_not_share_changes() -> None:
    path = templates_dir() / "deck.pptx"
    template._parsed.cache_clear()
    first = template.open_template(path)
    untouched = _saved(template.open_template(path))
    first.slides.add_slide(first.slide_layouts[0]).shapes.title.text = "changed"
    first.core_properties.title = "changed"
    again = template.open_template(path)
    assert template._parsed.cache_info().misses == 1  # parsed once, copied three times
    assert again is not first and len(again.slides) == len(first.slides) - 1
    assert _saved(again) == untouched
