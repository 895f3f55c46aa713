//! `dbr` with configuration files as the official tools write them, `dbr auth profiles`, and profile names
//! in shell completion.

use databricks_tests::TOKEN;
use databricks_tests::dbr::{Home, assert_exit, assert_no_token};
use serde_json::json;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const ME: &str = "/api/2.0/preview/scim/v2/Me";
const OTHER_TOKEN: &str = "dapi-0123456789abcdef0123456789abcdef-wrong";

/// A workspace that knows one user, signed in with [`TOKEN`]; any other token gets 401.
async fn workspace() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(ME))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"userName": "jane.doe@example.com"})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/2.1/clusters/list"))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"clusters": [{"cluster_id": "0115-093017-abc"}]})),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(401).set_body_json(
            json!({"error_code": "401", "message": "Credential was not sent or was of an unsupported type"}),
        ))
        .mount(&server)
        .await;
    server
}

/// A file as the official CLI leaves it after `databricks auth login` (aligned keys, the comment it adds
/// above `[DEFAULT]`, `[__settings__]`) and `databricks configure` with a token, plus keys it writes that
/// this SDK does not use.
fn official_file(host: &str) -> String {
    format!(
        "; The profile defined in the DEFAULT section is to be used as a fallback when no profile is explicitly specified.\n\
         [DEFAULT]\n\
         host      = https://adb-1234567890123456.7.azuredatabricks.net/\n\
         auth_type = databricks-cli\n\
         \n\
         [pat]\n\
         host             = {host}\n\
         token            = {TOKEN}\n\
         jobs-api-version = 2.1\n\
         cluster_id       = 0115-093017-abc\n\
         \n\
         [__settings__]\n\
         default_profile = DEFAULT\n"
    )
}

#[tokio::test]
async fn a_default_profile_logged_in_with_the_official_cli_does_not_break_other_ways_in() {
    let server = workspace().await;
    let home = Home::new();
    std::fs::write(home.config(), official_file(&server.uri())).expect("written");
    // Another profile.
    let run = home.run(
        &["clusters", "list", "-p", "pat", "--jq", ".[0].cluster_id", "-o", "text"],
        &[],
        None,
    );
    assert_exit(&run, 0);
    assert_eq!(run.stdout, "0115-093017-abc\n");
    // The environment.
    let uri = server.uri();
    let env = [("DATABRICKS_HOST", uri.as_str()), ("DATABRICKS_TOKEN", TOKEN)];
    let run = home.run(&["clusters", "list", "-o", "text"], &env, None);
    assert_exit(&run, 0);
    // Flags.
    let run = home.run(&["clusters", "list", "--host", &uri, "--token", TOKEN], &[], None);
    assert_exit(&run, 0);
    // The [DEFAULT] profile itself needs the official CLI's login, and says so.
    let run = home.run(&["clusters", "list"], &[], None);
    assert_exit(&run, 3);
    assert!(run.stderr.contains("databricks-cli"), "{}", run.stderr);
    assert_no_token(&run);
}

