//! The client against local fake servers: requests as sent, answers as decoded, retries, bodies of every kind.

use super::*;
use serde_json::json;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn server(status: u16, body: &str) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(status).set_body_raw(body.to_owned(), "application/json"))
        .mount(&server)
        .await;
    server
}

fn client(server: &MockServer) -> Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(AUTHORIZATION, HeaderValue::from_static("Bearer dapi-raw"));
    let mut connection = Connection::new(server.uri(), Arc::new(crate::StaticHeaders(headers)));
    connection.retry_timeout = Duration::from_secs(2);
    connection.environment = Arc::new(|_| None);
    Client::connect(connection).unwrap()
}

#[tokio::test]
async fn a_raw_request_sends_its_path_as_given_and_parameters_in_the_query() {
    let server = server(200, r#"{"ok": true}"#).await;
    let answer: Value = client(&server)
        .raw(Method::Get, "/api/2.0/clusters/get?cluster_id=0115-093017")
        .params(&json!({"filter_by": {"state": "RUNNING"}, "limit": 2}))
        .send()
        .await
        .unwrap();
    assert_eq!(answer, json!({"ok": true}));
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].method.as_str(), "GET");
    assert_eq!(requests[0].url.path(), "/api/2.0/clusters/get");
    assert_eq!(
        requests[0].url.query(),
        Some("cluster_id=0115-093017&filter_by.state=RUNNING&limit=2")
    );
}

