//! The built `dbr` as a user meets it: help, the ways of giving `--json`, errors and their exit codes, and
//! configuration from flags or the environment. The token must never show up in anything `dbr` prints.

use std::io::Write;

use databricks_tests::TOKEN;
use databricks_tests::cases::CLUSTER_ID;
use databricks_tests::dbr::{self, assert_exit, assert_no_token, assert_usage_error};
use databricks_tests::mock::{self, Expected, assert_request, only_request, received};
use serde_json::json;

const MISSING_CLUSTER: &str = r#"{"error_code":"RESOURCE_DOES_NOT_EXIST","message":"Cluster 0123-abc does not exist","details":[{"@type":"type.googleapis.com/google.rpc.RequestInfo","request_id":"req-7f3a","serving_data":""}]}"#;

fn resize_request(body: &str) -> Expected<'_> {
    Expected {
        method: "POST",
        path: "/api/2.1/clusters/resize",
        query: &[],
        body: Some(body),
    }
}

// ---- help ----

#[test]
fn top_level_help_lists_the_services() {
    let run = dbr::run(&["--help"], &[], None);
    assert_exit(&run, 0);
    for expected in ["Usage: dbr", "clusters", "dbfs", "--host", "--token"] {
        assert!(
            run.stdout.contains(expected),
            "`{expected}` missing from:\n{}",
            run.stdout
        );
    }
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn no_arguments_prints_help_as_a_usage_error() {
    let run = dbr::run(&[], &[], None);
    assert_exit(&run, 2);
    assert!(run.stderr.contains("clusters"), "{}", run.stderr);
}

#[test]
fn service_help_lists_its_commands() {
    let run = dbr::run(&["clusters", "--help"], &[], None);
    assert_exit(&run, 0);
    for command in [
        "create",
        "get",
        "list-node-types",
        "permanent-delete",
        "spark-versions",
        "update",
    ] {
        assert!(
            run.stdout.contains(command),
            "`{command}` missing from:\n{}",
            run.stdout
        );
    }
}

#[test]
fn command_help_shows_flags_and_enum_values() {
    let run = dbr::run(&["clusters", "create", "--help"], &[], None);
    assert_exit(&run, 0);
    for expected in [
        "SPARK_VERSION",
        "--num-workers <num-workers>",
        "--runtime-engine <runtime-engine>",
        "[possible values: NULL, PHOTON, STANDARD]",
        "--enable-elastic-disk[=<enable-elastic-disk>]",
        "--json <JSON>",
    ] {
        assert!(
            run.stdout.contains(expected),
            "`{expected}` missing from:\n{}",
            run.stdout
        );
    }
}

// ---- --json ----

#[tokio::test]
async fn json_inline_gives_the_whole_body() {
    let server = mock::serve(200, r#"{"cluster_id": "0115-093017-k8rq3x2w"}"#).await;
    let body = r#"{"spark_version": "13.3.x-scala2.12", "num_workers": 2, "custom_tags": {"team": "data-eng"}}"#;
    let run = dbr::run_against(&server.uri(), &["clusters", "create", "--no-wait", "--json", body]);
    assert_exit(&run, 0);
    let expected = Expected {
        method: "POST",
        path: "/api/2.1/clusters/create",
        query: &[],
        body: Some(body),
    };
    assert_request(&only_request(&server).await, expected);
    assert_eq!(run.json(), json!({"cluster_id": CLUSTER_ID}));
}

#[tokio::test]
async fn json_from_a_file() {
    let mut file = tempfile::NamedTempFile::new().expect("a temporary file");
    let body = r#"{"cluster_id": "0115-093017-k8rq3x2w", "autoscale": {"min_workers": 2, "max_workers": 10}}"#;
    file.write_all(body.as_bytes()).expect("written");
    let source = format!("@{}", file.path().display());

    let server = mock::serve(200, "{}").await;
    let run = dbr::run_against(&server.uri(), &["clusters", "resize", "--no-wait", "--json", &source]);
    assert_exit(&run, 0);
    assert_request(&only_request(&server).await, resize_request(body));
    assert_eq!(run.json(), json!({}));
}

#[tokio::test]
async fn json_from_standard_input() {
    let server = mock::serve(200, "{}").await;
    let body = r#"{"cluster_id": "0115-093017-k8rq3x2w", "num_workers": 6}"#;
    let env = [
        ("DATABRICKS_HOST", server.uri()),
        ("DATABRICKS_TOKEN", TOKEN.to_owned()),
    ];
    let env: Vec<(&str, &str)> = env.iter().map(|(name, value)| (*name, value.as_str())).collect();
    let run = dbr::run(&["clusters", "resize", "--no-wait", "--json", "-"], &env, Some(body));
    assert_exit(&run, 0);
    assert_request(&only_request(&server).await, resize_request(body));
}

#[tokio::test]
async fn arguments_override_fields_of_json() {
    let server = mock::serve(200, "{}").await;
    let run = dbr::run_against(
        &server.uri(),
        &[
            "clusters",
            "resize",
            "--no-wait",
            CLUSTER_ID,
            "--num-workers",
            "8",
            "--json",
            r#"{"cluster_id": "0000-000000-otherone", "num_workers": 3}"#,
        ],
    );
    assert_exit(&run, 0);
    assert_request(
        &only_request(&server).await,
        resize_request(r#"{"cluster_id": "0115-093017-k8rq3x2w", "num_workers": 8}"#),
    );
}

#[tokio::test]
async fn arguments_override_query_parameters_of_json() {
    let server = mock::serve(200, r#"{"bytes_read": 0, "data": ""}"#).await;
    let run = dbr::run_against(
        &server.uri(),
        &[
            "dbfs",
            "read",
            "/tmp/hello.txt",
            "--length",
            "4096",
            "--json",
            r#"{"path": "/tmp/other.txt", "offset": 1024, "length": 1}"#,
        ],
    );
    assert_exit(&run, 0);
    let expected = Expected {
        method: "GET",
        path: "/api/2.0/dbfs/read",
        query: &[("path", "/tmp/hello.txt"), ("offset", "1024"), ("length", "4096")],
        body: None,
    };
    assert_request(&only_request(&server).await, expected);
}

#[tokio::test]
async fn unknown_query_parameter_in_json_is_a_usage_error() {
    let server = mock::serve(200, r#"{"bytes_read": 0, "data": ""}"#).await;
    // A typo: `ofset` instead of `offset` must not be dropped silently.
    let run = dbr::run_against(
        &server.uri(),
        &["dbfs", "read", "/tmp/hello.txt", "--json", r#"{"ofset": 5}"#],
    );
    assert_no_token(&run);
    assert_exit(&run, 2);
    assert!(run.stderr.contains("unknown field `ofset`"), "{}", run.stderr);
    assert!(
        received(&server).await.is_empty(),
        "a request was sent despite the usage error"
    );
}

#[tokio::test]
async fn a_key_beside_the_required_parameters_in_json_is_a_usage_error() {
    // `clusters get` has no optional parameter: its one parameter is an argument of the method, and
    // anything else in --json is a typo to report.
    let server = mock::serve(200, "{}").await;
    let json = r#"{"cluster_id": "0115-093017-k8rq3x2w", "clusterid": "x"}"#;
    let run = dbr::run_against(&server.uri(), &["clusters", "get", "--json", json]);
    let stderr = assert_usage_error(&server, &run).await;
    assert!(
        stderr.contains("unknown field `clusterid`, expected `cluster_id`"),
        "{stderr}"
    );
}

#[tokio::test]
async fn required_and_optional_parameters_from_json_are_sent_together() {
    let server = mock::serve(200, r#"{"job_id": 123}"#).await;
    // The id as a string of digits, as the API itself writes 64-bit integers.
    let json = r#"{"job_id": "123", "include_trigger_state": true}"#;
    let run = dbr::run_against(&server.uri(), &["jobs", "get", "--json", json]);
    assert_no_token(&run);
    assert_exit(&run, 0);
    let expected = Expected {
        method: "GET",
        path: "/api/2.2/jobs/get",
        query: &[("job_id", "123"), ("include_trigger_state", "true")],
        body: None,
    };
    assert_request(&only_request(&server).await, expected);
}

// ---- errors ----

#[tokio::test]
async fn api_error_exits_with_1() {
    let server = mock::serve(404, MISSING_CLUSTER).await;
    let run = dbr::run_against(&server.uri(), &["clusters", "get", "0123-abc"]);
    assert_exit(&run, 1);
    assert!(run.stdout.is_empty(), "stdout of a failed call:\n{}", run.stdout);
    assert!(
        run.stderr
            .starts_with("Error: RESOURCE_DOES_NOT_EXIST: Cluster 0123-abc does not exist"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("req-7f3a"),
        "the request id helps support: {}",
        run.stderr
    );
}

#[tokio::test]
async fn missing_required_positional() {
    let server = mock::serve(200, "{}").await;
    let run = dbr::run_against(&server.uri(), &["clusters", "get"]);
    let stderr = assert_usage_error(&server, &run).await;
    assert!(stderr.starts_with("Error: missing `CLUSTER_ID`"), "{stderr}");
}

#[tokio::test]
async fn invalid_enum_value() {
    let server = mock::serve(200, "{}").await;
    let run = dbr::run_against(
        &server.uri(),
        &["clusters", "create", "13.3.x-scala2.12", "--runtime-engine", "TURBO"],
    );
    let stderr = assert_usage_error(&server, &run).await;
    assert!(stderr.contains("'TURBO'"), "{stderr}");
    assert!(stderr.contains("PHOTON"), "the valid values are listed: {stderr}");
}

#[tokio::test]
async fn invalid_json_names_line_and_column() {
    let server = mock::serve(200, "{}").await;
    let run = dbr::run_against(
        &server.uri(),
        &[
            "clusters",
            "resize",
            "--json",
            "{\"cluster_id\": \"0115-093017-k8rq3x2w\",\n \"num_workers\" 3}",
        ],
    );
    let stderr = assert_usage_error(&server, &run).await;
    assert!(stderr.starts_with("Error: invalid JSON in --json"), "{stderr}");
    assert!(stderr.contains("line 2 column 16"), "{stderr}");
}

#[tokio::test]
async fn json_of_the_wrong_type_names_the_field() {
    let server = mock::serve(200, "{}").await;
    let run = dbr::run_against(&server.uri(), &["clusters", "get", "--json", r#"{"cluster_id": 5}"#]);
    let stderr = assert_usage_error(&server, &run).await;
    assert!(stderr.contains("`cluster_id`"), "{stderr}");
}

#[tokio::test]
async fn non_integer_for_an_integer_flag() {
    let server = mock::serve(200, "{}").await;
    let run = dbr::run_against(
        &server.uri(),
        &["clusters", "resize", CLUSTER_ID, "--num-workers", "two"],
    );
    let stderr = assert_usage_error(&server, &run).await;
    assert!(stderr.contains("'two'") && stderr.contains("--num-workers"), "{stderr}");
}

#[tokio::test]
async fn integer_out_of_range_for_the_field() {
    let server = mock::serve(200, "{}").await;
    let run = dbr::run_against(
        &server.uri(),
        &["clusters", "resize", CLUSTER_ID, "--num-workers", "99999999999"],
    );
    let stderr = assert_usage_error(&server, &run).await;
    assert!(stderr.contains("`num_workers`"), "{stderr}");
}

#[tokio::test]
async fn unreachable_workspace_exits_with_4() {
    // A port nobody listens on: bind one, then free it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port();
    // A refused connection is retried until the retry budget is spent; one second keeps the test short.
    let host = format!("http://127.0.0.1:{port}");
    let env = [
        ("DATABRICKS_HOST", host.as_str()),
        ("DATABRICKS_TOKEN", TOKEN),
        ("DATABRICKS_RETRY_TIMEOUT_SECONDS", "1"),
    ];
    let run = dbr::run(&["clusters", "list-zones"], &env, None);
    assert_exit(&run, 4);
    assert!(
        run.stderr.starts_with("Error: clusters.listZones request failed"),
        "{}",
        run.stderr
    );

    // With --debug the attempts are visible instead of a silent wait.
    let run = dbr::run(&["clusters", "list-zones", "--debug"], &env, None);
    assert_exit(&run, 4);
    assert!(run.stderr.contains("< no answer"), "{}", run.stderr);
    assert!(run.stderr.contains("retry budget of 1s spent"), "{}", run.stderr);
}

// ---- completions ----

#[test]
fn completion_scripts_are_small_and_ask_dbr_for_candidates() {
    for (shell, marker) in [
        ("bash", "-F _clap_complete_dbr dbr"),
        ("zsh", "#compdef dbr"),
        ("fish", "complete --keep-order --exclusive --command dbr"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "set edit:completion:arg-completer[dbr]"),
    ] {
        let run = dbr::run(&["completion", shell], &[], None);
        assert_exit(&run, 0);
        assert!(run.stdout.contains(marker), "{shell}: {}", run.stdout);
        assert!(run.stdout.contains("COMPLETE"), "{shell} asks dbr: {}", run.stdout);
        // Sourced at every shell start: a few lines, not the whole command tree.
        assert!(run.stdout.len() < 4096, "{shell}: {} bytes", run.stdout.len());
    }
    let run = dbr::run(&["completion", "tcsh"], &[], None);
    assert_exit(&run, 2);
    assert!(
        run.stderr.contains("possible values: bash, zsh, fish, powershell"),
        "{}",
        run.stderr
    );
}

/// What `dbr` offers when bash asks for the candidates of the last of `words`.
fn candidates(words: &[&str], env: &[(&str, &str)]) -> Vec<String> {
    let index = (words.len() - 1).to_string();
    let mut args = vec!["--"];
    args.extend_from_slice(words);
    let mut env = env.to_vec();
    env.extend([
        ("COMPLETE", "bash"),
        ("_CLAP_COMPLETE_INDEX", index.as_str()),
        ("_CLAP_IFS", "\n"),
    ]);
    let run = dbr::run(&args, &env, None);
    assert_exit(&run, 0);
    run.stdout.lines().map(str::to_owned).collect()
}

#[test]
fn completion_offers_services_commands_flags_and_values() {
    assert_eq!(candidates(&["dbr", "clu"], &[]), ["cluster-policies", "clusters"]);
    assert!(candidates(&["dbr", "clusters", "list-z"], &[]).contains(&"list-zones".to_owned()));
    assert!(candidates(&["dbr", "clusters", "list", "--"], &[]).contains(&"--debug".to_owned()));
    assert_eq!(candidates(&["dbr", "-o", "t"], &[]), ["table", "text"]);
}

// ---- debugging ----

#[tokio::test]
async fn debug_prints_redacted_round_trips_to_stderr() {
    let server = mock::serve(
        200,
        r#"{"token_value": "dapi-new-secret-token", "token_info": {"token_id": "t-1", "comment": "ci"}}"#,
    )
    .await;
    let run = dbr::run_against(&server.uri(), &["--debug", "tokens", "create", "--comment", "ci"]);
    assert_exit(&run, 0);
    // Data on stdout, unchanged by --debug; the round trip on stderr.
    assert_eq!(run.json()["token_info"]["token_id"], "t-1");
    assert!(run.stderr.contains("> POST http://127.0.0.1:"), "{}", run.stderr);
    assert!(run.stderr.contains("/api/2.0/token/create"), "{}", run.stderr);
    assert!(run.stderr.contains(r#"> {"comment":"ci"}"#), "{}", run.stderr);
    assert!(run.stderr.contains("> authorization: <redacted>"), "{}", run.stderr);
    assert!(run.stderr.contains(r#""token_value":"<redacted>""#), "{}", run.stderr);
    assert!(run.stderr.contains("< 200 OK"), "{}", run.stderr);
    assert!(!run.stderr.contains("dapi-new-secret-token"), "{}", run.stderr);
    assert_no_token(&run);

    // Without --debug, stderr stays empty.
    let quiet = dbr::run_against(&server.uri(), &["tokens", "create", "--comment", "ci"]);
    assert_exit(&quiet, 0);
    assert!(quiet.stderr.is_empty(), "{}", quiet.stderr);
}

// ---- configuration ----

#[test]
fn missing_host_exits_with_3() {
    let run = dbr::run(&["clusters", "get", CLUSTER_ID], &[("DATABRICKS_TOKEN", TOKEN)], None);
    assert_exit(&run, 3);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(run.stderr.contains("DATABRICKS_HOST"), "{}", run.stderr);
}

#[tokio::test]
async fn missing_token_exits_with_3() {
    let server = mock::serve(200, "{}").await;
    let run = dbr::run(
        &["clusters", "get", CLUSTER_ID],
        &[("DATABRICKS_HOST", &server.uri())],
        None,
    );
    assert_exit(&run, 3);
    assert!(run.stderr.contains("DATABRICKS_TOKEN"), "{}", run.stderr);
    assert!(received(&server).await.is_empty(), "a request was sent without a token");
}

#[test]
fn plain_http_to_a_remote_host_is_refused() {
    let run = dbr::run_against("http://example.com", &["clusters", "get", CLUSTER_ID]);
    assert_exit(&run, 3);
    assert!(run.stderr.contains("plain http"), "{}", run.stderr);
}

#[tokio::test]
async fn host_and_token_flags_replace_the_environment() {
    let server = mock::serve(200, r#"{"zones": ["us-west-2a"], "default_zone": "us-west-2a"}"#).await;
    let uri = server.uri();
    let expected = Expected {
        method: "GET",
        path: "/api/2.1/clusters/list-zones",
        query: &[],
        body: None,
    };

    // Without any environment, flags before the service.
    let run = dbr::run(&["--host", &uri, "--token", TOKEN, "clusters", "list-zones"], &[], None);
    assert_exit(&run, 0);
    assert_request(&only_request(&server).await, expected);
    assert_eq!(run.json()["default_zone"], "us-west-2a");

    // Flags after the command win over a (wrong) environment.
    let server = mock::serve(200, r#"{"zones": []}"#).await;
    let env = [
        ("DATABRICKS_HOST", "http://127.0.0.1:9"),
        ("DATABRICKS_TOKEN", "dapi-wrong-token"),
    ];
    let uri = server.uri();
    let run = dbr::run(
        &["clusters", "list-zones", "--host", &uri, "--token", TOKEN],
        &env,
        None,
    );
    assert_exit(&run, 0);
    assert_request(&only_request(&server).await, expected);
}

#[test]
fn credentials_in_the_host_are_not_echoed() {
    let host = format!("https://token:{TOKEN}@adb-1234567890123456.7.azuredatabricks.net");
    let run = dbr::run(
        &["--host", &host, "clusters", "get", CLUSTER_ID],
        &[("DATABRICKS_TOKEN", TOKEN)],
        None,
    );
    assert_exit(&run, 3);
    assert!(run.stderr.contains("credentials"), "{}", run.stderr);
}

// ---- account commands ----

#[tokio::test]
async fn account_commands_need_an_account_id_and_refuse_a_personal_access_token() {
    let server = mock::serve(200, "[]").await;
    let host = server.uri();
    let without_id = dbr::run(
        &["account", "workspaces", "list"],
        &[
            ("DATABRICKS_HOST", host.as_str()),
            ("DATABRICKS_USERNAME", "admin@example.com"),
            ("DATABRICKS_PASSWORD", TOKEN),
        ],
        None,
    );
    assert_exit(&without_id, 3);
    assert!(
        without_id.stderr.contains("DATABRICKS_ACCOUNT_ID"),
        "{}",
        without_id.stderr
    );

    let with_pat = dbr::run(
        &["account", "workspaces", "list"],
        &[
            ("DATABRICKS_HOST", host.as_str()),
            ("DATABRICKS_TOKEN", TOKEN),
            ("DATABRICKS_ACCOUNT_ID", mock::ACCOUNT_ID),
        ],
        None,
    );
    assert_exit(&with_pat, 3);
    assert!(
        with_pat.stderr.contains("does not accept a personal access token"),
        "{}",
        with_pat.stderr
    );
    assert_no_token(&with_pat);
    assert!(server.received_requests().await.unwrap().is_empty(), "nothing was sent");

    let listed = dbr::run_against_account(&host, &["account", "workspaces", "list"]);
    assert_exit(&listed, 0);
    let requests = server.received_requests().await.unwrap();
    assert_eq!(
        requests[0].url.path(),
        format!("/api/2.0/accounts/{}/workspaces", mock::ACCOUNT_ID)
    );
}

#[test]
fn account_services_are_listed_under_account_only() {
    let top = dbr::run(&["--help"], &[], None);
    assert!(top.stdout.contains("Account:\n  account"), "{}", top.stdout);
    assert!(!top.stdout.contains("\n  workspaces "), "{}", top.stdout);
    let account = dbr::run(&["account", "--help"], &[], None);
    assert!(account.stdout.contains("  workspaces "), "{}", account.stdout);
    let unknown = dbr::run(&["account-workspaces", "list"], &[], None);
    assert_exit(&unknown, 2);
}

#[tokio::test]
async fn an_account_profile_names_the_account_and_a_workspace_profile_beside_it_is_untouched() {
    let server = mock::serve(200, r#"{"metastores": []}"#).await;
    let uri = server.uri();
    let home = dbr::Home::new();
    dbr::write_private(
        &home.config(),
        &format!(
            "[DEFAULT]\nhost = {uri}\ntoken = {TOKEN}\n\n[acct]\nhost = {uri}\naccount_id = {}\n\
             username = admin@example.com\npassword = {TOKEN}\n",
            mock::ACCOUNT_ID
        ),
    );
    let listed = home.run(&["-p", "acct", "account", "metastores", "list"], &[], None);
    assert_exit(&listed, 0);
    // The default profile is a workspace's, with a personal access token: an account command refuses it.
    let refused = home.run(&["account", "metastores", "list"], &[], None);
    assert_exit(&refused, 3);
    assert_no_token(&refused);
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1, "the refused command sent nothing");
    assert_eq!(
        requests[0].url.path(),
        format!("/api/2.0/accounts/{}/metastores", mock::ACCOUNT_ID)
    );
}

#[tokio::test]
async fn billable_usage_downloads_to_a_file_replaced_only_when_complete() {
    use databricks_tests::cases::account_billable_usage::USAGE_CSV;
    let server = mock::serve(200, USAGE_CSV).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("usage.csv");
    std::fs::write(&file, "old").unwrap();
    let file_arg = file.display().to_string();
    let args = [
        "account",
        "billable-usage",
        "download",
        "2026-09",
        "2026-11",
        "--file",
        file_arg.as_str(),
    ];
    let saved = dbr::run_against_account(&server.uri(), &args);
    assert_exit(&saved, 0);
    assert_eq!(saved.stdout, "");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), USAGE_CSV);

    // A refused download leaves the file as it was and nothing beside it.
    let refusing = mock::serve(404, r#"{"error_code": "NOT_FOUND", "message": "no usage"}"#).await;
    std::fs::write(&file, "old").unwrap();
    let refused = dbr::run_against_account(&refusing.uri(), &args);
    assert_exit(&refused, 1);
    assert!(refused.stderr.contains("no usage"), "{}", refused.stderr);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "old");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert_eq!(names, ["usage.csv"]);
}
