"""No table: the admin lists the consistency findings under this app by a model
that only names the page and its permission (checks.admin)."""

from django.db import models


class ConsistencyFinding(models.Model):
    """The findings of check_archive, as the admin lists them (no table)."""

    class Meta:
        managed = False
        ordering = []
        default_permissions = ("view",)
        verbose_name = "consistency finding"
        verbose_name_plural = "consistency findings"

    def __str__(self):
        return self._meta.verbose_name
