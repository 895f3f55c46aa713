//! How the typed client behaves beyond the happy path: error answers, round trips of values read from the
//! server, URL encoding, undecodable answers and insecure hosts.

use databricks_client::ErrorKindOf as _;
use databricks_client::{Client, Config, ConfigError, Error, models};
use databricks_tests::TOKEN;
use databricks_tests::mock::{self, only_request, received};
use serde_json::{Value, json};
use std::time::Duration;

const MISSING_CLUSTER: &str = r#"{"error_code":"RESOURCE_DOES_NOT_EXIST","message":"Cluster 0123-abc does not exist","details":[{"@type":"type.googleapis.com/google.rpc.RequestInfo","request_id":"req-7f3a","serving_data":""}]}"#;

/// Calls `clusters.get` against a server answering `status` with `body`, and returns the error.
async fn get_cluster_error(status: u16, body: &str) -> Error {
    let server = mock::serve(status, body).await;
    let result = mock::client(&server).clusters().get("0123-abc").await;
    // Exactly one request: an error answer is not retried behind the caller's back.
    only_request(&server).await;
    result.expect_err("the call must fail")
}

fn assert_no_token(text: &str) {
    assert!(!text.contains(TOKEN), "the token leaked into: {text}");
}

#[tokio::test]
async fn api_error_carries_status_code_message_and_request_id() {
    let error = get_cluster_error(404, MISSING_CLUSTER).await;
    let display = error.to_string();
    let debug = format!("{error:?}");
    let Error::Api(api) = &error else {
        panic!("expected Error::Api, got {debug}");
    };
    assert_eq!(api.operation, "clusters.get");
    assert_eq!(api.status, 404);
    assert_eq!(api.error_code.as_deref(), Some("RESOURCE_DOES_NOT_EXIST"));
    assert_eq!(api.message, "Cluster 0123-abc does not exist");
    assert_eq!(api.request_id.as_deref(), Some("req-7f3a"));
    assert_eq!(api.details().len(), 1);
    assert_eq!(api.details()[0]["@type"], "type.googleapis.com/google.rpc.RequestInfo");
    assert_eq!(
        display,
        "RESOURCE_DOES_NOT_EXIST: Cluster 0123-abc does not exist (HTTP 404, request id req-7f3a)"
    );
    assert_no_token(&display);
    assert_no_token(&debug);
}

#[tokio::test]
async fn client_debug_does_not_show_the_token() {
    let server = mock::serve(200, "{}").await;
    let client = mock::client(&server);
    assert_no_token(&format!("{client:?} {:?}", client.runtime()));
}

#[tokio::test]
async fn non_json_error_body_becomes_the_message() {
    let body = "Bad Request: the request could not be parsed by the gateway";
    let error = get_cluster_error(400, body).await;
    let api = error
        .as_api()
        .unwrap_or_else(|| panic!("expected Error::Api, got {error:?}"));
    assert_eq!(api.status, 400);
    assert_eq!(api.error_code, None);
    assert_eq!(api.message, body);
    assert_eq!(error.to_string(), format!("{body} (HTTP 400, request id req-7f3a)"));
}

#[tokio::test]
async fn html_error_page_is_reduced_to_its_title() {
    let body = "<html><head><title>400 Bad Request</title></head><body><center><h1>400 Bad Request</h1></center></body></html>";
    let error = get_cluster_error(400, body).await;
    let api = error
        .as_api()
        .unwrap_or_else(|| panic!("expected Error::Api, got {error:?}"));
    assert_eq!(api.message, "400 Bad Request");
}

#[tokio::test]
async fn empty_error_body_uses_the_status_reason() {
    // 501 rather than 503: a 503 is retried, and this test is about one answer.
    let error = get_cluster_error(501, "").await;
    let api = error
        .as_api()
        .unwrap_or_else(|| panic!("expected Error::Api, got {error:?}"));
    assert_eq!((api.status, api.error_code.as_deref()), (501, None));
    assert_eq!(api.message, "Not Implemented");
    assert_eq!(error.to_string(), "Not Implemented (HTTP 501, request id req-7f3a)");
}

