//! Golden output of the built `dbr` against the stateful fake workspace: what a user sees for help, lists
//! in each format, `--jq`, `--json` from a file or standard input, API and usage errors, profile selection,
//! `configure` and `auth describe`. Each snapshot is a transcript (command, exit code, stdout, stderr) with
//! ports and temporary paths replaced by placeholders, so it reads like a terminal session.

use std::fmt::Write as _;
use std::path::Path;

use databricks_tests::TOKEN;
use databricks_tests::dbr::{self, Run, assert_exit};
use databricks_tests::fake_workspace::{FAKE_USER, FakeWorkspace};

/// A fake workspace, a home directory of its own, and the transcript of the commands run so far.
struct Session {
    workspace: FakeWorkspace,
    home: tempfile::TempDir,
    /// What to replace in the output, besides the workspace's URL and the home directory.
    placeholders: Vec<(String, String)>,
    transcript: String,
}

impl Session {
    async fn start() -> Session {
        Session {
            workspace: FakeWorkspace::start().await,
            home: tempfile::tempdir().expect("a temporary home"),
            placeholders: Vec::new(),
            transcript: String::new(),
        }
    }

    fn home(&self) -> &Path {
        self.home.path()
    }

    /// Replaces `text` with `placeholder` in the transcript.
    fn hide(&mut self, text: impl Into<String>, placeholder: &str) {
        self.placeholders.push((text.into(), placeholder.to_owned()));
    }

    /// Runs `dbr` against the fake with the test token and records it.
    fn dbr(&mut self, args: &[&str], stdin: Option<&str>) -> Run {
        let uri = self.workspace.uri();
        let env = [("DATABRICKS_HOST", uri.as_str()), ("DATABRICKS_TOKEN", TOKEN)];
        // The same for every such command: left out of the transcript.
        self.run(args, &env, stdin, &[])
    }

    /// Runs `dbr` with only `HOME` and `env` in its environment, and records it with `env`.
    fn dbr_with(&mut self, args: &[&str], env: &[(&str, &str)], stdin: Option<&str>) -> Run {
        self.run(args, env, stdin, env)
    }

    fn run(&mut self, args: &[&str], env: &[(&str, &str)], stdin: Option<&str>, shown: &[(&str, &str)]) -> Run {
        let home = self.home().display().to_string();
        let mut all = vec![("HOME", home.as_str())];
        all.extend_from_slice(env);
        let run = dbr::run(args, &all, stdin);
        assert!(
            !run.stdout.contains(TOKEN),
            "the token leaked to stdout:\n{}",
            run.stdout
        );
        assert!(
            !run.stderr.contains(TOKEN),
            "the token leaked to stderr:\n{}",
            run.stderr
        );
        self.record(shown, args, stdin, &run);
        run
    }

    fn record(&mut self, env: &[(&str, &str)], args: &[&str], stdin: Option<&str>, run: &Run) {
        let mut words: Vec<String> = env
            .iter()
            .map(|(name, value)| format!("{name}={}", shell_word(value)))
            .collect();
        words.push("dbr".to_owned());
        words.extend(args.iter().map(|arg| shell_word(arg)));
        let _ = writeln!(self.transcript, "$ {}", words.join(" "));
        if let Some(stdin) = stdin {
            let _ = writeln!(self.transcript, "--- stdin\n{}", stdin.trim_end());
        }
        let _ = writeln!(self.transcript, "--- exit code {}", run.code);
        for (name, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
            if !text.is_empty() {
                let _ = writeln!(self.transcript, "--- {name}\n{}", text.trim_end());
            }
        }
        self.transcript.push('\n');
    }

    /// The transcript with the ports and paths of this run replaced.
    fn golden(&self) -> String {
        let mut text = self.transcript.replace(&self.workspace.uri(), "http://<workspace>");
        for (secret, placeholder) in &self.placeholders {
            text = text.replace(secret.as_str(), placeholder);
        }
        text.replace(&self.home().display().to_string(), "<home>")
            .replace(TOKEN, "<token>")
    }
}

/// An argument as a shell would need it quoted.
fn shell_word(arg: &str) -> String {
    let plain = !arg.is_empty() && arg.chars().all(|c| c.is_ascii_alphanumeric() || "-_./:@=,".contains(c));
    if plain {
        arg.to_owned()
    } else {
        format!("'{}'", arg.replace('\'', r"'\''"))
    }
}

#[tokio::test]
async fn secrets_help() {
    let mut session = Session::start().await;
    let run = session.dbr(&["secrets", "--help"], None);
    assert_exit(&run, 0);
    insta::assert_snapshot!("secrets_help", session.golden());
}

