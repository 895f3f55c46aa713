//! The commands every `dbr` has besides the spec's, through the built binary: `api` (each method, query
//! string or body, errors, retries), `configure` (the file it writes, what it keeps, what it refuses) and
//! `auth describe` (where each setting comes from, without a request and without a secret).

use std::io::Write;
use std::path::Path;

use databricks_tests::TOKEN;
use databricks_tests::cases::CLUSTER_ID;
use databricks_tests::dbr::{self, Home, Run, assert_exit, assert_usage_error};
use databricks_tests::mock::{self, Expected, assert_request, only_request, received};
use serde_json::json;
use wiremock::MockServer;

const MISSING_CLUSTER: &str = r#"{"error_code":"RESOURCE_DOES_NOT_EXIST","message":"Cluster 0123-abc does not exist"}"#;

/// Runs `dbr` against `server` with the test token and `stdin`.
fn run_with_stdin(server: &MockServer, args: &[&str], stdin: &str) -> Run {
    let uri = server.uri();
    dbr::run(
        args,
        &[("DATABRICKS_HOST", &uri), ("DATABRICKS_TOKEN", TOKEN)],
        Some(stdin),
    )
}

// ---- dbr api ----

#[tokio::test]
async fn api_get_sends_the_json_fields_as_the_query_string() {
    let response = r#"{"clusters": [{"cluster_id": "0115-093017-k8rq3x2w", "state": "RUNNING"}]}"#;
    let server = mock::serve(200, response).await;
    let params = r#"{"filter_by": {"cluster_states": ["RUNNING", "PENDING"]}, "page_size": 2, "is_pinned": true}"#;
    let run = dbr::run_against(
        &server.uri(),
        &["api", "get", "/api/2.1/clusters/list", "--json", params],
    );
    assert_exit(&run, 0);
    let expected = Expected {
        method: "GET",
        path: "/api/2.1/clusters/list",
        query: &[
            ("filter_by.cluster_states", "RUNNING"),
            ("filter_by.cluster_states", "PENDING"),
            ("page_size", "2"),
            ("is_pinned", "true"),
        ],
        body: None,
    };
    assert_request(&only_request(&server).await, expected);
    assert_eq!(run.json(), serde_json::from_str::<serde_json::Value>(response).unwrap());
}

