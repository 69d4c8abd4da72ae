"""Fast character scans shared by the quote and sentence finders."""


def char_offsets(text: str, chars: str) -> list[int]:
    """Sorted offsets of every occurrence in `text` of any character of `chars`.

    A str.find pass per character is several times faster than `re` scanning for a
    character class (issue 3: speed).
    """
    found = []
    for char in chars:
        i = text.find(char)
        while i >= 0:
            found.append(i)
            i = text.find(char, i + 1)
    found.sort()
    return found
