"""The one error class the parsers raise: bad input, said in a line."""


class ParseError(ValueError):
    """Input the parser cannot read; the message names the file and line if known."""

    def __init__(self, message, *, file=None, line=None):
        self.file = file
        self.line = line
        self.reason = message
        super().__init__(self._format())

    def _format(self):
        where = self.file or ""
        if self.file and self.line:
            where = f"{self.file} line {self.line}"
        return f"{where}: {self.reason}" if where else self.reason

    def in_file(self, file, line=None):
        """The same error, located in a file (kept if already located)."""
        return ParseError(self.reason, file=self.file or file, line=self.line or line)


class DateParseError(ParseError):
    """Text that holds no date the parser can read."""
