//! A version's parameters: each value checked against its type (a refused one stands in with a
//! value of its type, so that it is reported once), and the inspection's score ladder.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde_json::Value;

use super::checks::is_ident;
use super::{MAX_DAYS, MAX_NUMBER, ParamTable};
use crate::expr::ParamValue;
use crate::pack::doc::{ParamDoc, ParamType};
use crate::pack::error::pe;
use crate::pack::{PackError, PackErrorKind};

/// The parameters of a version, and the names of those whose value was refused (each reported
/// here, in `errors`, and known with a stand-in); a name that is no identifier is left out.
pub(super) fn read(parameters: &[(String, ParamDoc)], errors: &mut Vec<PackError>) -> (ParamTable, BTreeSet<String>) {
    let mut params = BTreeMap::new();
    let mut refused = BTreeSet::new();
    for (name, p) in parameters {
        if !is_ident(name) {
            let (zh, en) = (format!("`{name}` 不是有效的参数名"), format!("`{name}` is not a parameter name"));
            errors.push(pe(
                crate::pointer::Pointer::from_segments(["parameters", name.as_str()]).to_string(),
                PackErrorKind::BadParameter,
                zh,
                en,
            ));
            continue;
        }
        match param_value(name, p) {
            Ok(v) => {
                params.insert(name.clone(), v);
            }
            Err((zh, en)) => {
                errors.push(pe(
                    crate::pointer::Pointer::from_segments(["parameters", name.as_str(), "value"]).to_string(),
                    PackErrorKind::BadParameter,
                    zh,
                    en,
                ));
                // Still known, with a stand-in of its declared type: the rules that read it
                // type-check against it, so the one mistake is not reported again as an unknown
                // parameter at every rule that uses it. The pack is refused all the same.
                params.insert(name.clone(), stand_in(p.ty));
                refused.insert(name.clone());
            }
        }
    }
    (ParamTable(params), refused)
}

/// Parameters that must come in order, each pair (lower, upper) told at the lower's value: the
/// ladder, 限期整改 from conditionalScore and 检查合格 from approvedScore (packs audit: a
/// conditionalScore above approvedScore loaded, and no score could be conditional); a fever
/// within the plausible readings (pack author audit, thirty-seventh session: a fever bound of 45
/// above a plausible 43 made every fever "implausible", never 发热门诊; one below the plausible
/// minimum made every reading a fever). Not when either value was refused: its stand-in (0) is no
/// value of the pack's, and comparing it told of an `approvedScore` (0) never written (zh audit, B1).
pub(super) fn ladder(table: &ParamTable, refused: &BTreeSet<String>, errors: &mut Vec<PackError>) {
    const ORDERED: [(&str, &str); 3] = [
        ("conditionalScore", "approvedScore"),
        ("plausibleTemperatureMin", "feverTemperature"),
        ("feverTemperature", "plausibleTemperatureMax"),
    ];
    for (low, high) in ORDERED {
        if refused.contains(low) || refused.contains(high) {
            continue;
        }
        if let (Some(ParamValue::Num(a)), Some(ParamValue::Num(b))) = (table.0.get(low), table.0.get(high))
            && a > b
        {
            let (a, b) = (crate::num::text(*a), crate::num::text(*b));
            errors.push(pe(
                format!("/parameters/{low}/value"),
                PackErrorKind::BadParameter,
                format!("`{low}`（{a}）不得高于 `{high}`（{b}）"),
                format!("`{low}` ({a}) must not be above `{high}` ({b})"),
            ));
        }
    }
}

/// Why a parameter's value is refused: (zh, en), for `ok_or_else`.
fn refused(zh: &'static str, en: &'static str) -> impl Fn() -> (String, String) + Copy {
    move || (zh.to_owned(), en.to_owned())
}

