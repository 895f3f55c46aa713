use super::*;

/// A fake home directory with optional `.databrickscfg` and `.netrc`, and an environment whose `HOME`
/// points at it.
pub(crate) struct Home {
    dir: tempfile::TempDir,
    env: BTreeMap<String, String>,
}

impl Home {
    pub(crate) fn new() -> Home {
        let dir = tempfile::tempdir().unwrap();
        let env = BTreeMap::from([("HOME".to_owned(), dir.path().display().to_string())]);
        Home { dir, env }
    }

    pub(crate) fn file(self, name: &str, text: &str) -> Home {
        let path = self.dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
        self
    }

    pub(crate) fn var(mut self, name: &str, value: &str) -> Home {
        self.env.insert(name.to_owned(), value.to_owned());
        self
    }

    pub(crate) fn builder(&self) -> ConfigBuilder {
        let env = self.env.clone();
        Config::builder().with_env_lookup(move |name| env.get(name).cloned())
    }

    pub(crate) fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

/// The token a configuration sends, read through its header source.
fn token(config: &Config) -> String {
    assert_eq!(config.auth_method(), AuthMethod::PersonalAccessToken);
    config.settings.secret("token").unwrap().expose().to_owned()
}

const PROFILES: &str = "[DEFAULT]\nhost = default.cloud.databricks.com\ntoken = dapi-default\nrate_limit = 4\n\n\
                        [dev]\nhost = dev.cloud.databricks.com\ntoken = dapi-dev\n\n\
                        [robot]\nhost = robot.cloud.databricks.com\nclient_id = 6f5ccf28-d83a\nclient_secret = dose-secret\n";

#[test]
fn each_setting_comes_from_the_first_source_that_has_it() {
    let home = Home::new()
        .file(".databrickscfg", PROFILES)
        .file(".netrc", "machine env.example.com login token password dapi-netrc");
    // The profile alone.
    let config = home.builder().build().unwrap();
    assert_eq!(
        (config.host(), token(&config).as_str()),
        ("https://default.cloud.databricks.com", "dapi-default")
    );
    assert_eq!(config.profile(), Some("DEFAULT"));
    assert_eq!(config.rate_limit(), Some(4.0));
    // Explicit beats the environment, which beats the profile, when a profile is named.
    let named = home
        .var("DATABRICKS_CONFIG_PROFILE", "dev")
        .var("DATABRICKS_TOKEN", "dapi-env");
    let config = named.builder().host("explicit.example.com").build().unwrap();
    assert_eq!(config.host(), "https://explicit.example.com");
    assert_eq!(config.host_source(), &Source::Explicit);
    assert_eq!(token(&config), "dapi-env");
    assert_eq!(config.credentials_source(), &Source::Env("DATABRICKS_TOKEN"));
}

#[test]
fn a_host_or_credentials_from_the_environment_leave_the_file_unread() {
    // A [DEFAULT] forcing an auth type this environment does not use must not get in the way.
    let home = Home::new()
        .file(
            ".databrickscfg",
            "[DEFAULT]\nhost = h.cloud.databricks.com\nauth_type = databricks-cli\n",
        )
        .var("DATABRICKS_HOST", "env.example.com")
        .var("DATABRICKS_TOKEN", "dapi-env");
    let config = home.builder().build().unwrap();
    assert_eq!(
        (config.host(), token(&config).as_str()),
        ("https://env.example.com", "dapi-env")
    );
    assert_eq!(config.profile(), None);
    // With only a host in the environment, .netrc gives the token.
    let home = Home::new()
        .file(".databrickscfg", PROFILES)
        .file(".netrc", "machine env.example.com login token password dapi-netrc")
        .var("DATABRICKS_HOST", "env.example.com");
    let config = home.builder().build().unwrap();
    assert_eq!(token(&config), "dapi-netrc");
    assert_eq!(
        config.credentials_source(),
        &Source::Netrc {
            path: home.path(".netrc")
        }
    );
}

#[test]
fn a_profile_holds_only_its_own_keys() {
    let home = Home::new().file(
        ".databrickscfg",
        "[DEFAULT]\nauth_type = databricks-cli\nhost = d.cloud.databricks.com\n\n[other]\nhost = o.cloud.databricks.com\ntoken = dapi-other\n",
    );
    let config = home.builder().profile("other").build().unwrap();
    assert_eq!(config.auth_method(), AuthMethod::PersonalAccessToken);
    assert_eq!(config.rate_limit(), Some(DEFAULT_RATE_LIMIT));
    let config = home.builder().profile("robot").build();
    assert!(matches!(config, Err(ConfigError::ProfileNotFound { .. })));
}

#[test]
fn the_default_profile_can_be_chosen_in_settings() {
    let home = Home::new().file(
        ".databrickscfg",
        "[__settings__]\ndefault_profile = dev\n\n[DEFAULT]\nhost = d.cloud.databricks.com\ntoken = dapi-d\n\n\
         [dev]\nhost = dev.cloud.databricks.com\ntoken = dapi-dev\n",
    );
    let config = home.builder().build().unwrap();
    assert_eq!((config.profile(), token(&config).as_str()), (Some("dev"), "dapi-dev"));
    // A profile named explicitly wins; `__settings__` is never a profile.
    let config = home.builder().profile("DEFAULT").build().unwrap();
    assert_eq!(config.profile(), Some("DEFAULT"));
    let error = home.builder().profile("__settings__").build().unwrap_err().to_string();
    assert!(error.contains("not a profile"), "{error}");
}

#[test]
fn files_written_by_the_official_tools_load_whatever_keys_they_hold() {
    let text = "; The official CLI's file\n[DEFAULT]\nhost = https://adb-1234567890123456.7.azuredatabricks.net/\n\
                auth_type = databricks-cli\n\n[azure-sp]\nhost = https://adb-1.2.azuredatabricks.net\n\
                azure_client_id = 0f5e\nazure_client_secret = canary-azure-secret\nazure_tenant_id = t-1\n\
                jobs-api-version = 2.1\ncluster_id = 0115-093017-abc\nwarehouse_id = 5c5e3a\n\
                serverless_compute_id = auto\naccount_id = acc-1\nsome_future_key = x\n\n\
                [broken]\nthis line is not a setting\n\n[pat]\nhost = p.cloud.databricks.com\ntoken = dapi-p # comment\n";
    let home = Home::new().file(".databrickscfg", text);
    let config = home.builder().profile("pat").build().unwrap();
    assert_eq!(token(&config), "dapi-p");
    let builder = home.builder().profile("azure-sp");
    let settings = builder.settings().unwrap();
    assert_eq!(settings.get("cluster_id"), Some("0115-093017-abc"));
    assert_eq!(settings.get("warehouse_id"), Some("5c5e3a"));
    assert_eq!(settings.get("azure_tenant_id"), Some("t-1"));
    assert_eq!(settings.cloud(), Cloud::Azure);
    // A broken profile is an error only when it is read.
    let error = home.builder().profile("broken").build().unwrap_err().to_string();
    assert!(
        error.contains("profile `broken`: line 19: expected `key = value`"),
        "{error}"
    );
}

#[test]
fn a_missing_named_profile_is_an_error_that_lists_the_profiles() {
    let home = Home::new().file(".databrickscfg", PROFILES);
    let error = home.builder().profile("prod").build().unwrap_err();
    assert_eq!(
        error,
        ConfigError::ProfileNotFound {
            profile: "prod".into(),
            path: home.path(".databrickscfg"),
            available: vec!["DEFAULT".into(), "dev".into(), "robot".into()],
        }
    );
    assert!(error.to_string().contains("(it has: DEFAULT, dev, robot)"), "{error}");
    // A named profile needs the file; the implicit DEFAULT does not.
    let empty = Home::new().var("DATABRICKS_CONFIG_PROFILE", "dev");
    assert!(matches!(empty.builder().build(), Err(ConfigError::ConfigFile { .. })));
}

#[test]
fn the_config_file_path_is_the_one_that_is_read() {
    let home = Home::new();
    assert_eq!(home.builder().config_file_path(), Some(home.path(".databrickscfg")));
    let moved = home.var("DATABRICKS_CONFIG_FILE", "/etc/databricks.cfg");
    assert_eq!(
        moved.builder().config_file_path(),
        Some(PathBuf::from("/etc/databricks.cfg"))
    );
    assert_eq!(
        moved.builder().config_file("/opt/x.cfg").config_file_path(),
        Some(PathBuf::from("/opt/x.cfg"))
    );
    assert_eq!(Config::builder().config_file("/opt/x.cfg").config_file_path(), None);
}

#[test]
fn the_config_file_can_be_moved() {
    let home = Home::new().file(
        "elsewhere.cfg",
        "[DEFAULT]\nhost = moved.example.com\ntoken = dapi-moved\n",
    );
    let path = home.path("elsewhere.cfg").display().to_string();
    let config = home.var("DATABRICKS_CONFIG_FILE", &path).builder().build().unwrap();
    assert_eq!(config.host(), "https://moved.example.com");
}

#[test]
fn missing_values_list_every_source_and_what_it_lacked() {
    let home = Home::new().file(".databrickscfg", "[dev]\nhost = h\n");
    let error = home.builder().build().unwrap_err().to_string();
    let cfg = home.path(".databrickscfg").display().to_string();
    assert_eq!(
        error,
        format!(
            "no Databricks host configured (tried explicit settings: no host; the environment: no host; \
             {cfg}: no [DEFAULT] profile); set DATABRICKS_HOST, pass --host, or add `host` to a profile of \
             ~/.databrickscfg"
        )
    );
}

#[test]
fn without_credentials_every_method_says_why_it_did_not_apply() {
    let home = Home::new().var("DATABRICKS_HOST", "h.example.com");
    let error = home.builder().build().unwrap_err();
    let ConfigError::MissingCredentials { tried, .. } = &error else {
        panic!("{error:?}");
    };
    assert_eq!(tried[0], "pat: no token");
    assert_eq!(tried[2], "oauth-m2m: no client_id and client_secret");
    let text = error.to_string();
    assert!(text.contains("Settings were read from: the environment"), "{text}");
    assert!(
        text.contains(&format!("{}: No such file", home.path(".netrc").display())) || !text.contains(".netrc"),
        "{text}"
    );
}

#[test]
fn two_methods_at_once_are_an_error_unless_one_is_forced() {
    let home = Home::new()
        .var("DATABRICKS_HOST", "h.example.com")
        .var("DATABRICKS_TOKEN", "dapi-1")
        .var("DATABRICKS_CLIENT_ID", "id")
        .var("DATABRICKS_CLIENT_SECRET", "canary-secret");
    let error = home.builder().build().unwrap_err().to_string();
    assert_eq!(
        error,
        "more than one authorization method configured: pat (token from DATABRICKS_TOKEN) and oauth \
         (client_id from DATABRICKS_CLIENT_ID, client_secret from DATABRICKS_CLIENT_SECRET); remove all but one, \
         or pick one with auth_type (DATABRICKS_AUTH_TYPE)"
    );
    let config = home.builder().auth_type("oauth-m2m").build().unwrap();
    assert_eq!(config.auth_method(), AuthMethod::OAuthM2M);
    assert!(!format!("{config:?}").contains("canary"));
    // A blank value set in code counts as unset, as a blank variable does.
    let config = home.builder().auth_type("pat").token(" ").build().unwrap();
    assert_eq!(token(&config), "dapi-1");
}

#[test]
fn a_forced_method_that_cannot_work_says_why() {
    let home = Home::new().var("DATABRICKS_HOST", "h.example.com");
    let error = home.builder().auth_type("pat").build().unwrap_err().to_string();
    assert_eq!(
        error,
        "the auth type `pat` (from explicit settings) cannot be used: no token"
    );
    let error = home
        .builder()
        .token("t")
        .auth_type("kerberos")
        .build()
        .unwrap_err()
        .to_string();
    assert!(
        error.starts_with("unknown auth type `kerberos` (from explicit settings); use one of: pat, basic, oauth-m2m"),
        "{error}"
    );
    let error = home
        .builder()
        .set("google_service_account", "sa@p.iam")
        .build()
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("Google Cloud sign-in (google-id) is not supported"),
        "{error}"
    );
}