fn queries(requests: &[wiremock::Request]) -> Vec<String> {
    requests
        .iter()
        .map(|request| request.url.query().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn one_query_parameter_joins_the_others_whichever_comes_first() {
    static READ: Operation = Operation::new("dbfs.read", Method::Get, "/api/2.0/dbfs/read");
    let server = server(200, "{}").await;
    let client = client(&server);
    let _: Value = client
        .request(&READ)
        .query_param("path", "/tmp/a b")
        .params(&json!({"offset": 2, "length": null}))
        .send()
        .await
        .unwrap();
    let _: Value = client
        .request(&READ)
        .params(&json!({"offset": 2}))
        .query_param("path", "/tmp/a b")
        .send()
        .await
        .unwrap();
    let _: Value = client
        .request(&READ)
        .query_number("above", f64::INFINITY)
        .query_number("run_id", 1_i64 << 60)
        .send()
        .await
        .unwrap();
    assert_eq!(
        queries(&server.received_requests().await.unwrap()),
        [
            "path=%2Ftmp%2Fa+b&offset=2",
            "offset=2&path=%2Ftmp%2Fa+b",
            "above=Infinity&run_id=1152921504606846976"
        ],
        "both sent, in the order given; numbers in their wire forms"
    );
}

#[tokio::test]
async fn each_query_parameter_goes_in_its_declared_style_and_cookies_in_one_header() {
    static FIND: Operation = Operation::new("items.find", Method::Get, "/api/2.0/items/find")
        .cookie_params(&["session", "theme"])
        .query_styles(&[
            ("names", QueryStyle::Form),
            ("spaced", QueryStyle::SpaceDelimited),
            ("piped", QueryStyle::PipeDelimited),
            ("deep", QueryStyle::DeepObject),
            ("dotted", QueryStyle::Dotted),
            ("where", QueryStyle::Json),
        ]);
    let server = server(200, "{}").await;
    let _: Value = client(&server)
        .request(&FIND)
        .query_param("session", "s=1; admin")
        .params(&json!({
            "ids": [1, 2],
            "names": ["a,b", "c"],
            "spaced": ["x", "y"],
            "piped": ["x", "y"],
            "deep": {"owner": "me"},
            "dotted": {"owner": "me"},
            "spread": {"owner": "me"},
            "where": {"owner": "me"},
            "theme": "FILM"
        }))
        .send()
        .await
        .unwrap();
    let requests = server.received_requests().await.unwrap();
    assert_eq!(
        requests[0]
            .url
            .query()
            .unwrap_or_default()
            .split('&')
            .collect::<Vec<_>>(),
        [
            "ids=1",
            "ids=2",
            "names=a%2Cb,c",
            "spaced=x%20y",
            "piped=x|y",
            "deep[owner]=me",
            "dotted.owner=me",
            "owner=me",
            "where=%7B%22owner%22%3A%22me%22%7D",
        ],
        "cookies stay out of the query; an undeclared object spreads its properties (OpenAPI's default)"
    );
    assert_eq!(requests[0].headers["cookie"], "session=s%3D1%3B+admin; theme=FILM");
}

#[tokio::test]
async fn a_multi_segment_path_parameter_keeps_its_slashes_and_refuses_dot_segments() {
    static DOWNLOAD: Operation = Operation::new("files.download", Method::Get, "/api/2.0/fs/files{file_path}")
        .multi_segment_params(&["file_path"]);
    static ARTIFACT: Operation = Operation::new("artifacts.get", Method::Get, "/api/2.0/artifacts/{path}/meta");
    let server = server(200, "{}").await;
    let client = client(&server);
    let _: Value = client
        .request(&DOWNLOAD)
        .path_param("file_path", "/Volumes/main/a b/x#1.csv")
        .send()
        .await
        .unwrap();
    let _: Value = client
        .request(&ARTIFACT)
        .path_param("path", "dir/x")
        .send()
        .await
        .unwrap();
    let paths: Vec<String> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|request| request.url.path().to_owned())
        .collect();
    assert_eq!(
        paths,
        [
            "/api/2.0/fs/files/Volumes/main/a%20b/x%231.csv",
            "/api/2.0/artifacts/dir%2Fx/meta"
        ],
        "only the multi-segment parameter keeps `/`"
    );
    for (value, reason) in [("/Volumes/../etc", "`.` or `..`"), ("/Volumes//x", "empty segment")] {
        let error = client
            .request(&DOWNLOAD)
            .path_param("file_path", value)
            .send::<Value>()
            .await
            .unwrap_err();
        assert!(matches!(&error, Error::InvalidRequest { .. }), "{error}");
        assert!(error.to_string().contains(reason), "{error}");
    }
    assert_eq!(
        server.received_requests().await.unwrap().len(),
        2,
        "refused before sending"
    );
}

#[tokio::test]
async fn parameters_that_are_not_an_object_are_refused_before_sending() {
    let server = server(200, "{}").await;
    let error = client(&server)
        .raw(Method::Get, "/api/2.0/ping")
        .params(&["offset", "2"])
        .send::<Value>()
        .await
        .unwrap_err();
    assert!(matches!(&error, Error::InvalidRequest { .. }), "{error}");
    assert!(error.to_string().contains("must be a JSON object"), "{error}");
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn every_page_carries_the_query_parameter() {
    static HISTORY: Operation = Operation::new(
        "experiments.getHistory",
        Method::Get,
        "/api/2.0/mlflow/metrics/get-history",
    );
    static PAGING: crate::Paging = crate::Paging {
        items: "metrics",
        in_body: false,
        style: crate::PagingStyle::Token {
            request_token: "page_token",
            response_token: "next_page_token",
        },
    };
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::query_param_is_missing("page_token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"metrics": [1], "next_page_token": "p2"})))
        .mount(&server)
        .await;
    Mock::given(wiremock::matchers::query_param("page_token", "p2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"metrics": [2]})))
        .mount(&server)
        .await;
    let items: Vec<i64> = client(&server)
        .request(&HISTORY)
        .query_param("metric_key", "loss")
        .params(&json!({"max_results": 1}))
        .paginate(&PAGING)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(items, [1, 2]);
    assert_eq!(
        queries(&server.received_requests().await.unwrap()),
        [
            "metric_key=loss&max_results=1",
            "metric_key=loss&max_results=1&page_token=p2"
        ]
    );
}

#[tokio::test]
async fn a_waiter_polls_with_a_query_parameter_of_the_request() {
    static RESTART: Operation = Operation::new("things.restart", Method::Post, "/api/2.0/things/restart");
    static GET: Operation = Operation::new("things.get", Method::Get, "/api/2.0/things/get");
    static WAIT: crate::Wait = crate::Wait {
        poll: &GET,
        bind: &[crate::Binding {
            param: "thing_id",
            location: crate::BindingLocation::Query,
            source: crate::BindingSource::Request,
            field: "thing_id",
        }],
        state: &["state"],
        success: &["RUNNING"],
        failure: &[],
        message: &[],
    };
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::path("/api/2.0/things/restart"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .mount(&server)
        .await;
    Mock::given(wiremock::matchers::path("/api/2.0/things/get"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"state": "PENDING"})))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(wiremock::matchers::path("/api/2.0/things/get"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"state": "RUNNING"})))
        .mount(&server)
        .await;
    let quick = crate::WaitOptions::new().poll_interval(Duration::from_millis(1), Duration::from_millis(1));
    let settled: Value = client(&server)
        .request(&RESTART)
        .query_param("thing_id", "t-1")
        .send_and_wait(&WAIT, &quick)
        .await
        .unwrap();
    assert_eq!(settled, json!({"state": "RUNNING"}));
    assert_eq!(
        queries(&server.received_requests().await.unwrap()),
        ["thing_id=t-1", "thing_id=t-1", "thing_id=t-1"]
    );
}

#[tokio::test]
async fn an_empty_answer_is_an_error_unless_it_is_204_or_to_a_raw_request() {
    static GET: Operation = Operation::new("clusters.get", Method::Get, "/api/2.1/clusters/get");
    let server = server(200, "").await;
    let error = client(&server).request(&GET).send::<Value>().await.unwrap_err();
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
    assert_eq!(
        error.to_string(),
        "unexpected clusters.get response (HTTP 200): the body is empty where JSON was expected; it was \
         probably lost on the way"
    );
    let raw: Value = client(&server).raw(Method::Get, "/api/2.0/ping").send().await.unwrap();
    assert_eq!(raw, json!({}));

    let no_content = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(204))
        .mount(&no_content)
        .await;
    let answer: Value = client(&no_content).request(&GET).send().await.unwrap();
    assert_eq!(answer, json!({}));
}

#[tokio::test]
async fn a_raw_path_must_start_with_a_slash() {
    let server = server(200, "{}").await;
    let error = client(&server)
        .raw(Method::Post, "api/2.0/clusters/create")
        .send::<Value>()
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::InvalidRequest { operation: "POST", .. }),
        "{error}"
    );
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn only_a_raw_get_is_retried_after_a_server_error() {
    let server = server(500, r#"{"error_code": "INTERNAL_ERROR", "message": "boom"}"#).await;
    let client = client(&server);
    let error = client
        .raw(Method::Post, "/api/2.0/jobs/run-now")
        .json(&json!({"job_id": 1}))
        .send::<Value>()
        .await
        .unwrap_err();
    assert_eq!(error.as_api().map(|error| error.operation), Some("POST"));
    assert_eq!(
        server.received_requests().await.unwrap().len(),
        1,
        "POST is not retried"
    );
    server.reset().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500))
        .mount(&server)
        .await;
    let _ = client.raw(Method::Get, "/api/2.0/jobs/get").send::<Value>().await;
    assert!(server.received_requests().await.unwrap().len() > 1, "GET is retried");
}

