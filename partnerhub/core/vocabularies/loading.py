"""Writing the shipped vocabularies into the database (used by a data migration)."""

from typing import Any

from partnerhub.core.vocabularies import ACTIVITY_TYPES, TARGET_GROUPS, THEMATIC_AREAS

VOCABULARIES = {
    ("registry", "ThematicArea"): THEMATIC_AREAS,
    ("projects", "ActivityType"): ACTIVITY_TYPES,
    ("projects", "TargetGroup"): TARGET_GROUPS,
}


def load_vocabularies(apps: Any, schema_editor: Any = None) -> None:
    """Create or update every shipped term; terms added by users are left alone."""
    for (app_label, model_name), entries in VOCABULARIES.items():
        model = apps.get_model(app_label, model_name)
        for position, (code, en, pl, sl) in enumerate(entries):
            model.objects.update_or_create(
                code=code,
                defaults={"name_en": en, "name_pl": pl, "name_sl": sl, "position": position},
            )
