//! `~/.databrickscfg`: an INI file of named profiles, read the way the official tools read it. Keys are
//! case-insensitive, `=` or `:` separates a key from its value, `#` and `;` start comment lines (and inline
//! comments after a space), an indented line continues the previous value, and `[__settings__]` holds the
//! tools' own settings (`default_profile`), not a profile. A profile holds only its own keys: as in the
//! official SDKs, `[DEFAULT]` is not merged into other profiles. A mistake in one profile (a stray line, a
//! key set twice) is reported only when that profile is read, so it never breaks another profile.

use std::collections::BTreeMap;
use std::fmt;

/// The profile used when none is named and `[__settings__]` names none.
pub(crate) const DEFAULT_PROFILE: &str = "DEFAULT";
/// The section the official CLI keeps its own settings in (`databricks auth switch` writes it).
pub(crate) const SETTINGS_SECTION: &str = "__settings__";

/// A parsed configuration file: its sections in file order, each with its keys and its first mistake.
#[derive(Debug, Default)]
pub(crate) struct ProfileFile {
    sections: Vec<Section>,
}

#[derive(Debug)]
struct Section {
    name: String,
    keys: BTreeMap<String, String>,
    error: Option<ParseError>,
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
    /// Reads every section; never fails as a whole. Lines before any header belong to `[DEFAULT]`.
    pub(crate) fn parse(text: &str) -> ProfileFile {
        let mut file = ProfileFile::default();
        // The key the last value line set, for continuation lines.
        let mut last_key: Option<String> = None;
        // Lines before any header go to [DEFAULT], created when the first one comes.
        let mut current: Option<usize> = None;
        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            let error = |message: String| ParseError { line, message };
            let trimmed = raw.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with(';') {
                continue;
            }
            if raw.starts_with([' ', '\t']) {
                let section = file.current(&mut current);
                match last_key.as_ref().and_then(|key| section.keys.get_mut(key)) {
                    Some(value) => {
                        value.push('\n');
                        value.push_str(&value_of(trimmed));
                    }
                    None => section.fail(error("an indented line continues nothing".to_owned())),
                }
                continue;
            }
            if let Some(rest) = trimmed.strip_prefix('[') {
                last_key = None;
                let Some(name) = rest.strip_suffix(']').map(str::trim) else {
                    file.current(&mut current).fail(error(format!(
                        "`{trimmed}` opens a section but does not close it with `]`"
                    )));
                    continue;
                };
                if name.is_empty() {
                    file.current(&mut current)
                        .fail(error("a section needs a name, such as `[dev]`".to_owned()));
                    continue;
                }
                // A section that appears twice is one section, as the official tools read it.
                current = Some(file.section_index(name));
                continue;
            }
            let section = file.current(&mut current);
            let Some(split) = trimmed.find(['=', ':']) else {
                section.fail(error(format!(
                    "expected `key = value` or a `[profile]` header, found `{}`",
                    first_word(trimmed)
                )));
                last_key = None;
                continue;
            };
            let key = trimmed[..split].trim().to_ascii_lowercase();
            if key.is_empty() {
                section.fail(error("a value without a key".to_owned()));
                continue;
            }
            if section
                .keys
                .insert(key.clone(), value_of(&trimmed[split + 1..]))
                .is_some()
            {
                section.fail(error(format!(
                    "`{key}` is set twice in the profile `[{}]`",
                    section.name
                )));
            }
            last_key = Some(key);
        }
        file
    }

    fn current(&mut self, current: &mut Option<usize>) -> &mut Section {
        let index = *current.get_or_insert_with(|| self.section_index(DEFAULT_PROFILE));
        &mut self.sections[index]
    }

    fn section_index(&mut self, name: &str) -> usize {
        match self.sections.iter().position(|section| section.name == name) {
            Some(index) => index,
            None => {
                self.sections.push(Section {
                    name: name.to_owned(),
                    keys: BTreeMap::new(),
                    error: None,
                });
                self.sections.len() - 1
            }
        }
    }

    fn section(&self, name: &str) -> Option<&Section> {
        self.sections.iter().find(|section| section.name == name)
    }

    pub(crate) fn has_profile(&self, name: &str) -> bool {
        name != SETTINGS_SECTION && self.section(name).is_some()
    }

    /// Profile names in file order (`[__settings__]` is not one).
    pub(crate) fn profiles(&self) -> Vec<&str> {
        self.sections
            .iter()
            .map(|section| section.name.as_str())
            .filter(|name| *name != SETTINGS_SECTION)
            .collect()
    }

    /// The profile `[__settings__]` makes the default (`databricks auth switch`), if it names one.
    pub(crate) fn default_profile(&self) -> Option<&str> {
        self.get(SETTINGS_SECTION, "default_profile")
    }

    /// The first mistake in `profile`, if it has one.
    pub(crate) fn error(&self, profile: &str) -> Option<&ParseError> {
        self.section(profile).and_then(|section| section.error.as_ref())
    }

    /// The keys of `profile` with a value, in key order.
    pub(crate) fn keys(&self, profile: &str) -> impl Iterator<Item = (&str, &str)> {
        self.section(profile)
            .into_iter()
            .flat_map(|section| section.keys.iter())
            .filter(|(_, value)| !value.is_empty())
            .map(|(key, value)| (key.as_str(), value.as_str()))
    }

    /// The value of `key` in `profile` itself; an empty value counts as unset.
    pub(crate) fn get(&self, profile: &str, key: &str) -> Option<&str> {
        self.section(profile)
            .and_then(|section| section.keys.get(key))
            .map(String::as_str)
            .filter(|value| !value.is_empty())
    }
}

