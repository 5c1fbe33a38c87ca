"""One project as an IATI 2.03 ``iati-activity`` element, its children in the schema's order.

The order of the ``iati-activity`` sequence is: iati-identifier, reporting-org, title,
description, participating-org, activity-status, activity-date, activity-scope,
recipient-country, location, sector, budget, document-link, result (the elements
Partnerhub has no data for are left out; the schema's order is kept for the others).

A project IATI cannot carry is left out (``build_activity`` returns None): IATI 2.03
requires at least one ``activity-date`` and one ``participating-org``, so a project with
no date at all, or with no organisation and no funding programme, is not published there.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any
from xml.etree.ElementTree import Element, SubElement

from django.utils import timezone, translation
from django.utils.translation import gettext

from partnerhub.opendata.cells import number_text, xml_text
from partnerhub.opendata.conf import Publisher
from partnerhub.opendata.iati import codes
from partnerhub.projects.choices import PartnerRole, ProjectStatus
from partnerhub.projects.models import Project
from partnerhub.results.choices import Qualifier
from partnerhub.results.models import Indicator
from partnerhub.territory.choices import Level
from partnerhub.territory.models import TerritorialUnit

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def iati_identifier(publisher: Publisher, project: Project) -> str:
    """``<reporting-org ref>-project-<project id>``: stable for as long as the record exists."""
    return f"{publisher.ref}-project-{project.pk}"


def _narrative(parent: Element, text: object, language: str | None = None) -> Element:
    element = SubElement(parent, "narrative", {XML_LANG: language} if language else {})
    element.text = xml_text(text)
    return element


def _with_narrative(
    parent: Element, tag: str, text: object, language: str | None, **attributes: str
) -> Element:
    element = SubElement(parent, tag, attributes)
    _narrative(element, text, language)
    return element


def _value(number: Decimal) -> str:
    """An indicator figure without needless zeros: 328, 3.5."""
    return number_text(number.normalize())


def activity_language(project: Project) -> str:
    """The language of the project's texts, from the country it comes from."""
    countries = [project.seat.country if project.seat else None]
    if project.lead_organisation:
        countries.append(project.lead_organisation.country)
    countries += [partner.organisation.country for partner in project.partners.all()]
    for country in countries:
        if country in codes.LANGUAGE_BY_COUNTRY:
            return codes.LANGUAGE_BY_COUNTRY[country]
    return codes.DEFAULT_LANGUAGE


def activity_dates(project: Project) -> list[tuple[str, datetime.date]]:
    """Start and end, planned or actual according to the project's status."""
    dates = []
    if project.start:
        started = project.status in codes.STARTED
        dates.append((codes.ACTUAL_START if started else codes.PLANNED_START, project.start))
    if project.end:
        ended = project.status in codes.ENDED
        dates.append((codes.ACTUAL_END if ended else codes.PLANNED_END, project.end))
    return dates


def participating_orgs(project: Project) -> list[dict[str, Any]]:
    """Who takes part and in which IATI role, each (organisation, role) once."""
    found: dict[tuple[object, str], dict[str, Any]] = {}
    if project.funding_programme:
        key = ("funding-programme", codes.FUNDING)
        found[key] = {"role": codes.FUNDING, "name": project.funding_programme.name}
    listed = [(partner.organisation, partner.role) for partner in project.partners.all()]
    if project.lead_organisation:
        listed.insert(0, (project.lead_organisation, PartnerRole.LEAD))
    for organisation, partner_role in listed:
        for role in codes.PARTNER_ROLES[partner_role]:
            found.setdefault(
                (organisation.pk, role),
                {
                    "role": role,
                    "name": organisation.name,
                    "ref": codes.organisation_ref(organisation),
                    "type": codes.organisation_type(organisation),
                },
            )
    return sorted(found.values(), key=lambda org: (org["role"], org["name"]))


def _recipient_country(project: Project) -> str | None:
    if project.seat:
        return project.seat.country
    if project.lead_organisation:
        return project.lead_organisation.country
    countries = {partner.organisation.country for partner in project.partners.all()}
    return countries.pop() if len(countries) == 1 else None


def _location(activity: Element, unit: TerritorialUnit, language: str) -> None:
    attributes = {} if unit.level == Level.COUNTRY else {"ref": f"{unit.country}-{unit.code}"}
    location = SubElement(activity, "location", attributes)
    SubElement(location, "location-reach", {"code": codes.LOCATION_REACH_ACTIVITY})
    _with_narrative(location, "name", unit.name, language)
    official = [str(unit.get_level_display()), unit.code]
    if unit.nuts_code and unit.nuts_code != unit.code:
        official.append(f"NUTS {unit.nuts_code}")
    _with_narrative(location, "description", " · ".join(official), language)
    SubElement(
        location,
        "administrative",
        {"vocabulary": codes.ISO_COUNTRY_VOCABULARY, "level": "0", "code": unit.country},
    )
    SubElement(location, "location-class", {"code": codes.LOCATION_CLASS_ADMINISTRATIVE})


def _sectors(activity: Element, project: Project, language: str) -> None:
    areas = [project.support_area] if project.support_area else []
    areas += [area for area in project.areas.all() if area not in areas]
    name_field = f"name_{language}" if language in ("en", "pl", "sl") else "name_en"
    for area, percentage in zip(areas, codes.split_percentages(len(areas)), strict=True):
        sector = SubElement(
            activity,
            "sector",
            {
                "vocabulary": codes.OWN_SECTOR_VOCABULARY,
                "code": area.code,
                "percentage": str(percentage),
            },
        )
        _narrative(sector, getattr(area, name_field) or area.name_en, language)
    dac = list(dict.fromkeys(c for a in areas if (c := codes.DAC_PURPOSE_CODES.get(a.code))))
    for code, percentage in zip(dac, codes.split_percentages(len(dac)), strict=True):
        SubElement(
            activity,
            "sector",
            {"vocabulary": codes.DAC_VOCABULARY, "code": code, "percentage": str(percentage)},
        )


