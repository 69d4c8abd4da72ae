"""Brief templates: their sections, in order, with length budgets where convention sets one."""

from dataclasses import dataclass


@dataclass(frozen=True)
class SectionSpec:
    """A section a template starts with; `budget_lines` caps its printed length."""

    title: str
    budget_lines: int | None = None
    hint: str = ""


# A bottom line is read first and alone: four lines at most (issue 4).
TEMPLATES: dict[str, tuple[SectionSpec, ...]] = {
    "standard": (
        SectionSpec("Bottom line", 4, "The one thing the reader must take away."),
        SectionSpec("Background", None, "What led here."),
        SectionSpec("Key points", None, "Facts, each with its source."),
        SectionSpec("What they said", None, "Verbatim quotes."),
        SectionSpec("Outlook", None, "What happens next."),
    ),
    "one-pager": (
        SectionSpec("Bottom line", 4, "The one thing the reader must take away."),
        SectionSpec("Key points", None, "Facts, each with its source."),
        SectionSpec("What they said", None, "Verbatim quotes."),
    ),
    "memo": (
        SectionSpec("Issue", 2, "The question this memo answers."),
        SectionSpec("Bottom line", 4, "The answer, first."),
        SectionSpec("Background", None, "What led here."),
        SectionSpec("Recommendation", None, "What the reader should do."),
    ),
}


def template_sections(name: str) -> tuple[SectionSpec, ...]:
    """The sections of template `name`; raises KeyError for an unknown name."""
    return TEMPLATES[name]
