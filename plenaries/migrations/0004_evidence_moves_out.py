"""Source documents and citations move to the evidence app: the state only, the
tables stay (evidence 0001 takes them over, 0002 renames them)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("plenaries", "0003_host_date_index"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="Citation"),
                migrations.DeleteModel(name="HistoricalCitation"),
                migrations.DeleteModel(name="HistoricalSourceDocument"),
                migrations.DeleteModel(name="SourceDocument"),
            ],
            database_operations=[],
        ),
    ]
