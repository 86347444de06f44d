"""{{ records|links }}: records as links to their pages, in a sentence.

A plenary's page lists dozens of countries its texts name; a template loop spends
several times longer on each link than this filter does.
"""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter(is_safe=True)
def links(records, separator=", "):
    """Each record linked to its page and named as it names itself."""
    return mark_safe(  # noqa: S308 - every part is escaped
        conditional_escape(separator).join(
            f'<a href="{conditional_escape(record.get_absolute_url())}">'
            f"{conditional_escape(record)}</a>"
            for record in records
        )
    )
