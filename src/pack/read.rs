//! Rules read back from the compact form (`super::compact`): what serde wrote of a [`Rule`] at
//! build time, read by hand ([`crate::wire`]), field by field in the order of the types'
//! declarations, an enum's variants by their index in it. Its errors are postcard's, in the
//! same order (`tests/precompiled.rs` reads every embedded rule back, and the tests below
//! every kind of rule and every error).

use super::doc::FieldCheckKind;
use super::{AssertCheck, FieldCheck, FieldPath, IsolationRule, Rule, RuleBody, ScreenRule, Seg};
use crate::answer::{ScreenOutcome, Severity};
use crate::expr::Expr;
use crate::expr::stored::ty;
use crate::schema::Subject;
use crate::wire::{Bad, Reader};

/// One rule: the bytes of its chunk.
pub(super) fn rule(bytes: &[u8]) -> Result<Rule, Bad> {
    let r = &mut Reader(bytes);
    Ok(Rule {
        id: r.string()?,
        title: r.option(Reader::string)?,
        subject: word(r, Subject::parse)?,
        severity: word(r, Severity::parse)?,
        body: body(r)?,
    })
}

/// An enum of words (`words_serde!`), written as its word.
fn word<T>(r: &mut Reader<'_>, parse: fn(&str) -> Option<T>) -> Result<T, Bad> {
    parse(r.str()?).ok_or(Bad::Value)
}

fn body(r: &mut Reader<'_>) -> Result<RuleBody, Bad> {
    Ok(match r.variant()? {
        0 => RuleBody::Field(r.seq(field_check)?),
        1 => RuleBody::Assert(r.seq(assert_check)?),
        2 => RuleBody::Isolation(Box::new(IsolationRule {
            each: r.strings()?,
            when: Expr::read(r)?,
            start: Expr::read(r)?,
            days: Expr::read(r)?,
            by: Expr::read(r)?,
            code: r.string()?,
            path: r.strings()?,
            severity: word(r, Severity::parse)?,
        })),
        3 => RuleBody::Gate { causes: r.strings()?, checks: r.seq(assert_check)? },
        4 => RuleBody::Section,
        5 => RuleBody::Item { section: r.string()?, weight: r.f64()?, veto: r.bool()?, na_when: r.option(Expr::read)? },
        6 => RuleBody::Fact { path: r.strings()? },
        7 => RuleBody::Indicator { numerator: r.string()?, denominator: r.string()?, code: r.string()? },
        8 => RuleBody::ChecklistItem,
        9 => RuleBody::Screen(Box::new(ScreenRule {
            when: Expr::read(r)?,
            outcome: word(r, ScreenOutcome::parse)?,
            from: r.option(Expr::read)?,
            days: r.option(Expr::read)?,
            code: r.string()?,
            path: r.strings()?,
        })),
        _ => return Err(Bad::Value),
    })
}

fn field_path(r: &mut Reader<'_>) -> Result<FieldPath, Bad> {
    let segs = r.seq(|r| match r.variant()? {
        0 => Ok(Seg::Key(r.string()?)),
        1 => Ok(Seg::Each(r.string()?)),
        _ => Err(Bad::Value),
    })?;
    Ok(FieldPath { segs, ty: ty::read(r)?, slots: Default::default() })
}

fn field_check(r: &mut Reader<'_>) -> Result<FieldCheck, Bad> {
    Ok(FieldCheck {
        check: word(r, FieldCheckKind::parse)?,
        fields: r.seq(field_path)?,
        required: r.seq(field_path)?,
        allowed: r.option(Reader::strings)?,
        checksum_severity: word(r, Severity::parse)?,
        severity: word(r, Severity::parse)?,
    })
}

fn assert_check(r: &mut Reader<'_>) -> Result<AssertCheck, Bad> {
    Ok(AssertCheck {
        assert: r.option(Expr::read)?,
        required: r.seq(Reader::strings)?,
        required_slots: Default::default(),
        when: r.option(Expr::read)?,
        each: r.option(Reader::strings)?,
        path: r.strings()?,
        code: r.string()?,
        params: r.seq(|r| Ok::<_, Bad>((r.string()?, Expr::read(r)?)))?,
        severity: word(r, Severity::parse)?,
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::pack::compact;

    /// Every rule of the embedded packs (read by this reader, every one checked: `decode`), as
    /// serde writes it. `tests/precompiled.rs` shows them equal to the rules compiled from JSON.
    fn rules() -> Vec<(Rule, Vec<u8>)> {
        let blob = include_bytes!(concat!(env!("OUT_DIR"), "/packs.bin"));
        let mut out: Vec<(Rule, Vec<u8>)> = Vec::new();
        for id in compact::family_ids(blob).unwrap_or_default() {
            let packs = compact::decode(blob, Some(&id)).unwrap_or_else(|e| unreachable!("{id}: {e}"));
            for r in packs.iter().flatten().flat_map(|p| p.rules.iter()) {
                let bytes = postcard::to_allocvec(r).unwrap_or_default();
                if !out.iter().any(|(_, b)| *b == bytes) {
                    out.push((r.clone(), bytes));
                }
            }
        }
        out
    }

    /// Every rule reads back as it was (every kind of rule occurs); cut anywhere, or with bytes
    /// after it, as postcard read it.
    #[test]
    fn every_embedded_rule_reads_back() {
        let rules = rules();
        let kinds: BTreeSet<&str> = rules.iter().map(|(r, _)| r.kind_name()).collect();
        assert_eq!(kinds.len(), super::super::doc::RuleKind::ALL.len(), "{kinds:?}");
        for (want, bytes) in &rules {
            assert_eq!(rule(bytes).map(|r| format!("{r:?}")), Ok(format!("{want:?}")));
            let mut more = bytes.clone();
            more.extend_from_slice(b"after");
            assert_eq!(rule(&more).map(|r| format!("{r:?}")), Ok(format!("{want:?}")));
            for cut in (0..bytes.len()).step_by(7) {
                assert_eq!(
                    rule(bytes.get(..cut).unwrap_or_default()).err(),
                    Some(Bad::End),
                    "{} cut at {cut}",
                    want.id
                );
            }
        }
    }

    /// A word, a variant, a day or a type that is none: serde's custom error, as postcard told it.
    #[test]
    fn a_value_that_is_none_is_refused() {
        let section = |subject: &str, severity: &str, variant: u8| {
            let mut b = vec![1, b'x', 0, subject.len() as u8];
            b.extend_from_slice(subject.as_bytes());
            b.push(severity.len() as u8);
            b.extend_from_slice(severity.as_bytes());
            b.push(variant);
            b
        };
        assert!(rule(&section("filing", "error", 4)).is_ok_and(|r| matches!(r.body, RuleBody::Section)));
        assert_eq!(rule(&section("filings", "error", 4)).err(), Some(Bad::Value));
        assert_eq!(rule(&section("filing", "fatal", 4)).err(), Some(Bad::Value));
        assert_eq!(rule(&section("filing", "error", 10)).err(), Some(Bad::Value));
        assert_eq!(rule(&[1, b'x', 2]).err(), Some(Bad::Option));
        assert_eq!(rule(&[1, 0xff]).err(), Some(Bad::Utf8));
        // A field path of type 4 (there are four).
        let mut field = section("filing", "error", 0);
        field.extend_from_slice(&[1, 4, b't', b'e', b'x', b't', 1, 1, 0, 1, b'a', 4]);
        assert_eq!(rule(&field).err(), Some(Bad::Value));
    }
}
