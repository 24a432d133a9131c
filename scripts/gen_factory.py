#!/usr/bin/env python3
"""Generate examples/filings/factory-1000.json: a 1,000-person factory's 复工备案.

The filing is synthetic but consistent, and the script is deterministic (no randomness,
no clock): running it twice writes the same bytes. Run from anywhere:

    python3 scripts/gen_factory.py            # writes examples/filings/factory-1000.json
    python3 scripts/gen_factory.py --check    # exits 1 if the file differs from what it would write

The factory (in Bao'an district, 440306) files on 2020-02-04 to resume on 2020-02-10.
Its roster lists all 1,000 employees, one per line, in four groups:

    员工0001–员工0500  stayed in Shenzhen over the holiday, returning
    员工0501–员工0820  returning from outside; every 13th of them (员工0501, 员工0514, …,
                       员工0800: 24 people) comes from a key area (重点疫区) and has an
                       arrival date
    员工0821–员工0835  still in a key area (15), not returning yet, all reachable
    员工0836–员工1000  not returning yet, no key-area history

Of the 24 key-area returnees, 10 finished their 14 days of isolation by the filing date,
8 finish by the planned date, and 6 arrived 2020-01-28 or later: they are still isolating
on 2020-02-10 and get an earliest start date (RTW-T3 warnings, decision `conditional`).

Identity numbers follow GB 11643-1999 (check character computed below); phones are
mainland mobiles 1[3-9]xxxxxxxxx.
"""

import datetime as dt
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "examples" / "filings" / "factory-1000.json"

FILED_ON = dt.date(2020, 2, 4)
PLANNED_RESUMPTION = dt.date(2020, 2, 10)
ISOLATION_DAYS = 14  # RTW-T3, default pack parameter isolationDays
MASKS_PER_PERSON_PER_DAY, STOCK_DAYS = 2, 3  # RTW-P4

TOTAL = 1000
LOCAL = range(1, 501)  # employee numbers, 1-based
FROM_OUTSIDE = range(501, 821)
STILL_IN_KEY_AREA = range(821, 836)
NOT_RETURNING = range(836, 1001)
KEY_AREA = range(501, 801, 13)  # 员工0501, 员工0514, …, 员工0800: 24 from a key area

# Arrival dates of the 24 key-area returnees, in roster order.
KEY_AREA_ARRIVALS = [
    # isolation complete by the filing date (arrival + 14 <= 2020-02-04)
    "2020-01-18", "2020-01-18", "2020-01-19", "2020-01-19", "2020-01-20",
    "2020-01-20", "2020-01-20", "2020-01-21", "2020-01-21", "2020-01-21",
    # complete by the planned resumption (arrival + 14 <= 2020-02-10)
    "2020-01-22", "2020-01-23", "2020-01-23", "2020-01-24", "2020-01-25",
    "2020-01-26", "2020-01-27", "2020-01-27",
    # still isolating on 2020-02-10
    "2020-01-28", "2020-01-29", "2020-01-31", "2020-02-01", "2020-02-02", "2020-02-03",
]

# Address codes (first 6 digits of the identity number), cycled through by group.
LOCAL_AREAS = ["440306", "440307", "440311", "441502", "445202", "440882", "441602", "440513"]
OUTSIDE_AREAS = ["430102", "360102", "450102", "510104", "411302", "522601", "350102", "431102"]
KEY_AREAS = ["420106", "420111", "421102", "420902", "421002", "420502"]  # Hubei

MOBILE_PREFIXES = ["138", "139", "137", "136", "150", "151", "158", "186", "188", "189"]

ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_CHECK = "10X98765432"


def id_number(area: str, birth: dt.date, sequence: int) -> str:
    """An 18-character 居民身份证号码 with its GB 11643-1999 check character."""
    body = f"{area}{birth:%Y%m%d}{sequence:03d}"
    total = sum(int(d) * w for d, w in zip(body, ID_WEIGHTS))
    return body + ID_CHECK[total % 11]


def birth_date(n: int) -> dt.date:
    """Born 1965–2000, spread deterministically over the employee number."""
    return dt.date(1965 + (n * 7) % 36, 1 + (n * 5) % 12, 1 + (n * 11) % 28)


def phone(n: int) -> str:
    return MOBILE_PREFIXES[n % len(MOBILE_PREFIXES)] + f"{(n * 7919 + 1234567) % 100_000_000:08d}"


