//! A text in Chinese and in English, kept apart: errors of every crate
//! (the reader's, a profile's, the command line's) carry one and are shown
//! in the language asked for ([`Lang`], Chinese by default).

use crate::review::Lang;
use std::fmt;

/// The same text in Chinese (`zh`) and English (`en`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

/// Separates the two languages of a [`Text`] carried through an API that
/// takes one string (a serde error message): see [`Text::pack`].
const PACKED: char = '\u{1e}';

impl Text {
    /// A text in Chinese and English.
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// Text that reads the same in both languages (a file name, a number).
    pub fn same(text: impl Into<String>) -> Text {
        let text = text.into();
        Text {
            zh: text.clone(),
            en: text,
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::English => &self.en,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.zh.is_empty() && self.en.is_empty()
    }

    /// Both languages made by one function (a message built from parts that
    /// are themselves texts).
    pub fn by(mut f: impl FnMut(Lang) -> String) -> Text {
        Text {
            zh: f(Lang::Zh),
            en: f(Lang::English),
        }
    }

    /// `prefix` + this text, in each language.
    pub fn prefixed(&self, zh: &str, en: &str) -> Text {
        Text::new(format!("{zh}{}", self.zh), format!("{en}{}", self.en))
    }

    /// Both languages in one string, for an API that carries one message
    /// (serde's `de::Error::custom`); [`Text::unpack`] takes it apart.
    pub fn pack(&self) -> String {
        format!("{}{PACKED}{}", self.zh, self.en)
    }

    /// A string made by [`Text::pack`] taken apart; `None` for any other
    /// string.
    pub fn unpack(s: &str) -> Option<Text> {
        s.split_once(PACKED).map(|(zh, en)| Text::new(zh, en))
    }

    /// The texts one per line, in each language.
    pub fn lines<'a>(texts: impl IntoIterator<Item = &'a Text> + Clone) -> Text {
        Text::by(|lang| {
            texts
                .clone()
                .into_iter()
                .map(|t| t.get(lang))
                .collect::<Vec<_>>()
                .join("\n")
        })
    }
}

/// The Chinese text (the default language).
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.zh)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_shown_in_the_language_asked_for() {
        let t = Text::new("文件为空", "the file is empty");
        assert_eq!(t.get(Lang::Zh), "文件为空");
        assert_eq!(t.get(Lang::English), "the file is empty");
        assert_eq!(t.to_string(), "文件为空");
        assert_eq!(Text::unpack(&t.pack()), Some(t.clone()));
        assert_eq!(Text::unpack("plain"), None);
        let both = Text::lines(&[t.clone(), Text::same("x")]);
        assert_eq!(both.en, "the file is empty\nx");
        assert_eq!(t.prefixed("甲：", "a: ").zh, "甲：文件为空");
    }
}
