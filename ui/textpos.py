"""Offsets between Python strings (code points) and Qt text positions (UTF-16 units)."""

from bisect import bisect_right


class Utf16Map:
    """Maps code-point offsets into `text` to QTextDocument positions and back.

    Core offsets index Python strings; QTextDocument counts QChars, so every
    character outside the Basic Multilingual Plane (emoji, rare CJK) takes two.
    """

    def __init__(self, text: str) -> None:
        self._wide = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._length = len(text)

    def to_qt(self, offset: int) -> int:
        """The Qt position of code-point `offset`."""
        return offset + bisect_right(self._wide, offset - 1)

    def from_qt(self, position: int) -> int:
        """The code-point offset at Qt `position` (inside a surrogate pair: its start)."""
        low, high = 0, self._length
        while low < high:
            mid = (low + high + 1) // 2
            if self.to_qt(mid) <= position:
                low = mid
            else:
                high = mid - 1
        return low
