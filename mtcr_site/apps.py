from django.apps import AppConfig, apps
from django.db.models.signals import m2m_changed, post_delete, post_save


class SiteConfig(AppConfig):
    name = "mtcr_site"
    verbose_name = "MTCR Plenary Archive"

    def ready(self):
        from core.records import ArchiveRecord, archive_changed
        from mtcr_site.cache import invalidate

        # Cache invalidation is infrastructure, not domain logic: any change to an
        # archive record, however it is made, makes every cached page stale.
        archive_changed.connect(invalidate)
        for model in apps.get_models():
            if not issubclass(model, ArchiveRecord):
                continue
            post_save.connect(invalidate, sender=model)
            post_delete.connect(invalidate, sender=model)
            for m2m in model._meta.many_to_many:
                m2m_changed.connect(invalidate, sender=m2m.remote_field.through)
