"""What is wrong with something a person typed, said so they can put it right.

Every form's checks raise a subclass of FieldProblem naming the form field, so a page can mark that field and keep
what was typed; the message is written for the person, not for a log.
"""

from __future__ import annotations


class FieldProblem(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
