"""The kit's own feedback and evaluation forms as lists of questions, for tying export
columns to a question's id and wording.

Owns turning a worksheet's rating and writing blocks into questions; a worksheet is a form
when it has rating rows (`ticks`) or a numeric `scale`.
"""

from __future__ import annotations

from dataclasses import dataclass

from compassion_kit.library import Library
from compassion_kit.model import Worksheet


@dataclass(frozen=True)
class FormQuestion:
    """One question of a form: `q1`, `q2`... in the order printed; 'why' boxes are `q1-why`."""

    form_id: str
    id: str
    text: str
    options: tuple[str, ...] = ()  # tick-box options, best first; () for writing boxes
    explains: str | None = None  # for a 'why' box: the id of the rated question


def form_questions(worksheet: Worksheet) -> list[FormQuestion]:
    """Every question of `worksheet` in order; [] when it has no rating rows or scales."""
    questions: list[FormQuestion] = []
    for block in worksheet.blocks:
        if block.audience != "participant":
            continue
        if block.kind == "ticks":
            for row in block.rows:
                number = _next(questions)
                questions.append(FormQuestion(worksheet.id, number, row, tuple(block.options)))
                if block.why:
                    questions.append(
                        FormQuestion(worksheet.id, f"{number}-why", "Why?", explains=number)
                    )
        elif block.kind == "scale":
            points = tuple(str(n) for n in range(block.high, block.low - 1, -1))
            questions.append(FormQuestion(worksheet.id, _next(questions), block.prompt, points))
        elif block.kind == "writing":
            questions.append(FormQuestion(worksheet.id, _next(questions), block.prompt))
    if not any(q.options for q in questions):
        return []
    return questions


def forms(library: Library) -> dict[str, list[FormQuestion]]:
    """Every feedback or evaluation form in the library by id: worksheets with rating
    questions whose id or title says "feedback" or "evaluation"."""
    found = {}
    for item in library.items("worksheet"):
        if isinstance(item, Worksheet) and _is_feedback(item):
            questions = form_questions(item)
            if questions:
                found[item.id] = questions
    return found


def _is_feedback(item: Worksheet) -> bool:
    words = f"{item.id} {item.title}".casefold()
    return "feedback" in words or "evaluation" in words


def _next(questions: list[FormQuestion]) -> str:
    return f"q{sum(1 for q in questions if q.explains is None) + 1}"
