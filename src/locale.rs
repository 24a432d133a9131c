//! The language of messages and labels: zh-CN first, en always, zh-TW where a pack gives it.

/// A message locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Locale {
    /// Simplified Chinese (the default).
    #[default]
    ZhCn,
    /// Traditional Chinese.
    ZhTw,
    /// English.
    En,
}

impl Locale {
    /// Parse a BCP 47 tag: `zh-CN`, `zh-Hans`, `zh`, `zh-TW`, `zh-HK`, `zh-Hant`, `en`, `en-US` …
    pub fn parse(tag: &str) -> Option<Locale> {
        let t = tag.trim().replace('_', "-").to_ascii_lowercase();
        match t.as_str() {
            "zh" | "zh-cn" | "zh-hans" | "zh-hans-cn" | "zh-sg" => Some(Locale::ZhCn),
            "zh-tw" | "zh-hk" | "zh-mo" | "zh-hant" | "zh-hant-tw" | "zh-hant-hk" => Some(Locale::ZhTw),
            _ if t == "en" || t.starts_with("en-") => Some(Locale::En),
            _ => None,
        }
    }

    /// The nearest locale for any BCP 47 tag, never failing: any `zh-Hant`, `zh-TW`,
    /// `zh-HK` or `zh-MO` → zh-TW; any other `zh` → zh-CN; a blank tag (none given) → the
    /// default zh-CN; everything else → en. A browser's language (`fr-FR`, `zh-SG`, `en-GB`)
    /// therefore never throws.
    pub fn negotiate(tag: &str) -> Locale {
        if let Some(l) = Self::parse(tag) {
            return l;
        }
        let t = tag.trim().replace('_', "-").to_ascii_lowercase();
        if t.is_empty() {
            // Audit 1: `locale: ""` (an empty select) gave English, not the default.
            return Locale::default();
        }
        let mut parts = t.split('-');
        if parts.next() != Some("zh") {
            return Locale::En;
        }
        let subtags: Vec<&str> = parts.collect();
        if !subtags.contains(&"hans") && subtags.iter().any(|p| matches!(*p, "hant" | "tw" | "hk" | "mo")) {
            Locale::ZhTw
        } else {
            Locale::ZhCn
        }
    }

    /// The canonical tag.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh-CN",
            Locale::ZhTw => "zh-TW",
            Locale::En => "en",
        }
    }
}

impl serde::Serialize for Locale {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.tag())
    }
}

impl<'de> serde::Deserialize<'de> for Locale {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let tag = String::deserialize(d)?;
        Ok(Locale::negotiate(&tag))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_locales() {
        assert_eq!(Locale::parse("zh_CN"), Some(Locale::ZhCn));
        assert_eq!(Locale::parse("zh-Hant"), Some(Locale::ZhTw));
        assert_eq!(Locale::parse("en-GB"), Some(Locale::En));
        assert_eq!(Locale::parse("fr"), None);
        assert_eq!(Locale::negotiate("fr-FR"), Locale::En);
        assert_eq!(Locale::negotiate("en-GB"), Locale::En);
        assert_eq!(Locale::negotiate("zh-SG"), Locale::ZhCn);
        assert_eq!(Locale::negotiate("zh-Hans-HK"), Locale::ZhCn);
        assert_eq!(Locale::negotiate("zh-Hant-SG"), Locale::ZhTw);
        assert_eq!(Locale::negotiate("zh-MO"), Locale::ZhTw);
        // No tag (an empty select): the default, not English (audit 1, thirteenth session).
        assert_eq!(Locale::negotiate(""), Locale::ZhCn);
        assert_eq!(Locale::negotiate("  "), Locale::ZhCn);
    }
}
