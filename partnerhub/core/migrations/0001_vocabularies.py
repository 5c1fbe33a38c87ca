from django.db import migrations

from partnerhub.core.vocabularies.loading import load_vocabularies


class Migration(migrations.Migration):
    """Load the shipped thematic areas, activity types and target groups."""

    dependencies = [
        ("registry", "0001_initial"),
        ("projects", "0001_initial"),
    ]

    operations = [migrations.RunPython(load_vocabularies, migrations.RunPython.noop)]
