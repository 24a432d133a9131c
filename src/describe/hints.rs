//! What a form should say under a field nobody has filled in yet: the help of its
//! `field.required`. Every diagnostic of the answer shape has a help (domain.md §7), and the one a
//! half-filled form shows most is this one (thirty-sixth session: it had none).

use super::{KINDS, label, type_name};
use crate::pack::{Locale, Pack};
use crate::schema::{Shape, Subject};

/// The help of a missing value of field `field` (a field id: `supplies.masks`, `roster[].phone`,
/// `answers.INS-S1-2`) that rule `rule_id` needs: the field's own hint in the pack, else the
/// hint of its item's result (a checklist item not answered), else how to write a value of its
/// type (`value:type.date`: 请按年-月-日填写日期…).
pub(crate) fn required_help(pack: &Pack, locale: Locale, rule_id: &str, field: &str) -> Option<String> {
    let subject = pack.rules.iter().find(|r| r.id == rule_id).map(|r| r.subject);
    let hint = |subject: Subject| {
        let item = if field.starts_with("answers.") {
            Some("answers.*.result")
        } else if field.starts_with("units[].checklist.") {
            Some("units[].checklist.*.result")
        } else {
            None
        };
        let own = label(pack, locale, &format!("{}:{field}", subject.name())).1;
        own.or_else(|| item.and_then(|i| label(pack, locale, &format!("{}:{i}", subject.name())).1))
    };
    let own = match subject {
        Some(s) => hint(s),
        None => KINDS.into_iter().find_map(hint),
    };
    own.or_else(|| {
        let mut kinds = subject.map_or(KINDS.to_vec(), |s| vec![s]).into_iter();
        let shape = kinds.find_map(|k| shape_of(crate::schema::shape_for(k), field))?;
        label(pack, locale, &format!("value:type.{}", type_name(shape))).1
    })
}

/// The shape of field id `field` in `shape`: dotted names, `[]` for an array's element, any
/// name inside a map (the indicator counts, the checklist items).
fn shape_of(shape: &'static Shape, field: &str) -> Option<&'static Shape> {
    let mut here = shape;
    for seg in field.split('.') {
        let (name, elem) = seg.strip_suffix("[]").map_or((seg, false), |n| (n, true));
        here = match here {
            Shape::Object(fields) => &fields.iter().find(|f| f.name == name)?.shape,
            Shape::Map(el) => el,
            _ => return None,
        };
        if elem {
            here = match here {
                Shape::Array(el) => el,
                _ => return None,
            };
        }
    }
    Some(here)
}
