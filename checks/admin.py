"""The consistency findings in the admin: the list check_archive prints."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

from . import rules
from .findings import KnownFindingsError, compare, known_findings_path, read_known
from .models import ConsistencyFinding


@admin.register(ConsistencyFinding)
class ConsistencyFindingAdmin(admin.ModelAdmin):
    """One page, for staff with the view permission: every rule run over the
    archive as loaded now, new findings first, then the known ones with their
    explanations, then the known ones that no longer occur. Nothing to edit."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        path = known_findings_path()
        try:
            known, error = read_known(path), ""
        except KnownFindingsError as problem:
            known, error = {}, str(problem)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Consistency findings",
            "result": compare(rules.run_all(), known),
            "known_path": path.name,
            "known_error": error,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/checks/findings.html", context)
