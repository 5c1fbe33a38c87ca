"""Export any queryset with its field spec as CSV, XLSX or JSON.

CSV and JSON are streamed: records are read ``chunk_size`` at a time
(``QuerySet.iterator``) and sent as they are written, so a 200 000-row export never holds
the whole list in memory. XLSX is written with openpyxl's write-only workbook (rows go to
a temporary file as they come) and sent from that file.

The API and the HTML lists reuse this with their filtered queryset::

    export_response(filterset.qs, get_spec("projects"), request.GET["format"])

``public=True`` is the default: the spec narrows the queryset to what the public may see
and leaves out staff-only columns. Pass ``public=False`` only for staff.
"""

from __future__ import annotations

import csv
import json
import tempfile
from collections.abc import Iterable, Iterator
from typing import IO, Any, Literal

from django.db import models
from django.http import FileResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from partnerhub.opendata.cells import csv_cell, json_value, xlsx_cell
from partnerhub.opendata.specs.base import DEFAULT_CHUNK_SIZE, ExportSpec

ExportFormat = Literal["csv", "xlsx", "json"]
FORMATS: tuple[ExportFormat, ...] = ("csv", "xlsx", "json")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# Streamed output is sent in pieces of at most this many records.
FLUSH_EVERY = 500


class _Echo:
    """A file-like object whose ``write`` hands the text back (csv.writer into a generator)."""

    def write(self, text: str) -> str:
        return text


def _batched(lines: Iterable[str], size: int) -> Iterator[str]:
    batch: list[str] = []
    for line in lines:
        batch.append(line)
        if len(batch) >= size:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)


def csv_rows(
    queryset: models.QuerySet[Any],
    spec: ExportSpec,
    *,
    public: bool = True,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> Iterator[str]:
    """The CSV text of an export: the header line, then one line per record."""
    writer = csv.writer(_Echo())
    columns = spec.columns_for(public=public)
    yield str(writer.writerow([column.name for column in columns]))
    for record in spec.records(queryset, public=public, chunk_size=chunk_size):
        yield str(writer.writerow([csv_cell(value) for value in record]))


def csv_lines(
    queryset: models.QuerySet[Any],
    spec: ExportSpec,
    *,
    public: bool = True,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> Iterator[str]:
    """The CSV text of an export, header first, a batch of records at a time."""
    rows = csv_rows(queryset, spec, public=public, chunk_size=chunk_size)
    yield next(rows)  # the header goes out before any record is read
    yield from _batched(rows, min(FLUSH_EVERY, chunk_size))


def json_chunks(
    queryset: models.QuerySet[Any],
    spec: ExportSpec,
    *,
    public: bool = True,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> Iterator[str]:
    """A JSON array with one object per record, keyed by column name, sent in pieces."""
    names = [column.name for column in spec.columns_for(public=public)]
    yield "["
    items = (
        ("\n" if number == 0 else ",\n")
        + json.dumps(
            {name: json_value(value) for name, value in zip(names, record, strict=True)},
            ensure_ascii=False,
        )
        for number, record in enumerate(
            spec.records(queryset, public=public, chunk_size=chunk_size)
        )
    )
    yield from _batched(items, min(FLUSH_EVERY, chunk_size))
    yield "\n]\n"


def write_xlsx(
    target: IO[bytes],
    queryset: models.QuerySet[Any],
    spec: ExportSpec,
    *,
    public: bool = True,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> None:
    """Write an export as an XLSX workbook with one sheet, in constant memory."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=spec.name[:31])
    columns = spec.columns_for(public=public)
    sheet.append([column.name for column in columns])
    for record in spec.records(queryset, public=public, chunk_size=chunk_size):
        sheet.append(
            [
                _typed_cell(sheet, xlsx_cell(value), column.type)
                for value, column in zip(record, columns, strict=True)
            ]
        )
    workbook.save(target)


def _typed_cell(sheet: WriteOnlyWorksheet, value: Any, column_type: str) -> Any:
    """A cell with a number format where a plain value would display badly."""
    if value is None:
        return None
    if column_type == "date":
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    if column_type == "number":
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "0.00"
        return cell
    return value


def export_response(
    queryset: models.QuerySet[Any],
    spec: ExportSpec,
    export_format: str,
    *,
    public: bool = True,
    filename: str | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> StreamingHttpResponse | FileResponse:
    """The HTTP response carrying an export of ``queryset`` in ``export_format``.

    Raises ``ValueError`` for an unknown format and ``StaffOnlyExportError`` for a public export
    of a staff-only spec, before any record is read.
    """
    if export_format not in FORMATS:
        raise ValueError(f"Unknown export format: {export_format!r}")
    spec.check_audience(public=public)
    name = filename or f"{spec.name}.{export_format}"
    content_type = CONTENT_TYPES[export_format]
    if export_format == "xlsx":
        # Deleted when the response closes the file.
        target = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115
        write_xlsx(target, queryset, spec, public=public, chunk_size=chunk_size)
        target.seek(0)
        return FileResponse(target, as_attachment=True, filename=name, content_type=content_type)
    chunks = (csv_lines if export_format == "csv" else json_chunks)(
        queryset, spec, public=public, chunk_size=chunk_size
    )
    response = StreamingHttpResponse(chunks, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, name) or "attachment"
    return response