mod bodies {
    use super::*;
    use futures_core::Stream;
    use wiremock::matchers::{header, method, path};

    static UPLOAD: Operation = Operation::new("files.upload", Method::Put, "/api/2.0/fs/files/a.bin").idempotent();
    static DOWNLOAD: Operation =
        Operation::new("files.download", Method::Get, "/api/2.0/fs/files/a.bin").accept("application/octet-stream");

    fn body_of(request: &wiremock::Request) -> String {
        String::from_utf8_lossy(&request.body).into_owned()
    }

    #[tokio::test]
    async fn raw_bytes_go_with_their_content_type_and_a_reader_is_streamed() {
        let server = server(200, "{}").await;
        client(&server)
            .request(&UPLOAD)
            .raw_body("application/octet-stream", b"\x00\x01binary".to_vec())
            .send_empty()
            .await
            .unwrap();
        let reader = std::io::Cursor::new(vec![7_u8; 200_000]);
        client(&server)
            .request(&UPLOAD)
            .raw_body("text/csv", Upload::reader(reader))
            .send_empty()
            .await
            .unwrap();
        let requests = server.received_requests().await.unwrap();
        assert_eq!(requests[0].headers["content-type"], "application/octet-stream");
        assert_eq!(requests[0].body, b"\x00\x01binary");
        assert_eq!(requests[1].headers["content-type"], "text/csv");
        assert_eq!(requests[1].body, vec![7_u8; 200_000]);
        // A reader's length is unknown until read: the body went out in chunks as it was read.
        assert_eq!(requests[1].headers["transfer-encoding"], "chunked");
        assert!(requests[1].headers.get("content-length").is_none());
    }