/// A fake with two Databricks scopes and one backed by Azure Key Vault (created through `dbr`).
async fn workspace_with_scopes() -> Session {
    let mut session = Session::start().await;
    session.workspace.add_secret_scope("etl-prod");
    session.workspace.add_secret_scope("ml-dev");
    let vault = r#"{"backend_azure_keyvault": {"resource_id": "/subscriptions/3f2b1c7e/resourceGroups/data/providers/Microsoft.KeyVault/vaults/etl-kv", "dns_name": "https://etl-kv.vault.azure.net/"}}"#;
    let run = session.dbr(
        &[
            "secrets",
            "create-scope",
            "azure-etl",
            "--scope-backend-type",
            "AZURE_KEYVAULT",
            "--json",
            vault,
        ],
        None,
    );
    assert_exit(&run, 0);
    session.transcript.clear();
    session
}

#[tokio::test]
async fn secrets_list_scopes_as_json_table_and_text() {
    let mut session = workspace_with_scopes().await;
    for format in ["json", "table", "text"] {
        let run = session.dbr(&["secrets", "list-scopes", "-o", format], None);
        assert_exit(&run, 0);
    }
    insta::assert_snapshot!("secrets_list_scopes", session.golden());
}

#[tokio::test]
async fn jq_on_a_list() {
    let mut session = workspace_with_scopes().await;
    let run = session.dbr(&["secrets", "list-scopes", "--jq", ".[].name"], None);
    assert_exit(&run, 0);
    let run = session.dbr(
        &[
            "secrets",
            "list-scopes",
            "--jq",
            r#"map(select(.backend_type == "DATABRICKS")) | length"#,
        ],
        None,
    );
    assert_exit(&run, 0);
    let run = session.dbr(&["secrets", "list-scopes", "-o", "text", "--jq", ".[].name"], None);
    assert_exit(&run, 0);
    insta::assert_snapshot!("jq_on_a_list", session.golden());
}

#[tokio::test]
async fn put_secret_from_a_file_and_from_standard_input() {
    let mut session = Session::start().await;
    let run = session.dbr(&["secrets", "create-scope", "etl-prod"], None);
    assert_exit(&run, 0);
    let file = session.home().join("secret.json");
    std::fs::write(
        &file,
        r#"{"scope": "etl-prod", "key": "warehouse-password", "string_value": "s3cr3t-from-file"}"#,
    )
    .expect("written");
    let source = format!("@{}", file.display());
    let run = session.dbr(&["secrets", "put-secret", "--json", &source], None);
    assert_exit(&run, 0);
    let stdin = r#"{"scope": "etl-prod", "key": "api-key", "bytes_value": "AAEC/w=="}"#;
    let run = session.dbr(&["secrets", "put-secret", "--json", "-"], Some(stdin));
    assert_exit(&run, 0);
    let run = session.dbr(&["secrets", "list-secrets", "etl-prod"], None);
    assert_exit(&run, 0);
    let run = session.dbr(&["secrets", "list-secrets", "etl-prod", "-o", "table"], None);
    assert_exit(&run, 0);
    let run = session.dbr(&["secrets", "list-acls", "etl-prod", "-o", "table"], None);
    assert_exit(&run, 0);
    assert_eq!(
        session.workspace.secret("etl-prod", "warehouse-password").as_deref(),
        Some(&b"s3cr3t-from-file"[..])
    );
    assert_eq!(
        session.workspace.secret("etl-prod", "api-key").as_deref(),
        Some(&[0, 1, 2, 255][..])
    );
    assert_eq!(
        session.workspace.secret_acls("etl-prod"),
        [(FAKE_USER.to_owned(), "MANAGE".to_owned())]
    );
    insta::assert_snapshot!("put_secret", session.golden());
}