def employee(n: int, area: str, returning: bool, key_area: bool, arrived_on=None) -> dict:
    e = {
        "name": f"员工{n:04d}",
        "idNumber": id_number(area, birth_date(n), (n * 37) % 1000),
        "phone": phone(n),
        "returning": returning,
        "keyAreaHistory": key_area,
        "closeContact": False,
    }
    if arrived_on is not None:
        e["arrivedOn"] = arrived_on
    return e


def build_roster() -> list:
    roster = []
    arrivals = iter(KEY_AREA_ARRIVALS)
    for n in LOCAL:
        roster.append(employee(n, LOCAL_AREAS[n % len(LOCAL_AREAS)], True, False))
    for n in FROM_OUTSIDE:
        if n in KEY_AREA:
            roster.append(employee(n, KEY_AREAS[n % len(KEY_AREAS)], True, True, next(arrivals)))
        else:
            roster.append(employee(n, OUTSIDE_AREAS[n % len(OUTSIDE_AREAS)], True, False))
    for n in STILL_IN_KEY_AREA:
        roster.append(employee(n, KEY_AREAS[n % len(KEY_AREAS)], False, True))
    for n in NOT_RETURNING:
        roster.append(employee(n, OUTSIDE_AREAS[n % len(OUTSIDE_AREAS)], False, False))
    assert len(roster) == TOTAL and len(KEY_AREA) == len(KEY_AREA_ARRIVALS)
    return roster


def build_filing() -> dict:
    roster = build_roster()
    returning = sum(e["returning"] for e in roster)
    key_area = [e for e in roster if e["returning"] and e["keyAreaHistory"]]
    masks = 6000
    assert masks >= returning * MASKS_PER_PERSON_PER_DAY * STOCK_DAYS  # 820 × 2 × 3 = 4,920
    isolation_complete = sum(
        dt.date.fromisoformat(e["arrivedOn"]) + dt.timedelta(days=ISOLATION_DAYS) <= FILED_ON for e in key_area
    )
    return {
        "filedOn": FILED_ON.isoformat(),
        "plannedResumption": PLANNED_RESUMPTION.isoformat(),
        "enterprise": {
            "name": "深圳市宝安区某某精密制造有限公司",
            "creditCode": "91440306MA5F8LUY2T",
            "districtCode": "440306",
            "street": "福永街道",
            "community": "凤凰社区",
            "address": "深圳市宝安区福永街道凤凰社区某某工业园A栋",
            "whitelisted": False,
        },
        "contacts": {
            "firstResponsible": {"name": "黄某某", "phone": "13925550101", "idNumber": id_number("440306", dt.date(1975, 6, 12), 31)},
            "healthLiaison": {"name": "周某某", "phone": "0755-27651234"},
        },
        "staff": {
            "total": TOTAL,
            "returning": returning,
            "local": len(LOCAL),
            "fromOutside": len(FROM_OUTSIDE),
            "keyArea": {
                "returned": len(key_area),
                "isolationComplete": isolation_complete,
                "stillThere": len(STILL_IN_KEY_AREA),
                "unreachable": 0,
            },
        },
        "roster": roster,
        "supplies": {
            "masks": masks,
            "thermometers": 30,
            "disinfectantLiters": 200,
            "gloves": 2000,
        },
        "measures": {
            "preventionTeamSize": 12,
            "teamTrained": True,
            "emergencyPlan": True,
            "isolationRooms": 30,
            "singleRoomIsolation": True,
            "closedManagement": True,
            "temperatureChecksPerDay": 3,
            "fingerprintClockSuspended": True,
            "canteen": {"present": True, "staggered": True, "boxedMeals": True, "dispersedDining": True},
            # 600 residents in 110 rooms (≤ 6 a room) on 1,650 m² (2.75 m² each)
            "dormitory": {"rooms": 110, "residents": 600, "areaM2": 1650},
            "disinfectionLog": True,
            "commitmentSigned": True,
        },
    }


def render(filing: dict) -> str:
    """Pretty JSON, but one roster entry per line so the file stays readable."""
    roster = filing.pop("roster")
    text = json.dumps(filing, ensure_ascii=False, indent=2)
    lines = ",\n".join("    " + json.dumps(e, ensure_ascii=False) for e in roster)
    marker = '  "supplies": {'
    return text.replace(marker, '  "roster": [\n' + lines + "\n  ],\n" + marker, 1) + "\n"


def main() -> int:
    text = render(build_filing())
    if "--check" in sys.argv[1:]:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print(f"{OUT}: {'up to date' if same else 'differs'}")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(text.encode('utf-8'))} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