#[tokio::test]
async fn api_get_keeps_a_query_string_written_in_the_path() {
    let server = mock::serve(200, r#"{"cluster_id": "0115-093017-k8rq3x2w"}"#).await;
    let path = format!("/api/2.1/clusters/get?cluster_id={CLUSTER_ID}");
    let run = dbr::run_against(&server.uri(), &["api", "get", &path]);
    assert_exit(&run, 0);
    let expected = Expected {
        method: "GET",
        path: "/api/2.1/clusters/get",
        query: &[("cluster_id", CLUSTER_ID)],
        body: None,
    };
    assert_request(&only_request(&server).await, expected);
}

#[tokio::test]
async fn api_methods_other_than_get_send_the_json_as_the_body() {
    for (method, upper) in [
        ("post", "POST"),
        ("put", "PUT"),
        ("patch", "PATCH"),
        ("delete", "DELETE"),
    ] {
        let server = mock::serve(200, r#"{"done": true}"#).await;
        let body = r#"{"name": "etl", "settings": {"max_concurrent_runs": 1}, "tags": ["a", "b"]}"#;
        let run = dbr::run_against(
            &server.uri(),
            &["api", method, "/api/2.0/example/objects", "--json", body],
        );
        assert_exit(&run, 0);
        let expected = Expected {
            method: upper,
            path: "/api/2.0/example/objects",
            query: &[],
            body: Some(body),
        };
        assert_request(&only_request(&server).await, expected);
        assert_eq!(run.json(), json!({"done": true}), "{method}");
    }
}

#[tokio::test]
async fn api_without_json_sends_no_body_and_an_empty_answer_prints_as_an_empty_object() {
    let server = mock::serve(200, "").await;
    let run = dbr::run_against(&server.uri(), &["api", "post", "/api/2.1/clusters/start"]);
    assert_exit(&run, 0);
    let expected = Expected {
        method: "POST",
        path: "/api/2.1/clusters/start",
        query: &[],
        body: None,
    };
    assert_request(&only_request(&server).await, expected);
    assert_eq!(run.stdout, "{}\n");
}

#[tokio::test]
async fn api_json_from_a_file_or_standard_input() {
    let body = r#"{"cluster_id": "0115-093017-k8rq3x2w", "num_workers": 4}"#;
    let expected = Expected {
        method: "POST",
        path: "/api/2.1/clusters/resize",
        query: &[],
        body: Some(body),
    };
    let mut file = tempfile::NamedTempFile::new().expect("a temporary file");
    file.write_all(body.as_bytes()).expect("written");
    let source = format!("@{}", file.path().display());
    let server = mock::serve(200, "{}").await;
    let run = dbr::run_against(
        &server.uri(),
        &["api", "post", "/api/2.1/clusters/resize", "--json", &source],
    );
    assert_exit(&run, 0);
    assert_request(&only_request(&server).await, expected);

    let server = mock::serve(200, "{}").await;
    let run = run_with_stdin(
        &server,
        &["api", "post", "/api/2.1/clusters/resize", "--json", "-"],
        body,
    );
    assert_exit(&run, 0);
    assert_request(&only_request(&server).await, expected);
}

#[tokio::test]
async fn api_output_takes_the_format_and_jq_options() {
    let server = mock::serve(
        200,
        r#"{"zones": ["us-west-2a", "us-west-2b"], "default_zone": "us-west-2a"}"#,
    )
    .await;
    let run = dbr::run_against(
        &server.uri(),
        &[
            "api",
            "get",
            "/api/2.1/clusters/list-zones",
            "--jq",
            ".zones[]",
            "-o",
            "text",
        ],
    );
    assert_exit(&run, 0);
    assert_eq!(run.stdout, "us-west-2a\nus-west-2b\n");
}

#[tokio::test]
async fn api_errors_exit_with_1_and_the_message() {
    let server = mock::serve(404, MISSING_CLUSTER).await;
    let run = dbr::run_against(
        &server.uri(),
        &["api", "get", "/api/2.1/clusters/get?cluster_id=0123-abc"],
    );
    assert_exit(&run, 1);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(
        run.stderr
            .starts_with("Error: RESOURCE_DOES_NOT_EXIST: Cluster 0123-abc does not exist (HTTP 404"),
        "{}",
        run.stderr
    );
}

#[tokio::test]
async fn api_paths_outside_the_api_are_usage_errors_with_a_hint() {
    let server = mock::serve(200, "{}").await;
    for (path, hint) in [
        ("clusters/list", "for example `/api/2.0/clusters/list`"),
        ("api/2.0/clusters/list", "did you mean `/api/2.0/clusters/list`?"),
        ("2.0/clusters/list", "did you mean `/api/2.0/clusters/list`?"),
        (
            "https://adb-1234567890123456.7.azuredatabricks.net/api/2.0/clusters/list",
            "give only the path, such as `/api/2.0/clusters/list`",
        ),
    ] {
        let run = dbr::run_against(&server.uri(), &["api", "get", path]);
        let stderr = assert_usage_error(&server, &run).await;
        assert!(
            stderr.starts_with(&format!("Error: the path `{path}` does not start with /api/")),
            "{stderr}"
        );
        assert!(stderr.contains(hint), "{stderr}");
    }
}

#[tokio::test]
async fn api_arguments_are_checked_before_anything_is_sent() {
    let server = mock::serve(200, "{}").await;
    // No path.
    let run = dbr::run_against(&server.uri(), &["api", "get"]);
    let stderr = assert_usage_error(&server, &run).await;
    assert!(stderr.contains("<PATH>"), "{stderr}");
    // No method.
    let run = dbr::run_against(&server.uri(), &["api", "head", "/api/2.0/clusters/list"]);
    assert_usage_error(&server, &run).await;
    // GET parameters must be an object.
    let run = dbr::run_against(
        &server.uri(),
        &["api", "get", "/api/2.0/clusters/list", "--json", "[1, 2]"],
    );
    let stderr = assert_usage_error(&server, &run).await;
    assert!(
        stderr.contains("must be a JSON object of query parameters, not a list"),
        "{stderr}"
    );
    // Broken JSON names line and column.
    let run = dbr::run_against(
        &server.uri(),
        &[
            "api",
            "post",
            "/api/2.0/clusters/create",
            "--json",
            "{\"a\": 1,\n \"b\" 2}",
        ],
    );
    let stderr = assert_usage_error(&server, &run).await;
    assert!(stderr.starts_with("Error: invalid JSON in --json"), "{stderr}");
    assert!(stderr.contains("line 2 column 6"), "{stderr}");
}

#[tokio::test]
async fn api_retries_a_server_error_only_for_get() {
    let server = mock::serve(500, r#"{"error_code": "INTERNAL_ERROR", "message": "boom"}"#).await;
    let uri = server.uri();
    let env = [
        ("DATABRICKS_HOST", uri.as_str()),
        ("DATABRICKS_TOKEN", TOKEN),
        ("DATABRICKS_RETRY_TIMEOUT_SECONDS", "2"),
    ];
    let run = dbr::run(
        &["api", "post", "/api/2.1/jobs/run-now", "--json", r#"{"job_id": 1}"#],
        &env,
        None,
    );
    assert_exit(&run, 1);
    assert!(
        run.stderr.starts_with("Error: INTERNAL_ERROR: boom (HTTP 500"),
        "{}",
        run.stderr
    );
    assert_eq!(
        received(&server).await.len(),
        1,
        "a POST may have been applied: not retried"
    );

    let server = mock::serve(500, r#"{"error_code": "INTERNAL_ERROR", "message": "boom"}"#).await;
    let uri = server.uri();
    let env = [
        ("DATABRICKS_HOST", uri.as_str()),
        ("DATABRICKS_TOKEN", TOKEN),
        ("DATABRICKS_RETRY_TIMEOUT_SECONDS", "2"),
    ];
    let run = dbr::run(&["api", "get", "/api/2.1/jobs/get?job_id=1"], &env, None);
    assert_exit(&run, 1);
    assert!(received(&server).await.len() > 1, "a GET is retried");
}

#[tokio::test]
async fn api_debug_shows_the_round_trip_with_secrets_redacted() {
    let server = mock::serve(
        200,
        r#"{"token_value": "dapi-new-secret", "token_info": {"token_id": "t-1"}}"#,
    )
    .await;
    let run = dbr::run_against(
        &server.uri(),
        &[
            "--debug",
            "api",
            "post",
            "/api/2.0/token/create",
            "--json",
            r#"{"comment": "ci"}"#,
        ],
    );
    assert_exit(&run, 0);
    assert!(run.stderr.contains("> POST http://127.0.0.1:"), "{}", run.stderr);
    assert!(run.stderr.contains("> authorization: <redacted>"), "{}", run.stderr);
    assert!(run.stderr.contains(r#""token_value":"<redacted>""#), "{}", run.stderr);
    assert!(!run.stderr.contains("dapi-new-secret"), "{}", run.stderr);
    // The answer itself is what the user asked for.
    assert_eq!(run.json()["token_value"], "dapi-new-secret");
}

// ---- dbr configure ----

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).expect("the file").permissions().mode() & 0o777
}

#[test]
fn configure_creates_an_owner_only_file_with_the_profile() {
    let home = Home::new();
    let host = "https://adb-1234567890123456.7.azuredatabricks.net/";
    let run = home.run(&["configure", "--host", host], &[], Some(&format!("{TOKEN}\n")));
    assert_exit(&run, 0);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert_eq!(
        home.read(&home.config()),
        format!("[DEFAULT]\nhost = https://adb-1234567890123456.7.azuredatabricks.net\ntoken = {TOKEN}\n")
    );
    #[cfg(unix)]
    assert_eq!(mode(&home.config()), 0o600);
    assert!(run.stderr.starts_with("Saved the profile `DEFAULT`"), "{}", run.stderr);
    assert!(
        run.stderr.contains(&home.config().display().to_string()),
        "{}",
        run.stderr
    );
}

#[test]
fn configure_replaces_only_the_profiles_host_and_token() {
    let home = Home::new();
    let before = "\
# Databricks profiles, edited by hand
[DEFAULT]
host = https://default.cloud.databricks.com
token = dapi-default

[dev]
; the dev workspace
HOST: https://old-dev.cloud.databricks.com
token = dapi-old
  continued-by-mistake
rate_limit = 5

[prod]
host = https://prod.cloud.databricks.com
token = dapi-prod
";
    std::fs::write(home.config(), before).expect("written");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(home.config(), std::fs::Permissions::from_mode(0o644)).expect("chmod");
    }
    let run = home.run(
        &[
            "configure",
            "-p",
            "dev",
            "--host",
            "new-dev.cloud.databricks.com",
            "--token",
        ],
        &[],
        Some("dapi-new-0123456789abcdef\n"),
    );
    assert_exit(&run, 0);
    assert!(
        !run.stderr.contains("dapi-new"),
        "the token is not echoed: {}",
        run.stderr
    );
    let after = before
        .replace(
            "HOST: https://old-dev.cloud.databricks.com",
            "host = https://new-dev.cloud.databricks.com",
        )
        .replace(
            "token = dapi-old\n  continued-by-mistake",
            "token = dapi-new-0123456789abcdef",
        );
    assert_eq!(home.read(&home.config()), after);
    #[cfg(unix)]
    assert_eq!(mode(&home.config()), 0o600, "an existing file is made private too");

    // Without --host the profile keeps its URL, whatever DATABRICKS_HOST says: a token rotation.
    let run = home.run(
        &["configure", "--profile", "prod"],
        &[("DATABRICKS_HOST", "https://elsewhere.cloud.databricks.com")],
        Some("dapi-rotated\n"),
    );
    assert_exit(&run, 0);
    let rotated = after.replace("token = dapi-prod", "token = dapi-rotated");
    assert_eq!(home.read(&home.config()), rotated);
    // A new profile takes DATABRICKS_HOST.
    let run = home.run(
        &["configure", "--profile", "ci"],
        &[("DATABRICKS_HOST", "ci.cloud.databricks.com")],
        Some("dapi-ci\n"),
    );
    assert_exit(&run, 0);
    assert!(
        home.read(&home.config())
            .ends_with("\n[ci]\nhost = https://ci.cloud.databricks.com\ntoken = dapi-ci\n"),
        "{}",
        home.read(&home.config())
    );
}

#[test]
fn configure_writes_where_commands_read() {
    let home = Home::new();
    let moved = home.path("elsewhere.cfg");
    let moved_text = moved.display().to_string();
    let env = [
        ("DATABRICKS_CONFIG_FILE", moved_text.as_str()),
        ("DATABRICKS_CONFIG_PROFILE", "ci"),
    ];
    let run = home.run(
        &["configure", "--host", "https://ci.cloud.databricks.com"],
        &env,
        Some("dapi-ci"),
    );
    assert_exit(&run, 0);
    assert_eq!(
        home.read(&moved),
        "[ci]\nhost = https://ci.cloud.databricks.com\ntoken = dapi-ci\n"
    );
    assert!(!home.config().exists());
    let run = home.run(&["auth", "describe", "--jq", ".profile"], &env, None);
    assert_exit(&run, 0);
    assert_eq!(run.stdout, "\"ci\"\n");
}

#[tokio::test]
async fn a_configured_profile_is_used_by_later_commands() {
    let server = mock::serve(200, r#"{"zones": ["us-west-2a"], "default_zone": "us-west-2a"}"#).await;
    let home = Home::new();
    // Plain http is accepted for this machine only.
    let run = home.run(&["configure", "--host", &server.uri()], &[], Some(TOKEN));
    assert_exit(&run, 0);
    let run = home.run(&["clusters", "list-zones"], &[], None);
    assert_exit(&run, 0);
    let expected = Expected {
        method: "GET",
        path: "/api/2.1/clusters/list-zones",
        query: &[],
        body: None,
    };
    assert_request(&only_request(&server).await, expected);
}

#[test]
fn configure_never_takes_the_token_from_the_command_line() {
    let home = Home::new();
    for args in [
        &[
            "configure",
            "--host",
            "https://h.cloud.databricks.com",
            "--token",
            TOKEN,
        ][..],
        &[
            "configure",
            "--host",
            "https://h.cloud.databricks.com",
            &format!("--token={TOKEN}"),
        ],
        &[
            "--token",
            TOKEN,
            "configure",
            "--host",
            "https://h.cloud.databricks.com",
        ],
    ] {
        let run = home.run(args, &[], Some("dapi-from-stdin"));
        assert_exit(&run, 2);
        assert!(
            run.stderr.contains("reads the token from standard input"),
            "{}",
            run.stderr
        );
        assert!(!home.config().exists(), "nothing is written");
    }
}

#[test]
fn configure_refuses_what_it_cannot_save() {
    let home = Home::new();
    let cases: [(&[&str], &str, &str); 5] = [
        (
            &["configure", "--host", "http://h.cloud.databricks.com"],
            TOKEN,
            "is not an https URL",
        ),
        (
            &["configure", "--host", "ftp://h.example.com"],
            TOKEN,
            "the scheme `ftp` is not http or https",
        ),
        (
            &["configure", "--host", "https://h.cloud.databricks.com"],
            "",
            "no token on standard input",
        ),
        (
            &["configure", "--host", "https://h.cloud.databricks.com"],
            "dapi with spaces",
            "contains spaces",
        ),
        (
            &["configure"],
            TOKEN,
            "the profile `DEFAULT` has no workspace URL yet; give it with --host",
        ),
    ];
    for (args, stdin, message) in cases {
        let run = home.run(args, &[], Some(stdin));
        assert_exit(&run, 2);
        assert!(run.stderr.contains(message), "{args:?}: {}", run.stderr);
        assert!(!run.stderr.contains("dapi"), "{}", run.stderr);
        assert!(!home.config().exists(), "nothing is written");
    }
    // A file that does not parse is left alone: configuration error.
    std::fs::write(home.config(), "[dev\nhost = h\n").expect("written");
    let run = home.run(
        &["configure", "--host", "https://h.cloud.databricks.com"],
        &[],
        Some(TOKEN),
    );
    assert_exit(&run, 3);
    assert!(run.stderr.contains("line 1: `[dev` opens a section"), "{}", run.stderr);
    assert_eq!(home.read(&home.config()), "[dev\nhost = h\n");
}

// ---- dbr auth describe ----

#[test]
fn auth_describe_names_the_environment_variables() {
    let run = dbr::run(
        &["auth", "describe"],
        &[
            ("DATABRICKS_HOST", "adb-1234567890123456.7.azuredatabricks.net"),
            ("DATABRICKS_TOKEN", TOKEN),
        ],
        None,
    );
    assert_exit(&run, 0);
    assert_eq!(
        run.json(),
        json!({
            "host": "https://adb-1234567890123456.7.azuredatabricks.net",
            "host_source": "DATABRICKS_HOST",
            "auth_method": "pat",
            "token": "set, from DATABRICKS_TOKEN",
            "profile": null,
        })
    );
}

#[test]
fn auth_describe_names_flags_profiles_and_netrc() {
    let home = Home::new();
    std::fs::write(
        home.config(),
        format!("[DEFAULT]\nhost = https://default.cloud.databricks.com\n\n[dev]\nhost = https://dev.cloud.databricks.com\ntoken = {TOKEN}\n"),
    )
    .expect("written");
    std::fs::write(
        home.path(".netrc"),
        format!("machine default.cloud.databricks.com login token password {TOKEN}\n"),
    )
    .expect("written");
    let cfg = home.config().display().to_string();
    let netrc = home.path(".netrc").display().to_string();

    let run = home.run(&["auth", "describe", "-p", "dev"], &[], None);
    assert_exit(&run, 0);
    assert_eq!(
        run.json(),
        json!({
            "host": "https://dev.cloud.databricks.com",
            "host_source": format!("profile `dev` of {cfg}"),
            "auth_method": "pat",
            "token": format!("set, from profile `dev` of {cfg}"),
            "profile": "dev",
        })
    );

    let run = home.run(&["auth", "describe", "-o", "text"], &[], None);
    assert_exit(&run, 0);
    assert_eq!(
        run.stdout,
        format!(
            "host\thttps://default.cloud.databricks.com\nhost_source\tprofile `DEFAULT` of {cfg}\n\
             auth_method\tpat\ntoken\tset, from {netrc}\nprofile\tDEFAULT\n"
        )
    );

    let run = home.run(
        &[
            "auth",
            "describe",
            "--host",
            "https://flag.cloud.databricks.com",
            "--token",
            TOKEN,
        ],
        &[],
        None,
    );
    assert_exit(&run, 0);
    assert_eq!(run.json()["host_source"], "the --host flag");
    assert_eq!(run.json()["token"], "set, from the --token flag");
}

#[test]
fn auth_describe_shows_a_client_id_but_not_its_secret() {
    let run = dbr::run(
        &["auth", "describe"],
        &[
            ("DATABRICKS_HOST", "https://h.cloud.databricks.com"),
            ("DATABRICKS_CLIENT_ID", "6f5ccf28-d83a-4b4b-9b6a-0c0e1f2a3b4c"),
            ("DATABRICKS_CLIENT_SECRET", TOKEN),
        ],
        None,
    );
    assert_exit(&run, 0);
    assert_eq!(
        run.json(),
        json!({
            "host": "https://h.cloud.databricks.com",
            "host_source": "DATABRICKS_HOST",
            "auth_method": "oauth-m2m",
            "client_id": "6f5ccf28-d83a-4b4b-9b6a-0c0e1f2a3b4c",
            "client_secret": "set, from DATABRICKS_CLIENT_SECRET",
            "profile": null,
        })
    );
}

#[test]
fn auth_describe_without_configuration_says_how_to_configure() {
    let home = Home::new();
    let run = home.run(&["auth", "describe"], &[], None);
    assert_exit(&run, 3);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(
        run.stderr.starts_with("Error: no Databricks host configured"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("set DATABRICKS_HOST, pass --host"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("run `dbr configure --host <workspace URL>`"),
        "{}",
        run.stderr
    );
    // A host without credentials: every method and why it did not apply, and the ways to log in.
    let run = home.run(
        &["auth", "describe"],
        &[("DATABRICKS_HOST", "https://h.cloud.databricks.com")],
        None,
    );
    assert_exit(&run, 3);
    assert!(
        run.stderr.starts_with("Error: no Databricks credentials configured"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("  - pat: no token\n"), "{}", run.stderr);
    assert!(
        run.stderr.contains("log in in the browser with `dbr auth login`"),
        "{}",
        run.stderr
    );
}
