"""Rendering made faster shows the same thing: Markdown, filter widgets and links."""

import sys
from concurrent.futures import ThreadPoolExecutor

import markdown
import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.http import QueryDict

from annex.filters import AnnexRevisionFilter
from core.templatetags.markdown import render_markdown, sanitize
from core.templatetags.records import links
from core.widgets import renderer
from evidence.filters import SourceFilter
from members.filters import AdherenceFilter, MembershipFilter
from members.models import Country
from plenaries.filters import ChairmanshipFilter, PlenaryFilter
from plenaries.models import Chairmanship, Plenary
from plenaries.paragraphs import split_paragraphs
from tests.large_archive import real_archive  # noqa: F401
from timeline.views import TimelineFilterForm

pytestmark = pytest.mark.django_db


def fresh_render(text):
    """The Markdown filter as it was: a new converter for every text (then the
    same sanitizer: what this compares is the reused converter and its cache)."""
    return sanitize(markdown.markdown(text or "", extensions=["extra", "sane_lists"]))


def test_markdown_of_the_archive_renders_as_a_fresh_converter_would(real_archive):  # noqa: F811
    """Every statement, summary and paragraph: the reused converter, uncached and
    cached, gives exactly what a new converter gives."""
    texts = []
    for plenary in Plenary.objects.all():
        for text in (plenary.statement, plenary.summary, plenary.next_announcement):
            texts.append(text)
            texts += [paragraph.source for paragraph in split_paragraphs(text)]
    assert len(texts) > 100
    for text in texts:
        expected = fresh_render(text)
        assert render_markdown.__wrapped__(text) == expected
        assert render_markdown(text) == expected


@pytest.mark.parametrize(
    "defining, later",
    [
        ("[mtcr]: https://mtcr.info\n\nSee [mtcr].", "See [mtcr]."),
        ("*[MTCR]: Missile Technology Control Regime\n\nMTCR met.", "MTCR met."),
        ("Partners met.[^1]\n\n[^1]: In Busan.", "Partners met.[^1]"),
    ],
)
def test_nothing_one_text_defines_reaches_the_next(defining, later):
    """Links, abbreviations and footnotes defined in one text stay in it."""
    for render in (render_markdown.__wrapped__, render_markdown):
        assert render(defining) == fresh_render(defining)
        assert render(later) == fresh_render(later)
        assert "<a" not in render(later) and "<abbr" not in render(later)


def test_threads_rendering_at_once_each_get_their_own_text():
    """Each thread has its own converter: concurrent renders never mix."""
    texts = [
        f"Paragraph {n} of *the* statement.[^{n}]\n\n[^{n}]: {n}" for n in range(200)
    ]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads often, in mid-conversion
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            rendered = list(pool.map(render_markdown.__wrapped__, texts))
    finally:
        sys.setswitchinterval(interval)
    assert rendered == [fresh_render(text) for text in texts]


class EveryWidget(forms.Form):
    """Each kind of widget the filter forms use, with labels that need escaping."""

    choice = forms.ChoiceField(
        required=False,
        choices=[
            ("", "Any"),
            ("a&b", 'A "quoted" <b>label</b>'),
            ("Group", [(1, "one"), (2, "two & three")]),
        ],
    )
    several = forms.MultipleChoiceField(
        required=False,
        choices=[("x", "X & Y"), ("z", "Z")],
        widget=forms.CheckboxSelectMultiple,
    )
    listed = forms.MultipleChoiceField(required=False, choices=[("p", "P"), ("q", "Q")])
    one = forms.ChoiceField(choices=[("r", "R"), ("s", "S")], widget=forms.RadioSelect)
    year = forms.IntegerField(required=False, min_value=1900, max_value=2200)
    day = forms.DateField(
        required=False,
        widget=forms.DateInput(
            attrs={"type": "date", "data-empty": None, "disabled": False}
        ),
    )
    text = forms.CharField(
        max_length=200, widget=forms.TextInput(attrs={"placeholder": '"x" & <y>'})
    )
    flag = forms.BooleanField(required=False)
    hidden = forms.CharField(required=False, widget=forms.HiddenInput)
    notes = forms.CharField(required=False, widget=forms.Textarea)


def renderings(form):
    """Each field as {{ field }} writes it, and each choice as choice.tag does."""
    for name in form.fields:
        field = form[name]
        yield str(field)
        for choice in field:
            yield choice.tag()
            yield choice.tag(wrap_label=True)


def assert_renders_as_django_does(form_class, data):
    ours = list(renderings(form_class(data, renderer=renderer)))
    djangos = list(renderings(form_class(data, renderer=DjangoTemplates())))
    assert ours == djangos


@pytest.mark.parametrize(
    "data",
    [
        None,
        {},
        {
            "choice": "a&b", "several": ["x", "z"], "listed": ["q"], "one": "s",
            "year": "abc", "day": "2016-10-17", "text": "<script>", "flag": "on",
            "hidden": 'z"', "notes": "<b>",
        },
        {"choice": "2", "several": ["nope"], "year": "2016"},
    ],
)  # fmt: skip
def test_widgets_render_as_djangos_templates_do(data):
    assert_renders_as_django_does(EveryWidget, data)


@pytest.mark.parametrize(
    "query",
    [
        "",
        "year_from=2000&year_to=2016&country=republic-of-korea",
        "year_from=abc&country=nowhere&has_statement=true&order=newest&q=%3Cb%3E",
        "kind=plenary&kind=event&on=2016-10-17&chair_country=france",
    ],
)
def test_the_sites_filter_forms_render_as_djangos_templates_do(
    real_archive,  # noqa: F811
    query,
):
    data = QueryDict(query) or None
    filtersets = (
        PlenaryFilter, ChairmanshipFilter, SourceFilter, MembershipFilter,
        AdherenceFilter, AnnexRevisionFilter,
    )  # fmt: skip
    for filterset in filtersets:
        form = filterset(data).form
        assert form.renderer is renderer
        assert_renders_as_django_does(type(form), data)
    assert_renders_as_django_does(TimelineFilterForm, data)


def test_the_chair_terms_of_a_plenary_are_those_begun_or_ended_there(real_archive):  # noqa: F811
    for plenary in Plenary.objects.all():
        terms = list(Chairmanship.objects.begun_or_ended_at(plenary))
        assert set(terms) == set(plenary.chairmanships_begun.all()) | set(
            plenary.chairmanships_ended.all()
        )


def test_links_escape_what_records_call_themselves():
    """{{ records|links }} writes what the template loop wrote, escaped alike."""
    records = [
        Country(name='Trinidad & "Tobago"', slug="trinidad"),
        Country(name="<b>Bold</b>", slug="bold"),
    ]
    assert links(records, "; ") == (
        '<a href="/members/trinidad/">Trinidad &amp; &quot;Tobago&quot;</a>; '
        '<a href="/members/bold/">&lt;b&gt;Bold&lt;/b&gt;</a>'
    )
    assert links([]) == ""