/// A cluster as `clusters.get` returns it, with a field unknown to the spec at the top level and one
/// inside `aws_attributes`, plus read-only fields that `edit` does not list.
const CLUSTER: &str = r#"{
  "cluster_id": "0115-093017-k8rq3x2w",
  "cluster_name": "nightly-etl",
  "spark_version": "13.3.x-scala2.12",
  "node_type_id": "i3.xlarge",
  "num_workers": 2,
  "autotermination_minutes": 60,
  "spark_conf": {"spark.sql.shuffle.partitions": "200"},
  "custom_tags": {"team": "data-eng", "cost-center": "cc-1042"},
  "aws_attributes": {
    "availability": "SPOT_WITH_FALLBACK",
    "first_on_demand": 1,
    "zone_id": "us-west-2a",
    "ebs_volume_tags": {"backup": "daily"}
  },
  "runtime_engine": "PHOTON",
  "state": "TERMINATED",
  "state_message": "Inactive cluster terminated (inactive for 60 minutes).",
  "start_time": 1705311017421,
  "terminated_time": 1705318812000,
  "cluster_cores": 12.0,
  "future_field": {"nested": [1, 2]}
}"#;

#[tokio::test]
async fn get_modify_edit_round_trip_keeps_every_field() {
    let workspace = mock::serve(200, CLUSTER).await;
    let details = mock::client(&workspace)
        .clusters()
        .get("0115-093017-k8rq3x2w")
        .await
        .expect("clusters.get");
    let aws = details.aws_attributes.as_ref().expect("aws_attributes");
    assert_eq!(aws.unknown_fields["ebs_volume_tags"], json!({"backup": "daily"}));

    let mut edit: models::EditCluster =
        serde_json::from_value(serde_json::to_value(&details).expect("serialises")).expect("a valid EditCluster");
    edit.num_workers = Some(5);

    let acknowledging = mock::serve(200, "{}").await;
    mock::client(&acknowledging)
        .clusters()
        .edit(&edit)
        .await
        .expect("clusters.edit");

    let mut expected: Value = serde_json::from_str(CLUSTER).expect("JSON");
    expected["num_workers"] = json!(5);
    let request = only_request(&acknowledging).await;
    assert_eq!(request.path, "/api/2.1/clusters/edit");
    assert_eq!(request.body, Some(expected));
}