#[tokio::test]
async fn auth_profiles_lists_every_profile_and_checks_each() {
    let server = workspace().await;
    let home = Home::new();
    let uri = server.uri();
    std::fs::write(
        home.config(),
        format!(
            "[DEFAULT]\nhost = {uri}\ntoken = {TOKEN}\n\n[wrong-token]\nhost = {uri}\ntoken = {OTHER_TOKEN}\n\n\
             [no-login]\nhost = {uri}\nauth_type = databricks-cli\n\n[broken]\nhost = {uri}\nthis is not a setting\n\n\
             [__settings__]\ndefault_profile = DEFAULT\n"
        ),
    )
    .expect("written");
    // Variables do not change what a profile says.
    let run = home.run(&["auth", "profiles"], &[("DATABRICKS_TOKEN", OTHER_TOKEN)], None);
    assert_exit(&run, 0);
    let rows = run.json();
    let rows = rows.as_array().expect("an array");
    let names: Vec<_> = rows
        .iter()
        .map(|row| row["name"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(names, ["DEFAULT", "wrong-token", "no-login", "broken"]);
    assert_eq!(rows[0]["valid"], true, "{rows:?}");
    assert_eq!(rows[0]["auth_type"], "pat");
    assert_eq!(rows[0]["host"], uri.as_str());
    assert_eq!(rows[1]["valid"], false);
    assert!(
        rows[1]["error"].as_str().unwrap_or_default().contains("HTTP 401"),
        "{}",
        rows[1]
    );
    assert_eq!(rows[2]["valid"], false);
    assert!(
        rows[2]["error"].as_str().unwrap_or_default().contains("auth login"),
        "{}",
        rows[2]
    );
    assert_eq!(rows[3]["valid"], false);
    assert!(
        rows[3]["error"].as_str().unwrap_or_default().contains("line 15"),
        "{}",
        rows[3]
    );
    assert_no_token(&run);
    assert!(!run.stdout.contains(OTHER_TOKEN), "{}", run.stdout);

    // Without validation nothing is sent.
    let before = server.received_requests().await.expect("recorded").len();
    let run = home.run(&["auth", "profiles", "--skip-validate", "-o", "text"], &[], None);
    assert_exit(&run, 0);
    assert_eq!(server.received_requests().await.expect("recorded").len(), before);
    assert!(
        run.stdout.starts_with(&format!("DEFAULT\t{uri}\tAWS\tpat\t")),
        "{}",
        run.stdout
    );
}

#[test]
fn auth_profiles_without_a_file_lists_nothing() {
    let home = Home::new();
    let run = home.run(&["auth", "profiles"], &[], None);
    assert_exit(&run, 0);
    assert_eq!(run.json(), json!([]));
}

#[test]
fn completion_offers_the_profiles_of_the_file() {
    let home = Home::new();
    std::fs::write(
        home.config(),
        "[DEFAULT]\nhost = h\n\n[prod-eu]\nhost = p\n\n[prod-us]\nhost = q\n\n[__settings__]\ndefault_profile = prod-eu\n",
    )
    .expect("written");
    let complete = |words: &[&str]| {
        let index = (words.len() - 1).to_string();
        let mut args = vec!["--"];
        args.extend_from_slice(words);
        let env = [
            ("COMPLETE", "bash"),
            ("_CLAP_COMPLETE_INDEX", index.as_str()),
            ("_CLAP_IFS", "\n"),
        ];
        let run = home.run(&args, &env, None);
        assert_exit(&run, 0);
        run.stdout.lines().map(str::to_owned).collect::<Vec<_>>()
    };
    assert_eq!(complete(&["dbr", "-p", ""]), ["DEFAULT", "prod-eu", "prod-us"]);
    assert_eq!(
        complete(&["dbr", "clusters", "list", "--profile", "prod-"]),
        ["prod-eu", "prod-us"]
    );
}

#[test]
fn configure_turns_a_browser_login_profile_into_a_token_profile() {
    let home = Home::new();
    std::fs::write(
        home.config(),
        "[DEFAULT]\nhost = https://h.cloud.databricks.com\nauth_type = databricks-cli\ncluster_id = 0115-093017-abc\n\n\
         [other]\nauth_type = databricks-cli\n",
    )
    .expect("written");
    let run = home.run(&["configure"], &[], Some(&format!("{TOKEN}\n")));
    assert_exit(&run, 0);
    assert_eq!(
        std::fs::read_to_string(home.config()).expect("read"),
        format!(
            "[DEFAULT]\nhost = https://h.cloud.databricks.com\ncluster_id = 0115-093017-abc\ntoken = {TOKEN}\n\n\
             [other]\nauth_type = databricks-cli\n"
        )
    );
    let run = home.run(&["auth", "describe"], &[], None);
    assert_exit(&run, 0);
    assert_eq!(run.json()["auth_method"], "pat");
}

#[tokio::test]
async fn an_oauth_secret_never_shows_in_output_or_debug() {
    let secret = "canary-oauth-secret-5d1e";
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/oidc/v1/token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"access_token": "canary-access-token-77", "token_type": "Bearer", "expires_in": 3600}),
        ))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/2.1/clusters/list"))
        .and(header("authorization", "Bearer canary-access-token-77"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"clusters": []})))
        .mount(&server)
        .await;
    let uri = server.uri();
    let env = [
        ("DATABRICKS_HOST", uri.as_str()),
        ("DATABRICKS_CLIENT_ID", "sp-1"),
        ("DATABRICKS_CLIENT_SECRET", secret),
    ];
    let home = Home::new();
    for args in [
        &["--debug", "clusters", "list"][..],
        &["auth", "describe"],
        &["auth", "describe", "--debug", "-o", "text"],
    ] {
        let run = home.run(args, &env, None);
        assert_exit(&run, 0);
        for text in [&run.stdout, &run.stderr] {
            assert!(!text.contains(secret), "{args:?}: {text}");
            assert!(!text.contains("canary-access-token"), "{args:?}: {text}");
        }
    }
    // A refused secret is explained without it.
    server.reset().await;
    Mock::given(method("POST"))
        .and(path("/oidc/v1/token"))
        .respond_with(
            ResponseTemplate::new(401)
                .set_body_json(json!({"error": "invalid_client", "error_description": "Client authentication failed"})),
        )
        .mount(&server)
        .await;
    let run = home.run(&["--debug", "clusters", "list"], &env, None);
    assert_exit(&run, 3);
    assert!(
        run.stderr.contains("invalid_client: Client authentication failed"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains(secret), "{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn a_token_in_a_file_others_can_read_is_warned_about() {
    use std::os::unix::fs::PermissionsExt;
    let home = Home::new();
    let config = home.config();
    std::fs::write(
        &config,
        format!("[DEFAULT]\nhost = https://h.cloud.databricks.com\ntoken = {TOKEN}\n"),
    )
    .expect("written");
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o644)).expect("mode");
    let run = home.run(&["auth", "describe"], &[], None);
    assert_exit(&run, 0);
    assert_eq!(
        run.stderr,
        format!(
            "Warning: {} holds secrets (token) and other users can read it (mode 644); run `chmod 600 {}`\n",
            config.display(),
            config.display()
        )
    );
    assert_no_token(&run);
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o600)).expect("mode");
    let run = home.run(&["auth", "describe"], &[], None);
    assert_exit(&run, 0);
    assert_eq!(run.stderr, "");
}
