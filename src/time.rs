//! Time: "today" is a calendar day in China Standard Time (UTC+8), whatever the
//! caller's time zone. Every entry point takes an explicit `now`.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeDelta};

/// China Standard Time, UTC+8.
pub const CST: FixedOffset = match FixedOffset::east_opt(8 * 3600) {
    Some(o) => o,
    None => panic!("UTC+8 is a valid offset"),
};

/// The calendar day of `now` in China Standard Time.
pub fn today_cst(now: &DateTime<FixedOffset>) -> NaiveDate {
    now.with_timezone(&CST).date_naive()
}

/// Parse a `now` given as RFC 3339 (`2020-02-04T23:30:00+08:00`, `2020-02-04T16:30:00Z`)
/// or as a bare date (`2020-02-04`, taken as noon CST of that day).
pub fn parse_now(s: &str) -> Result<DateTime<FixedOffset>, String> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t);
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        let noon = d.and_time(NaiveTime::MIN) + TimeDelta::hours(12);
        return noon.and_local_timezone(CST).single().ok_or_else(|| format!("`{s}` is not a valid time"));
    }
    Err(format!("`{s}` is not an RFC 3339 time such as `2020-02-04T10:00:00+08:00`"))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn today_is_cst_across_midnight() {
        let late = parse_now("2020-02-04T23:30:00+08:00").unwrap();
        assert_eq!(today_cst(&late).to_string(), "2020-02-04");
        let utc = parse_now("2020-02-04T16:30:00Z").unwrap();
        assert_eq!(today_cst(&utc).to_string(), "2020-02-05");
        let ny = parse_now("2020-02-04T11:00:00-05:00").unwrap();
        assert_eq!(today_cst(&ny).to_string(), "2020-02-05");
        assert_eq!(today_cst(&parse_now("2020-02-04").unwrap()).to_string(), "2020-02-04");
        assert!(parse_now("yesterday").is_err());
    }
}