    #[tokio::test]
    async fn bytes_are_sent_again_on_a_retry_but_a_reader_only_once() {
        let server = MockServer::start().await;
        Mock::given(any())
            .respond_with(
                ResponseTemplate::new(503)
                    .set_body_json(json!({"error_code": "TEMPORARILY_UNAVAILABLE", "message": "busy"})),
            )
            .up_to_n_times(1)
            .mount(&server)
            .await;
        Mock::given(any())
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
            .mount(&server)
            .await;
        client(&server)
            .request(&UPLOAD)
            .raw_body("application/octet-stream", b"again".to_vec())
            .send_empty()
            .await
            .unwrap();
        let requests = server.received_requests().await.unwrap();
        assert_eq!(requests.len(), 2);
        assert_eq!(requests[1].body, b"again");

        server.reset().await;
        Mock::given(any())
            .respond_with(
                ResponseTemplate::new(503)
                    .set_body_json(json!({"error_code": "TEMPORARILY_UNAVAILABLE", "message": "busy"})),
            )
            .mount(&server)
            .await;
        let error = client(&server)
            .request(&UPLOAD)
            .raw_body(
                "application/octet-stream",
                Upload::reader(std::io::Cursor::new(b"once".to_vec())),
            )
            .send_empty()
            .await
            .unwrap_err();
        assert!(matches!(&error, Error::Api(api) if api.status == 503), "{error}");
        assert_eq!(
            server.received_requests().await.unwrap().len(),
            1,
            "a reader cannot be read twice"
        );
    }

    #[tokio::test]
    async fn a_form_is_url_encoded() {
        let server = server(200, "{}").await;
        client(&server)
            .request(&UPLOAD)
            .form(&json!({"grant_type": "client_credentials", "scope": "all apis", "limit": 5, "skip": null}))
            .send_empty()
            .await
            .unwrap();
        let requests = server.received_requests().await.unwrap();
        assert_eq!(requests[0].headers["content-type"], "application/x-www-form-urlencoded");
        assert_eq!(
            body_of(&requests[0]),
            "grant_type=client_credentials&scope=all+apis&limit=5"
        );
    }

    #[tokio::test]
    async fn a_multipart_upload_has_text_fields_then_file_parts() {
        let server = server(200, "{}").await;
        client(&server)
            .request(&UPLOAD)
            .multipart_fields(&json!({"path": "/tmp/a b.csv", "overwrite": true}))
            .file_part(
                "contents",
                Upload::reader(std::io::Cursor::new(b"x,y\n1,2\n".to_vec())).file_name("a.csv"),
            )
            .send_empty()
            .await
            .unwrap();
        let requests = server.received_requests().await.unwrap();
        let content_type = requests[0].headers["content-type"].to_str().unwrap().to_owned();
        let boundary = content_type
            .strip_prefix("multipart/form-data; boundary=")
            .unwrap_or_else(|| panic!("{content_type}"));
        let body = body_of(&requests[0]);
        let parts: Vec<&str> = body.split(&format!("--{boundary}")).collect();
        assert_eq!(parts.len(), 5, "{body}");
        assert_eq!(parts[0], "");
        assert_eq!(
            parts[1],
            "\r\nContent-Disposition: form-data; name=\"path\"\r\n\r\n/tmp/a b.csv\r\n"
        );
        assert_eq!(
            parts[2],
            "\r\nContent-Disposition: form-data; name=\"overwrite\"\r\n\r\ntrue\r\n"
        );
        assert_eq!(
            parts[3],
            "\r\nContent-Disposition: form-data; name=\"contents\"; filename=\"a.csv\"\r\n\
             Content-Type: application/octet-stream\r\n\r\nx,y\n1,2\n\r\n"
        );
        assert_eq!(parts[4], "--\r\n");
    }

