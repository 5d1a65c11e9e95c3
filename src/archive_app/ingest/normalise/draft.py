"""The record being built by the normaliser's stages, noting which rule set each field."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from archive_app.domain.model import CatalogueRecord, PersonRole, Photo, RelatedLink
from archive_app.domain.review import ReviewFlag
from archive_app.domain.site_rules import SiteRules, rules
from archive_app.ingest.normalise import dates
from archive_app.ingest.normalise.captions import CaptionCredit
from archive_app.ingest.normalise.date_conflict import date_conflict
from archive_app.ingest.normalise.date_fallback import parse_fallback
from archive_app.ingest.normalise.people import desk_domain
from archive_app.ingest.normalise.text import fold


class Draft:
    """A catalogue record in the making, with helpers that record each field's rule.

    `record` holds the single fields set so far (a new frozen record each time one is set);
    the collections that grow item by item (rules, photos, related links, review flags,
    warnings) gather on the draft itself, and `finish` joins them to the record.
    """

    def __init__(self) -> None:
        self._record = CatalogueRecord()
        # fields set since `_record` was last built: copying a frozen record of forty fields for
        # every field set cost an import of the Reuters files an eighth more CPU, so the values
        # wait here and the record is built when someone looks at it whole (or at finish)
        self._values: dict[str, Any] = {}
        self.rules: dict[str, str] = {}
        self.photos: list[Photo] = []
        self.related: list[RelatedLink] = []
        self.review: list[ReviewFlag] = []
        self.warnings: list[str] = []
        self.credits: list[PersonRole] = []
        self.site_rules: SiteRules | None = None

    def set(self, field: str, value: object, rule: str) -> None:
        self.put(**{field: value})
        self.rules[field] = rule

    def put(self, **values: Any) -> None:
        """Give the record these field values (no rule noted)."""
        self._values.update(values)

    def get(self, field: str) -> Any:
        """One field's value so far (without building the record)."""
        if field in self._values:
            return self._values[field]
        return getattr(self._record, field)

    @property
    def record(self) -> CatalogueRecord:
        """The single fields set so far, as a record."""
        if self._values:
            self._record = replace(self._record, **self._values)
            self._values = {}
        return self._record

    def finish(self) -> CatalogueRecord:
        """The record with the collections gathered on the draft."""
        return replace(
            self._record,
            **self._values,
            rules=self.rules,
            photos=self.photos,
            related=self.related,
            review=self.review,
            warnings=self.warnings,
        )

    def warn(self, message: str) -> None:
        """Say something in the import report, with nothing for a librarian to review."""
        self.warnings.append(message)

    def flag(self, kind: str, message: str) -> None:
        """Note what the rules are unsure of: kept on the record for a librarian's review
        (a kind of REVIEW_KINDS) and said in the import report."""
        self.review.append(ReviewFlag(kind, message))
        self.warnings.append(message)

    def add_photo(self, found: CaptionCredit) -> None:
        self.photos.append(
            Photo(
                caption=found.caption,
                credit=found.credit,
                photographer=found.photographer,
                agency=found.agency,
                rule=found.rule,
            )
        )
        self.rules.setdefault("captions", found.rule)
        if found.photographer:
            self.credits.append(PersonRole(found.photographer, "photographer"))
            self.rules.setdefault("people.photographer", found.rule)

    def add_credits(self, people: list[PersonRole], rule: str, line: str = "") -> None:
        if rule == "people:desk-byline":
            self.use_site(desk_domain(line), "site:desk")
        self.credits.extend(people)
        for person in people:
            self.rules.setdefault(f"people.{person.role}", rule)

    def add_related(self, title: str, rule: str) -> None:
        title = fold(title)
        if title:
            self.related.append(RelatedLink(title))
            self.rules.setdefault("related", rule)

    def set_agency(self, agency: str, rule: str) -> None:
        if agency and self.get("agency") is None:
            self.set("agency", agency, rule)

    def use_site(self, domain: str | None, rule: str) -> None:
        if domain and self.get("site") is None:
            self.set("site", domain, rule)
            self.site_rules = rules().site(domain)

    def default_offset(self) -> str | None:
        if self.site_rules is not None and self.site_rules.timezone:
            return self.site_rules.timezone
        return rules().default_timezone.get(self.get("language") or "")

    def apply_date(
        self, text: str, origin: str, time_text: str = "", *, update: bool = False
    ) -> None:
        """Read a date into published (or updated, after "Diperbarui", or when `update` says
        the source named it an update time); the hand-written reader first, dateparser for
        what it does not know; a date that neither reads leaves the field empty, keeps the
        original and flags the date for review."""
        language = self.get("language")
        if fold(text).lower() in rules().missing_authors:
            return  # "Tidak Ditemukan": the source says it has no date
        offset = self.default_offset()
        day_first = language != "en"
        try:
            if time_text:
                found = dates.combine_date_time(
                    text, time_text, default_offset=offset, day_first=day_first
                )
            else:
                found = dates.parse_dates(text, default_offset=offset, day_first=day_first)
        except dates.DateProblem as problem:
            self._unreadable(text, f"cannot be read ({problem})", update)
            return
        if not found:
            joined = f"{text} {time_text}" if time_text.strip() else text
            fallback = parse_fallback(
                joined, default_offset=offset, day_first=day_first, language=language
            )
            if fallback is None:
                self._unreadable(text, "cannot be read", update)
                return
            found = [fallback]
        for parsed in found:
            field = "updated" if update or parsed.is_update else "published"
            if self.get(field) is None:
                self.put(**{field: parsed.value, f"{field}_raw": parsed.raw})
                self.rules[field] = f"{parsed.rule}:{origin}"

    def check_column_day(self) -> None:
        """Flag a date column that gave only a day when the address or the opening sentence
        names another (the column's value is kept: the librarian decides)."""
        if not self.rules.get("published", "").endswith(":column"):
            return
        conflict = date_conflict(self.get("published"), self.get("url"), self.get("body"))
        if conflict is not None:
            self.flag("date", conflict)

    def _unreadable(self, text: str, why: str, update: bool = False) -> None:
        field = "updated" if update or dates.UPDATE_MARKERS.search(text) else "published"
        if self.get(f"{field}_raw") is None:
            self.put(**{f"{field}_raw": text.strip()})
        self.flag("date", f"date {text.strip()!r} {why}; {field} left empty")
