"""The form a reader reports an error with."""

from django import forms
from django.core.validators import URLValidator

from .models import ErrorReport
from .records import MAX_PATH_LENGTH, reported_record


class ErrorReportForm(forms.ModelForm):
    """What is wrong, the evidence and an address to reply to; the record comes
    from the page the reader came from. `website` is a trap for robots, hidden
    from people by the stylesheet: a report that fills it is discarded."""

    page = forms.CharField(max_length=MAX_PATH_LENGTH, widget=forms.HiddenInput)
    text = forms.CharField(
        label="What is wrong",
        min_length=10,
        max_length=5000,
        help_text="What the page says, and what it should say (10 to 5,000 "
        "characters).",
        widget=forms.Textarea(attrs={"rows": 8, "cols": 60}),
    )
    evidence_url = forms.URLField(
        label="Evidence (optional)",
        required=False,
        max_length=500,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
        help_text="The address of a document that shows it (http or https).",
        widget=forms.URLInput(attrs={"size": 60}),
    )
    email = forms.EmailField(
        label="Your e-mail (optional)",
        required=False,
        max_length=254,
        help_text="Only the archive's staff see it, to ask you about the report.",
        widget=forms.EmailInput(attrs={"size": 40}),
    )
    website = forms.CharField(
        label="Leave this field empty",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = ErrorReport
        fields = ["text", "evidence_url", "email"]

    def clean_page(self):
        path, self.instance.record = reported_record(self.cleaned_data["page"])
        self.instance.page = path
        return path

    @property
    def from_a_robot(self):
        """Whether the hidden field was filled in, as only a robot would."""
        return bool(self.cleaned_data.get("website"))