#[test]
fn unknown_settings_in_code_are_errors() {
    let error = Config::builder()
        .host("h")
        .token("t")
        .set("tokn", "x")
        .build()
        .unwrap_err();
    assert_eq!(error, ConfigError::UnknownSetting { name: "tokn".into() });
}

#[test]
fn a_browser_url_gives_the_host_and_the_workspace_id() {
    let config = Config::new(
        "https://adb-1234567890123456.7.azuredatabricks.net/?o=1234567890123456#job/5",
        "t",
    )
    .unwrap();
    assert_eq!(config.host(), "https://adb-1234567890123456.7.azuredatabricks.net");
    assert_eq!(config.workspace_id(), Some("1234567890123456"));
    assert_eq!(config.cloud(), Cloud::Azure);
}

#[test]
fn limits_have_defaults_and_can_be_turned_off() {
    let config = Config::new("h.example.com", "t").unwrap();
    assert_eq!(config.rate_limit(), Some(DEFAULT_RATE_LIMIT));
    assert_eq!(
        (config.retry_timeout(), config.http_timeout()),
        (DEFAULT_RETRY_TIMEOUT, DEFAULT_HTTP_TIMEOUT)
    );
    let home = Home::new()
        .var("DATABRICKS_HOST", "h.example.com")
        .var("DATABRICKS_TOKEN", "t")
        .var("DATABRICKS_RATE_LIMIT", "0")
        .var("DATABRICKS_RETRY_TIMEOUT_SECONDS", "2.5");
    let config = home.builder().build().unwrap();
    assert_eq!(
        (config.rate_limit(), config.retry_timeout()),
        (None, Duration::from_millis(2500))
    );
    let error = home
        .var("DATABRICKS_HTTP_TIMEOUT_SECONDS", "soon")
        .builder()
        .build()
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "the HTTP timeout `soon` from DATABRICKS_HTTP_TIMEOUT_SECONDS is not a non-negative number"
    );
}