impl Section {
    fn fail(&mut self, error: ParseError) {
        self.error.get_or_insert(error);
    }
}

/// A value as written: an inline comment (`#` or `;` after a space) dropped, surrounding double quotes
/// removed. A `#` inside a value (`abc#def`, common in passwords) is kept.
fn value_of(raw: &str) -> String {
    let mut value = raw.trim();
    if let Some(at) = value.find(" #").into_iter().chain(value.find(" ;")).min() {
        value = value[..at].trim_end();
    }
    if value.len() >= 2 && value.starts_with('"') && value.ends_with('"') {
        value = &value[1..value.len() - 1];
    }
    value.to_owned()
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

/// `text` without `profile`'s `keys` (in lower case) and their continuation lines; everything else is kept
/// as it was.
#[cfg(feature = "cli")]
pub(crate) fn remove_keys(text: &str, profile: &str, keys: &[&str]) -> String {
    // Lines before any header belong to [DEFAULT].
    let mut in_profile = profile == DEFAULT_PROFILE;
    let mut removing = false;
    text.split_inclusive('\n')
        .filter(|line| match Line::of(line) {
            Line::Header(name) => {
                in_profile = name == profile;
                removing = false;
                true
            }
            Line::Key(key) => {
                removing = in_profile && keys.contains(&key.as_str());
                !removing
            }
            Line::Continuation => !removing,
            Line::Other => true,
        })
        .collect()
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
    fn profiles_hold_their_own_keys() {
        let file = ProfileFile::parse(FILE);
        assert_eq!(file.profiles(), ["DEFAULT", "dev", "staging"]);
        assert_eq!(file.get("dev", "host"), Some("https://dev.cloud.databricks.com"));
        assert_eq!(
            file.get("dev", "rate_limit"),
            None,
            "[DEFAULT] is not merged into profiles"
        );
        assert_eq!(file.get("staging", "token"), None, "an empty value counts as unset");
        assert_eq!(file.get("staging", "description"), Some("first line\nsecond line"));
        assert!(!file.has_profile("missing"));
        assert_eq!(file.default_profile(), None);
    }

    #[test]
    fn settings_comments_and_quotes_are_read_as_the_official_tools_read_them() {
        let file = ProfileFile::parse(
            "[__settings__]\ndefault_profile = dev\n[dev]\npassword = pa#ss ; comment\nname = \"quoted\" # c\n",
        );
        assert_eq!(file.profiles(), ["dev"]);
        assert_eq!(file.default_profile(), Some("dev"));
        assert_eq!(file.get("dev", "password"), Some("pa#ss"));
        assert_eq!(file.get("dev", "name"), Some("quoted"));
        // A repeated section is one section; lines before any header are [DEFAULT].
        let file = ProfileFile::parse("host = h\n[a]\nx = 1\n[a]\ny = 2\n");
        assert_eq!(file.profiles(), ["DEFAULT", "a"]);
        assert_eq!((file.get("a", "x"), file.get("a", "y")), (Some("1"), Some("2")));
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
        let reparsed = ProfileFile::parse(&updated);
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

    #[cfg(feature = "cli")]
    #[test]
    fn removing_keys_touches_only_that_profile() {
        let updated = remove_keys(FILE, "staging", &["description", "token", "missing"]);
        assert!(updated.ends_with("; comment\n[staging]\n"), "{updated}");
        assert_eq!(
            remove_keys(FILE, "dev", &["token"]),
            FILE.replace("token = dapi-dev\n", "")
        );
        assert_eq!(
            remove_keys("host = h\n[a]\nhost = i\n", "DEFAULT", &["host"]),
            "[a]\nhost = i\n"
        );
    }

    #[test]
    fn mistakes_are_kept_with_their_profile_and_name_the_line_without_repeating_secrets() {
        for (text, profile, line, message) in [
            (
                "[dev\nhost = h",
                "DEFAULT",
                1,
                "`[dev` opens a section but does not close it with `]`",
            ),
            (
                "[a]\nhost = h\nhost = i",
                "a",
                3,
                "`host` is set twice in the profile `[a]`",
            ),
            (
                "[a]\ndapi-secret-value-1234567890abcdef",
                "a",
                2,
                "expected `key = value` or a `[profile]` header, found `dapi-secret-value-123456...`",
            ),
            ("  indented", "DEFAULT", 1, "an indented line continues nothing"),
        ] {
            let file = ProfileFile::parse(text);
            assert_eq!(
                file.error(profile),
                Some(&ParseError {
                    line,
                    message: message.to_owned()
                }),
                "{text}"
            );
        }
        // Another profile's mistake does not touch this one.
        let file = ProfileFile::parse("[bad]\nnot a setting\n[good]\nhost = h\n");
        assert_eq!((file.error("good"), file.get("good", "host")), (None, Some("h")));
    }
}
