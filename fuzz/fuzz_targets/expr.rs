//! The pack expression language: compile any text in the filing's scope (and per roster
//! entry); what compiles evaluates against the golden filings without panicking.
#![no_main]
use fangkong::expr::{Env, Expr, ParamValue, Params, Scope};
use fangkong::schema::{FILING, ROSTER_ENTRY};
use libfuzzer_sys::fuzz_target;

struct P;
impl Params for P {
    fn param(&self, name: &str) -> Option<&ParamValue> {
        static LEAD: ParamValue = ParamValue::Num(5.0);
        static ON: ParamValue = ParamValue::Bool(true);
        match name {
            "leadDays" => Some(&LEAD),
            "strict" => Some(&ON),
            _ => None,
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    let today = chrono::NaiveDate::from_ymd_opt(2020, 2, 4).unwrap_or_default();
    let docs = fangkong_fuzz::golden(fangkong_fuzz::Kind::Filing);
    if let Ok(e) = Expr::compile(src, &Scope { doc: &FILING, elem: None, params: &P }) {
        for doc in docs {
            let env = Env::new(doc, today);
            let _ = fangkong::expr::to_json(&e.eval(&env));
            let _ = e.truth(&env);
        }
    }
    if let Ok(e) = Expr::compile(src, &Scope { doc: &FILING, elem: Some(&ROSTER_ENTRY), params: &P }) {
        for doc in docs {
            for elem in doc.get("roster").and_then(|r| r.as_array()).into_iter().flatten().take(3) {
                let env = Env::new(doc, today).with_elem(elem.into());
                let _ = fangkong::expr::to_json(&e.eval(&env));
                let _ = e.truth(&env);
            }
        }
    }
});