def _budget(activity: Element, project: Project) -> None:
    amount = project.total_cost if project.total_cost is not None else project.grant
    if amount is None or not (project.start and project.end):
        return
    committed = project.status != ProjectStatus.PLANNED
    budget = SubElement(
        activity,
        "budget",
        {
            "type": codes.BUDGET_ORIGINAL,
            "status": codes.BUDGET_COMMITTED if committed else codes.BUDGET_INDICATIVE,
        },
    )
    SubElement(budget, "period-start", {"iso-date": project.start.isoformat()})
    SubElement(budget, "period-end", {"iso-date": project.end.isoformat()})
    value = SubElement(
        budget, "value", {"currency": project.currency, "value-date": project.start.isoformat()}
    )
    value.text = number_text(amount)


def _result(activity: Element, indicator: Indicator, project: Project, language: str) -> None:
    result = SubElement(activity, "result", {"type": codes.RESULT_TYPE[indicator.kind]})
    title = SubElement(result, "title")
    _narrative(title, indicator.name, language)
    element = SubElement(
        result, "indicator", {"measure": codes.measure(indicator.unit), "ascending": "1"}
    )
    _narrative(SubElement(element, "title"), indicator.name, language)
    about = " — ".join(filter(None, [str(indicator.get_unit_display()), indicator.note]))
    _narrative(SubElement(element, "description"), about, language)
    if indicator.baseline is not None and project.start:
        SubElement(
            element,
            "baseline",
            {
                "year": str(project.start.year),
                "iso-date": project.start.isoformat(),
                "value": _value(indicator.baseline),
            },
        )
    if not (project.start and project.end):
        return
    if indicator.target is None and indicator.achieved is None:
        return
    period = SubElement(element, "period")
    SubElement(period, "period-start", {"iso-date": project.start.isoformat()})
    SubElement(period, "period-end", {"iso-date": project.end.isoformat()})
    if indicator.target is not None:
        SubElement(period, "target", {"value": _value(indicator.target)})
    if indicator.achieved is not None:
        actual = SubElement(period, "actual", {"value": _value(indicator.achieved)})
        if indicator.achieved_qualifier != Qualifier.EXACT:
            comment = SubElement(actual, "comment")
            reads_as = f"{indicator.get_achieved_qualifier_display()} {_value(indicator.achieved)}"
            _narrative(comment, reads_as, language)


def build_activity(project: Project, publisher: Publisher) -> Element | None:
    """The ``iati-activity`` of a project, or None when IATI 2.03 cannot carry it."""
    dates = activity_dates(project)
    participants = participating_orgs(project)
    if not dates or not participants:
        return None
    language = activity_language(project)
    with translation.override(language):
        return _activity(project, publisher, language, dates, participants)


def _activity(
    project: Project,
    publisher: Publisher,
    language: str,
    dates: list[tuple[str, datetime.date]],
    participants: list[dict[str, Any]],
) -> Element:
    activity = Element(
        "iati-activity",
        {
            XML_LANG: language,
            "default-currency": project.currency,
            "last-updated-datetime": timezone.localtime(project.updated_at).isoformat(
                timespec="seconds"
            ),
        },
    )
    SubElement(activity, "iati-identifier").text = iati_identifier(publisher, project)
    secondary = all(org.get("ref") != publisher.ref for org in participants)
    reporting = SubElement(
        activity,
        "reporting-org",
        {
            "ref": publisher.ref,
            "type": publisher.type,
            "secondary-reporter": "1" if secondary else "0",
        },
    )
    _narrative(reporting, publisher.name)
    _with_narrative(activity, "title", project.title, language)
    general = "\n\n".join(filter(None, [project.description, project.activities]))
    descriptions = (
        (codes.DESCRIPTION_GENERAL, general or project.title),
        (codes.DESCRIPTION_TARGET_GROUPS, project.beneficiaries),
        (codes.DESCRIPTION_OTHER, project.problem),
    )
    for description_type, text in descriptions:
        if text:
            _with_narrative(activity, "description", text, language, type=description_type)
    for org in participants:
        attributes = {"role": org["role"]}
        attributes.update({key: org[key] for key in ("ref", "type") if org.get(key)})
        _with_narrative(activity, "participating-org", org["name"], None, **attributes)
    SubElement(activity, "activity-status", {"code": codes.ACTIVITY_STATUS[project.status]})
    for date_type, date in dates:
        SubElement(activity, "activity-date", {"type": date_type, "iso-date": date.isoformat()})
    if project.reach:
        SubElement(activity, "activity-scope", {"code": codes.ACTIVITY_SCOPE[project.reach]})
    country = _recipient_country(project)
    if country:
        SubElement(activity, "recipient-country", {"code": country, "percentage": "100"})
    if project.seat:
        _location(activity, project.seat, language)
    _sectors(activity, project, language)
    _budget(activity, project)
    if project.source_url:
        link = SubElement(
            activity, "document-link", {"url": project.source_url, "format": "text/html"}
        )
        _with_narrative(link, "title", gettext("Project page"), language)
        SubElement(link, "category", {"code": codes.DOCUMENT_ACTIVITY_WEB_PAGE})
    for indicator in project.indicators.all():
        _result(activity, indicator, project, language)
    return activity
