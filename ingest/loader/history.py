"""What a load writes to the history besides its own rows' fields: their M2M
values, and the staff's version of a record --force overwrites."""

# The history row that keeps the staff's version of a record --force overwrites.
FORCED_REASON = "staff version, replaced by load_archive --force"


def keep_staff_versions(model, rows, index):
    """Before --force overwrites records staff edited: make sure the history holds
    each as staff left it, M2M included, to read or revert to. An edit in admin
    wrote that history row already; an edit that wrote none (a related record's
    deletion that cleared a reference) gets one now."""
    missing = [row for row in rows if not history_holds(row, index.m2m[row.pk])]
    if missing:
        history = model.history.bulk_history_create(
            missing, batch_size=500, update=True, default_change_reason=FORCED_REASON
        )
        record_many_to_many(model, history or [])


def history_holds(row, m2m):
    """Whether the row's latest history row has its values, M2M included."""
    latest = row.history.order_by("-history_date", "-history_id").first()
    if latest is None:
        return False
    for tracked in latest.tracked_fields:
        if getattr(latest, tracked.attname) != getattr(row, tracked.attname):
            return False
    for m2m_field in latest._history_m2m_fields:
        target = m2m_field.m2m_reverse_field_name() + "_id"
        then = getattr(latest, m2m_field.name).values_list(target, flat=True)
        if sorted(then) != sorted(m2m[m2m_field.name]):
            return False
    return True


def record_many_to_many(model, history_rows):
    """Give history rows (one per record) the M2M values their records hold now,
    as a save in admin gives them (the history keeps the M2M fields a model
    names in `_history_m2m_fields`)."""
    history_model = model.history.model
    by_pk = {row.id: row for row in history_rows}
    for m2m in history_model._history_m2m_fields if by_pk else ():
        m2m_history = getattr(history_model, m2m.name).model
        source = m2m.m2m_field_name() + "_id"
        target = m2m.m2m_reverse_field_name() + "_id"
        links = m2m.remote_field.through.objects.filter(
            **{f"{source}__in": list(by_pk)}
        ).values_list("pk", source, target)
        m2m_history.objects.bulk_create(
            [
                m2m_history(id=pk, history=by_pk[owner], **{source: owner, target: to})
                for pk, owner, to in links
            ],
            batch_size=500,
        )
