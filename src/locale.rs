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
    /// `zh-HK` or `zh-MO` → zh-TW; any other `zh` → zh-CN (a Chinese language tagged by itself,
    /// `cmn-Hant-TW` or `yue-HK`, as `zh`; Cantonese in traditional characters unless `Hans`); a blank tag (none given) → the
    /// default zh-CN; everything else → en. A browser's language (`fr-FR`, `zh-SG`, `en-GB`)
    /// therefore never throws.
    pub fn negotiate(tag: &str) -> Locale {
        if let Some(l) = Self::parse(tag) {
            return l;
        }
        let t = tag.trim().replace('_', "-").to_ascii_lowercase();
        // A POSIX locale's codeset and modifier (`zh_TW.Big5`, `zh_CN.UTF-8@pinyin`: `$LANG`) are
        // no part of the language (npm audit, thirtieth session: `zh_TW.Big5` got zh-CN).
        let t = t.split(['.', '@']).next().unwrap_or_default();
        if t.is_empty() {
            // Audit 1: `locale: ""` (an empty select) gave English, not the default.
            return Locale::default();
        }
        let mut parts = t.split('-');
        // Chinese: `zh`, or a Chinese language tagged by itself (BCP 47: `cmn-Hant-TW`,
        // Mandarin; `yue-HK`, Cantonese), which got English (twenty-eighth session's audits).
        let language = parts.next().unwrap_or_default();
        if !matches!(language, "zh" | "cmn" | "yue" | "wuu" | "nan" | "hak" | "gan" | "hsn" | "cdo" | "cjy" | "cpx") {
            return Locale::En;
        }
        // Up to the first singleton: what follows `-u-` or `-x-` (`zh-CN-u-nu-hant`, a numbering
        // system; `zh-CN-x-tw`, private use) is no script or region (client audit, 35th session).
        let subtags: Vec<&str> = parts.take_while(|p| p.len() > 1).collect();
        let traditional = |p: &&str| matches!(*p, "hant" | "tw" | "hk" | "mo");
        // Cantonese is written in traditional characters unless said otherwise (Hong Kong, Macau).
        let cantonese = language == "yue" || subtags.contains(&"yue");
        if subtags.contains(&"hans") || subtags.contains(&"cn") && !subtags.iter().any(traditional) {
            Locale::ZhCn
        } else if cantonese || subtags.iter().any(traditional) {
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
        // Chinese languages tagged by themselves (they got English).
        assert_eq!(Locale::negotiate("cmn-Hant-TW"), Locale::ZhTw);
        assert_eq!(Locale::negotiate("cmn-Hans-CN"), Locale::ZhCn);
        assert_eq!(Locale::negotiate("cmn"), Locale::ZhCn);
        assert_eq!(Locale::negotiate("yue-HK"), Locale::ZhTw);
        assert_eq!(Locale::negotiate("yue"), Locale::ZhTw);
        assert_eq!(Locale::negotiate("yue-Hans-CN"), Locale::ZhCn);
        assert_eq!(Locale::negotiate("zh-yue"), Locale::ZhTw);
        // POSIX locales (`$LANG`): the codeset and modifier are no part of the language.
        assert_eq!(Locale::negotiate("zh_TW.Big5"), Locale::ZhTw);
        assert_eq!(Locale::negotiate("zh-CN-u-nu-hant"), Locale::ZhCn);
        assert_eq!(Locale::negotiate("zh-CN-x-tw"), Locale::ZhCn);
        assert_eq!(Locale::negotiate("zh-Hant-u-ca-roc"), Locale::ZhTw);
        assert_eq!(Locale::negotiate("zh_HK.UTF-8"), Locale::ZhTw);
        assert_eq!(Locale::negotiate("zh_CN.UTF-8@pinyin"), Locale::ZhCn);
        assert_eq!(Locale::negotiate("en_US.UTF-8"), Locale::En);
        assert_eq!(Locale::negotiate("C.UTF-8"), Locale::En);
        assert_eq!(Locale::negotiate("zh-cmn-Hant"), Locale::ZhTw);
        assert_eq!(Locale::negotiate("zh-CN"), Locale::ZhCn);
        assert_eq!(Locale::negotiate("nan-Hant-TW"), Locale::ZhTw);
        assert_eq!(Locale::negotiate("de-CH"), Locale::En);
        // No tag (an empty select): the default, not English (audit 1, thirteenth session).
        assert_eq!(Locale::negotiate(""), Locale::ZhCn);
        assert_eq!(Locale::negotiate("  "), Locale::ZhCn);
    }
}
