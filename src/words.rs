//! Enums of words (rule kinds, parameter types, field checks, severities, subjects,
//! outcomes): one table per enum gives its variants, their words in packs and answers,
//! parsing, and the word list of its `Shape::Enum`, so no two lists can drift apart.
//! A macro, so the tables cost no code at run time.

/// Declare an enum from a table of `Variant = "word"` rows, with `ALL` (every value, in
/// table order), `WORDS` (the words, in the same order), `name()` and `parse()`.
macro_rules! words {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $word:literal, )+
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in table order.
            pub const ALL: [$name; [$($word),+].len()] = [$($name::$variant),+];

            /// The words of [`Self::ALL`], in the same order.
            pub const WORDS: &'static [&'static str] = &[$($word),+];

            /// Its word in packs and answers.
            pub fn name(self) -> &'static str {
                match self {
                    $( $name::$variant => $word, )+
                }
            }

            /// The value a word names; `None` for any other word.
            pub fn parse(word: &str) -> Option<$name> {
                match word {
                    $( $word => Some($name::$variant), )+
                    _ => None,
                }
            }
        }
    };
}

/// Serialise an enum of [`words!`] as its word, and read it back from one.
macro_rules! words_serde {
    ($name:ident) => {
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.name())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let word = String::deserialize(d)?;
                $name::parse(&word).ok_or_else(|| serde::de::Error::unknown_variant(&word, $name::WORDS))
            }
        }
    };
}
