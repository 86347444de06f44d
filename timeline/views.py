"""The home page: the overview chart above the filtered chronology, a page at a time."""

from django import forms
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.http import urlencode
from django.views.generic import TemplateView

from core.charts import overview_svg
from members.models import Country, Membership
from plenaries.models import Plenary
from timeline.chronology import Chronology, Filters, group_by_year, jump_bar
from timeline.kinds import Kind

# Entries per page: the real archive fits in a few, and a page renders quickly.
PAGE_SIZE = 50


class TimelineFilterForm(forms.Form):
    kind = forms.MultipleChoiceField(
        label="Show", choices=Kind.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    year_from = forms.IntegerField(
        label="From year", required=False, min_value=1900, max_value=2200
    )
    year_to = forms.IntegerField(
        label="To year", required=False, min_value=1900, max_value=2200
    )
    country = forms.ModelChoiceField(
        label="Country",
        queryset=Country.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="Any country",
    )
    q = forms.CharField(label="Text", required=False, max_length=200)
    order = forms.ChoiceField(
        label="Order",
        choices=[("oldest", "Oldest first"), ("newest", "Newest first")],
        required=False,
    )

    def values(self):
        """The filters that could be read; invalid ones are left out."""
        self.is_valid()
        return getattr(self, "cleaned_data", {})

    def filters(self):
        values = self.values() if self.is_bound else {}
        return Filters(
            kinds=tuple(values.get("kind") or ()),
            year_from=values.get("year_from"),
            year_to=values.get("year_to"),
            country=values.get("country"),
            q=values.get("q") or "",
            newest_first=values.get("order") == "newest",
        )

    @property
    def ignored(self):
        return [
            (self.fields[name].label, " ".join(messages))
            for name, messages in self.errors.items()
            if name in self.fields
        ]


def chart_points(years):
    """[(date, label, url)]: a dot per year with plenaries, the meeting itself when
    it is the year's only one, else the plenary list for that year (one dot per
    meeting would not scale)."""
    points = []
    for year in years:
        if year["plenaries"] == 1:
            place = year["city"] or year["country_name"]
            label = Plenary.name_for(year["number"], place, year["first_date"].year)
            url = Plenary.url_for(year["slug"])
        else:
            label = f"{year['year']}: {year['plenaries']} plenaries"
            query = urlencode({"year_from": year["year"], "year_to": year["year"]})
            url = f"{reverse('plenaries:list')}?{query}"
        points.append((year["first_date"], label, url))
    return points


class TimelineView(TemplateView):
    template_name = "timeline/home.html"

    def get_context_data(self, **kwargs):
        form = TimelineFilterForm(self.request.GET or None)
        filters = form.filters()
        chronology = Chronology(filters)
        # A page out of range shows the nearest one rather than an error.
        page = Paginator(chronology, PAGE_SIZE).get_page(self.request.GET.get("page"))
        years = list(Plenary.objects.per_year())
        return super().get_context_data(
            form=form,
            ignored=form.ignored if form.is_bound else [],
            is_filtered=filters != Filters(newest_first=filters.newest_first),
            page_obj=page,
            entries=page.object_list,
            years=group_by_year(page.object_list),
            jump=jump_bar(self.year_links(chronology, page)),
            overview=overview_svg(
                chart_points(years),
                list(Membership.objects.values_list("since_earliest", "since_latest")),
                total=sum(year["plenaries"] for year in years),
            ),
            **kwargs,
        )

    def year_links(self, chronology, page):
        """[(year, href)]: an anchor on this page, or the page the year begins on."""
        links = []
        for year, index in chronology.years():
            number = index // PAGE_SIZE + 1
            if number == page.number:
                links.append((year, f"#y{year}"))
            else:
                query = self.request.GET.copy()
                query["page"] = number
                links.append((year, f"?{query.urlencode()}#y{year}"))
        return links
