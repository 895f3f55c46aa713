//! What `dbr` prints: lists streamed from every page and capped by `--limit`, the `-o table` and `-o text`
//! formats, the default format (JSON in a pipe, `DATABRICKS_OUTPUT_FORMAT`), `--jq`, and long-running
//! operations waited for (or not, with `--no-wait`). Tables on a terminal are tested in the runtime
//! (`cli::output::tests`), where stdout can be said to be one.

use databricks_tests::dbr::{self, assert_exit};
use databricks_tests::mock::{self, received};
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

fn job(id: u64, name: &str) -> Value {
    json!({
        "job_id": id,
        "creator_user_name": "jane.doe@example.com",
        "created_time": 1_705_400_000_000_u64 + id,
        "settings": {"name": name, "max_concurrent_runs": 1},
        "a_field_this_sdk_does_not_know": {"kept": true}
    })
}

/// `jobs/list` in pages: the page a request names by `page_token` (none: the first), each page but the
/// last naming the next.
async fn paged_jobs(pages: Vec<Vec<Value>>) -> MockServer {
    let server = MockServer::builder().start().await;
    Mock::given(method("GET"))
        .and(path("/api/2.2/jobs/list"))
        .respond_with(move |request: &Request| {
            let token = request
                .url
                .query_pairs()
                .find(|(key, _)| key == "page_token")
                .map(|(_, value)| value.into_owned());
            let index = match token.as_deref() {
                None => 0,
                Some(token) => token.trim_start_matches("page-").parse().unwrap_or(usize::MAX),
            };
            let Some(jobs) = pages.get(index) else {
                return ResponseTemplate::new(400)
                    .set_body_json(json!({"error_code": "INVALID_PARAMETER_VALUE", "message": "Invalid page token"}));
            };
            let mut body = json!({"jobs": jobs, "has_more": index + 1 < pages.len()});
            if index + 1 < pages.len() {
                body["next_page_token"] = json!(format!("page-{}", index + 1));
            }
            ResponseTemplate::new(200).set_body_json(body)
        })
        .mount(&server)
        .await;
    server
}

fn three_pages() -> Vec<Vec<Value>> {
    vec![
        vec![job(1, "nightly-etl"), job(2, "hourly-sync")],
        vec![job(3, "weekly report\twith a tab")],
        vec![job(4, "backfill"), job(5, "cleanup")],
    ]
}

async fn list_requests(server: &MockServer) -> usize {
    received(server)
        .await
        .iter()
        .filter(|request| request.path == "/api/2.2/jobs/list")
        .count()
}

// ---- lists ----

