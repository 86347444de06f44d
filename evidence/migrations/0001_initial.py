"""Source documents and citations, taken over from the plenaries app as they are:
the state only, on the plenaries tables (0002 renames them)."""

import django.db.models.deletion
import simple_history.models
import uuid
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('annex', '0002_initial'),
        ('members', '0002_partner_and_adherent_indexes'),
        ('plenaries', '0004_evidence_moves_out'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.CreateModel(
                name='HistoricalSourceDocument',
                fields=[
                    ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                    ('file_name', models.CharField(db_index=True, max_length=200)),
                    ('slug', models.SlugField(max_length=200)),
                    ('title', models.CharField(max_length=500)),
                    ('kind', models.CharField(choices=[('statement', 'Plenary public statement'), ('chair-report', "Chair's report"), ('overview', 'Overview'), ('presentation', 'Presentation')], max_length=20)),
                    ('publisher', models.CharField(blank=True, max_length=200)),
                    ('published', models.DateField(blank=True, null=True)),
                    ('published_precision', models.CharField(choices=[('day', 'Day'), ('month', 'Month'), ('year', 'Year')], default='day', max_length=5)),
                    ('url', models.URLField(blank=True, max_length=500, verbose_name='original address')),
                    ('text', models.TextField(verbose_name='full text')),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('plenary', models.ForeignKey(blank=True, db_constraint=False, help_text='The plenary the document reports on, where it reports on one.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='plenaries.plenary')),
                ],
                options={
                    'db_table': 'plenaries_historicalsourcedocument',
                    'verbose_name': 'historical source document',
                    'verbose_name_plural': 'historical source documents',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ),
            migrations.CreateModel(
                name='SourceDocument',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('loaded_digest', models.CharField(blank=True, editable=False, max_length=64)),
                    ('file_name', models.CharField(max_length=200, unique=True)),
                    ('slug', models.SlugField(max_length=200, unique=True)),
                    ('title', models.CharField(max_length=500)),
                    ('kind', models.CharField(choices=[('statement', 'Plenary public statement'), ('chair-report', "Chair's report"), ('overview', 'Overview'), ('presentation', 'Presentation')], max_length=20)),
                    ('publisher', models.CharField(blank=True, max_length=200)),
                    ('published', models.DateField(blank=True, null=True)),
                    ('published_precision', models.CharField(choices=[('day', 'Day'), ('month', 'Month'), ('year', 'Year')], default='day', max_length=5)),
                    ('url', models.URLField(blank=True, max_length=500, verbose_name='original address')),
                    ('text', models.TextField(verbose_name='full text')),
                    ('plenary', models.ForeignKey(blank=True, help_text='The plenary the document reports on, where it reports on one.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='reported_by', to='plenaries.plenary')),
                ],
                options={
                    'db_table': 'plenaries_sourcedocument',
                    'ordering': ['published', 'title'],
                },
            ),
            migrations.CreateModel(
                name='HistoricalCitation',
                fields=[
                    ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                    ('key', models.CharField(db_index=True, default=uuid.uuid4, editable=False, max_length=300)),
                    ('passage', models.TextField(help_text='The passage quoted exactly from the source.')),
                    ('field', models.CharField(blank=True, help_text='What the passage supports, e.g. "dates".', max_length=50)),
                    ('claim', models.CharField(blank=True, help_text='What the passage says of that field.', max_length=300)),
                    ('is_followed', models.BooleanField(default=True, help_text='Off where the record follows another source that disagrees.', verbose_name='record follows this source')),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('adherence', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='members.adherence')),
                    ('annex_revision', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='annex.annexrevision')),
                    ('chairmanship', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='plenaries.chairmanship')),
                    ('event', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='plenaries.event')),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('membership', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='members.membership')),
                    ('plenary', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='plenaries.plenary')),
                    ('source', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='evidence.sourcedocument')),
                ],
                options={
                    'db_table': 'plenaries_historicalcitation',
                    'verbose_name': 'historical citation',
                    'verbose_name_plural': 'historical citations',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ),
            migrations.CreateModel(
                name='Citation',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('loaded_digest', models.CharField(blank=True, editable=False, max_length=64)),
                    ('key', models.CharField(default=uuid.uuid4, editable=False, max_length=300, unique=True)),
                    ('passage', models.TextField(help_text='The passage quoted exactly from the source.')),
                    ('field', models.CharField(blank=True, help_text='What the passage supports, e.g. "dates".', max_length=50)),
                    ('claim', models.CharField(blank=True, help_text='What the passage says of that field.', max_length=300)),
                    ('is_followed', models.BooleanField(default=True, help_text='Off where the record follows another source that disagrees.', verbose_name='record follows this source')),
                    ('adherence', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='citations', to='members.adherence')),
                    ('annex_revision', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='citations', to='annex.annexrevision')),
                    ('chairmanship', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='citations', to='plenaries.chairmanship')),
                    ('event', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='citations', to='plenaries.event')),
                    ('membership', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='citations', to='members.membership')),
                    ('plenary', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='citations', to='plenaries.plenary')),
                    ('source', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='citations', to='evidence.sourcedocument')),
                ],
                options={
                    'db_table': 'plenaries_citation',
                    'ordering': ['source__file_name', 'field', 'pk'],
                },
            ),
            migrations.AddIndex(
                model_name='sourcedocument',
                index=models.Index(fields=['published', 'title'], name='source_published_idx'),
            ),
            migrations.AddConstraint(
                model_name='citation',
                constraint=models.CheckConstraint(condition=models.Q(models.Q(('adherence__isnull', True), ('annex_revision__isnull', True), ('chairmanship__isnull', True), ('event__isnull', True), ('membership__isnull', True), ('plenary__isnull', False)), models.Q(('adherence__isnull', True), ('annex_revision__isnull', True), ('chairmanship__isnull', False), ('event__isnull', True), ('membership__isnull', True), ('plenary__isnull', True)), models.Q(('adherence__isnull', True), ('annex_revision__isnull', True), ('chairmanship__isnull', True), ('event__isnull', False), ('membership__isnull', True), ('plenary__isnull', True)), models.Q(('adherence__isnull', True), ('annex_revision__isnull', True), ('chairmanship__isnull', True), ('event__isnull', True), ('membership__isnull', False), ('plenary__isnull', True)), models.Q(('adherence__isnull', False), ('annex_revision__isnull', True), ('chairmanship__isnull', True), ('event__isnull', True), ('membership__isnull', True), ('plenary__isnull', True)), models.Q(('adherence__isnull', True), ('annex_revision__isnull', False), ('chairmanship__isnull', True), ('event__isnull', True), ('membership__isnull', True), ('plenary__isnull', True)), _connector='OR'), name='citation_supports_one_record'),
            ),
            ],
            database_operations=[],
        ),
    ]
