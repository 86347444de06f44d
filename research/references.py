"""References to the archive's pages: Chicago style, BibTeX, RIS and CSL-JSON.

A `Reference` holds what every style needs (title, date at its precision, the
page's permanent address, the day of access); the functions format it. Text is
escaped for each format here, so a title with braces or a percent sign cannot
break a BibTeX entry.
"""

import datetime
import json
import re
from dataclasses import dataclass

from core.dates import DatePrecision

SITE = "MTCR Plenary Archive"

FORMATS = {
    "bib": ("application/x-bibtex; charset=utf-8", "bib"),
    "ris": ("application/x-research-info-systems; charset=utf-8", "ris"),
    "json": ("application/vnd.citationstyles.csl+json; charset=utf-8", "json"),
}


@dataclass(frozen=True)
class Reference:
    key: str
    title: str
    url: str
    accessed: datetime.date
    issued: datetime.date | None = None
    precision: str = DatePrecision.DAY
    publisher: str = ""
    container: str = SITE
    note: str = ""
    place: str = ""  # where the meeting a reference is to took place

    @property
    def date_parts(self):
        return _parts(self.issued, self.precision) if self.issued else []


def plenary_reference(plenary, url, accessed):
    return Reference(
        key=f"mtcr-{plenary.slug}",
        title=_title(str(plenary)),
        url=url,
        accessed=accessed,
        issued=plenary.end_date,
        precision=plenary.date_precision,
        place=plenary.place_display,
    )


def paragraph_reference(plenary, paragraph, url, accessed):
    return Reference(
        key=f"mtcr-{plenary.slug}-p{paragraph.number}",
        title=f"{_title(str(plenary))}: public statement, paragraph {paragraph.number}",
        url=url,
        accessed=accessed,
        issued=plenary.end_date,
        precision=plenary.date_precision,
        place=plenary.place_display,
    )


def source_reference(source, url, accessed):
    return Reference(
        key=f"mtcr-source-{source.slug}",
        title=source.title,
        url=url,
        accessed=accessed,
        issued=source.published,
        precision=source.published_precision,
        publisher=source.publisher,
        note=f"Original: {source.url}" if source.url else "",
    )


def _title(text):
    return text[:1].upper() + text[1:]


def chicago_date(day, precision):
    if day is None:
        return "n.d."
    if precision == DatePrecision.YEAR:
        return str(day.year)
    if precision == DatePrecision.MONTH:
        return f"{day:%B} {day.year}"
    return f"{day:%B} {day.day}, {day.year}"


def chicago(reference):
    """Chicago notes and bibliography style, for a web page."""
    parts = [f"“{reference.title}.”", f"{reference.container}."]
    if reference.publisher:
        parts.append(f"{reference.publisher}.")
    parts.append(f"{chicago_date(reference.issued, reference.precision)}.")
    if reference.note:
        parts.append(f"{reference.note}.")
    parts.append(f"{reference.url}.")
    parts.append(f"Accessed {chicago_date(reference.accessed, DatePrecision.DAY)}.")
    return " ".join(parts)


BIBTEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def bibtex_escape(text):
    return "".join(BIBTEX_SPECIALS.get(char, char) for char in " ".join(text.split()))


def bibtex(reference):
    """A biblatex @online entry (readable as BibTeX @misc by older tools)."""
    fields = [("title", "{" + bibtex_escape(reference.title) + "}")]
    fields.append(("organization", bibtex_escape(reference.container)))
    if reference.publisher:
        fields.append(("publisher", bibtex_escape(reference.publisher)))
    if reference.issued:
        fields.append(("date", _iso(reference.issued, reference.precision)))
        fields.append(("year", str(reference.issued.year)))
        if reference.precision != DatePrecision.YEAR:
            fields.append(("month", str(reference.issued.month)))
    fields.append(("url", re.sub(r"[{}\s]", "", reference.url)))
    fields.append(("urldate", reference.accessed.isoformat()))
    if reference.note:
        fields.append(("note", bibtex_escape(reference.note)))
    key = re.sub(r"[^A-Za-z0-9:_.-]", "-", reference.key)
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@online{{{key},\n{body}\n}}\n"


def ris(reference):
    """An RIS record of type ELEC (web page)."""

    def line(tag, value):
        return f"{tag}  - {' '.join(str(value).split())}"

    lines = [line("TY", "ELEC"), line("ID", reference.key)]
    lines.append(line("TI", reference.title))
    lines.append(line("T2", reference.container))
    if reference.publisher:
        lines.append(line("PB", reference.publisher))
    if reference.issued:
        lines.append(line("PY", reference.issued.year))
        parts = [f"{reference.issued.year:04d}", "", "", ""]
        if reference.precision != DatePrecision.YEAR:
            parts[1] = f"{reference.issued.month:02d}"
        if reference.precision == DatePrecision.DAY:
            parts[2] = f"{reference.issued.day:02d}"
        lines.append(line("DA", "/".join(parts)))
    lines.append(line("UR", reference.url))
    lines.append(line("Y2", reference.accessed.strftime("%Y/%m/%d")))
    if reference.note:
        lines.append(line("N1", reference.note))
    lines.append("ER  - ")
    return "\r\n".join(lines) + "\r\n"


def csl_item(reference):
    item = {
        "id": reference.key,
        "type": "webpage",
        "title": reference.title,
        "container-title": reference.container,
        "URL": reference.url,
        "accessed": {"date-parts": [_parts(reference.accessed, DatePrecision.DAY)]},
    }
    if reference.issued:
        item["issued"] = {"date-parts": [reference.date_parts]}
    if reference.publisher:
        item["publisher"] = reference.publisher
    if reference.note:
        item["note"] = reference.note
    if reference.place:
        item["event-place"] = reference.place
    return item


def csl_json(reference):
    """CSL-JSON: a list with one item, as reference managers import it."""
    return json.dumps([csl_item(reference)], ensure_ascii=False, indent=2) + "\n"


def render(reference, file_format):
    return {"bib": bibtex, "ris": ris, "json": csl_json}[file_format](reference)


def _parts(day, precision):
    return [day.year, day.month, day.day][: {"year": 1, "month": 2}.get(precision, 3)]


def _iso(day, precision):
    return {
        DatePrecision.YEAR: f"{day.year:04d}",
        DatePrecision.MONTH: f"{day.year:04d}-{day.month:02d}",
    }.get(precision, day.isoformat())