#[test]
fn tokens_must_be_header_safe() {
    let error = Config::new("h.example.com", "dapi token").unwrap_err();
    assert!(matches!(error, ConfigError::AuthMethodUnavailable { .. }), "{error:?}");
    assert!(error.to_string().contains("the token contains spaces"), "{error}");
    assert!(!error.to_string().contains("dapi"));
}

#[test]
fn plain_http_to_a_remote_host_is_refused() {
    let error = Config::new("http://example.com", "t").unwrap_err();
    assert!(matches!(error, ConfigError::InsecureHttp { .. }));
    let allowed = Config::builder()
        .host("http://example.com")
        .token("t")
        .allow_insecure_http(true)
        .build();
    assert!(allowed.is_ok());
}

#[test]
fn credentials_in_a_rejected_host_are_not_repeated() {
    let error = Config::new("https://token:dapi-canary@adb-1.2.azuredatabricks.net/x", "t").unwrap_err();
    let text = format!("{error} {error:?}");
    assert!(!text.contains("dapi-canary"), "{text}");
    assert!(
        text.contains("https://<credentials>@adb-1.2.azuredatabricks.net/x"),
        "{text}"
    );
}

#[test]
fn debug_never_shows_secrets() {
    let config = Config::new("h.example.com", "dapi-canary-123").unwrap();
    let oauth = Config::builder()
        .host("h.example.com")
        .client_id("id")
        .client_secret("canary-secret")
        .build()
        .unwrap();
    let builder = Config::builder()
        .token("dapi-canary-123")
        .client_secret("canary-secret");
    let text = format!("{config:?} {oauth:?} {builder:?}");
    assert!(!text.contains("canary"), "{text}");
    assert!(text.contains("client_id: \"id\" from explicit settings"), "{text}");
}

#[cfg(unix)]
#[test]
fn secrets_in_a_file_others_can_read_are_warned_about() {
    use std::os::unix::fs::PermissionsExt;
    let home = Home::new().file(".databrickscfg", PROFILES);
    let path = home.path(".databrickscfg");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let config = home.builder().profile("robot").build().unwrap();
    assert_eq!(
        config.warnings(),
        [format!(
            "{} holds secrets (client_secret) and other users can read it (mode 644); run `chmod 600 {}`",
            path.display(),
            path.display()
        )]
    );
    assert!(!config.warnings()[0].contains("dose-secret"));
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    assert!(home.builder().profile("robot").build().unwrap().warnings().is_empty());
    // A profile without secrets is nothing to warn about.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let home = home.file(".databrickscfg", "[DEFAULT]\nhost = h.cloud.databricks.com\n");
    let config = home.builder().token("t").profile("DEFAULT").build().unwrap();
    assert!(config.warnings().is_empty(), "{:?}", config.warnings());
}
