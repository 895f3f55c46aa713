//! `~/.netrc`: `machine <host> login <name> password <secret>` entries. For Databricks the password of the
//! workspace's host name is a personal access token (the login is conventionally `token`).

/// The password of the first `machine` entry for `host`, or of the `default` entry when no machine matches.
pub(crate) fn password_for(text: &str, host: &str) -> Option<String> {
    let mut tokens = Tokens::new(text);
    let mut matched: Option<String> = None;
    let mut default: Option<String> = None;
    // Which entry the following `password` belongs to: Some(true) for `host`, Some(false) for another
    // machine, None before any entry.
    let mut current: Option<Entry> = None;
    while let Some(token) = tokens.next() {
        match token {
            "machine" => {
                let name = tokens.next().unwrap_or_default();
                current = Some(if name.eq_ignore_ascii_case(host) {
                    Entry::Host
                } else {
                    Entry::Other
                });
            }
            "default" => current = Some(Entry::Default),
            "password" => {
                let password = tokens.next().unwrap_or_default().to_owned();
                match current {
                    Some(Entry::Host) if matched.is_none() => matched = Some(password),
                    Some(Entry::Default) if default.is_none() => default = Some(password),
                    _ => {}
                }
            }
            // A macro definition runs to the next empty line; its body is not netrc syntax.
            "macdef" => tokens.skip_macro(),
            // `login`, `account` and unknown keys take one value.
            _ => {
                tokens.next();
            }
        }
    }
    matched.or(default).filter(|password| !password.is_empty())
}

#[derive(Clone, Copy)]
enum Entry {
    Host,
    Other,
    Default,
}

/// Whitespace-separated tokens, with double-quoted tokens allowed (`password "a b"`).
struct Tokens<'a> {
    rest: &'a str,
}

impl<'a> Tokens<'a> {
    fn new(text: &'a str) -> Self {
        Tokens { rest: text }
    }

    fn next(&mut self) -> Option<&'a str> {
        self.rest = self.rest.trim_start();
        if self.rest.is_empty() {
            return None;
        }
        if let Some(quoted) = self.rest.strip_prefix('"') {
            let end = quoted.find('"').unwrap_or(quoted.len());
            let token = &quoted[..end];
            self.rest = quoted.get(end + 1..).unwrap_or_default();
            return Some(token);
        }
        let end = self.rest.find(char::is_whitespace).unwrap_or(self.rest.len());
        let token = &self.rest[..end];
        self.rest = &self.rest[end..];
        Some(token)
    }

    fn skip_macro(&mut self) {
        match self.rest.find("\n\n") {
            Some(end) => self.rest = &self.rest[end + 2..],
            None => self.rest = "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::password_for;

    #[test]
    fn the_machine_entry_of_the_host_gives_the_token() {
        let text = "machine other.cloud.databricks.com login token password dapi-other\n\
                    machine adb-1.2.azuredatabricks.net\n  login token\n  password dapi-right\n\
                    default login anonymous password dapi-default\n";
        assert_eq!(
            password_for(text, "adb-1.2.azuredatabricks.net").as_deref(),
            Some("dapi-right")
        );
        assert_eq!(
            password_for(text, "ADB-1.2.AZUREDATABRICKS.NET").as_deref(),
            Some("dapi-right")
        );
        assert_eq!(
            password_for(text, "elsewhere.example.com").as_deref(),
            Some("dapi-default")
        );
        assert_eq!(password_for("machine a login token password x", "b"), None);
    }

    #[test]
    fn macros_and_quotes_are_understood() {
        let text = "macdef init\ncd /tmp\nmachine h password wrong\n\nmachine h login token password \"dapi two\"";
        assert_eq!(password_for(text, "h").as_deref(), Some("dapi two"));
        assert_eq!(password_for("machine h login token", "h"), None);
        assert_eq!(password_for("machine h password", "h"), None);
    }
}
