"""Path converters: a real calendar date, and a reference file format."""

import datetime


class DateConverter:
    """YYYY-MM-DD that is a real day: 2011-02-30 does not match, so it is a 404."""

    regex = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"

    def to_python(self, value):
        return datetime.date.fromisoformat(value)

    def to_url(self, value):
        if isinstance(value, str):
            value = datetime.date.fromisoformat(value)
        return value.isoformat()


class ReferenceFormatConverter:
    regex = "bib|ris|json"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
