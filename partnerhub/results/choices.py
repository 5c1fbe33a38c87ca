from django.db import models
from django.utils.translation import gettext_lazy as _


class IndicatorKind(models.TextChoices):
    OUTPUT = "output", _("Output")
    RESULT = "result", _("Result")


class Unit(models.TextChoices):
    HOURS = "hours", _("hours")
    SESSIONS = "sessions", _("sessions")
    EVENTS = "events", _("events")
    ORGANISATIONS = "organisations", _("organisations")
    PERSONS = "persons", _("persons")
    FIRMS = "firms", _("firms")
    GROUPS = "groups", _("groups")
    PARTNERSHIPS = "partnerships", _("partnerships")
    PROJECTS = "projects", _("projects")
    DOCUMENTS = "documents", _("documents")
    PLACES = "places", _("places")
    COUNTIES = "counties", _("counties")
    PERCENT = "percent", _("per cent")
    EUR = "EUR", _("EUR")
    PLN = "PLN", _("PLN")


class Qualifier(models.TextChoices):
    """How a reported figure reads: exactly, or as a floor ("over 30")."""

    EXACT = "exact", _("exactly")
    OVER = "over", _("over")
    AT_LEAST = "at_least", _("at least")


class GoalKind(models.TextChoices):
    PRIORITY = "priority", _("Policy priority")
    ACTION_PLAN_GOAL = "action_plan_goal", _("Action plan goal")
    ORGANISATION_GOAL = "organisation_goal", _("Organisation goal")
    OBJECTIVE = "objective", _("Objective")


class GoalStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    MET = "met", _("Met")
    DROPPED = "dropped", _("Dropped")


class GoalMeasure(models.TextChoices):
    """What the records themselves count towards a goal, with nobody reporting a figure."""

    PARTNERSHIPS_IMPLEMENTING = (
        "partnerships_implementing",
        _("Partnerships it facilitates that have reached implementation"),
    )
