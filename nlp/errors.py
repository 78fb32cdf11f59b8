"""Errors raised by the nlp library when input cannot be used."""


class UnreadableInput(ValueError):
    """The input cannot be read; the message is a sentence fit to show to the user."""
