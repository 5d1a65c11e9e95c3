"""Month and day names and time-zone tables the date readers share."""

from __future__ import annotations

from functools import cache

MONTHS = {
    "januari": 1,
    "january": 1,
    "jan": 1,
    "februari": 2,
    "pebruari": 2,
    "february": 2,
    "feb": 2,
    "peb": 2,
    "maret": 3,
    "march": 3,
    "mar": 3,
    "mrt": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "may": 5,
    "juni": 6,
    "june": 6,
    "jun": 6,
    "juli": 7,
    "july": 7,
    "jul": 7,
    "agustus": 8,
    "august": 8,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "aug": 8,
    "agst": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "october": 10,
    "okt": 10,
    "oct": 10,
    "november": 11,
    "nopember": 11,
    "nov": 11,
    "nop": 11,
    "desember": 12,
    "december": 12,
    "des": 12,
    "dec": 12,
}
DAYS = (
    "senin",
    "selasa",
    "rabu",
    "kamis",
    "jumat",
    "jum'at",
    "sabtu",
    "minggu",
    "ahad",
    "isnin",
    "khamis",
    "jumaat",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
)
ZONES = {
    "wib": "+07:00",
    "wita": "+08:00",
    "wit": "+09:00",
    "utc": "+00:00",
    "gmt": "+00:00",
    "z": "+00:00",
    "est": "-05:00",
    "edt": "-04:00",
    "cst": "-06:00",
    "cdt": "-05:00",
    "pst": "-08:00",
    "pdt": "-07:00",
    "cet": "+01:00",
    "cest": "+02:00",
    "bst": "+01:00",
    "jst": "+09:00",
    "sgt": "+08:00",
    "myt": "+08:00",
}
# Zones matched in capitals only: in lower case they are words ("eat", "cat", "art", "met").
# IST is India's (+05:30) here, as in Asian news; dateparser's table says Israel's.
UPPER_ZONES = {
    "EET": "+02:00",
    "EEST": "+03:00",
    "WET": "+00:00",
    "WEST": "+01:00",
    "MET": "+01:00",
    "MEZ": "+01:00",
    "MESZ": "+02:00",
    "MSK": "+03:00",
    "IST": "+05:30",
    "PKT": "+05:00",
    "ICT": "+07:00",
    "HKT": "+08:00",
    "PHT": "+08:00",
    "AWST": "+08:00",
    "KST": "+09:00",
    "ACST": "+09:30",
    "AEST": "+10:00",
    "AEDT": "+11:00",
    "NZST": "+12:00",
    "NZDT": "+13:00",
    "MST": "-07:00",
    "MDT": "-06:00",
    "AKST": "-09:00",
    "AKDT": "-08:00",
    "HST": "-10:00",
    "SAST": "+02:00",
    "CAT": "+02:00",
    "EAT": "+03:00",
    "WAT": "+01:00",
    "GST": "+04:00",
    "BRT": "-03:00",
    "ART": "-03:00",
}


@cache
def zone_table() -> dict[str, str]:
    """Zone abbreviation -> offset ("+02:00"): dateparser's maintained table, then this
    reader's own, which settles the abbreviations that name several zones (IST)."""
    # imported here: dateparser takes a third of a second to import, and few texts need it
    from dateparser.timezones import timezone_info_list

    table: dict[str, str] = {}
    for info in timezone_info_list:
        for name, seconds in info["timezones"]:
            if name.isalpha() and name.isupper():
                sign = "-" if seconds < 0 else "+"
                hours, minutes = divmod(abs(int(seconds)) // 60, 60)
                table.setdefault(name, f"{sign}{hours:02d}:{minutes:02d}")
    table.update({name.upper(): offset for name, offset in ZONES.items() if name != "z"})
    table.update(UPPER_ZONES)
    return table
