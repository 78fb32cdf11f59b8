"""Errors raised by the nlp library when input cannot be used."""


class UnreadableInput(ValueError):
    """The input cannot be read; the message is a sentence fit to show to the user.

    `template` and `params` (``template.format(**params)`` is the message) let an interface
    translate a message that carries values."""

    def __init__(self, message: str, *, template: str | None = None, params: dict | None = None):
        super().__init__(message)
        self.template = template or message
        self.params = params or {}

    @classmethod
    def formatted(cls, template: str, **params) -> "UnreadableInput":
        return cls(template.format(**params), template=template, params=params)
