"""{% page_metadata metadata %}: a page's bibliographic data in its <head>.

Highwire Press and Dublin Core tags and a schema.org JSON-LD script, from one
core.metadata.Metadata; nothing when the page has none.
"""

from django import template
from django.utils.safestring import mark_safe

from core.metadata import allow_script

register = template.Library()


@register.inclusion_tag("core/_metadata.html", takes_context=True)
def page_metadata(context, metadata):
    if not metadata:
        return {"meta": None}
    json_ld = metadata.json_ld()
    allow_script(context.get("request"), json_ld)
    # JSON with "<", ">" and "&" escaped (Metadata.json_ld): it cannot close the
    # script or open markup, and is written as it is.
    return {"meta": metadata, "json_ld": mark_safe(json_ld)}
