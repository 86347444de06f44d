"""Source documents and citations move to the evidence app: the state only, the
tables stay (evidence 0001 takes them over, 0002 renames them)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('plenaries', '0003_host_date_index'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.RemoveField(
                model_name='historicalcitation',
                name='adherence',
            ),
            migrations.RemoveField(
                model_name='historicalcitation',
                name='annex_revision',
            ),
            migrations.RemoveField(
                model_name='historicalcitation',
                name='chairmanship',
            ),
            migrations.RemoveField(
                model_name='historicalcitation',
                name='event',
            ),
            migrations.RemoveField(
                model_name='historicalcitation',
                name='history_user',
            ),
            migrations.RemoveField(
                model_name='historicalcitation',
                name='membership',
            ),
            migrations.RemoveField(
                model_name='historicalcitation',
                name='plenary',
            ),
            migrations.RemoveField(
                model_name='historicalcitation',
                name='source',
            ),
            migrations.RemoveField(
                model_name='historicalsourcedocument',
                name='history_user',
            ),
            migrations.RemoveField(
                model_name='historicalsourcedocument',
                name='plenary',
            ),
            migrations.RemoveField(
                model_name='sourcedocument',
                name='plenary',
            ),
            migrations.DeleteModel(
                name='Citation',
            ),
            migrations.DeleteModel(
                name='HistoricalCitation',
            ),
            migrations.DeleteModel(
                name='HistoricalSourceDocument',
            ),
            migrations.DeleteModel(
                name='SourceDocument',
            ),
            ],
            database_operations=[],
        ),
    ]
