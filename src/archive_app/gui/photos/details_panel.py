"""The photo viewer's side panel as HTML: what the article says and what the file says."""

from __future__ import annotations

from html import escape

from archive_app.domain.model import Photo
from archive_app.gui.common.i18n import number, translate
from archive_app.media.photo_details import PhotoDetails


def field_labels() -> dict[str, str]:
    """Embedded fields in the order shown, with their names in the interface language."""
    return {
        "headline": translate("Photos", "Headline"),
        "caption": translate("Photos", "Caption"),
        "photographer": translate("Photos", "Photographer"),
        "photographer_title": translate("Photos", "Photographer's title"),
        "credit": translate("Photos", "Credit"),
        "source": translate("Photos", "Source"),
        "copyright": translate("Photos", "Copyright"),
        "caption_writer": translate("Photos", "Caption writer"),
        "title": translate("Photos", "Object name"),
        "city": translate("Photos", "City"),
        "country": translate("Photos", "Country"),
        "date": translate("Photos", "Taken"),
        "keywords": translate("Photos", "Keywords"),
        "camera_make": translate("Photos", "Camera maker"),
        "camera_model": translate("Photos", "Camera"),
        "lens": translate("Photos", "Lens"),
        "exposure": translate("Photos", "Exposure"),
        "aperture": translate("Photos", "Aperture"),
        "iso": translate("Photos", "ISO"),
        "focal_length": translate("Photos", "Focal length"),
        "software": translate("Photos", "Software"),
        "modified": translate("Photos", "File changed"),
    }


def _rows(pairs: list[tuple[str, str]]) -> str:
    return "".join(
        f'<tr><td style="padding-right:10px" valign="top"><b>{escape(k)}</b></td>'
        f"<td>{escape(v)}</td></tr>"
        for k, v in pairs
        if v
    )


def _h(text: str) -> str:
    return f"<h4>{escape(text)}</h4>"


def _p(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def details_html(photo: Photo, details: PhotoDetails | None, archived: bool) -> str:
    """Caption, credit, photographer and agency from the record, then the file's own fields."""
    record = [
        (translate("Photos", "Caption"), photo.caption or ""),
        (translate("Photos", "Credit"), photo.credit or ""),
        (translate("Photos", "Photographer"), photo.photographer or ""),
        (translate("Photos", "Agency"), photo.agency or ""),
        (translate("Photos", "Address"), photo.source_url or ""),
    ]
    parts = [
        _h(translate("Photos", "In the article")),
        f'<table cellspacing="0" cellpadding="2">{_rows(record)}</table>'
        if any(v for _k, v in record)
        else _p(translate("Photos", "No caption or credit was recorded.")),
    ]
    if not archived:
        parts.append(
            _p(
                translate(
                    "Photos",
                    "The photo file was not archived; only what the "
                    "article printed about it is kept.",
                )
            )
        )
        return "".join(parts)
    if details is None:
        parts.append(_p(translate("Photos", "Reading the file…")))
        return "".join(parts)
    parts.append(_h(translate("Photos", "In the file")))
    if details.error:
        parts.append(
            _p(translate("Photos", "The file cannot be read: {error}").format(error=details.error))
        )
        return "".join(parts)
    size = translate("Photos", "{width} × {height} pixels, {format}").format(
        width=number(details.width), height=number(details.height), format=details.format
    )
    embedded = [
        (f"{label} ({details.sources[key]})", details.fields[key])
        for key, label in field_labels().items()
        if key in details.fields
    ]
    parts.append(_p(size))
    parts.append(
        f'<table cellspacing="0" cellpadding="2">{_rows(embedded)}</table>'
        if embedded
        else _p(translate("Photos", "No credits or camera details are embedded."))
    )
    return "".join(parts)
