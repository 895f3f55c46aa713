//! `dbr repos get|update|delete REPO_ID_OR_PATH` and `dbr repos create URL [PROVIDER]` against a local
//! server: a Git folder named by its id (one request) or by its workspace path (resolved with `get-status`
//! first), `--branch`, `--tag` and `--json` merged into the update, and a path that is not a Git folder
//! refused with nothing changed; and the Git credential token read from standard input.

use databricks_tests::dbr::{self, Run, assert_exit};
use databricks_tests::mock::{Received, received};
use serde_json::{Value, json};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const REPO_ID: &str = "1064217325418807";
const REPO_PATH: &str = "/Repos/jane.doe@example.com/etl-pipelines";
const REPO: &str = "/api/2.0/repos/1064217325418807";
const GET_STATUS: &str = "/api/2.0/workspace/get-status";

fn repo() -> Value {
    json!({
        "id": 1_064_217_325_418_807_i64,
        "path": REPO_PATH,
        "url": "https://github.com/example-org/etl-pipelines.git",
        "provider": "gitHub",
        "branch": "main",
        "head_commit_id": "7e0847ede61f07adede22e2bcce6050216489171",
        "future_field": {"nested": [1, 2]}
    })
}

/// A workspace where `workspace_path` is an object of `object_type` with the Git folder's id, and the Git
/// folder answers reads, updates and deletes.
async fn workspace(workspace_path: &str, object_type: &str) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(GET_STATUS))
        .and(query_param("path", workspace_path))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "object_type": object_type,
            "object_id": 1_064_217_325_418_807_i64,
            "path": workspace_path
        })))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(REPO))
        .respond_with(ResponseTemplate::new(200).set_body_json(repo()))
        .mount(&server)
        .await;
    for verb in ["PATCH", "DELETE"] {
        Mock::given(method(verb))
            .and(path(REPO))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
            .mount(&server)
            .await;
    }
    server
}

fn dbr(server: &MockServer, args: &[&str]) -> Run {
    dbr::run_against(&server.uri(), args)
}

/// (method, path) of every request, in order.
fn calls(requests: &[Received]) -> Vec<(&str, &str)> {
    requests
        .iter()
        .map(|request| (request.method.as_str(), request.path.as_str()))
        .collect()
}

#[tokio::test]
async fn update_by_id_checks_out_the_branch_in_one_request() {
    let server = workspace(REPO_PATH, "REPO").await;
    let run = dbr(&server, &["repos", "update", REPO_ID, "--branch", "release-2024.06"]);
    assert_exit(&run, 0);
    let requests = received(&server).await;
    assert_eq!(calls(&requests), [("PATCH", REPO)]);
    assert_eq!(requests[0].body, Some(json!({"branch": "release-2024.06"})));
}

#[tokio::test]
async fn update_by_path_resolves_the_id_then_checks_out_the_tag() {
    let server = workspace(REPO_PATH, "REPO").await;
    let run = dbr(&server, &["repos", "update", REPO_PATH, "--tag", "v1.4.0"]);
    assert_exit(&run, 0);
    let requests = received(&server).await;
    assert_eq!(calls(&requests), [("GET", GET_STATUS), ("PATCH", REPO)]);
    assert_eq!(requests[0].query, [("path".to_owned(), REPO_PATH.to_owned())]);
    assert_eq!(requests[1].body, Some(json!({"tag": "v1.4.0"})));
}

#[tokio::test]
async fn update_by_path_merges_json_and_flags_as_the_generated_command_does() {
    let server = workspace(REPO_PATH, "REPO").await;
    let run = dbr(
        &server,
        &[
            "repos",
            "update",
            REPO_PATH,
            "--json",
            r#"{"branch": "main", "sparse_checkout": {"patterns": ["pipelines/"]}}"#,
            "--branch",
            "develop",
            "--git-credential-id",
            "94810352917843",
            "--dangerously-force-discard-all",
        ],
    );
    assert_exit(&run, 0);
    let requests = received(&server).await;
    assert_eq!(calls(&requests), [("GET", GET_STATUS), ("PATCH", REPO)]);
    assert_eq!(
        requests[1].body,
        Some(json!({
            "branch": "develop",
            "sparse_checkout": {"patterns": ["pipelines/"]},
            "git_credential_id": 94_810_352_917_843_i64,
            "dangerously_force_discard_all": true
        })),
        "a flag wins over the same field of --json"
    );
}

#[tokio::test]
async fn get_by_path_prints_the_git_folder_as_the_api_sent_it() {
    let server = workspace(REPO_PATH, "REPO").await;
    let run = dbr(&server, &["repos", "get", REPO_PATH, "-o", "json"]);
    assert_exit(&run, 0);
    assert_eq!(run.json(), repo(), "nothing lost, unknown fields included");
    assert_eq!(calls(&received(&server).await), [("GET", GET_STATUS), ("GET", REPO)]);
}

#[tokio::test]
async fn delete_by_path_deletes_the_git_folder_it_names() {
    let server = workspace(REPO_PATH, "REPO").await;
    let run = dbr(&server, &["repos", "delete", REPO_PATH]);
    assert_exit(&run, 0);
    assert_eq!(calls(&received(&server).await), [("GET", GET_STATUS), ("DELETE", REPO)]);
}

#[tokio::test]
async fn a_path_that_is_a_notebook_is_refused_and_nothing_is_updated() {
    let notebook = "/Users/jane.doe@example.com/etl-notebook";
    let server = workspace(notebook, "NOTEBOOK").await;
    let run = dbr(&server, &["repos", "update", notebook, "--branch", "main"]);
    assert_exit(&run, 2);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(
        run.stderr
            .contains("/Users/jane.doe@example.com/etl-notebook is a notebook, not a Git folder; nothing was updated"),
        "{}",
        run.stderr
    );
    assert_eq!(
        calls(&received(&server).await),
        [("GET", GET_STATUS)],
        "no update was sent"
    );
}

