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

    /// The value of `key` in `profile` itself, without falling back to `[DEFAULT]`.
    #[cfg(feature = "cli")]
    pub(crate) fn get_own(&self, profile: &str, key: &str) -> Option<&str> {
        self.sections
            .iter()
            .find(|(section, _)| section == profile)
            .and_then(|(_, keys)| keys.get(key))
            .map(String::as_str)
            .filter(|value| !value.is_empty())
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

/// `text` with `profile`'s `keys` set to the given values (keys in lower case), everything else kept as it
/// was: other profiles, comments, blank lines, other keys of the profile and the file's line endings. A
/// replaced key loses its continuation lines; missing keys go after the profile's last key; a missing
/// profile is appended. `text` must parse ([`ProfileFile::parse`]), so no key or profile appears twice.
#[cfg(feature = "cli")]
pub(crate) fn set_keys(text: &str, profile: &str, keys: &[(&str, &str)]) -> String {
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let setting = |key: &str, value: &str| format!("{key} = {value}{newline}");
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_owned).collect();
    if lines.last().is_some_and(|line| !line.ends_with('\n')) {
        lines.last_mut().expect("checked above").push_str(newline);
    }
    let kinds: Vec<Line> = lines.iter().map(|line| Line::of(line)).collect();
    let Some(header) = kinds
        .iter()
        .position(|kind| matches!(kind, Line::Header(name) if name == profile))
    else {
        if !lines.is_empty() {
            lines.push(newline.to_owned());
        }
        lines.push(format!("[{profile}]{newline}"));
        lines.extend(keys.iter().map(|(key, value)| setting(key, value)));
        return lines.concat();
    };
    let end = kinds[header + 1..]
        .iter()
        .position(|kind| matches!(kind, Line::Header(_)))
        .map_or(lines.len(), |offset| header + 1 + offset);
    let mut kept = Vec::with_capacity(lines.len() + keys.len());
    kept.extend_from_slice(&lines[..=header]);
    // Where missing keys go: after the last key (or continuation) of the profile, before trailing comments.
    let mut insert_at = kept.len();
    let mut written = vec![false; keys.len()];
    let mut replacing = false;
    for (line, kind) in lines[header + 1..end].iter().zip(&kinds[header + 1..end]) {
        match kind {
            Line::Continuation if replacing => continue,
            Line::Key(key) => match keys.iter().position(|(wanted, _)| wanted == key) {
                Some(index) => {
                    kept.push(setting(keys[index].0, keys[index].1));
                    written[index] = true;
                    replacing = true;
                }
                None => {
                    kept.push(line.clone());
                    replacing = false;
                }
            },
            Line::Continuation => kept.push(line.clone()),
            Line::Other | Line::Header(_) => {
                kept.push(line.clone());
                continue;
            }
        }
        insert_at = kept.len();
    }
    let missing = keys
        .iter()
        .zip(&written)
        .filter(|(_, written)| !**written)
        .map(|((key, value), _)| setting(key, value));
    kept.splice(insert_at..insert_at, missing);
    kept.extend_from_slice(&lines[end..]);
    kept.concat()
}

/// What a line of the file is, classified as [`ProfileFile::parse`] reads it.
#[cfg(feature = "cli")]
enum Line {
    /// Blank or a comment.
    Other,
    Continuation,
    Header(String),
    /// A `key = value` line, with the key in lower case.
    Key(String),
}

#[cfg(feature = "cli")]
impl Line {
    fn of(raw: &str) -> Line {
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with(';') {
            Line::Other
        } else if raw.starts_with([' ', '\t']) {
            Line::Continuation
        } else if let Some(rest) = trimmed.strip_prefix('[') {
            Line::Header(rest.trim_end_matches(']').trim().to_owned())
        } else {
            let split = trimmed.find(['=', ':']).unwrap_or(trimmed.len());
            Line::Key(trimmed[..split].trim().to_ascii_lowercase())
        }
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

    #[cfg(feature = "cli")]
    #[test]
    fn setting_keys_replaces_only_that_profile_and_keeps_the_rest() {
        let updated = set_keys(
            FILE,
            "dev",
            &[("host", "https://new.example.com"), ("token", "dapi-new")],
        );
        assert_eq!(
            updated,
            FILE.replace(
                "HOST: https://dev.cloud.databricks.com",
                "host = https://new.example.com"
            )
            .replace("token = dapi-dev", "token = dapi-new")
        );
        // A key the profile lacks goes after its last key; a replaced key loses its continuation lines.
        let updated = set_keys(
            FILE,
            "staging",
            &[("description", "one line"), ("host", "https://s.example.com")],
        );
        assert!(
            updated.ends_with("[staging]\ntoken=\ndescription = one line\nhost = https://s.example.com\n"),
            "{updated}"
        );
        let reparsed = ProfileFile::parse(&updated).unwrap();
        assert_eq!(reparsed.get("dev", "token"), Some("dapi-dev"));
        assert_eq!(reparsed.get("DEFAULT", "rate_limit"), Some("20"));
    }

    #[cfg(feature = "cli")]
    #[test]
    fn setting_keys_of_a_new_profile_appends_it() {
        let keys = [("host", "https://h.example.com"), ("token", "dapi-1")];
        assert_eq!(
            set_keys("", "DEFAULT", &keys),
            "[DEFAULT]\nhost = https://h.example.com\ntoken = dapi-1\n"
        );
        assert_eq!(
            set_keys("# mine\n[dev]\nhost = d", "prod", &keys),
            "# mine\n[dev]\nhost = d\n\n[prod]\nhost = https://h.example.com\ntoken = dapi-1\n"
        );
        // Missing keys go before the comments that follow the profile's keys, and line endings are kept.
        assert_eq!(
            set_keys("[dev]\r\nhost = d\r\n\r\n; next\r\n[prod]\r\n", "dev", &keys),
            "[dev]\r\nhost = https://h.example.com\r\ntoken = dapi-1\r\n\r\n; next\r\n[prod]\r\n"
        );
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