#[tokio::test]
async fn put_secret_without_a_value_flag_reads_standard_input_byte_for_byte() {
    let mut session = Session::start().await;
    let run = session.dbr(&["secrets", "create-scope", "etl-prod"], None);
    assert_exit(&run, 0);
    // A multi-line value, piped in: kept exactly, trailing newline included, and never in the arguments.
    let value = "-----BEGIN KEY-----\nMIIB s3cr3t\n-----END KEY-----\n";
    let run = session.dbr(&["secrets", "put-secret", "etl-prod", "tls-key"], Some(value));
    assert_exit(&run, 0);
    assert_eq!(
        session.workspace.secret("etl-prod", "tls-key").as_deref(),
        Some(value.as_bytes())
    );
    assert!(!run.stdout.contains("s3cr3t") && !run.stderr.contains("s3cr3t"));

    // A flag, or --json, is used instead of standard input (which is not read).
    let run = session.dbr(
        &["secrets", "put-secret", "etl-prod", "user", "--string-value", "etl-bot"],
        Some("not this"),
    );
    assert_exit(&run, 0);
    assert_eq!(
        session.workspace.secret("etl-prod", "user").as_deref(),
        Some(&b"etl-bot"[..])
    );

    // Nothing piped in, or both flags: usage errors, and nothing is stored.
    let calls = session.workspace.calls().len();
    let run = session.dbr(&["secrets", "put-secret", "etl-prod", "empty"], Some(""));
    assert_exit(&run, 2);
    assert!(run.stderr.contains("no value on standard input"), "{}", run.stderr);
    let run = session.dbr(
        &[
            "secrets",
            "put-secret",
            "etl-prod",
            "both",
            "--string-value",
            "a",
            "--bytes-value",
            "Yg==",
        ],
        None,
    );
    assert_exit(&run, 2);
    assert!(
        run.stderr
            .contains("give only one of `--bytes-value` and `--string-value`"),
        "{}",
        run.stderr
    );
    assert_eq!(session.workspace.calls().len(), calls, "nothing was sent");

    let help = session.dbr(&["secrets", "put-secret", "--help"], None);
    assert!(
        help.stdout
            .contains("Without --bytes-value or --string-value (or --json), the value is read from"),
        "{}",
        help.stdout
    );
}

#[tokio::test]
async fn an_api_error_exits_with_1() {
    let mut session = workspace_with_scopes().await;
    let run = session.dbr(&["secrets", "create-scope", "etl-prod"], None);
    assert_exit(&run, 1);
    let run = session.dbr(&["secrets", "list-secrets", "no-such-scope"], None);
    assert_exit(&run, 1);
    let run = session.dbr(
        &[
            "secrets",
            "put-secret",
            "azure-etl",
            "db-password",
            "--string-value",
            "x",
        ],
        None,
    );
    assert_exit(&run, 1);
    let run = session.dbr(&["secrets", "put-acl", "etl-prod", "data-engineers", "OWNER"], None);
    assert_exit(&run, 2);
    let run = session.dbr(
        &[
            "api",
            "post",
            "/api/2.0/secrets/acls/put",
            "--json",
            r#"{"scope": "etl-prod", "principal": "data-engineers", "permission": "OWNER"}"#,
        ],
        None,
    );
    assert_exit(&run, 1);
    insta::assert_snapshot!("api_error", session.golden());
}

#[tokio::test]
async fn a_usage_error_exits_with_2_and_sends_nothing() {
    let mut session = Session::start().await;
    let run = session.dbr(&["secrets", "list-secrets"], None);
    assert_exit(&run, 2);
    let run = session.dbr(&["secrets", "put-secret", "etl-prod"], None);
    assert_exit(&run, 2);
    let run = session.dbr(&["secrets", "list-scopes", "--limit", "many"], None);
    assert_exit(&run, 2);
    assert!(session.workspace.calls().is_empty(), "{:?}", session.workspace.calls());
    insta::assert_snapshot!("usage_error", session.golden());
}

#[tokio::test]
async fn a_profile_selects_the_workspace() {
    let mut session = Session::start().await;
    session.workspace.add_secret_scope("default-only");
    let other = FakeWorkspace::start().await;
    other.add_secret_scope("other-only");
    let config = format!(
        "# two workspaces\n[DEFAULT]\nhost = {}\ntoken = {TOKEN}\n\n[other]\nhost = {}\ntoken = {TOKEN}\n",
        session.workspace.uri(),
        other.uri()
    );
    dbr::write_private(&session.home().join(".databrickscfg"), &config);
    session.hide(other.uri(), "http://<other workspace>");

    let run = session.dbr_with(&["-p", "other", "secrets", "list-scopes", "-o", "text"], &[], None);
    assert_exit(&run, 0);
    assert!(session.workspace.calls().is_empty(), "the DEFAULT workspace was called");
    assert_eq!(other.endpoints(), ["secrets/scopes/list"]);

    let run = session.dbr_with(&["secrets", "list-scopes", "-o", "text"], &[], None);
    assert_exit(&run, 0);
    assert_eq!(session.workspace.endpoints(), ["secrets/scopes/list"]);
    let run = session.dbr_with(
        &["secrets", "list-scopes", "-o", "text"],
        &[("DATABRICKS_CONFIG_PROFILE", "other")],
        None,
    );
    assert_exit(&run, 0);
    assert_eq!(other.calls_to("secrets/scopes/list"), 2);
    let run = session.dbr_with(&["-p", "missing", "secrets", "list-scopes"], &[], None);
    assert_exit(&run, 3);
    insta::assert_snapshot!("profile_selection", session.golden());
}

