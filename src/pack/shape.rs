//! The shape of a rule pack document, checked strictly before it is read; the word lists
//! come from the enums' tables.

use super::doc::{FieldCheckKind, ParamType, RuleKind};
use crate::answer::Severity;
use crate::schema::{Field, Shape, Subject, Ty};

const fn f(name: &'static str, shape: Shape) -> Field {
    Field { name, shape, required: false }
}
const fn leaf(name: &'static str, ty: Ty) -> Field {
    Field { name, shape: Shape::Leaf(ty), required: false }
}
const fn req(name: &'static str, shape: Shape) -> Field {
    Field { name, shape, required: true }
}

const SEVERITY: Shape = Shape::Enum(Severity::WORDS);
const STR: Shape = Shape::Leaf(Ty::Str);

const CHECK_DOC: Shape = Shape::Object(&[
    f("check", Shape::Enum(FieldCheckKind::WORDS)),
    f("fields", Shape::Array(&STR)),
    f("required", Shape::Array(&STR)),
    leaf("allowed", Ty::Str),
    f("checksumSeverity", SEVERITY),
    leaf("assert", Ty::Str),
    leaf("when", Ty::Str),
    leaf("each", Ty::Str),
    leaf("path", Ty::Str),
    leaf("code", Ty::Str),
    f("params", Shape::Map(&STR)),
    f("severity", SEVERITY),
]);

const RULE_DOC: Shape = Shape::Object(&[
    req("id", STR),
    req("kind", Shape::Enum(RuleKind::WORDS)),
    f("severity", SEVERITY),
    leaf("title", Ty::Str),
    f("checks", Shape::Array(&CHECK_DOC)),
    f("causes", Shape::Array(&STR)),
    leaf("each", Ty::Str),
    leaf("when", Ty::Str),
    leaf("start", Ty::Str),
    leaf("days", Ty::Str),
    leaf("by", Ty::Str),
    leaf("code", Ty::Str),
    leaf("path", Ty::Str),
    f("on", Shape::Enum(Subject::WORDS)),
    leaf("section", Ty::Str),
    leaf("weight", Ty::Num),
    leaf("veto", Ty::Bool),
    leaf("naWhen", Ty::Str),
    leaf("field", Ty::Str),
    leaf("numerator", Ty::Str),
    leaf("denominator", Ty::Str),
    leaf("outcome", Ty::Str),
    leaf("from", Ty::Str),
    leaf("personalParams", Ty::Bool),
]);

const PARAM_DOC: Shape = Shape::Object(&[
    req("type", Shape::Enum(ParamType::WORDS)),
    req("value", Shape::Any),
    leaf("min", Ty::Num),
    leaf("max", Ty::Num),
    leaf("description", Ty::Str),
]);

const MESSAGE_DOC: Shape = Shape::Object(&[req("message", STR), leaf("help", Ty::Str)]);

const LABEL_DOC: Shape = Shape::Object(&[req("label", STR), leaf("hint", Ty::Str)]);

/// A rule pack document (after `extends` is resolved).
pub static PACK: Shape = Shape::Object(&[
    req("id", STR),
    leaf("extends", Ty::Str),
    f("removeRules", Shape::Array(&STR)),
    req("version", STR),
    req("effectiveFrom", STR),
    f("title", Shape::Map(&STR)),
    leaf("source", Ty::Str),
    f("parameters", Shape::Map(&PARAM_DOC)),
    f("rules", Shape::Array(&RULE_DOC)),
    f("messages", Shape::Map(&Shape::Map(&MESSAGE_DOC))),
    f("labels", Shape::Map(&Shape::Map(&LABEL_DOC))),
]);
