"""The one error class the parsers raise: bad input, said in a line."""

import re


class ParseError(ValueError):
    """Input the parser cannot read; the message names the file and line if known."""

    def __init__(self, message, *, file=None, line=None, passage=""):
        self.file = file
        self.line = line
        self.reason = message
        self.passage = passage  # the text at fault, to find its line
        super().__init__(self._format())

    def _format(self):
        where = self.file or ""
        if self.file and self.line:
            where = f"{self.file} line {self.line}"
        return f"{where}: {self.reason}" if where else self.reason

    def in_file(self, file, text=""):
        """The same error, located in a file (and at the line of its passage)."""
        line = self.line
        if line is None and self.passage and text:
            line = _line_of(text, self.passage)
        return type(self)(self.reason, file=self.file or file, line=line)


def _line_of(text, passage):
    """The line a passage (whitespace normalised) starts on in a text, or None."""
    words = passage.split()[:6]
    if not words:
        return None
    pattern = r"\s+".join(re.escape(word) for word in words)
    match = re.search(pattern, text)
    return text.count("\n", 0, match.start()) + 1 if match else None


class DateParseError(ParseError):
    """Text that holds no date the parser can read."""
