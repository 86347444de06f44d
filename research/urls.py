from django.urls import path, register_converter

from . import views
from .converters import DateConverter, ReferenceFormatConverter

register_converter(DateConverter, "isodate")
register_converter(ReferenceFormatConverter, "citeformat")

app_name = "research"

urlpatterns = [
    path("plenaries/compare/", views.compare_view, name="compare"),
    path("trends/", views.trends_view, name="trends"),
    path("on/", views.on_form_view, name="on"),
    path("on/<isodate:day>/", views.on_date_view, name="on-date"),
    path("cite/plenaries/<slug:slug>/", views.cite_plenary, name="cite-plenary"),
    path(
        "cite/plenaries/<slug:slug>.<citeformat:file_format>",
        views.cite_plenary,
        name="cite-plenary-file",
    ),
    path(
        "cite/plenaries/<slug:slug>/p-<int:number>/",
        views.cite_paragraph,
        name="cite-paragraph",
    ),
    path(
        "cite/plenaries/<slug:slug>/p-<int:number>.<citeformat:file_format>",
        views.cite_paragraph,
        name="cite-paragraph-file",
    ),
    path("cite/sources/<slug:slug>/", views.cite_source, name="cite-source"),
    path(
        "cite/sources/<slug:slug>.<citeformat:file_format>",
        views.cite_source,
        name="cite-source-file",
    ),
]
