//! The built `dbr` given hostile or mistaken input: filters and documents too deep for a recursive reader,
//! `--json` a Value would read wrongly, paths with dot segments, and commands it does not have. Each fails
//! with a usage error (exit 2) that says what was wrong, and sends nothing.

use databricks_tests::dbr::{self, assert_exit, assert_usage_error};
use databricks_tests::mock::{self, Expected, assert_request, only_request};

// ---- --jq ----

#[tokio::test]
async fn a_jq_filter_nested_a_thousand_deep_is_a_usage_error() {
    let server = mock::serve(200, r#"{"zones": ["a"]}"#).await;
    let filter = format!("{}.{}", "(".repeat(1000), ")".repeat(1000));
    let run = dbr::run_against(&server.uri(), &["clusters", "list-zones", "--jq", &filter]);
    let stderr = assert_usage_error(&server, &run).await;
    assert!(
        stderr.contains(
            "the --jq filter nests parentheses, brackets, braces or string interpolations more than 256 levels deep"
        ),
        "{stderr}"
    );
}

#[tokio::test]
async fn a_long_jq_filter_within_the_limits_runs() {
    // One nesting level per byte, the costliest shape for jaq's recursive parser.
    let server = mock::serve(200, r#"{"zones": ["a"]}"#).await;
    let filter = format!("{}1", "-".repeat(9_999));
    let run = dbr::run_against(&server.uri(), &["clusters", "list-zones", &format!("--jq={filter}")]);
    assert_exit(&run, 0);
    assert_eq!(run.stdout.trim(), "-1");
}

#[tokio::test]
async fn a_response_too_deep_to_read_fails_cleanly_in_every_format() {
    let deep = format!("{{\"zones\": {}1{}}}", "[".repeat(5000), "]".repeat(5000));
    let server = mock::serve(200, &deep).await;
    for extra in [&["-o", "table"][..], &["-o", "text"], &["--jq", ".zones"]] {
        // `api` reads any JSON, so the depth is what stops it.
        let mut args = vec!["api", "get", "/api/2.0/clusters/list-zones"];
        args.extend_from_slice(extra);
        let run = dbr::run_against(&server.uri(), &args);
        assert_exit(&run, 4);
        assert!(run.stderr.contains("recursion limit exceeded"), "{}", run.stderr);
    }
}

// ---- --json ----

#[tokio::test]
async fn a_json_document_too_deep_is_a_usage_error() {
    let server = mock::serve(200, "{}").await;
    let body = format!(
        "{{\"cluster_id\": \"x\", \"spark_conf\": {}1{}}}",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    let run = dbr::run_against(&server.uri(), &["clusters", "edit", "--no-wait", "--json", &body]);
    let stderr = assert_usage_error(&server, &run).await;
    assert!(stderr.contains("recursion limit exceeded"), "{stderr}");
}

#[tokio::test]
async fn a_key_given_twice_in_json_is_a_usage_error_naming_it() {
    let server = mock::serve(200, "{}").await;
    let body = "{\"cluster_id\": \"0123\",\n \"num_workers\": 2,\n \"num_workers\": 3}";
    let run = dbr::run_against(&server.uri(), &["clusters", "resize", "--no-wait", "--json", body]);
    let stderr = assert_usage_error(&server, &run).await;
    assert!(
        stderr.contains("the key `num_workers` is given twice; the second at line 3 column 2"),
        "{stderr}"
    );

    let nested = r#"{"cluster_id": "0123", "spark_version": "x", "custom_tags": {"team": "a", "team": "b"}}"#;
    let run = dbr::run_against(&server.uri(), &["clusters", "edit", "--no-wait", "--json", nested]);
    let stderr = assert_usage_error(&server, &run).await;
    assert!(stderr.contains("the key `custom_tags.team` is given twice"), "{stderr}");

    let run = dbr::run_against(
        &server.uri(),
        &["api", "post", "/api/2.0/x", "--json", r#"{"a": 1, "a": 2}"#],
    );
    let stderr = assert_usage_error(&server, &run).await;
    assert!(stderr.contains("the key `a` is given twice"), "{stderr}");
}

#[tokio::test]
async fn an_integer_out_of_range_is_reported_as_written_with_the_range() {
    let server = mock::serve(200, "{}").await;
    for (number, field) in [
        ("100000000000000000000", "num_workers"),
        ("123456789012345678901234567", "num_workers"),
        ("4294967296", "num_workers"),
        ("2.5", "num_workers"),
    ] {
        let body = format!(r#"{{"cluster_id": "0123", "num_workers": {number}}}"#);
        let run = dbr::run_against(&server.uri(), &["clusters", "resize", "--no-wait", "--json", &body]);
        let stderr = assert_usage_error(&server, &run).await;
        let expected = format!("`{field}` must be an integer from -2147483648 to 2147483647 (i32); got {number}");
        assert!(stderr.contains(&expected), "{number}: {stderr}");
    }
    let body = r#"{"cluster_id": "0123", "autoscale": {"min_workers": 1, "max_workers": 1e10}}"#;
    let run = dbr::run_against(&server.uri(), &["clusters", "resize", "--no-wait", "--json", body]);
    let stderr = assert_usage_error(&server, &run).await;
    assert!(
        stderr.contains("`autoscale.max_workers` must be an integer from"),
        "{stderr}"
    );
    assert!(stderr.contains("got 1e10"), "{stderr}");
}

#[tokio::test]
async fn a_refusal_inside_a_list_or_a_map_names_the_index_or_key() {
    let server = mock::serve(200, "{}").await;
    let body = r#"{"name": "nightly", "tasks": [{"task_key": "a"}, {"task_key": "b", "timeout_seconds": 1e30}]}"#;
    let run = dbr::run_against(&server.uri(), &["jobs", "create", "--json", body]);
    let stderr = assert_usage_error(&server, &run).await;
    assert!(
        stderr.contains("`tasks[1].timeout_seconds` must be an integer from -2147483648 to 2147483647 (i32); got 1e30"),
        "{stderr}"
    );
    let body =
        r#"{"cluster_name": "a", "spark_version": "15.4.x-scala2.12", "spark_conf": {"spark.a": "1", "spark.b": [2]}}"#;
    let run = dbr::run_against(&server.uri(), &["clusters", "create", "--no-wait", "--json", body]);
    let stderr = assert_usage_error(&server, &run).await;
    assert!(
        stderr.contains("invalid request body at `spark_conf.spark.b`: invalid type: sequence, expected a string"),
        "{stderr}"
    );
}

#[tokio::test]
async fn a_flag_replacing_a_json_number_is_reported_as_given() {
    let server = mock::serve(200, "{}").await;
    let body = r#"{"cluster_id": "0123", "num_workers": 100000000000000000000}"#;
    let run = dbr::run_against(
        &server.uri(),
        &[
            "clusters",
            "resize",
            "--no-wait",
            "--num-workers",
            "4294967296",
            "--json",
            body,
        ],
    );
    let stderr = assert_usage_error(&server, &run).await;
    assert!(stderr.contains("(i32); got 4294967296"), "{stderr}");
}

#[tokio::test]
async fn api_refuses_an_integer_it_would_round() {
    let server = mock::serve(200, "{}").await;
    let run = dbr::run_against(
        &server.uri(),
        &[
            "api",
            "post",
            "/api/2.0/x",
            "--json",
            r#"{"ids": [1, 12345678901234567890123]}"#,
        ],
    );
    let stderr = assert_usage_error(&server, &run).await;
    assert!(
        stderr.contains("the integer 12345678901234567890123 at `ids[1]` in --json does not fit in 64 bits"),
        "{stderr}"
    );

    // The largest integers that fit are sent exactly.
    let body = r#"{"a":18446744073709551615,"b":-9223372036854775808,"c":1.5e300}"#;
    let run = dbr::run_against(&server.uri(), &["api", "post", "/api/2.0/x", "--json", body]);
    assert_exit(&run, 0);
    let expected = Expected {
        method: "POST",
        path: "/api/2.0/x",
        query: &[],
        body: Some(body),
    };
    assert_request(&only_request(&server).await, expected);
}

// ---- paths ----

#[tokio::test]
async fn api_refuses_a_path_with_dot_segments() {
    let server = mock::serve(200, "{}").await;
    for path in [
        "/api/2.0/../../x",
        "/api/2.0/%2e%2e/%2e%2e/x",
        "/api/2.0/%2E%2E/%2E%2E/x",
        "/api/2.0/./clusters/list",
    ] {
        let run = dbr::run_against(&server.uri(), &["api", "get", path]);
        let stderr = assert_usage_error(&server, &run).await;
        assert!(
            stderr.contains(&format!("the path `{path}` has the segment")),
            "{stderr}"
        );
    }
}

#[tokio::test]
async fn a_dot_segment_as_a_path_parameter_is_a_usage_error() {
    let server = mock::serve(200, "{}").await;
    for value in ["..", "."] {
        let run = dbr::run_against(&server.uri(), &["pipelines", "get", value]);
        let stderr = assert_usage_error(&server, &run).await;
        assert!(
            stderr.contains(&format!("`PIPELINE_ID` cannot be `{value}`")),
            "{stderr}"
        );
    }
    // Dots inside a value are an ordinary part of it.
    let run = dbr::run_against(&server.uri(), &["pipelines", "get", "a..b"]);
    assert_exit(&run, 0);
    assert_eq!(only_request(&server).await.path, "/api/2.0/pipelines/a..b");
}

// ---- commands ----

#[test]
fn version_prints_the_version_like_the_official_cli() {
    let run = dbr::run(&["version"], &[], None);
    assert_exit(&run, 0);
    let line = format!("dbr {}\n", env!("CARGO_PKG_VERSION"));
    assert_eq!(run.stdout, line);
    assert_eq!(dbr::run(&["--version"], &[], None).stdout, line, "as --version");

    let run = dbr::run(&["version", "-o", "json"], &[], None);
    assert_exit(&run, 0);
    assert_eq!(run.json(), serde_json::json!({"version": env!("CARGO_PKG_VERSION")}));
    let run = dbr::run(&["version", "--jq", ".version", "-o", "text"], &[], None);
    assert_eq!(run.stdout.trim(), env!("CARGO_PKG_VERSION"));
}

#[test]
fn an_official_command_dbr_lacks_says_so_and_what_to_use() {
    for args in [
        &["dashboards"][..],
        &["alerts", "list", "-o", "json"],
        &["dashboards", "--help"],
        &["--profile", "x", "queries"],
    ] {
        let run = dbr::run(args, &[], None);
        assert_exit(&run, 2);
        let name = args
            .iter()
            .find(|arg| ["dashboards", "alerts", "queries"].contains(arg))
            .expect("a command");
        assert!(
            run.stderr.starts_with(&format!(
                "Error: `dbr {name}` is not available yet in dbr; call its REST API directly with `dbr api`"
            )),
            "{args:?}: {}",
            run.stderr
        );
        assert!(
            !run.stderr.contains("similar"),
            "no misleading suggestion: {}",
            run.stderr
        );
    }
    for tool in ["bundle", "sync"] {
        let run = dbr::run(&[tool, "deploy"], &[], None);
        assert_exit(&run, 2);
        assert!(
            run.stderr.contains(&format!(
                "it is a tool of the official Databricks CLI: `databricks {tool}`"
            )),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn a_typo_of_a_dbr_command_keeps_the_suggestion() {
    for (typo, suggestion) in [("clusterz", "'clusters'"), ("versoin", "'version'")] {
        let run = dbr::run(&[typo], &[], None);
        assert_exit(&run, 2);
        assert!(run.stderr.contains("unrecognized subcommand"), "{}", run.stderr);
        assert!(run.stderr.contains(suggestion), "{}", run.stderr);
    }
    // A name of the official CLI below the top level is an ordinary unknown subcommand.
    let run = dbr::run(&["clusters", "repos"], &[], None);
    assert_exit(&run, 2);
    assert!(run.stderr.contains("unrecognized subcommand 'repos'"), "{}", run.stderr);
}
