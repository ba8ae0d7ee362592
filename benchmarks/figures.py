"""The Markdown table of the benchmark's figures against their targets (issue 12 item 7)."""

from __future__ import annotations

import statistics

from measure import Series


def paired_ratio(series: dict[str, Series], a: str, b: str) -> float | None:
    """Median of the per-round ratios a/b (each pair ran back to back)."""
    if a not in series or b not in series:
        return None
    pairs = zip(series[a].runs, series[b].runs, strict=True)
    return statistics.median(x.seconds / y.seconds for x, y in pairs)


def verdict(value: float | None, target: float) -> str:
    if value is None:
        return "not measured"
    return "met" if value <= target else "**not met**"


def table(s: dict[str, Series], slides: dict[str, int], orgs: int) -> list[str]:
    """The Markdown table for the README: one row per figure, with its target."""
    rows = ["| figure | median | target | |", "| --- | --- | --- | --- |"]

    def row(text: str, value: str, target: str, met: str) -> None:
        rows.append(f"| {text} | {value} | {target} | {met} |")

    if "help" in s:
        base = s["python"].median
        row(
            f"`kit --help` (`python -c pass`: {base:.3f} s)",
            f"{s['help'].median:.3f} s",
            "≤ 0.12 s",
            verdict(s["help"].median, 0.12),
        )
    if "pack" in s:
        row(
            f"one full pack: {slides.get('pack', '?')}-slide deck, both agendas, "
            "15 worksheets and handouts",
            f"{s['pack'].median:.3f} s",
            "≤ 1.2 s",
            verdict(s["pack"].median, 1.2),
        )
    if "deck-kit" in s:
        row(
            f"every deck module in one deck ({slides.get('kit', '?')} slides), `kit build-deck`",
            f"{s['deck-kit'].median:.3f} s",
            "",
            "",
        )
    if "deck-pandoc" in s:
        ratio = paired_ratio(s, "deck-kit", "deck-pandoc")
        row(
            f"the same {slides.get('pandoc', '?')} slides and notes from Markdown, "
            "`pandoc --reference-doc templates/deck.pptx`",
            f"{s['deck-pandoc'].median:.3f} s",
            "",
            "",
        )
        row(
            "kit / pandoc (median of back-to-back pairs)",
            f"{ratio:.2f}×",
            "≤ 1.5×",
            verdict(ratio, 1.5),
        )
    if "batch-kit" in s:
        kit = s["batch-kit"]
        row(
            f"{orgs} organisation packs, `kit build --orgs … --jobs 2`",
            f"{kit.median:.1f} s",
            "≤ 25 s for 200",
            verdict(kit.median, 25.0) if orgs == 200 else "not comparable",
        )
        plain, ratio = s["batch-plain"], paired_ratio(s, "batch-kit", "batch-plain")
        row(
            "the same files, a plain python-pptx/python-docx loop, 2 processes",
            f"{plain.median:.1f} s",
            "",
            "",
        )
        row(
            "kit / plain loop (median of back-to-back pairs)",
            f"{ratio:.2f}×",
            "≤ 1×",
            verdict(ratio, 1.0),
        )
        row(
            "peak memory of the largest kit process in the batch (plain loop: "
            f"{plain.peak_mib or 0:.0f} MiB)",
            f"{kit.peak_mib or 0:.0f} MiB",
            "≤ 150 MiB",
            verdict(kit.peak_mib, 150.0),
        )
    return rows
