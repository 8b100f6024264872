"""Named exceptions. The CLI and the API translate them at their edge."""


class TieupError(Exception):
    """Base of every error tieup raises on purpose."""


class InputError(TieupError):
    """An input could not be read: it names the file (and line) and the reason."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class UnsupportedLanguage(InputError):
    """The article is in a language tieup has no pipeline for."""


class KBError(TieupError):
    """A knowledge-base file is invalid: the message names the entry."""


class StoreError(TieupError):
    """The database could not be opened or written."""
