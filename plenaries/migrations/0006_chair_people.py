"""The chairs as people: one Person per human being, however the sources spell
the name, and each ChairPerson row a person's role in a term.

The data migration joins the rows that name one person in one term ("OH Joon"
and "Oh Joon", "Per Fischer" and "Per Fisher"), keeps staff edits (an edited row
wins, and its person keeps the staff's spelling: no later load overwrites it),
and moves every archive key, history rows included, to the new natural key
(term, person key), so the loader finds each row, and each staff deletion, again.
The name rules are frozen here as they were written (ingest.names holds the
living ones; a migration must not change with them).
"""

import hashlib
import json
import re
import unicodedata

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

_LIGATURES = {"æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "ß": "ss", "œ": "oe", "đ": "d"}
_HONORIFIC = re.compile(
    r"^(?:(?:Ambassador-at-Large|Minister-Counsellor|Ambassador|Amb\.|H\. ?E\.|"
    r"Mrs\.?|Mr\.?|Ms\.?|Dr\.?)(?:\s+|$))+"
)
_SAME_PERSON = {"per-fischer": "per-fisher"}
NOT_COMPARED = {"id", "loaded_digest", "archive_key"}


def _slugify(text):
    for letter, ascii_letters in _LIGATURES.items():
        text = text.replace(letter, ascii_letters)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def split_honorific(name):
    name = re.sub(r"\s+", " ", name or "").strip()
    match = _HONORIFIC.match(name)
    if not match or not name[match.end() :].strip():
        return "", name
    return match.group().strip(), name[match.end() :].strip()


def person_key(name):
    key = _slugify(split_honorific(name)[1]) or "unnamed"
    return _SAME_PERSON.get(key, key)


def _digest(values):
    """The loader's digest (ingest.loader.matching) of a row's values."""
    encoded = json.dumps(values, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(encoded).hexdigest()


def _values(row, exclude=()):
    """The loader's snapshot of a row: its own fields but its id and bookkeeping."""
    return {
        field.attname: field.value_to_string(row)
        for field in row._meta.concrete_fields
        if field.name not in NOT_COMPARED and field.name not in exclude
    }


def _old_digest(row):
    """The digest the loader wrote of a chair person before this migration, when
    `described` was `role` and there was no person."""
    values = _values(row, exclude=("described", "role", "person"))
    values["role"] = row.described
    return _digest(values)


def _new_digest(row):
    return _digest(_values(row, exclude=("name",)))


def _new_archive_key(archive_key):
    """["2006-denmark", "Per Fischer"] -> ["2006-denmark", "per-fisher"]."""
    if not archive_key:
        return archive_key
    term, name = json.loads(archive_key)
    return json.dumps([term, person_key(name)], ensure_ascii=False)


def _merged(rows):
    """One row of those naming one person in one term: an edited one first, then
    the first; blanks filled from the others."""
    rows = sorted(rows, key=lambda row: (not row.edited, row.pk))
    kept = rows[0]
    for other in rows[1:]:
        kept.title = kept.title or other.title
        kept.position = kept.position or other.position
        described = [part for part in (kept.described, other.described) if part]
        kept.described = "; ".join(dict.fromkeys(described))[:300]
        kept.edited = kept.edited or other.edited
        other.delete()
    return kept


def _people(apps):
    """A Person for each person key, from the rows naming them."""
    ChairPerson = apps.get_model("plenaries", "ChairPerson")
    Person = apps.get_model("plenaries", "Person")
    groups = {}
    for row in ChairPerson.objects.order_by("pk"):
        row.edited = not row.loaded_digest or row.loaded_digest != _old_digest(row)
        title, name = split_honorific(row.name)
        row.title = row.title or title
        row.spelling = name
        groups.setdefault(person_key(row.name), []).append(row)
    people = {}
    for key, rows in groups.items():
        spellings = list(dict.fromkeys(row.spelling for row in rows))
        edited = [row.spelling for row in rows if row.edited]
        name = (edited or spellings)[0]
        person = Person.objects.create(
            key=key,
            name=name,
            variants=[spelling for spelling in spellings if spelling != name],
            archive_key=key if any(row.archive_key for row in rows) else "",
        )
        if not edited:
            Person.objects.filter(pk=person.pk).update(
                loaded_digest=_digest(_values(person))
            )
        people[key] = (person, rows)
    return people


def forwards(apps, schema_editor):
    ChairPerson = apps.get_model("plenaries", "ChairPerson")
    History = apps.get_model("plenaries", "HistoricalChairPerson")
    if not ChairPerson.objects.exists() and not History.objects.exists():
        return
    people = _people(apps)
    for key, (person, rows) in people.items():
        by_term = {}
        for row in rows:
            by_term.setdefault(row.chairmanship_id, []).append(row)
        for same_term in by_term.values():
            row = _merged(same_term)
            row.person = person
            row.archive_key = _new_archive_key(row.archive_key)
            if not row.edited:
                row.loaded_digest = _new_digest(row)
            row.save()
    ids = {key: person.pk for key, (person, _) in people.items()}
    for version in History.objects.all().iterator():
        version.archive_key = _new_archive_key(version.archive_key)
        version.person_id = ids.get(person_key(version.name))
        version.save(update_fields=["archive_key", "person"])


class Migration(migrations.Migration):

    dependencies = [
        ('plenaries', '0005_archive_key_and_m2m_history'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='HistoricalPerson',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('archive_key', models.CharField(blank=True, editable=False, max_length=500, serialize=False)),
                ('key', models.SlugField(help_text='The name as one key, however spelt, e.g. per-fisher.', max_length=200)),
                ('name', models.CharField(help_text='As the archive writes it.', max_length=200)),
                ('variants', models.JSONField(blank=True, default=list, help_text='Other spellings the sources use, e.g. ["Per Fischer"].')),
                ('notes', models.TextField(blank=True)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
            ],
            options={
                'verbose_name': 'historical person',
                'verbose_name_plural': 'historical people',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Person',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('loaded_digest', models.CharField(blank=True, editable=False, max_length=64)),
                ('archive_key', models.CharField(blank=True, editable=False, max_length=500, serialize=False)),
                ('key', models.SlugField(help_text='The name as one key, however spelt, e.g. per-fisher.', max_length=200, unique=True)),
                ('name', models.CharField(help_text='As the archive writes it.', max_length=200)),
                ('variants', models.JSONField(blank=True, default=list, help_text='Other spellings the sources use, e.g. ["Per Fischer"].')),
                ('notes', models.TextField(blank=True)),
            ],
            options={
                'verbose_name_plural': 'people',
                'ordering': ['name', 'key'],
                'abstract': False,
            },
        ),
        migrations.AddField(
            model_name='historicalperson',
            name='history_user',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddConstraint(
            model_name='person',
            constraint=models.UniqueConstraint(condition=models.Q(('archive_key', ''), _negated=True), fields=('archive_key',), name='plenaries_person_unique_archive_key'),
        ),
        migrations.RenameField(model_name='chairperson', old_name='role', new_name='described'),
        migrations.AlterField(model_name='chairperson', name='described', field=models.CharField(blank=True, help_text='How the sources describe the role, e.g. outgoing Chair; Chair of the MTCR until the next plenary', max_length=300)),
        migrations.AddField(model_name='chairperson', name='role', field=models.CharField(choices=[('chair', 'Chair'), ('co-chair', 'Co-chair'), ('session-chair', 'Chaired the meeting')], default='chair', max_length=20)),
        migrations.AlterField(model_name='chairperson', name='title', field=models.CharField(blank=True, help_text='As held then, e.g. Ambassador', max_length=100)),
        migrations.RenameField(model_name='historicalchairperson', old_name='role', new_name='described'),
        migrations.AlterField(model_name='historicalchairperson', name='described', field=models.CharField(blank=True, help_text='How the sources describe the role, e.g. outgoing Chair; Chair of the MTCR until the next plenary', max_length=300)),
        migrations.AddField(model_name='historicalchairperson', name='role', field=models.CharField(choices=[('chair', 'Chair'), ('co-chair', 'Co-chair'), ('session-chair', 'Chaired the meeting')], default='chair', max_length=20)),
        migrations.AlterField(model_name='historicalchairperson', name='title', field=models.CharField(blank=True, help_text='As held then, e.g. Ambassador', max_length=100)),
        migrations.AddField(
            model_name='chairperson',
            name='person',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name='roles', to='plenaries.person'),
        ),
        migrations.AddField(
            model_name='historicalchairperson',
            name='person',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='plenaries.person'),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
        migrations.RemoveConstraint(
            model_name='chairperson',
            name='one_person_per_chairmanship',
        ),
        migrations.RemoveField(model_name='chairperson', name='name'),
        migrations.RemoveField(model_name='historicalchairperson', name='name'),
        migrations.AlterField(
            model_name='chairperson',
            name='person',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='roles', to='plenaries.person'),
        ),
        migrations.AddConstraint(
            model_name='chairperson',
            constraint=models.UniqueConstraint(fields=('chairmanship', 'person'), name='one_role_per_person_and_term'),
        ),
    ]
