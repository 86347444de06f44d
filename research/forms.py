from django import forms

from .trends import MAX_PHRASE, clean_phrase

DATE_FORMATS = ["%Y-%m-%d"]


class PhraseForm(forms.Form):
    q = forms.CharField(
        label="Word or phrase",
        max_length=MAX_PHRASE,
        required=False,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": "e.g. catch-all"}
        ),
    )

    def clean_q(self):
        value = self.cleaned_data["q"]
        if value.strip() and not clean_phrase(value):
            raise forms.ValidationError("Enter a word or a phrase with letters in it.")
        return clean_phrase(value)


class DayForm(forms.Form):
    date = forms.DateField(
        label="Date",
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="YYYY-MM-DD",
    )
    compare = forms.DateField(
        label="Compare with (optional)",
        input_formats=DATE_FORMATS,
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="YYYY-MM-DD",
    )
