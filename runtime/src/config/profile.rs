//! `~/.databrickscfg`: an INI file of named profiles, read the way the official tools read it. Keys are
//! case-insensitive, `=` or `:` separates a key from its value, `#` and `;` start comment lines, an indented
//! line continues the previous value, and a key missing from a profile falls back to the `[DEFAULT]` section.

use std::collections::BTreeMap;
use std::fmt;

/// The section every profile falls back to, and the profile used when none is named.
pub(crate) const DEFAULT_PROFILE: &str = "DEFAULT";

/// A parsed configuration file: its sections in file order, each with its keys.
#[derive(Debug, Default)]
pub(crate) struct ProfileFile {
    sections: Vec<(String, BTreeMap<String, String>)>,
}

/// A syntax error, with the 1-based line it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParseError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl ProfileFile {
    pub(crate) fn parse(text: &str) -> Result<ProfileFile, ParseError> {
        let mut file = ProfileFile::default();
        // The section and key the last value line belongs to, for continuation lines.
        let mut last_key: Option<String> = None;
        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            let error = |message: String| ParseError { line, message };
            let trimmed = raw.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with(';') {
                continue;
            }
            if raw.starts_with([' ', '\t']) {
                let (Some(key), Some((_, section))) = (&last_key, file.sections.last_mut()) else {
                    return Err(error("an indented line continues nothing".to_owned()));
                };
                let value = section.get_mut(key).expect("the key of the last value line");
                value.push('\n');
                value.push_str(trimmed);
                continue;
            }
            if let Some(rest) = trimmed.strip_prefix('[') {
                let name = rest
                    .strip_suffix(']')
                    .ok_or_else(|| error(format!("`{trimmed}` opens a section but does not close it with `]`")))?
                    .trim();
                if name.is_empty() {
                    return Err(error("a section needs a name, such as `[dev]`".to_owned()));
                }
                if file.sections.iter().any(|(existing, _)| existing == name) {
                    return Err(error(format!("the profile `[{name}]` appears twice; merge the two")));
                }
                file.sections.push((name.to_owned(), BTreeMap::new()));
                last_key = None;
                continue;
            }
            let Some(split) = trimmed.find(['=', ':']) else {
                return Err(error(format!(
                    "expected `key = value` or a `[profile]` header, found `{}`",
                    first_word(trimmed)
                )));
            };
            let key = trimmed[..split].trim().to_ascii_lowercase();
            let value = trimmed[split + 1..].trim().to_owned();
            let Some((section_name, section)) = file.sections.last_mut() else {
                return Err(error(format!("`{key}` comes before any `[profile]` header")));
            };
            if key.is_empty() {
                return Err(error("a value without a key".to_owned()));
            }
            if section.insert(key.clone(), value).is_some() {
                return Err(error(format!("`{key}` is set twice in the profile `[{section_name}]`")));
            }
            last_key = Some(key);
        }
        Ok(file)
    }

    pub(crate) fn has_profile(&self, name: &str) -> bool {
        self.sections.iter().any(|(section, _)| section == name)
    }

    /// Profile names in file order.
    pub(crate) fn profiles(&self) -> Vec<&str> {
        self.sections.iter().map(|(name, _)| name.as_str()).collect()
    }

    /// The value of `key` in `profile`, or else in `[DEFAULT]`.
    pub(crate) fn get(&self, profile: &str, key: &str) -> Option<&str> {
        let section = |name: &str| {
            self.sections
                .iter()
                .find(|(section, _)| section == name)
                .and_then(|(_, keys)| keys.get(key))
        };
        section(profile)
            .or_else(|| section(DEFAULT_PROFILE))
            .map(String::as_str)
            .filter(|value| !value.is_empty())
    }
}

/// The start of a line, for error messages: a stray line may hold a secret, so at most its first word.
fn first_word(line: &str) -> String {
    let word: String = line
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .chars()
        .take(24)
        .collect();
    if word.len() < line.len() {
        format!("{word}...")
    } else {
        word
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "\
# Databricks profiles
[DEFAULT]
host = https://default.cloud.databricks.com
rate_limit = 20

[dev]
HOST: https://dev.cloud.databricks.com
token = dapi-dev
; comment
[staging]
token=
description = first line
  second line
";

    #[test]
    fn profiles_fall_back_to_default_key_by_key() {
        let file = ProfileFile::parse(FILE).unwrap();
        assert_eq!(file.profiles(), ["DEFAULT", "dev", "staging"]);
        assert_eq!(file.get("dev", "host"), Some("https://dev.cloud.databricks.com"));
        assert_eq!(file.get("dev", "rate_limit"), Some("20"));
        assert_eq!(
            file.get("staging", "host"),
            Some("https://default.cloud.databricks.com")
        );
        assert_eq!(file.get("staging", "token"), None, "an empty value counts as unset");
        assert_eq!(file.get("staging", "description"), Some("first line\nsecond line"));
        assert_eq!(
            file.get("missing", "host"),
            Some("https://default.cloud.databricks.com")
        );
        assert!(!file.has_profile("missing"));
    }

    #[test]
    fn syntax_errors_name_the_line_without_repeating_secrets() {
        for (text, line, message) in [
            (
                "[dev\nhost = h",
                1,
                "`[dev` opens a section but does not close it with `]`",
            ),
            ("token = x", 1, "`token` comes before any `[profile]` header"),
            ("[a]\n[a]", 2, "the profile `[a]` appears twice; merge the two"),
            ("[a]\nhost = h\nhost = i", 3, "`host` is set twice in the profile `[a]`"),
            (
                "[a]\ndapi-secret-value-1234567890abcdef",
                2,
                "expected `key = value` or a `[profile]` header, found `dapi-secret-value-123456...`",
            ),
            ("  indented", 1, "an indented line continues nothing"),
        ] {
            assert_eq!(
                ProfileFile::parse(text).unwrap_err(),
                ParseError {
                    line,
                    message: message.to_owned()
                },
                "{text}"
            );
        }
    }
}