#[tokio::test]
async fn query_values_are_encoded() {
    let path = "/mnt/raw/Q1 report & notes=final #2 – café/日本.csv";
    let server = mock::serve(200, r#"{"path": "/mnt/raw/x", "is_dir": false, "file_size": 3}"#).await;
    mock::client(&server)
        .dbfs()
        .get_status(path)
        .await
        .expect("dbfs.getStatus");
    let request = only_request(&server).await;
    assert_eq!(request.path, "/api/2.0/dbfs/get-status");
    assert_eq!(request.query, [("path".to_owned(), path.to_owned())]);
}

#[tokio::test]
async fn wrongly_typed_success_body_is_a_decode_error() {
    let server = mock::serve(200, r#"{"cluster_id": "0115-093017-k8rq3x2w", "num_workers": "two"}"#).await;
    let error = mock::client(&server)
        .clusters()
        .get("0115-093017-k8rq3x2w")
        .await
        .expect_err("a string where a number belongs must not decode");
    let Error::Decode {
        operation,
        status,
        path,
        ..
    } = &error
    else {
        panic!("expected Error::Decode, got {error:?}");
    };
    assert_eq!((*operation, *status), ("clusters.get", 200));
    assert_eq!(path.to_string(), "num_workers");
    let message = error.to_string();
    assert!(
        message.contains("clusters.get response (HTTP 200) at `num_workers`: "),
        "{message}"
    );
    assert!(message.contains("\"two\""), "{message}");

    // Inside a list, the path names the item.
    let body = r#"{"cluster_id": "0115", "init_scripts": [{"dbfs": {"destination": "dbfs:/a.sh"}}, {"dbfs": {"destination": 7}}]}"#;
    let server = mock::serve(200, body).await;
    let error = mock::client(&server)
        .clusters()
        .get("0115")
        .await
        .expect_err("a number where a path belongs must not decode");
    let message = error.to_string();
    assert!(
        message.contains("at `init_scripts[1].dbfs.destination`: invalid type: integer `7`, expected a string"),
        "{message}"
    );
}

#[tokio::test]
async fn a_success_body_that_is_not_utf8_is_a_decode_error() {
    let server = wiremock::MockServer::builder().start().await;
    let mut body = br#"{"cluster_id": "0115", "cluster_name": "caf"#.to_vec();
    body.extend_from_slice(&[0xE9, b'"', b'}']);
    wiremock::Mock::given(wiremock::matchers::any())
        .respond_with(wiremock::ResponseTemplate::new(200).set_body_raw(body, "application/json"))
        .mount(&server)
        .await;
    let error = mock::client(&server)
        .clusters()
        .get("0115")
        .await
        .expect_err("Latin-1 text is not JSON");
    assert!(matches!(error, Error::Decode { .. }), "{error:?}");
    let message = error.to_string();
    assert!(
        message.contains("the body is not UTF-8 text (invalid byte at offset 43)"),
        "{message}"
    );
}

#[tokio::test]
async fn an_empty_success_body_is_an_error_where_the_operation_answers_json() {
    let server = mock::serve(200, "").await;
    let error = mock::client(&server)
        .clusters()
        .get("0123-abc")
        .await
        .expect_err("an empty body is not a cluster");
    assert!(
        matches!(
            error,
            Error::EmptyBody {
                operation: "clusters.get",
                status: 200
            }
        ),
        "{error:?}"
    );
    // An acknowledgement is `{}`, and SCIM answers a delete with 204 and no body.
    let acknowledged = mock::serve(200, "{}").await;
    mock::client(&acknowledged)
        .clusters()
        .delete(&models::DeleteCluster::new("0123-abc"))
        .await
        .expect("{} acknowledges");
    // An operation whose answer declares no field loses nothing to an empty body (REST-style deletes).
    let empty = mock::serve(200, "").await;
    mock::client(&empty)
        .clusters()
        .delete(&models::DeleteCluster::new("0123-abc"))
        .await
        .expect("an empty acknowledgement loses nothing");
    let no_content = wiremock::MockServer::start().await;
    wiremock::Mock::given(wiremock::matchers::any())
        .respond_with(wiremock::ResponseTemplate::new(204))
        .mount(&no_content)
        .await;
    mock::client(&no_content)
        .users()
        .delete("6340712365443129")
        .await
        .expect("204 has no body");
}

fn client_with_size_limit(uri: &str, limit: u64) -> Client {
    let config = Config::builder()
        .host(uri)
        .token(TOKEN)
        .max_response_size(limit)
        .build()
        .expect("config");
    Client::new(config).expect("client")
}

#[tokio::test]
async fn a_body_announced_over_the_size_limit_is_not_read() {
    let padding = "x".repeat(2048 - 41);
    let body = format!(r#"{{"cluster_id": "0123-abc", "padding": "{padding}"}}"#);
    assert_eq!(body.len(), 2048);
    let server = mock::serve(200, &body).await;
    let error = client_with_size_limit(&server.uri(), 1024)
        .clusters()
        .get("0123-abc")
        .await
        .expect_err("over the limit");
    assert!(
        matches!(
            error,
            Error::BodyTooLarge {
                operation: "clusters.get",
                status: 200,
                limit: 1024,
                content_length: Some(2048)
            }
        ),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        "the clusters.get response (HTTP 200) is 2 KiB, over the 1 KiB limit on response bodies; it was not read; \
         a program that expects such answers can raise the limit with ConfigBuilder::max_response_size"
    );
    only_request(&server).await;

    // The default limit leaves room for the largest answers of the API.
    assert_eq!(
        Config::new(server.uri(), TOKEN).expect("config").max_response_size(),
        64 * 1024 * 1024
    );
}

/// A server that answers once with a JSON body of `size` bytes and no `Content-Length` (the end of the body is
/// the end of the connection), and reports whether the client took all of it.
async fn unannounced_body_server(size: usize) -> (String, tokio::sync::oneshot::Receiver<bool>) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a port");
    let address = listener.local_addr().expect("address");
    let (sent_all, outcome) = tokio::sync::oneshot::channel();
    tokio::spawn(async move {
        let (mut stream, _) = listener.accept().await.expect("a connection");
        // A GET without a body: its head fits in one read.
        let mut request = [0; 4096];
        let _ = stream.read(&mut request).await;
        let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n";
        let body = format!(
            r#"{{"cluster_id": "0123-abc", "padding": "{}"}}"#,
            "x".repeat(size - 41)
        );
        let written = async {
            stream.write_all(head.as_bytes()).await?;
            stream.write_all(body.as_bytes()).await?;
            stream.shutdown().await
        };
        let _ = sent_all.send(written.await.is_ok());
    });
    (format!("http://{address}"), outcome)
}

#[tokio::test]
async fn a_body_without_content_length_is_read_up_to_the_size_limit_only() {
    let (uri, sent_all) = unannounced_body_server(32 * 1024 * 1024).await;
    let error = client_with_size_limit(&uri, 64 * 1024)
        .clusters()
        .get("0123-abc")
        .await
        .expect_err("over the limit");
    assert!(
        matches!(
            error,
            Error::BodyTooLarge {
                status: 200,
                limit: 65536,
                content_length: None,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(
        error.to_string().starts_with(
            "the clusters.get response (HTTP 200) is over the 64 KiB limit on response bodies; reading stopped there; "
        ),
        "{error}"
    );
    // The client hung up instead of reading on: the server could not send the rest.
    assert!(!sent_all.await.expect("the server reports"), "all 32 MiB were read");
}

#[tokio::test]
async fn https_to_a_plain_http_server_says_how_to_reach_it() {
    let server = mock::serve(200, "{}").await;
    let address = server.address().to_string();
    // A bare host:port gets https://, as a workspace host would.
    let config = Config::builder()
        .host(&address)
        .token(TOKEN)
        .retry_timeout(Duration::ZERO)
        .build()
        .expect("config");
    assert_eq!(config.host(), format!("https://{address}"));
    let error = Client::new(config)
        .expect("client")
        .clusters()
        .get("0123-abc")
        .await
        .expect_err("no TLS on the other side");
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
    let message = error.to_string();
    assert!(
        message.ends_with(&format!(
            "; the server at {address} does not speak TLS (https); if it is a plain-http server on this machine, \
             give the host as http://{address}"
        )),
        "{message}"
    );
    assert!(received(&server).await.is_empty());

    // Any other failure of an https call gets no such advice.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let nothing = closed.local_addr().expect("address");
    drop(closed);
    let config = Config::builder()
        .host(format!("https://{nothing}"))
        .token(TOKEN)
        .retry_timeout(Duration::ZERO)
        .build()
        .expect("config");
    let refused = Client::new(config)
        .expect("client")
        .clusters()
        .get("0123-abc")
        .await
        .expect_err("nothing listens");
    assert!(!refused.to_string().contains("TLS"), "{refused}");
}

#[tokio::test]
async fn plain_http_to_a_remote_host_is_refused_before_sending() {
    for host in ["http://example.com", "http://10.20.30.40:8080"] {
        let error = Config::new(host, TOKEN).expect_err(host);
        assert!(matches!(error, ConfigError::InsecureHttp { .. }), "{host}: {error:?}");
        assert_no_token(&format!("{error} {error:?}"));
    }

    // 0.0.0.0 is not a loopback address, yet a connection to it reaches this machine: had the config been
    // accepted, the request would land on the mock server.
    let server = mock::serve(200, "{}").await;
    let port = server.address().port();
    let host = format!("http://0.0.0.0:{port}");
    match Config::new(&host, TOKEN) {
        Err(error) => assert!(matches!(error, ConfigError::InsecureHttp { .. }), "{error:?}"),
        Ok(config) => {
            let client = Client::new(config).expect("client");
            let _ = client.clusters().list_zones().await;
            panic!("{host} was accepted over plain http");
        }
    }
    assert!(received(&server).await.is_empty(), "something was sent");
}

#[tokio::test]
async fn plain_http_to_loopback_is_allowed() {
    let config = Config::new("http://127.0.0.1:8080/", TOKEN).expect("loopback over http is fine");
    assert_eq!(config.host(), "http://127.0.0.1:8080");
}

#[test]
fn credentials_in_the_host_are_not_repeated_in_the_error() {
    let host = format!("https://token:{TOKEN}@adb-1234567890123456.7.azuredatabricks.net");
    let error = Config::new(host, "dapi-another-token").expect_err("credentials in the URL are refused");
    assert!(matches!(error, ConfigError::InvalidHost { .. }), "{error:?}");
    assert_no_token(&format!("{error} {error:?}"));
}

#[tokio::test]
async fn a_missing_cluster_reported_as_an_invalid_parameter_is_a_not_found() {
    let body = r#"{"error_code": "INVALID_PARAMETER_VALUE", "message": "Cluster 0123-abc does not exist"}"#;
    let error = get_cluster_error(400, body).await;
    let api = error
        .as_api()
        .unwrap_or_else(|| panic!("expected Error::Api, got {error:?}"));
    assert_eq!(api.kind(), databricks_client::ErrorKind::ResourceDoesNotExist);
    assert!(api.is_not_found());
    // The raw answer is kept as it was.
    assert_eq!(
        (api.status, api.error_code.as_deref()),
        (400, Some("INVALID_PARAMETER_VALUE"))
    );
    let error = get_cluster_error(404, MISSING_CLUSTER).await;
    assert!(error.as_api().is_some_and(|api| api.is_not_found()));
    let error = get_cluster_error(403, r#"{"error_code": "PERMISSION_DENIED", "message": "no"}"#).await;
    assert_eq!(
        error.as_api().map(|api| api.kind()),
        Some(databricks_client::ErrorKind::PermissionDenied)
    );
}

#[tokio::test]
async fn int64_values_written_as_strings_are_read() {
    // Protobuf's JSON mapping lets servers write 64-bit integers as strings.
    let server = mock::serve(
        200,
        r#"{"cluster_id":"0123-abc","start_time":"1700000000123","autotermination_minutes":"60","num_workers":2}"#,
    )
    .await;
    let cluster = mock::client(&server)
        .clusters()
        .get("0123-abc")
        .await
        .expect("strings of digits are integers");
    assert_eq!(cluster.start_time, Some(1_700_000_000_123));
    assert_eq!(cluster.autotermination_minutes, Some(60));
    assert_eq!(cluster.num_workers, Some(2));
}

/// Answers the official SDKs read with every field optional (the Go SDK's `omitempty`, the Python SDK's
/// `Optional`): an answer without the identifier decodes, with the field absent, rather than failing.
#[test]
fn answers_whose_identifier_the_api_does_not_guarantee_decode_without_it() {
    fn empty<T: serde::de::DeserializeOwned>() -> T {
        serde_json::from_str("{}").expect("{} decodes")
    }
    assert_eq!(empty::<models::CreatePolicyResponse>().policy_id, None);
    assert_eq!(empty::<models::Policy>().policy_id, None);
    assert_eq!(empty::<models::CreateClusterResponse>().cluster_id, None);
    assert_eq!(empty::<models::GlobalInitScriptCreateResponse>().script_id, None);
    assert_eq!(empty::<models::GlobalInitScriptDetailsWithContent>().script_id, None);
    assert_eq!(empty::<models::GlobalInitScriptDetails>().name, None);
    assert_eq!(empty::<models::CreateInstancePoolResponse>().instance_pool_id, None);
    assert_eq!(empty::<models::ClusterLibraryStatuses>().cluster_id, None);
}

/// `workspace.export` answers JSON, or with `direct_download=true` the raw file: `export_bytes` sends that
/// value and `Accept` for the file and streams the bytes as they are; `export` sends neither and reads JSON.
#[tokio::test]
async fn export_bytes_asks_for_the_raw_file_and_export_for_json() {
    use wiremock::matchers::{header, method, path, query_param};
    use wiremock::{Mock, MockServer, ResponseTemplate};

    // Every byte value, so nothing is decoded or re-encoded on the way.
    let file: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
    let server = MockServer::builder().start().await;
    Mock::given(method("GET"))
        .and(path("/api/2.0/workspace/export"))
        .and(query_param("direct_download", "true"))
        .and(header("accept", "application/octet-stream"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(file.clone(), "application/octet-stream"))
        .mount(&server)
        .await;
    let client = mock::client(&server);
    let params = models::WorkspaceExportParams {
        format: Some(models::WorkspaceExportFormat::Source),
    };
    let stream = client
        .workspace()
        .export_bytes("/Users/jane@example.com/data.bin", &params)
        .await
        .expect("the raw file");
    assert_eq!(stream.collect().await.expect("the bytes"), file);
    let request = only_request(&server).await;
    assert_eq!(
        request.query,
        [
            ("path".to_owned(), "/Users/jane@example.com/data.bin".to_owned()),
            ("format".to_owned(), "SOURCE".to_owned()),
            ("direct_download".to_owned(), "true".to_owned()),
        ]
    );

    let server = MockServer::builder().start().await;
    Mock::given(header("accept", "application/json"))
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(r#"{"content": "AAE=", "file_type": ""}"#, "application/json"),
        )
        .mount(&server)
        .await;
    let exported = mock::client(&server)
        .workspace()
        .export("/Users/jane@example.com/data.bin", &params)
        .await
        .expect("the JSON answer");
    assert_eq!(exported.content.as_deref(), Some("AAE="));
    let request = only_request(&server).await;
    assert!(
        request.query.iter().all(|(name, _)| name != "direct_download"),
        "the JSON form leaves direct_download out: {:?}",
        request.query
    );
}
