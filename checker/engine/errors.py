"""The error every input file of the engine raises when it cannot be used (packs, waivers, baselines)."""

from __future__ import annotations


class ProblemsError(Exception):
    """A file that cannot be used; ``problems`` lists every reason, each naming the file (and key)."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems
