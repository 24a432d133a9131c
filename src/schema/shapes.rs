//! The input shapes, one table per kind of submission (domain.md §2–§5).

use super::{Field, Shape, Ty};

const fn f(name: &'static str, shape: Shape) -> Field {
    Field { name, shape, required: false }
}
const fn leaf(name: &'static str, ty: Ty) -> Field {
    Field { name, shape: Shape::Leaf(ty), required: false }
}

const PERSON: Shape = Shape::Object(&[leaf("name", Ty::Str), leaf("phone", Ty::Str), leaf("idNumber", Ty::Str)]);

/// A roster employee (domain.md §2).
pub const ROSTER_ENTRY: Shape = Shape::Object(&[
    leaf("name", Ty::Str),
    leaf("idNumber", Ty::Str),
    leaf("phone", Ty::Str),
    leaf("returning", Ty::Bool),
    leaf("keyAreaHistory", Ty::Bool),
    leaf("closeContact", Ty::Bool),
    leaf("arrivedOn", Ty::Date),
]);

/// An open rectification carried into a filing from the firm's inspections.
pub const RECTIFICATION: Shape = Shape::Object(&[
    leaf("itemId", Ty::Str),
    leaf("deadline", Ty::Date),
    leaf("resolved", Ty::Bool),
    leaf("veto", Ty::Bool),
]);

/// The return-to-work filing of domain.md §2.
pub static FILING: Shape = Shape::Object(&[
    leaf("filedOn", Ty::Date),
    leaf("plannedResumption", Ty::Date),
    f(
        "enterprise",
        Shape::Object(&[
            leaf("name", Ty::Str),
            leaf("creditCode", Ty::Str),
            leaf("districtCode", Ty::Str),
            leaf("street", Ty::Str),
            leaf("community", Ty::Str),
            leaf("address", Ty::Str),
            leaf("whitelisted", Ty::Bool),
        ]),
    ),
    f("contacts", Shape::Object(&[f("firstResponsible", PERSON), f("healthLiaison", PERSON)])),
    f(
        "staff",
        Shape::Object(&[
            leaf("total", Ty::Num),
            leaf("returning", Ty::Num),
            leaf("local", Ty::Num),
            leaf("fromOutside", Ty::Num),
            f(
                "keyArea",
                Shape::Object(&[
                    leaf("returned", Ty::Num),
                    leaf("isolationComplete", Ty::Num),
                    leaf("stillThere", Ty::Num),
                    leaf("unreachable", Ty::Num),
                ]),
            ),
        ]),
    ),
    f("roster", Shape::Array(&ROSTER_ENTRY)),
    f(
        "supplies",
        Shape::Object(&[
            leaf("masks", Ty::Num),
            leaf("thermometers", Ty::Num),
            leaf("disinfectantLiters", Ty::Num),
            leaf("gloves", Ty::Num),
        ]),
    ),
    f(
        "measures",
        Shape::Object(&[
            leaf("preventionTeamSize", Ty::Num),
            leaf("teamTrained", Ty::Bool),
            leaf("emergencyPlan", Ty::Bool),
            leaf("isolationRooms", Ty::Num),
            leaf("singleRoomIsolation", Ty::Bool),
            leaf("closedManagement", Ty::Bool),
            leaf("temperatureChecksPerDay", Ty::Num),
            leaf("fingerprintClockSuspended", Ty::Bool),
            f(
                "canteen",
                Shape::Object(&[
                    leaf("present", Ty::Bool),
                    leaf("staggered", Ty::Bool),
                    leaf("boxedMeals", Ty::Bool),
                    leaf("dispersedDining", Ty::Bool),
                ]),
            ),
            f(
                "dormitory",
                Shape::Object(&[leaf("rooms", Ty::Num), leaf("residents", Ty::Num), leaf("areaM2", Ty::Num)]),
            ),
            leaf("disinfectionLog", Ty::Bool),
            leaf("commitmentSigned", Ty::Bool),
        ]),
    ),
    f("openRectifications", Shape::Array(&RECTIFICATION)),
]);

/// Evidence kinds of the Chongqing re-inspection form (an answer's `evidence`).
pub const EVIDENCE: &[&str] = &["document", "record", "onsite", "interview"];

const ANSWER: Shape = Shape::Object(&[leaf("result", Ty::Str), leaf("evidence", Ty::Str), leaf("note", Ty::Str)]);

/// A rectification as recorded by an inspection.
pub const PREVIOUS_RECTIFICATION: Shape = Shape::Object(&[
    leaf("itemId", Ty::Str),
    leaf("deadline", Ty::Date),
    leaf("resolved", Ty::Bool),
    leaf("veto", Ty::Bool),
]);

/// An inspection (domain.md §3).
pub static INSPECTION: Shape = Shape::Object(&[
    leaf("inspectedOn", Ty::Date),
    f("enterprise", Shape::Object(&[leaf("name", Ty::Str), leaf("creditCode", Ty::Str)])),
    f("inspector", Shape::Object(&[leaf("name", Ty::Str), leaf("badge", Ty::Str)])),
    leaf("keyAreaStaffReturned", Ty::Bool),
    f("answers", Shape::Map(&ANSWER)),
    f(
        "facts",
        Shape::Object(&[
            leaf("basics", Ty::Str),
            leaf("workflow", Ty::Str),
            leaf("isolation", Ty::Str),
            leaf("stocks", Ty::Str),
            f("knowledge", Shape::Object(&[leaf("sampled", Ty::Num), leaf("correct", Ty::Num)])),
            f("needs", Shape::StrList),
        ]),
    ),
    f(
        "previous",
        Shape::Array(&Shape::Object(&[
            leaf("inspectedOn", Ty::Date),
            f("rectifications", Shape::Array(&PREVIOUS_RECTIFICATION)),
        ])),
    ),
]);

/// The five levels of 五级联防, top down (a unit's `level`).
pub const LEVELS: &[&str] = &["district", "street", "community", "grid", "unit"];

/// One unit of a daily indicator report (grid, community, street, district).
pub const UNIT: Shape = Shape::Object(&[
    leaf("id", Ty::Str),
    leaf("parent", Ty::Str),
    leaf("level", Ty::Str),
    leaf("name", Ty::Str),
    f("counts", Shape::Map(&Shape::Leaf(Ty::Num))),
    f("checklist", Shape::Map(&ANSWER)),
]);

/// The ten counts of domain.md §4 that a unit's `counts` may hold (numerator, then denominator,
/// of IND-1 … IND-5). Other keys are accepted by the shape (the indicators warn of them).
pub const INDICATOR_COUNTS: [&str; 10] = [
    "compoundsEnclosed",
    "compounds",
    "keyAreaHomeIsolated",
    "keyAreaArrivals",
    "closeContactsQuarantined",
    "closeContacts",
    "entrancesTwoWayChecked",
    "entrances",
    "rentalUnitsRegistered",
    "rentalUnits",
];

/// A daily report of the community indicators (domain.md §4).
pub static INDICATORS: Shape = Shape::Object(&[leaf("date", Ty::Date), f("units", Shape::Array(&UNIT))]);

/// A personal screening declaration (domain.md §5).
pub static SCREENING: Shape = Shape::Object(&[
    leaf("declaredOn", Ty::Date),
    leaf("visitedEpidemicArea", Ty::Bool),
    leaf("leftAreaOn", Ty::Date),
    leaf("contactWithAreaPeople", Ty::Bool),
    leaf("contactWithConfirmed", Ty::Bool),
    leaf("lastContactOn", Ty::Date),
    leaf("attendedGatherings", Ty::Bool),
    f(
        "symptoms",
        Shape::Object(&[leaf("temperature", Ty::Num), leaf("dryCough", Ty::Bool), leaf("fatigue", Ty::Bool)]),
    ),
]);

/// Fields that hold a person's data (name, phone, ID number, address), by field id
/// (`roster[].phone`). They are never echoed by default: `normalized[]` leaves them out unless
/// the caller asks for them (`Options::personal`), and a pack may not put them into message
/// params (`lint-pack`). The site address is one (issue 10 point 7 names addresses): an
/// individual business's site is often a home (messages audit, thirty-sixth session: a pack
/// put `深圳市光明区… 王五家` into a message, and `normalized` gave it back by default).
/// Enterprise names and credit codes are a business's, not a person's.
pub const PERSONAL_FIELDS: &[&str] = &[
    "enterprise.address",
    "contacts.firstResponsible.name",
    "contacts.firstResponsible.phone",
    "contacts.firstResponsible.idNumber",
    "contacts.healthLiaison.name",
    "contacts.healthLiaison.phone",
    "contacts.healthLiaison.idNumber",
    "roster[].name",
    "roster[].idNumber",
    "roster[].phone",
    "inspector.name",
];