    #[tokio::test]
    async fn a_byte_stream_is_read_as_it_arrives_past_the_json_size_limit() {
        const SIZE: usize = 8 << 20;
        let server = MockServer::start().await;
        Mock::given(path("/api/2.0/fs/files/a.bin"))
            .and(header("accept", "application/octet-stream"))
            .respond_with(ResponseTemplate::new(200).set_body_raw(vec![b'z'; SIZE], "application/octet-stream"))
            .mount(&server)
            .await;
        let client = Client::builder(&[])
            .base_url(server.uri())
            .max_response_size(1 << 20)
            .build()
            .unwrap();
        let mut stream = client.request(&DOWNLOAD).send_bytes().await.unwrap();
        let (mut total, mut chunks) = (0, 0);
        while let Some(chunk) = std::future::poll_fn(|cx| std::pin::Pin::new(&mut stream).poll_next(cx)).await {
            let chunk = chunk.unwrap();
            assert!(chunk.iter().all(|byte| *byte == b'z'));
            total += chunk.len();
            chunks += 1;
        }
        assert_eq!(total, SIZE);
        assert!(chunks > 1, "delivered in pieces, not whole");

        let error = client.request(&DOWNLOAD).send::<Value>().await.unwrap_err();
        assert!(
            matches!(error, Error::BodyTooLarge { .. }),
            "JSON answers keep the limit: {error}"
        );
    }

    #[tokio::test]
    async fn a_byte_stream_writes_into_a_writer_and_an_error_answer_is_an_api_error() {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/api/2.0/fs/files/a.bin"))
            .respond_with(ResponseTemplate::new(200).set_body_raw(b"\x00raw\xff".to_vec(), "application/octet-stream"))
            .up_to_n_times(1)
            .mount(&server)
            .await;
        Mock::given(any())
            .respond_with(
                ResponseTemplate::new(404).set_body_json(json!({"error_code": "NOT_FOUND", "message": "no such file"})),
            )
            .mount(&server)
            .await;
        let mut written = Vec::new();
        let stream = client(&server).request(&DOWNLOAD).send_bytes().await.unwrap();
        assert_eq!(stream.write_to(&mut written).await.unwrap(), 5);
        assert_eq!(written, b"\x00raw\xff");
        let error = client(&server).request(&DOWNLOAD).send_bytes().await.unwrap_err();
        assert_eq!(error.as_api().map(|error| error.message.as_str()), Some("no such file"));
    }

    #[tokio::test]
    async fn text_is_read_whole_with_its_media_type_accepted() {
        static USAGE: Operation =
            Operation::new("billing.download", Method::Get, "/api/2.0/usage/download").accept("text/csv");
        let server = MockServer::start().await;
        Mock::given(header("accept", "text/csv"))
            .respond_with(ResponseTemplate::new(200).set_body_raw("a,b\n1,2\n", "text/csv"))
            .mount(&server)
            .await;
        let text = client(&server).request(&USAGE).send_text().await.unwrap();
        assert_eq!(text, "a,b\n1,2\n");
    }

    #[tokio::test]
    async fn a_redirect_answer_returns_its_location_without_following_it() {
        static AUTHORIZE: Operation = Operation::new("oauth.authorize", Method::Get, "/oidc/authorize");
        let server = MockServer::start().await;
        Mock::given(path("/oidc/authorize"))
            .respond_with(ResponseTemplate::new(303).insert_header("location", format!("{}/elsewhere", server.uri())))
            .mount(&server)
            .await;
        Mock::given(path("/elsewhere"))
            .respond_with(ResponseTemplate::new(200))
            .mount(&server)
            .await;
        let location = client(&server).request(&AUTHORIZE).send_redirect().await.unwrap();
        assert_eq!(location, format!("{}/elsewhere", server.uri()));
        let requests = server.received_requests().await.unwrap();
        assert_eq!(requests.len(), 1, "the redirect is not followed");

        // Other operations of the same client still follow redirects.
        let _ = client(&server).raw(Method::Get, "/oidc/authorize").send_empty().await;
        assert_eq!(server.received_requests().await.unwrap().len(), 3);
    }
}

mod generic_builder {
    use wiremock::matchers::{body_string, header, method, path, query_param};

    use super::*;
    use crate::{ApiKeyLocation, Credential, SchemeKind, SecurityScheme};

