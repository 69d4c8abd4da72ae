"""The exceptions whose text is shown to the user as is."""


class BriefingError(Exception):
    """A problem the user can act on; its message is one sentence for a person."""


class InputError(BriefingError):
    """An input file, URL or text that cannot be imported."""


class NotFoundError(BriefingError):
    """A source, brief, section or item id that does not exist."""


class IntegrityError(BriefingError):
    """A quote or anchor that does not match its source."""


class ConflictError(BriefingError):
    """An edit based on a stale version of a brief."""


class ExportError(BriefingError):
    """An export that cannot be written as asked."""


class StorageError(BriefingError):
    """The library database cannot be opened or migrated."""
