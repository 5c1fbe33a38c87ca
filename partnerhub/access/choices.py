from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """A role a user holds over a scope: a hub, a partnership or an organisation.

    Site administrators are Django superusers; registered users and public visitors need no
    assignment. Every other role is granted explicitly, for one scope, from a date.
    """

    HUB_STAFF = "hub_staff", _("Hub staff")
    COORDINATOR = "coordinator", _("Partnership coordinator")
    REPRESENTATIVE = "representative", _("Organisation representative")


#: Which scope each role is held over: roles over an organisation, or over a partnership.
ORGANISATION_ROLES = (Role.HUB_STAFF, Role.REPRESENTATIVE)
PARTNERSHIP_ROLES = (Role.COORDINATOR,)
