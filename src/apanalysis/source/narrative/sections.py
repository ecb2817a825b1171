"""The narrative's parts: before the task sections, one section per task, after them."""

from __future__ import annotations

from dataclasses import dataclass, field

from apanalysis.source.narrative.text import Block, Sentence, block_sentences, task_heading


@dataclass
class TaskSection:
    """A task heading and the sentences below it."""

    task: int
    title: str
    line: int
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class Sections:
    """The narrative split into before-tasks, task sections and after-tasks sentences."""

    before: list[Sentence] = field(default_factory=list)
    tasks: list[TaskSection] = field(default_factory=list)
    after: list[Sentence] = field(default_factory=list)


def split_sections(blocks: list[Block]) -> Sections:
    """Assign every sentence to the part before the tasks, a task section, or the part after.

    A task section ends at the next heading of any level: the report's layout has no headings
    inside a task section, and converted PDFs give headings of one rank different Markdown
    levels (in 2020 the task headings are at levels 3, 2, 2 and 4), so levels are not compared.
    """
    sections = Sections()
    current: TaskSection | None = None
    for block in blocks:
        if block.kind == "heading":
            found = task_heading(block.text)
            if found:
                current = TaskSection(found[0], found[1], block.line)
                sections.tasks.append(current)
                continue
            current = None
        if current is not None:
            current.sentences.extend(block_sentences(block, current.task))
        elif block.kind != "heading":
            target = sections.after if sections.tasks else sections.before
            target.extend(block_sentences(block))
    return sections