#[tokio::test]
async fn a_list_prints_the_items_of_every_page_as_one_json_array() {
    let server = paged_jobs(three_pages()).await;
    let run = dbr::run_against(&server.uri(), &["jobs", "list"]);
    assert_exit(&run, 0);
    let expected: Vec<Value> = three_pages().into_iter().flatten().collect();
    assert_eq!(run.json(), Value::Array(expected), "every item, unknown fields kept");
    assert_eq!(list_requests(&server).await, 3);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[tokio::test]
async fn limit_stops_reading_pages_once_enough_items_are_printed() {
    let server = paged_jobs(three_pages()).await;
    let run = dbr::run_against(&server.uri(), &["jobs", "list", "--limit", "3"]);
    assert_exit(&run, 0);
    let ids: Vec<u64> = run
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|job| job["job_id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids, [1, 2, 3]);
    assert_eq!(list_requests(&server).await, 2, "the third page is never fetched");
}

#[tokio::test]
async fn an_empty_list_is_an_empty_array() {
    let server = paged_jobs(vec![vec![]]).await;
    let run = dbr::run_against(&server.uri(), &["jobs", "list"]);
    assert_exit(&run, 0);
    assert_eq!(run.stdout, "[]\n");
}

#[tokio::test]
async fn a_failing_later_page_leaves_the_array_open_and_exits_with_the_api_error() {
    let mut pages = three_pages();
    pages.truncate(1);
    let server = MockServer::builder().start().await;
    Mock::given(method("GET"))
        .and(path("/api/2.2/jobs/list"))
        .respond_with(move |request: &Request| {
            if request.url.query().unwrap_or_default().contains("page_token") {
                ResponseTemplate::new(400)
                    .set_body_json(json!({"error_code": "INVALID_PARAMETER_VALUE", "message": "Invalid page token"}))
            } else {
                ResponseTemplate::new(200).set_body_json(json!({"jobs": pages[0], "next_page_token": "page-1"}))
            }
        })
        .mount(&server)
        .await;
    let run = dbr::run_against(&server.uri(), &["jobs", "list"]);
    assert_exit(&run, 1);
    assert!(run.stdout.contains("\"nightly-etl\""), "{}", run.stdout);
    assert!(
        serde_json::from_str::<Value>(&run.stdout).is_err(),
        "a partial list must not parse as a whole one:\n{}",
        run.stdout
    );
    assert!(run.stderr.contains("Invalid page token"), "{}", run.stderr);
}

#[tokio::test]
async fn table_output_shows_the_spec_columns_aligned() {
    let server = paged_jobs(three_pages()).await;
    let run = dbr::run_against(&server.uri(), &["jobs", "list", "-o", "table"]);
    assert_exit(&run, 0);
    insta::assert_snapshot!(run.stdout, @r"
    JOB_ID  SETTINGS.NAME             CREATOR_USER_NAME     CREATED_TIME
    1       nightly-etl               jane.doe@example.com  1705400000001
    2       hourly-sync               jane.doe@example.com  1705400000002
    3       weekly report with a tab  jane.doe@example.com  1705400000003
    4       backfill                  jane.doe@example.com  1705400000004
    5       cleanup                   jane.doe@example.com  1705400000005
    ");
}

#[tokio::test]
async fn text_output_is_tab_separated_rows_without_json() {
    let server = paged_jobs(three_pages()).await;
    let run = dbr::run_against(&server.uri(), &["jobs", "list", "-o", "text", "--limit", "3"]);
    assert_exit(&run, 0);
    assert_eq!(
        run.stdout,
        "1\tnightly-etl\tjane.doe@example.com\t1705400000001\n\
         2\thourly-sync\tjane.doe@example.com\t1705400000002\n\
         3\tweekly report with a tab\tjane.doe@example.com\t1705400000003\n"
    );
}

#[tokio::test]
async fn text_output_of_one_object_is_field_value_lines() {
    let cluster = json!({
        "cluster_id": "0115-c1",
        "state": "RUNNING",
        "autoscale": {"min_workers": 1, "max_workers": 4},
        "custom_tags": {},
        "spark_env_vars": null,
        "ssh_public_keys": ["ssh-ed25519 AAA", "ssh-ed25519 BBB"]
    });
    let server = mock::serve(200, &cluster.to_string()).await;
    let run = dbr::run_against(&server.uri(), &["clusters", "get", "0115-c1", "-o", "text"]);
    assert_exit(&run, 0);
    // One line per field the server sent; nested objects flattened, an empty one kept, a null one empty.
    let mut lines: Vec<&str> = run.stdout.lines().collect();
    lines.sort_unstable();
    assert_eq!(
        lines,
        [
            "autoscale.max_workers\t4",
            "autoscale.min_workers\t1",
            "cluster_id\t0115-c1",
            "custom_tags\t{}",
            "spark_env_vars\t",
            "ssh_public_keys\tssh-ed25519 AAA,ssh-ed25519 BBB",
            "state\tRUNNING",
        ]
    );
}

#[tokio::test]
async fn a_one_page_list_prints_its_items_unless_the_response_holds_more() {
    let versions = json!({"versions": [
        {"key": "15.4.x-scala2.12", "name": "15.4 LTS (includes Apache Spark 3.5.0, Scala 2.12)"},
        {"key": "7.6.x-gpu-ml-scala2.12", "name": "7.6 ML (includes Apache Spark 3.0.1, GPU, Scala 2.12)"}
    ]});
    let server = mock::serve(200, &versions.to_string()).await;
    let json_run = dbr::run_against(&server.uri(), &["clusters", "spark-versions"]);
    assert_exit(&json_run, 0);
    assert_eq!(json_run.json(), versions["versions"], "the items, like every list");
    let table = dbr::run_against(&server.uri(), &["clusters", "spark-versions", "-o", "table"]);
    assert_exit(&table, 0);
    insta::assert_snapshot!(table.stdout, @r"
    KEY                     NAME
    15.4.x-scala2.12        15.4 LTS (includes Apache Spark 3.5.0, Scala 2.12)
    7.6.x-gpu-ml-scala2.12  7.6 ML (includes Apache Spark 3.0.1, GPU, Scala 2.12)
    ");

    // `default_zone` would be lost in a list of zones: the whole response is printed.
    let zones = json!({"zones": ["us-west-2a", "us-west-2b"], "default_zone": "us-west-2b"});
    let server = mock::serve(200, &zones.to_string()).await;
    let run = dbr::run_against(&server.uri(), &["clusters", "list-zones"]);
    assert_exit(&run, 0);
    assert_eq!(run.json(), zones);
    let text = dbr::run_against(&server.uri(), &["clusters", "list-zones", "-o", "text"]);
    assert_exit(&text, 0);
    // In the server's order.
    assert_eq!(text.stdout, "zones\tus-west-2a,us-west-2b\ndefault_zone\tus-west-2b\n");
}

// ---- the default format ----

/// `dbr` against `host` with `DATABRICKS_OUTPUT_FORMAT` set; stdout is a pipe, as in every test here.
fn run_with_variable(host: &str, format: &str, args: &[&str]) -> dbr::Run {
    let env = [
        ("DATABRICKS_HOST", host),
        ("DATABRICKS_TOKEN", databricks_tests::TOKEN),
        ("DATABRICKS_OUTPUT_FORMAT", format),
    ];
    dbr::run(args, &env, None)
}

#[tokio::test]
async fn the_official_output_variable_is_honoured_and_o_wins_over_it() {
    let server = paged_jobs(three_pages()).await;
    let piped = dbr::run_against(&server.uri(), &["jobs", "list", "--limit", "1"]);
    assert_exit(&piped, 0);
    assert_eq!(piped.json()[0]["job_id"], 1, "a pipe gets JSON without -o");

    let table = run_with_variable(&server.uri(), "table", &["jobs", "list", "--limit", "2"]);
    assert_exit(&table, 0);
    insta::assert_snapshot!(table.stdout, @r"
    JOB_ID  SETTINGS.NAME  CREATOR_USER_NAME     CREATED_TIME
    1       nightly-etl    jane.doe@example.com  1705400000001
    2       hourly-sync    jane.doe@example.com  1705400000002
    ");
    let text = run_with_variable(&server.uri(), "TEXT", &["jobs", "list", "--limit", "1"]);
    assert_exit(&text, 0);
    assert_eq!(text.stdout, "1\tnightly-etl\tjane.doe@example.com\t1705400000001\n");

    let json = run_with_variable(&server.uri(), "table", &["jobs", "list", "--limit", "1", "-o", "json"]);
    assert_exit(&json, 0);
    assert_eq!(json.json()[0]["job_id"], 1);

    let unknown = run_with_variable(&server.uri(), "yaml", &["jobs", "list", "--limit", "1"]);
    assert_exit(&unknown, 0);
    assert_eq!(unknown.json()[0]["job_id"], 1, "ignored, as the official CLI does");
    assert!(
        unknown
            .stderr
            .contains("DATABRICKS_OUTPUT_FORMAT=yaml is not an output format"),
        "{}",
        unknown.stderr
    );
}

#[tokio::test]
async fn a_table_of_one_object_shows_every_value_on_a_line() {
    let cluster = json!({
        "cluster_id": "0115-c1",
        "autoscale": {"min_workers": 1, "max_workers": 4},
        "init_scripts": [
            {"workspace": {"destination": "/Users/jane.doe@example.com/init.sh"}},
            {"volumes": {"destination": "/Volumes/main/default/scripts/gpu.sh"}}
        ],
        "ssh_public_keys": ["ssh-ed25519 AAA", "ssh-ed25519 BBB"]
    });
    let server = mock::serve(200, &cluster.to_string()).await;
    let run = dbr::run_against(&server.uri(), &["clusters", "get", "0115-c1", "-o", "table"]);
    assert_exit(&run, 0);
    let mut lines: Vec<&str> = run.stdout.lines().collect();
    lines.sort_unstable();
    insta::assert_snapshot!(lines.join("\n"), @r"
    autoscale.max_workers                  4
    autoscale.min_workers                  1
    cluster_id                             0115-c1
    init_scripts[0].workspace.destination  /Users/jane.doe@example.com/init.sh
    init_scripts[1].volumes.destination    /Volumes/main/default/scripts/gpu.sh
    ssh_public_keys                        ssh-ed25519 AAA,ssh-ed25519 BBB
    ");
}

#[tokio::test]
async fn an_empty_list_in_a_table_prints_no_rows_and_says_so_on_stderr() {
    let server = paged_jobs(vec![vec![]]).await;
    let table = dbr::run_against(&server.uri(), &["jobs", "list", "-o", "table"]);
    assert_exit(&table, 0);
    assert_eq!((table.stdout.as_str(), table.stderr.as_str()), ("", "No items.\n"));
    let json = dbr::run_against(&server.uri(), &["jobs", "list"]);
    assert_exit(&json, 0);
    assert_eq!((json.stdout.as_str(), json.stderr.as_str()), ("[]\n", ""));
}

// ---- --jq ----

#[tokio::test]
async fn jq_filters_the_list_as_one_array() {
    let server = paged_jobs(three_pages()).await;
    let run = dbr::run_against(
        &server.uri(),
        &["jobs", "list", "--jq", ".[] | select(.job_id > 3) | .settings.name"],
    );
    assert_exit(&run, 0);
    assert_eq!(run.stdout, "\"backfill\"\n\"cleanup\"\n");

    let raw = dbr::run_against(
        &server.uri(),
        &[
            "jobs",
            "list",
            "--limit",
            "2",
            "--jq",
            "map(.settings.name)",
            "-o",
            "text",
        ],
    );
    assert_exit(&raw, 0);
    assert_eq!(
        raw.stdout, "nightly-etl\nhourly-sync\n",
        "text output prints strings without quotes"
    );

    let count = dbr::run_against(&server.uri(), &["jobs", "list", "--jq", "length"]);
    assert_exit(&count, 0);
    assert_eq!(count.stdout, "5\n");
}

#[tokio::test]
async fn an_invalid_jq_filter_is_a_usage_error_before_any_request() {
    let server = paged_jobs(three_pages()).await;
    let run = dbr::run_against(&server.uri(), &["jobs", "list", "--jq", ".[] | select(.job_id >"]);
    assert_exit(&run, 2);
    assert!(run.stderr.starts_with("Error: invalid --jq filter"), "{}", run.stderr);
    let unknown = dbr::run_against(&server.uri(), &["jobs", "list", "--jq", "no_such_function(1)"]);
    assert_exit(&unknown, 2);
    assert!(unknown.stderr.contains("no_such_function/1"), "{}", unknown.stderr);
    assert_eq!(list_requests(&server).await, 0);
}

#[tokio::test]
async fn a_jq_runtime_error_fails_the_command() {
    let server = paged_jobs(three_pages()).await;
    let run = dbr::run_against(&server.uri(), &["jobs", "list", "--jq", ".[0].settings.name + 1"]);
    assert_exit(&run, 4);
    assert!(run.stderr.contains("--jq filter"), "{}", run.stderr);
}

// ---- waiting ----

/// `clusters/create` answers with an id; each `clusters/get` answers the next of `states`.
async fn cluster_server(states: Vec<(&'static str, &'static str)>) -> MockServer {
    let server = MockServer::builder().start().await;
    Mock::given(method("POST"))
        .and(path("/api/2.1/clusters/create"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"cluster_id": "0115-c1"})))
        .mount(&server)
        .await;
    let polls = std::sync::atomic::AtomicUsize::new(0);
    Mock::given(method("GET"))
        .and(path("/api/2.1/clusters/get"))
        .respond_with(move |_: &Request| {
            let n = polls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let (state, message) = states[n.min(states.len() - 1)];
            ResponseTemplate::new(200)
                .set_body_json(json!({"cluster_id": "0115-c1", "state": state, "state_message": message}))
        })
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn a_long_running_operation_is_waited_for_and_prints_the_final_resource() {
    let server = cluster_server(vec![("PENDING", "Finding instances"), ("RUNNING", "")]).await;
    let run = dbr::run_against(&server.uri(), &["clusters", "create", "15.4.x-scala2.12"]);
    assert_exit(&run, 0);
    assert_eq!(run.json()["state"], "RUNNING");
    let polls = received(&server)
        .await
        .iter()
        .filter(|request| request.path.ends_with("/get"))
        .count();
    assert_eq!(polls, 2);
    assert!(run.stderr.is_empty(), "no spinner without a terminal:\n{}", run.stderr);
}

#[tokio::test]
async fn no_wait_prints_the_first_answer() {
    let server = cluster_server(vec![("PENDING", "")]).await;
    let run = dbr::run_against(&server.uri(), &["clusters", "create", "15.4.x-scala2.12", "--no-wait"]);
    assert_exit(&run, 0);
    assert_eq!(run.json(), json!({"cluster_id": "0115-c1"}));
    assert_eq!(received(&server).await.len(), 1, "nothing polled");
}

#[tokio::test]
async fn a_failure_state_exits_with_the_server_message() {
    let server = cluster_server(vec![("ERROR", "Instance quota exceeded in us-west-2")]).await;
    let run = dbr::run_against(&server.uri(), &["clusters", "create", "15.4.x-scala2.12"]);
    assert_exit(&run, 4);
    assert!(run.stderr.contains("ERROR"), "{}", run.stderr);
    assert!(
        run.stderr.contains("Instance quota exceeded in us-west-2"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

#[tokio::test]
async fn timeout_gives_up_with_the_last_state() {
    let server = cluster_server(vec![("PENDING", "Finding instances")]).await;
    let run = dbr::run_against(
        &server.uri(),
        &["clusters", "create", "15.4.x-scala2.12", "--timeout", "1s"],
    );
    assert_exit(&run, 4);
    assert!(run.stderr.contains("PENDING"), "{}", run.stderr);

    let bad = dbr::run_against(
        &server.uri(),
        &["clusters", "create", "15.4.x-scala2.12", "--timeout", "soon"],
    );
    assert_exit(&bad, 2);
    assert!(bad.stderr.contains("--timeout"), "{}", bad.stderr);
}

#[test]
fn wait_flags_exist_only_on_long_running_operations_and_limit_only_on_paged_lists() {
    let create = dbr::run(&["clusters", "create", "--help"], &[], None);
    assert!(create.stdout.contains("--no-wait") && create.stdout.contains("--timeout <DURATION>"));
    assert!(!create.stdout.contains("--limit"));
    let get = dbr::run(&["clusters", "get", "--help"], &[], None);
    assert!(!get.stdout.contains("--no-wait") && !get.stdout.contains("--limit"));
    let list = dbr::run(&["jobs", "list", "--help"], &[], None);
    assert!(list.stdout.contains("--limit <N>"), "{}", list.stdout);
    // The API's own `limit` (the page size) keeps a flag under another name.
    assert!(list.stdout.contains("--page-size <page-size>"), "{}", list.stdout);
}

// ---- `-o json`: the answer as the server wrote it ----

/// A cluster as a server might write it: keys not in the model's order, a map in no sorted order, numbers
/// and escapes that a round trip through typed values would rewrite.
const CLUSTER_AS_SENT: &str = r#"{"state":"RUNNING","cluster_id":"0115-c1","custom_tags":{"zeta":"1","alpha":"2"},"spark_version":"15.4.x-scala2.12","not_in_the_model":{"ratio":1.50,"big":123456789012345678901234567890,"exp":1e3},"cluster_name":"caf\u00e9"}"#;

#[tokio::test]
async fn json_output_is_the_answer_as_sent_laid_out_on_lines() {
    let server = mock::serve(200, CLUSTER_AS_SENT).await;
    let run = dbr::run_against(&server.uri(), &["clusters", "get", "0115-c1"]);
    assert_exit(&run, 0);
    insta::assert_snapshot!(run.stdout, @r#"
    {
      "state": "RUNNING",
      "cluster_id": "0115-c1",
      "custom_tags": {
        "zeta": "1",
        "alpha": "2"
      },
      "spark_version": "15.4.x-scala2.12",
      "not_in_the_model": {
        "ratio": 1.50,
        "big": 123456789012345678901234567890,
        "exp": 1e3
      },
      "cluster_name": "caf\u00e9"
    }
    "#);
    // `dbr api` prints what it received the same way.
    let api = dbr::run_against(&server.uri(), &["api", "get", "/api/2.1/clusters/get"]);
    assert_exit(&api, 0);
    assert_eq!(api.stdout, run.stdout);
}

#[tokio::test]
async fn json_output_of_a_list_keeps_each_item_as_sent() {
    let page = format!(r#"{{"clusters":[{CLUSTER_AS_SENT},{{"cluster_id":"0115-c2","state":"TERMINATED"}}]}}"#);
    let server = mock::serve(200, &page).await;
    let run = dbr::run_against(&server.uri(), &["clusters", "list"]);
    assert_exit(&run, 0);
    assert!(
        run.stdout
            .starts_with("[\n  {\n    \"state\": \"RUNNING\",\n    \"cluster_id\": \"0115-c1\",\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("\n      \"ratio\": 1.50,\n      \"big\": 123456789012345678901234567890,\n")
    );
    assert!(run.stdout.contains("\"cluster_name\": \"caf\\u00e9\""));
    assert!(
        run.stdout
            .ends_with("  {\n    \"cluster_id\": \"0115-c2\",\n    \"state\": \"TERMINATED\"\n  }\n]\n")
    );
}

#[tokio::test]
async fn an_answer_that_does_not_fit_the_model_is_refused_not_printed() {
    // `cluster_id` is a string in the API; a number there is a broken answer, for one object and in a list.
    let server = mock::serve(200, r#"{"cluster_id": 115, "state": "RUNNING"}"#).await;
    let run = dbr::run_against(&server.uri(), &["clusters", "get", "0115-c1"]);
    assert_exit(&run, 4);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.contains("cluster_id") || run.stderr.contains("invalid type"),
        "{}",
        run.stderr
    );

    let server = mock::serve(200, r#"{"clusters": [{"cluster_id": "a"}, {"cluster_id": 115}]}"#).await;
    let run = dbr::run_against(&server.uri(), &["clusters", "list"]);
    assert_exit(&run, 4);
    assert!(run.stderr.contains("invalid type"), "{}", run.stderr);
}
