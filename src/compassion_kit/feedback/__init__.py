"""`kit feedback`: survey exports (Microsoft Forms, Google Forms, SmartSurvey, the kit's own
data-entry CSV) turned into a branded summary deck, an accessible report and results.json.

Reading is `exports`/`platforms`, understanding columns `columns`/`scales`/`forms`, counting
`figures`, privacy `privacy`, planning charts `plan`; writing is in render/pptx and render/docx.
"""

from compassion_kit.feedback.report import (
    FeedbackOptions,
    FeedbackResult,
    analyse,
    build_feedback,
    results_json,
)
from compassion_kit.feedback.template import write_entry_template

__all__ = [
    "FeedbackOptions",
    "FeedbackResult",
    "analyse",
    "build_feedback",
    "results_json",
    "write_entry_template",
]