#[tokio::test]
async fn a_folder_the_repos_api_does_not_know_is_refused_and_nothing_is_deleted() {
    let folder = "/Users/jane.doe@example.com/projects";
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(GET_STATUS))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "object_type": "DIRECTORY",
            "object_id": 1_064_217_325_418_807_i64,
            "path": folder
        })))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(REPO))
        .respond_with(ResponseTemplate::new(404).set_body_json(json!({
            "error_code": "RESOURCE_DOES_NOT_EXIST",
            "message": "Repo 1064217325418807 does not exist."
        })))
        .mount(&server)
        .await;
    let run = dbr(&server, &["repos", "delete", folder]);
    assert_exit(&run, 2);
    assert!(
        run.stderr
            .contains("/Users/jane.doe@example.com/projects is a folder, not a Git folder; nothing was deleted"),
        "{}",
        run.stderr
    );
    assert_eq!(calls(&received(&server).await), [("GET", GET_STATUS), ("GET", REPO)]);
}

#[tokio::test]
async fn a_git_folder_reported_as_a_directory_is_still_updated() {
    // Git folders with the Git CLI enabled show as directories in the workspace; the repos API knows them.
    let server = workspace(REPO_PATH, "DIRECTORY").await;
    let run = dbr(&server, &["repos", "update", REPO_PATH, "--branch", "main"]);
    assert_exit(&run, 0);
    assert_eq!(
        calls(&received(&server).await),
        [("GET", GET_STATUS), ("GET", REPO), ("PATCH", REPO)]
    );
}

#[tokio::test]
async fn a_path_that_does_not_exist_is_the_apis_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(GET_STATUS))
        .respond_with(ResponseTemplate::new(404).set_body_json(json!({
            "error_code": "RESOURCE_DOES_NOT_EXIST",
            "message": "Path (/Repos/jane.doe@example.com/gone) doesn't exist."
        })))
        .mount(&server)
        .await;
    let run = dbr(
        &server,
        &["repos", "update", "/Repos/jane.doe@example.com/gone", "--tag", "v1"],
    );
    assert_exit(&run, 1);
    assert!(run.stderr.contains("doesn't exist"), "{}", run.stderr);
    assert_eq!(calls(&received(&server).await), [("GET", GET_STATUS)]);
}

#[tokio::test]
async fn branch_and_tag_together_or_a_name_that_is_no_path_are_usage_errors() {
    let server = workspace(REPO_PATH, "REPO").await;
    let both = dbr(
        &server,
        &["repos", "update", REPO_ID, "--branch", "main", "--tag", "v1"],
    );
    dbr::assert_usage_error(&server, &both).await;
    let both_in_json = dbr(
        &server,
        &[
            "repos",
            "update",
            REPO_ID,
            "--tag",
            "v1",
            "--json",
            r#"{"branch": "main"}"#,
        ],
    );
    let stderr = dbr::assert_usage_error(&server, &both_in_json).await;
    assert!(stderr.contains("give a branch or a tag, not both"), "{stderr}");
    let relative = dbr(&server, &["repos", "get", "etl-pipelines"]);
    let stderr = dbr::assert_usage_error(&server, &relative).await;
    assert!(
        stderr.contains("neither the id of a Git folder nor a workspace path"),
        "{stderr}"
    );
}

#[tokio::test]
async fn create_finds_the_provider_from_the_url() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/2.0/repos"))
        .respond_with(ResponseTemplate::new(200).set_body_json(repo()))
        .mount(&server)
        .await;
    let run = dbr(
        &server,
        &[
            "repos",
            "create",
            "https://github.com/example-org/etl-pipelines.git",
            "--path",
            REPO_PATH,
            "-o",
            "json",
        ],
    );
    assert_exit(&run, 0);
    assert_eq!(run.json(), repo());
    let requests = received(&server).await;
    assert_eq!(
        requests[0].body,
        Some(json!({
            "url": "https://github.com/example-org/etl-pipelines.git",
            "provider": "gitHub",
            "path": REPO_PATH
        }))
    );

    let unknown = dbr(&server, &["repos", "create", "https://git.example.com/etl.git"]);
    assert_exit(&unknown, 2);
    assert!(
        unknown.stderr.contains("cannot tell the Git provider"),
        "{}",
        unknown.stderr
    );
    assert_eq!(received(&server).await.len(), 1, "nothing more was sent");
}

#[tokio::test]
async fn a_git_credential_token_is_read_from_standard_input_when_not_given() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/2.0/git-credentials"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "credential_id": 94_810_352_917_843_i64,
            "git_provider": "gitHub",
            "git_username": "jdoe-dev"
        })))
        .mount(&server)
        .await;
    let token = "github_pat_11ABCDEFG0123456789_piped";
    let run = dbr::run(
        &[
            "git-credentials",
            "create",
            "gitHub",
            "--git-username",
            "jdoe-dev",
            "-o",
            "json",
        ],
        &[
            ("DATABRICKS_HOST", &server.uri()),
            ("DATABRICKS_TOKEN", databricks_tests::TOKEN),
        ],
        Some(token),
    );
    assert_exit(&run, 0);
    assert!(!run.stdout.contains(token) && !run.stderr.contains(token), "{run:?}");
    let requests = received(&server).await;
    assert_eq!(
        requests[0].body,
        Some(json!({"git_provider": "gitHub", "git_username": "jdoe-dev", "personal_access_token": token}))
    );
}
