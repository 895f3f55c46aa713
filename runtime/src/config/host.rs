//! Workspace URLs as people paste them. A URL copied from the browser
//! (`https://adb-123.4.azuredatabricks.net/?o=123#job/5`) is reduced to scheme, host and port, as the
//! official SDKs do, and the workspace and account ids it carries (`?o=`, `?a=`) are kept.

/// A host reduced to scheme, host and port, and the ids its query named.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Host {
    pub url: reqwest::Url,
    pub workspace_id: Option<String>,
    pub account_id: Option<String>,
}

impl Host {
    /// `https://host[:port]`, without a trailing slash.
    pub fn origin(&self) -> String {
        self.url.as_str().trim_end_matches('/').to_owned()
    }
}

pub(crate) fn normalize_host(raw: &str) -> Result<Host, String> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err("it is empty".to_owned());
    }
    let with_scheme = if trimmed.contains("://") {
        trimmed.to_owned()
    } else {
        format!("https://{trimmed}")
    };
    let parsed = reqwest::Url::parse(&with_scheme).map_err(|error| error.to_string())?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(format!("the scheme `{}` is not http or https", parsed.scheme()));
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err("it has no host name".to_owned());
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err("it contains credentials; give the token separately".to_owned());
    }
    let query = |names: &[&str]| {
        parsed
            .query_pairs()
            .find(|(name, value)| names.contains(&name.as_ref()) && !value.trim().is_empty())
            .map(|(_, value)| value.trim().to_owned())
    };
    let workspace_id = query(&["o", "workspace_id"]);
    let account_id = query(&["a", "account_id"]);
    let mut url = parsed.clone();
    url.set_path("/");
    url.set_query(None);
    url.set_fragment(None);
    Ok(Host {
        url,
        workspace_id,
        account_id,
    })
}

/// The host as written, with a `user:password@` part masked: error messages must not repeat a secret.
pub(crate) fn without_credentials(raw: &str) -> String {
    let (scheme, rest) = match raw.split_once("://") {
        Some((scheme, rest)) => (format!("{scheme}://"), rest),
        None => (String::new(), raw),
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => format!("{scheme}<credentials>@{}", &rest[at + 1..]),
        None => raw.to_owned(),
    }
}

pub(crate) fn is_loopback(url: &reqwest::Url) -> bool {
    let Some(host) = url.host_str() else {
        return false;
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|address| address.is_loopback())
}

/// Whether `host` is an account console (`accounts.cloud.databricks.com`, `accounts.azuredatabricks.net`,
/// `accounts-dod.cloud.databricks.us`, `accounts.gcp.databricks.com`) rather than a workspace.
pub(crate) fn is_account_host(url: &reqwest::Url) -> bool {
    url.host_str().is_some_and(|host| {
        let host = host.to_ascii_lowercase();
        host.starts_with("accounts.") || host.starts_with("accounts-dod.")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_reduced_to_scheme_host_and_port() {
        for (raw, expected) in [
            ("adb-1.2.azuredatabricks.net", "https://adb-1.2.azuredatabricks.net"),
            (
                "https://example.cloud.databricks.com/",
                "https://example.cloud.databricks.com",
            ),
            ("  https://Example.com:8443//  ", "https://example.com:8443"),
            ("http://127.0.0.1:9000", "http://127.0.0.1:9000"),
            ("http://localhost:80/", "http://localhost"),
            (
                "https://dbc-1.cloud.databricks.com/browse/folders/123",
                "https://dbc-1.cloud.databricks.com",
            ),
            ("https://h.com/?x=1", "https://h.com"),
        ] {
            assert_eq!(normalize_host(raw).unwrap().origin(), expected, "{raw}");
        }
    }

    #[test]
    fn a_url_copied_from_the_browser_keeps_its_workspace_id() {
        let host =
            normalize_host("https://adb-1234567890123456.7.azuredatabricks.net/?o=1234567890123456#job/5").unwrap();
        assert_eq!(host.origin(), "https://adb-1234567890123456.7.azuredatabricks.net");
        assert_eq!(host.workspace_id.as_deref(), Some("1234567890123456"));
        assert_eq!(host.account_id, None);
        let host = normalize_host("https://x.cloud.databricks.com/sql?a=acc-1&workspace_id=42").unwrap();
        assert_eq!(
            (host.workspace_id.as_deref(), host.account_id.as_deref()),
            (Some("42"), Some("acc-1"))
        );
    }

    #[test]
    fn bad_hosts_are_explained() {
        for raw in ["", "ftp://example.com", "https://user:pw@example.com", "https://"] {
            assert!(normalize_host(raw).is_err(), "{raw}");
        }
        assert_eq!(
            without_credentials("https://t:dapi-x@h.com/p"),
            "https://<credentials>@h.com/p"
        );
    }

    #[test]
    fn account_hosts_are_recognised() {
        for (raw, account) in [
            ("https://accounts.cloud.databricks.com", true),
            ("https://accounts.azuredatabricks.net", true),
            ("https://accounts-dod.cloud.databricks.us", true),
            ("https://accounts.gcp.databricks.com", true),
            ("https://adb-1.2.azuredatabricks.net", false),
        ] {
            assert_eq!(is_account_host(&normalize_host(raw).unwrap().url), account, "{raw}");
        }
    }
}