#[tokio::test]
async fn configure_writes_a_private_file() {
    let mut session = Session::start().await;
    let config = session.home().join(".databrickscfg");
    std::fs::write(
        &config,
        "# kept as it is\n[DEFAULT]\nhost = https://default.cloud.databricks.com\ntoken = dapi-default\n",
    )
    .expect("written");
    let run = session.dbr_with(
        &[
            "configure",
            "--profile",
            "dev",
            "--host",
            "dbc-a1b2c3d4-e5f6.cloud.databricks.com",
        ],
        &[],
        Some("dapi-dev-0123456789\n"),
    );
    assert_exit(&run, 0);
    let run = session.dbr_with(
        &["configure", "--host", "https://default.cloud.databricks.com/"],
        &[],
        Some(""),
    );
    assert_exit(&run, 2);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&config).expect("the file").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let _ = writeln!(
        session.transcript,
        "$ cat ~/.databrickscfg\n{}",
        std::fs::read_to_string(&config).expect("the file").trim_end()
    );
    insta::assert_snapshot!("configure", session.golden());
}

#[tokio::test]
async fn auth_describe() {
    let mut session = Session::start().await;
    dbr::write_private(
        &session.home().join(".databrickscfg"),
        &format!(
            "[DEFAULT]\nhost = https://default.cloud.databricks.com\n\n[dev]\nhost = https://dev.cloud.databricks.com\ntoken = {TOKEN}\n"
        ),
    );
    std::fs::write(
        session.home().join(".netrc"),
        format!("machine default.cloud.databricks.com login token password {TOKEN}\n"),
    )
    .expect("written");
    for args in [
        &["auth", "describe"][..],
        &["auth", "describe", "-p", "dev", "-o", "text"],
        &[
            "auth",
            "describe",
            "--host",
            "https://flag.cloud.databricks.com",
            "-p",
            "dev",
        ],
        &["auth", "describe", "--jq", ".token"],
    ] {
        let run = session.dbr_with(args, &[], None);
        assert_exit(&run, 0);
    }
    let run = session.dbr_with(
        &["auth", "describe"],
        &[
            ("DATABRICKS_HOST", "adb-1234567890123456.7.azuredatabricks.net"),
            ("DATABRICKS_TOKEN", TOKEN),
        ],
        None,
    );
    assert_exit(&run, 0);
    std::fs::remove_file(session.home().join(".databrickscfg")).expect("removed");
    let run = session.dbr_with(&["auth", "describe"], &[], None);
    assert_exit(&run, 3);
    insta::assert_snapshot!("auth_describe", session.golden());
}

#[tokio::test]
async fn debug_never_shows_the_token_or_the_secret() {
    let mut session = Session::start().await;
    session.workspace.add_secret_scope("etl-prod");
    let value = "hunter2-do-not-print";
    let runs = [
        session.dbr(
            &[
                "--debug",
                "secrets",
                "put-secret",
                "etl-prod",
                "db-password",
                "--string-value",
                value,
            ],
            None,
        ),
        session.dbr(&["--debug", "secrets", "list-secrets", "etl-prod"], None),
        session.dbr(&["--debug", "secrets", "get-secret", "etl-prod", "db-password"], None),
    ];
    let encoded = "aHVudGVyMi1kby1ub3QtcHJpbnQ=";
    for run in &runs {
        assert_exit(run, 0);
        assert!(run.stderr.contains("> authorization: <redacted>"), "{}", run.stderr);
        for secret in [TOKEN, value, encoded] {
            assert!(!run.stderr.contains(secret), "`{secret}` in stderr:\n{}", run.stderr);
        }
    }
    assert!(
        runs[0].stderr.contains(r#""string_value":"<redacted>""#),
        "{}",
        runs[0].stderr
    );
    assert!(runs[2].stderr.contains(r#""value":"<redacted>""#), "{}", runs[2].stderr);
    // Only the command that reads the secret prints it, on stdout where it was asked for.
    assert!(runs[2].stdout.contains(encoded), "{}", runs[2].stdout);
    assert!(!runs[0].stdout.contains(value) && !runs[1].stdout.contains(value));
}
