"""Helpers of the IATI tests: fetch a document, check it against the 2.03 schema and order."""

from __future__ import annotations

from django.test import Client
from lxml import etree

from partnerhub.opendata.tests.helpers import body
from partnerhub.opendata.tests.standards import iati_errors

# The iati-activity children Partnerhub writes, in the order of the 2.03 schema's sequence.
SCHEMA_ORDER = [
    "iati-identifier",
    "reporting-org",
    "title",
    "description",
    "participating-org",
    "other-identifier",
    "activity-status",
    "activity-date",
    "contact-info",
    "activity-scope",
    "recipient-country",
    "recipient-region",
    "location",
    "sector",
    "tag",
    "budget",
    "transaction",
    "document-link",
    "related-activity",
    "result",
]


def fetch(client: Client, url: str) -> etree._Element:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    xml = body(response)
    assert iati_errors(xml) == []
    return etree.fromstring(xml)


def activity_titled(root: etree._Element, title: str) -> etree._Element:
    [activity] = root.xpath("iati-activity[title/narrative=$t]", t=title)
    return activity