    static SCHEMES: &[SecurityScheme] = &[
        SecurityScheme {
            name: "api_key",
            kind: SchemeKind::ApiKey {
                location: ApiKeyLocation::Query,
                name: "key",
            },
        },
        SecurityScheme {
            name: "oauth",
            kind: SchemeKind::OAuth2 {
                token_url: Some("TOKEN_URL"),
                scopes: &["read", "write"],
            },
        },
    ];
    static GET_PET: Operation = Operation::new("getPet", Method::Get, "/v1/pets/{id}").security(&[&["api_key"]]);

    #[tokio::test]
    async fn an_api_key_in_the_query_is_sent_and_kept_out_of_debug_output() {
        let server = server(200, r#"{"id": 1}"#).await;
        let client = Client::builder(SCHEMES)
            .base_url(format!("{}/", server.uri()))
            .credential("api_key", Credential::ApiKey("canary-key".to_owned()))
            .build()
            .unwrap();
        let pet: Value = client.request(&GET_PET).path_param("id", 1).send().await.unwrap();
        assert_eq!(pet, json!({"id": 1}));
        let requests = server.received_requests().await.unwrap();
        assert_eq!(requests[0].url.path(), "/v1/pets/1");
        assert_eq!(requests[0].url.query(), Some("key=canary-key"));
        assert!(!format!("{client:?}").contains("canary-key"));
    }

    #[tokio::test]
    async fn a_missing_credential_is_refused_before_anything_is_sent() {
        let server = server(200, "{}").await;
        let client = Client::builder(SCHEMES).base_url(server.uri()).build().unwrap();
        let error = client
            .request(&GET_PET)
            .path_param("id", 1)
            .send::<Value>()
            .await
            .unwrap_err();
        assert!(matches!(error, Error::Auth(_)), "{error:?}");
        assert_eq!(
            error.to_string(),
            "getPet needs credentials for `api_key`; give them to the client builder"
        );
        assert!(server.received_requests().await.unwrap().is_empty());
    }

    #[test]
    fn a_base_url_is_required_and_must_be_http() {
        let none = Client::builder(SCHEMES).build().unwrap_err();
        assert_eq!(
            none.to_string(),
            "the base URL cannot be used: none was given and the API's description names no server; give one with \
             `base_url`"
        );
        let relative = Client::builder(SCHEMES).base_url("/v1").build().unwrap_err();
        assert_eq!(
            relative.to_string(),
            "the base URL cannot be used: `/v1` is not an http or https URL with a host"
        );
    }

    #[tokio::test]
    async fn client_credentials_are_exchanged_once_for_a_token_that_every_request_carries() {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/oauth/token"))
            .and(header("authorization", "Basic YXBwOmNhbmFyeS1zZWNyZXQ="))
            .and(body_string("grant_type=client_credentials&scope=read%20write"))
            .respond_with(
                ResponseTemplate::new(200)
                    .set_body_json(json!({"access_token": "tok-1", "token_type": "bearer", "expires_in": 3600})),
            )
            .expect(1)
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/things"))
            .and(header("authorization", "Bearer tok-1"))
            .and(query_param("n", "1"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({"ok": true})))
            .mount(&server)
            .await;
        // The scheme's token URL is static in generated code; this one is leaked once for the test.
        let token_url: &'static str = Box::leak(format!("{}/oauth/token", server.uri()).into_boxed_str());
        let schemes: &'static [SecurityScheme] = Box::leak(Box::new([SecurityScheme {
            name: "oauth",
            kind: SchemeKind::OAuth2 {
                token_url: Some(token_url),
                scopes: &["read", "write"],
            },
        }]));
        static THINGS: Operation = Operation::new("things", Method::Get, "/things").security(&[&["oauth"]]);
        let client = Client::builder(schemes)
            .base_url(server.uri())
            .credential(
                "oauth",
                Credential::ClientCredentials {
                    client_id: "app".to_owned(),
                    client_secret: "canary-secret".to_owned(),
                },
            )
            .build()
            .unwrap();
        for _ in 0..2 {
            let answer: Value = client.request(&THINGS).query_param("n", 1).send().await.unwrap();
            assert_eq!(answer, json!({"ok": true}));
        }
    }
}
