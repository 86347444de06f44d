"""The filter forms' widgets, written out in Python.

Django renders a widget through templates: one include per <option> and per
attribute list. A filter form listing the host countries took a quarter of the
plenary list's time that way. The renderer here writes the widgets filter forms
use (inputs, selects, checkboxes) directly, to the same HTML as Django's own
templates (django/forms/templates/django/forms/widgets/), and leaves every other
template to Django. Forms opt in with `default_renderer = renderer`.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.choices import BaseChoiceIterator
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe

WIDGETS = "django/forms/widgets/"


def _value(value):
    """{{ value }}: localized, then escaped unless already safe."""
    return conditional_escape(localize(value))


def _string(value):
    """{{ value|stringformat:'s' }}: the filter keeps a safe value safe, and the
    template escapes anything else."""
    try:
        text = "%s" % value  # noqa: UP031 - the filter's own formatting
    except (TypeError, ValueError):
        return ""
    return conditional_escape(mark_safe(text) if isinstance(value, SafeData) else text)


def _attrs(attrs):
    """attrs.html: `True` writes the bare name, `False` leaves the attribute out."""
    return "".join(
        f" {_value(name)}" if value is True else f' {_value(name)}="{_string(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _input(widget):
    value = "" if widget["value"] is None else f' value="{_string(widget["value"])}"'
    return (
        f'<input type="{_value(widget["type"])}" name="{_value(widget["name"])}"'
        f"{value}{_attrs(widget['attrs'])}>"
    )


def _input_option(widget):
    """input_option.html: a checkbox or radio button, in its label if wrapped."""
    if not widget.get("wrap_label"):
        return _input(widget)
    label_for = widget["attrs"].get("id")
    label_for = f' for="{_value(label_for)}"' if label_for else ""
    return f"<label{label_for}>{_input(widget)}\n {_value(widget['label'])}</label>"


def _option(option):
    return (
        f'<option value="{_string(option["value"])}"{_attrs(option["attrs"])}>'
        f"{_value(option['label'])}</option>\n"
    )


def _select(widget):
    parts = [f'<select name="{_value(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_value(group_name)}">')
        parts.extend(f"\n  {_option(option)}" for option in options)
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


WRITERS = {
    **{
        f"{WIDGETS}{name}.html": _input
        for name in (
            "input",
            "text",
            "number",
            "email",
            "url",
            "password",
            "search",
            "date",
            "datetime",
            "time",
            "hidden",
            "checkbox",
        )
    },  # fmt: skip
    f"{WIDGETS}checkbox_option.html": _input_option,
    f"{WIDGETS}radio_option.html": _input_option,
    f"{WIDGETS}input_option.html": _input_option,
}


class WidgetRenderer(DjangoTemplates):
    """Django's template renderer, with the common widgets written in Python."""

    def render(self, template_name, context, request=None):
        widget = context.get("widget") if isinstance(context, dict) else None
        if widget is not None:
            if template_name in WRITERS:
                return WRITERS[template_name](widget).strip()
            if template_name == f"{WIDGETS}select.html" and all(
                option["template_name"] == f"{WIDGETS}select_option.html"
                for _name, options, _index in widget["optgroups"]
                for option in options
            ):
                return _select(widget).strip()
        return super().render(template_name, context, request)


# One instance: its template engine, for whatever it leaves to Django, is built once.
renderer = WidgetRenderer()


class RowChoices(BaseChoiceIterator):
    """A dropdown's options as (value, label) rows of a values_list() queryset, after
    an empty choice, read when the widget lists them: a ModelChoiceField's own
    choices build a model instance per option. The field's queryset still
    validates what is chosen."""

    def __init__(self, rows, empty_label):
        self.rows = rows
        self.empty_label = empty_label

    def __iter__(self):
        yield ("", self.empty_label)
        yield from self.rows
