"""The forms of the path: adding a document, and deciding on what was read."""

import re

from django import forms
from django.conf import settings

from evidence.models import SourceDocument
from ingest import names
from ingest.catalogue import CONTROL, parse_published, read_catalogue
from ingest.decisions import corrected, fact_name
from ingest.errors import ParseError

from .extract import MAX_BYTES, TYPES, Refused, clean_text, text_of_upload
from .models import Submission


class SubmissionForm(forms.ModelForm):
    """The catalogue data, and the text: pasted, or read from an uploaded file."""

    text = forms.CharField(
        label="Text (pasted)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 16, "cols": 100}),
        help_text="Paste the text, or upload a file below.",
    )
    url = forms.URLField(
        label="Original address", required=False, max_length=500, assume_scheme="https"
    )
    upload = forms.FileField(
        label="…or upload a file",
        required=False,
        help_text=f"{', '.join(TYPES)}, at most {MAX_BYTES // 1024 // 1024} MB. "
        "HTML is cleaned to text, a PDF's text is extracted; the file itself is "
        "not kept.",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(TYPES)}),
    )

    class Meta:
        model = Submission
        fields = ["title", "kind", "publisher", "published", "url", "plenary", "text"]

    def clean_published(self):
        value = self.cleaned_data["published"].strip()
        if value and parse_published(value) is None:
            raise forms.ValidationError(
                "Give the date as YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2031-10-17)."
            )
        return value

    def clean_plenary(self):
        value = self.cleaned_data["plenary"].strip()
        if value and not re.fullmatch(r"\d{4}-[a-z0-9-]+", value):
            raise forms.ValidationError("A plenary's slug, such as 2022-montreux.")
        return value

    def clean(self):
        cleaned = super().clean()
        for name in ("title", "publisher", "url"):
            if CONTROL.search(cleaned.get(name) or ""):
                self.add_error(name, "Holds a control character the archive refuses.")
        upload, pasted = cleaned.get("upload"), cleaned.get("text") or ""
        if upload and pasted.strip() and self.instance.pk is None:
            raise forms.ValidationError("Paste the text or upload a file, not both.")
        try:
            if upload:
                cleaned["text"] = text_of_upload(upload)
            elif pasted.strip():
                cleaned["text"] = clean_text(pasted)
            elif not self.instance.text:
                raise forms.ValidationError("Paste the text or upload a file.")
            else:
                cleaned["text"] = self.instance.text
        except Refused as refused:
            self.add_error("upload" if upload else "text", str(refused))
        return cleaned

    def save(self, commit=True):
        submission = super().save(commit=False)
        submission.set_text(self.cleaned_data["text"])
        if not submission.file_name:
            submission.file_name = free_file_name(submission)
        if commit:
            submission.save()
        return submission


def free_file_name(submission):
    """A file name for sources/ that no document nor other submission has."""
    stem = names.slugify(submission.title)[:70].strip("-") or "document"
    try:
        taken = {entry.file for entry in read_catalogue(settings.SOURCES_DIR)}
    except ParseError:
        taken = set()
    taken |= set(SourceDocument.objects.values_list("file_name", flat=True))
    taken |= set(Submission.objects.values_list("file_name", flat=True))
    name, number = f"{stem}.txt", 1
    while name in taken:
        number += 1
        name = f"{stem}-{number}.txt"
    return name


class ReviewForm(forms.Form):
    """A decision on each fact read: accept (the default) or reject, and for the
    meeting's own facts, each of its chairs and each passage's resolutions a
    corrected value; "keep as a source only" for a document
    whose facts are to be entered by hand."""

    DECISIONS = [("accept", "accept"), ("reject", "reject")]

    source_only = forms.BooleanField(
        label="Keep it as a source only (no fact read from it is published)",
        required=False,
    )

    def __init__(self, *args, items, decisions, year=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.items, self.year = items, year
        self.fields["source_only"].initial = (
            decisions.get("document", {}).get("action") == "reject"
        )
        for number, item in enumerate(items):
            decision = decisions.get(item.path, {})
            self.fields[f"decision-{number}"] = forms.ChoiceField(
                choices=self.DECISIONS,
                initial="reject" if decision.get("action") == "reject" else "accept",
                label=f"{item.label} ({item.path})",
            )
            if item.correctable:
                self.fields[f"value-{number}"] = forms.CharField(
                    required=False,
                    initial=decision.get("value", item.value),
                    label=f"{item.label}: value",
                    max_length=300,
                    widget=forms.TextInput(attrs={"size": 50}),
                )

    def decision_field(self, number):
        return self[f"decision-{number}"]

    def value_field(self, number):
        name = f"value-{number}"
        return self[name] if name in self.fields else None

    def clean(self):
        cleaned = super().clean()
        for number, item in enumerate(self.items):
            value = cleaned.get(f"value-{number}")
            rejected = cleaned.get(f"decision-{number}") == "reject"
            if value is None or rejected or " ".join(value.split()) == item.value:
                continue
            try:
                corrected(fact_name(item.path), value, self.year)
            except ValueError as error:
                self.add_error(f"value-{number}", str(error))
        return cleaned

    def decisions(self):
        """{path: decision} of the valid form: only rejections and corrections."""
        decisions = {}
        if self.cleaned_data.get("source_only"):
            decisions["document"] = {"action": "reject"}
        for number, item in enumerate(self.items):
            if self.cleaned_data.get(f"decision-{number}") == "reject":
                decisions[item.path] = {"action": "reject", "parsed": item.value}
                continue
            value = " ".join((self.cleaned_data.get(f"value-{number}") or "").split())
            if value and value != item.value:
                decisions[item.path] = {
                    "action": "correct",
                    "value": value,
                    "parsed": item.value,
                }
        return decisions
