//! A variant's own names: `id`, `version` and `effectiveFrom` are written in it, never taken
//! from its parent.

use super::{Doc, one};
use crate::pack::{PackError, PackErrorKind};

/// Each `id`, `version` or `effectiveFrom` a variant (a document with `extends`) leaves out, as
/// an error at its place.
pub(super) fn unnamed_variants(given: &[Doc]) -> Vec<PackError> {
    // A variant names itself: its id, version and date are never its parent's (pack author
    // audit, thirty-ninth session: a variant without `id` passed lint and stamped its answers
    // `shenzhen-2020`; one without `version` was told of a version it never wrote).
    given
        .iter()
        .filter_map(|doc| Some((doc.at.as_deref().unwrap_or_default(), doc.value.as_object()?)))
        .filter(|(_, o)| o.contains_key("extends"))
        .flat_map(|(at, o)| {
            ["id", "version", "effectiveFrom"].into_iter().filter(|k| !o.contains_key(*k)).map(move |k| {
                one(
                    &format!("{at}/{k}"),
                    PackErrorKind::Syntax,
                    format!("缺少字段 `{k}`：变体须写明自己的 `id`、`version` 和 `effectiveFrom`，不沿用父规则包的"),
                    format!("missing field `{k}`: a variant gives its own `id`, `version` and `effectiveFrom`, never its parent's"),
                )
            })
        })
        .collect()
}

/// A version of another family than the first one given (`lg2` beside `lg`), at the version as
/// written; the loader tells it once and nothing more of that version: the versions it gains by
/// following its parent's are not the author's (pack author audit, thirty-ninth session: told
/// twice, then as a duplicate of a version the file never wrote).
pub(super) fn other_family(at: &str, id: &str, first: &str) -> PackError {
    one(
        &format!("{at}/id"),
        PackErrorKind::BadRule,
        format!("一个引擎只装载一个规则包系列；`{id}` 不是 `{first}`"),
        format!("one engine holds one pack family; `{id}` is not `{first}`"),
    )
}