fn param_value(name: &str, p: &ParamDoc) -> Result<ParamValue, (String, String)> {
    let num = |v: &Value| v.as_f64().filter(|x| x.is_finite());
    let v = match p.ty {
        ParamType::Days | ParamType::Count => {
            let x = num(&p.value).ok_or_else(refused("应为数字", "must be a number"))?;
            if x < 0.0 || x.fract() != 0.0 {
                let zh = format!("`{name}` 应为 ≥ 0 的整数，实际为 `{}`", p.value);
                return Err((zh, format!("`{name}` must be a whole number ≥ 0, found `{}`", p.value)));
            }
            if p.ty == ParamType::Days && x > MAX_DAYS {
                let (v, most) = (&p.value, MAX_DAYS);
                let zh = format!("`{name}` 最多 {most} 天（十年），实际为 `{v}`");
                return Err((zh, format!("`{name}` must be at most {most} days (ten years), found `{v}`")));
            }
            ParamValue::Num(x)
        }
        ParamType::Number => {
            let x = num(&p.value).ok_or_else(refused("应为数字", "must be a number"))?;
            // Products of counts (≤ 2^53) and such numbers stay finite: `masksPerPersonPerDay`
            // of 1e307 overflowed, and 60 masks for 8 people were approved (packs audit).
            if x.abs() > MAX_NUMBER {
                let (m, v) = (crate::num::text(MAX_NUMBER), &p.value);
                let zh = format!("`{name}` 应在 -{m} 到 {m} 之间，实际为 `{v}`");
                return Err((zh, format!("`{name}` must be from -{m} to {m}, found `{v}`")));
            }
            ParamValue::Num(x)
        }
        ParamType::Date => {
            let s = p.value.as_str().ok_or_else(refused("应为日期 `YYYY-MM-DD`", "must be a date `YYYY-MM-DD`"))?;
            let not_date = |_| (format!("`{s}` 不是日期 `YYYY-MM-DD`"), format!("`{s}` is not a date `YYYY-MM-DD`"));
            ParamValue::Date(crate::time::parse_iso_date(s).ok_or(()).map_err(not_date)?)
        }
        ParamType::Text => ParamValue::Str(p.value.as_str().ok_or_else(refused("应为文本", "must be a text"))?.into()),
        ParamType::Texts => {
            let t = refused("应为文本列表", "must be a list of texts");
            let a = p.value.as_array().ok_or_else(t)?;
            ParamValue::StrList(a.iter().map(|x| x.as_str().map(str::to_owned)).collect::<Option<_>>().ok_or_else(t)?)
        }
        ParamType::Bool => {
            ParamValue::Bool(p.value.as_bool().ok_or_else(refused("应为 true 或 false", "must be true or false"))?)
        }
    };
    if let ParamValue::Num(x) = v {
        if let Some(min) = p.min.filter(|m| x < *m) {
            let (min, x) = (crate::num::text(min), crate::num::text(x));
            let zh = format!("`{name}` 应不小于 {min}，实际为 `{x}`");
            return Err((zh, format!("`{name}` must be at least {min}, found `{x}`")));
        }
        if let Some(max) = p.max.filter(|m| x > *m) {
            let (max, x) = (crate::num::text(max), crate::num::text(x));
            let zh = format!("`{name}` 应不大于 {max}，实际为 `{x}`");
            return Err((zh, format!("`{name}` must be at most {max}, found `{x}`")));
        }
    }
    Ok(v)
}

/// A value of parameter type `ty`, standing in for one refused (never evaluated: a pack with
/// an error is not compiled).
fn stand_in(ty: ParamType) -> ParamValue {
    match ty {
        ParamType::Days | ParamType::Count | ParamType::Number => ParamValue::Num(0.0),
        ParamType::Date => ParamValue::Date(NaiveDate::MIN),
        ParamType::Text => ParamValue::Str(String::new()),
        ParamType::Texts => ParamValue::StrList(Vec::new()),
        ParamType::Bool => ParamValue::Bool(false),
    }
}
