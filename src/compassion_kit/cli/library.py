"""`kit list`, `kit show` and `kit validate`: reading the content library, nothing built."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from compassion_kit.cli._app import ContentOpt, JsonOpt, run, usage


def list_items(
    kind: Annotated[str | None, typer.Option(help="deck, agenda, worksheet or handout")] = None,
    element: Annotated[str | None, typer.Option(help="intro, 1, 2, 3, 4 or related")] = None,
    as_json: JsonOpt = False,
    content: ContentOpt = None,
) -> None:
    """List every item the kit can produce.

    Example: kit list --kind deck
    """
    from compassion_kit import build, console, show

    if kind not in (None, "deck", "agenda", "worksheet", "handout"):
        usage(f"--kind must be deck, agenda, worksheet or handout, not '{kind}'")
    if element not in (None, "intro", "1", "2", "3", "4", "related"):
        usage(f"--element must be intro, 1, 2, 3, 4 or related, not '{element}'")
    library = run(lambda: build.load_library(content or []))
    rows = [
        show.listing_row(i)
        for i in library.items()
        if (kind is None or i.kind == kind) and (element is None or i.element == element)
    ]
    if as_json:
        console.json_out(rows)
    else:
        console.table(
            "compassion-kit library",
            ["id", "kind", "element", "title", "size"],
            [[r["id"], r["kind"], r["element"], r["title"], r["size"]] for r in rows],
        )


def show(
    item_id: Annotated[str, typer.Argument(metavar="ID", help="Item id from `kit list`.")],
    content: ContentOpt = None,
) -> None:
    """Show a readable outline of one item (slides with notes, timed sessions...).

    Example: kit show improvement-planning
    """
    from compassion_kit import build, console
    from compassion_kit import show as views

    def work() -> str:
        library = build.load_library(content or [])
        build.require_ids(library, [item_id])
        from compassion_kit.requests import slide_titles

        return views.outline(library.get(item_id), slide_titles(library))

    console.markdown_outline(run(work))


def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Content folders/files or organisation profiles (default: the bundled library)."
        ),
    ] = None,
    content: ContentOpt = None,
) -> None:
    """Check content files and organisation profiles; report every problem with file:line.

    Example: kit validate my-content/ examples/wye-valley/org.yaml
    """
    from compassion_kit import build, console

    for line in run(lambda: build.validate(paths or [], content or [])):
        if ": warning: " in line:  # a profile's warning, already `path:line: warning: ...`
            console.info(line)
        else:
            console.success(line)
