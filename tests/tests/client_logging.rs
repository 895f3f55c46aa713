//! What the client lets out: the debug dump of each round trip (with secrets redacted and long bodies cut),
//! and the canary token, which must never appear in logs, error values or `Debug` output.

use std::fmt::{self, Write as _};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use databricks_client::{Client, models};
use databricks_tests::TOKEN;
use databricks_tests::mock::{client_with_budget, serve};
use serde_json::json;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

/// A subscriber that keeps every event as one line of text: target, then each field.
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<String>>);

struct Line<'a>(&'a mut String);

impl Visit for Line<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        let _ = write!(self.0, " {}={value:?}", field.name());
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        let _ = write!(self.0, " {}={value}", field.name());
    }
}

impl Subscriber for Capture {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, _: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }
    fn record(&self, _: &Id, _: &Record<'_>) {}
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, event: &Event<'_>) {
        let mut text = self.0.lock().expect("lock");
        let _ = write!(text, "[{}]", event.metadata().target());
        event.record(&mut Line(&mut text));
        text.push('\n');
    }
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

impl Capture {
    fn text(&self) -> String {
        self.0.lock().expect("lock").clone()
    }
}

fn client(uri: &str) -> Client {
    client_with_budget(uri, Duration::from_millis(300))
}

/// Runs `test` on a current-thread runtime with `capture` as the subscriber.
fn captured<F: std::future::Future<Output = ()>>(capture: &Capture, test: impl FnOnce() -> F) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    tracing::subscriber::with_default(capture.clone(), || runtime.block_on(test()));
}

#[test]
fn each_round_trip_is_dumped_with_the_secret_value_and_the_token_redacted() {
    let capture = Capture::default();
    captured(&capture, || async {
        let server = serve(200, "{}").await;
        let secret = models::PutSecret {
            string_value: Some("hunter2-secret-value".to_owned()),
            ..models::PutSecret::new("ci", "db-password")
        };
        client(&server.uri())
            .secrets()
            .put_secret(&secret)
            .await
            .expect("stored");
    });
    let log = capture.text();
    assert!(log.contains("[openapi_runtime::http]"), "{log}");
    assert!(log.contains("> POST http://127.0.0.1:"), "{log}");
    assert!(log.contains("/api/2.0/secrets/put"), "{log}");
    assert!(log.contains("> authorization: <redacted>"), "{log}");
    assert!(log.contains(r#""string_value":"<redacted>""#), "{log}");
    assert!(log.contains(r#""key":"db-password""#), "other fields are shown: {log}");
    assert!(log.contains("< 200 OK"), "{log}");
    assert!(log.contains("< x-request-id: req-7f3a"), "{log}");
    assert!(!log.contains("hunter2"), "{log}");
    assert!(!log.contains(TOKEN), "{log}");
}

#[test]
fn a_created_token_in_a_response_is_redacted_and_long_values_are_cut() {
    let capture = Capture::default();
    captured(&capture, || async {
        let server = serve(
            200,
            r#"{"token_value": "dapi-fresh-token-value", "token_info": {"token_id": "t1", "comment": "ci"}}"#,
        )
        .await;
        let request = models::CreateTokenRequest {
            comment: Some("x".repeat(5000)),
            ..Default::default()
        };
        client(&server.uri()).tokens().create(&request).await.expect("created");
    });
    let log = capture.text();
    assert!(log.contains(r#""token_value":"<redacted>""#), "{log}");
    assert!(log.contains(r#""token_id":"t1""#), "{log}");
    assert!(!log.contains("dapi-fresh-token-value"), "{log}");
    assert!(log.contains("... (4904 more bytes)"), "a long comment is cut: {log}");
    assert!(log.len() < 3000, "the dump stays short: {} bytes", log.len());
}

#[test]
fn a_long_error_message_is_cut_in_the_error_and_whole_in_the_debug_output() {
    let capture = Capture::default();
    let message = format!("{}{}", "m".repeat(999), "x".repeat(1_048_576 - 999));
    let body = json!({"error_code": "INVALID_PARAMETER_VALUE", "message": message}).to_string();
    captured(&capture, || async {
        let server = serve(400, &body).await;
        let error = client(&server.uri())
            .clusters()
            .get("c1")
            .await
            .expect_err("an error answer");
        assert_eq!(error.as_api().map(|api| api.message.len()), Some(1_048_576));
        let shown = error.to_string();
        assert!(shown.len() < 1200, "{} bytes", shown.len());
        assert!(
            shown.starts_with(&format!(
                "INVALID_PARAMETER_VALUE: {}x... (1048576 characters; whole in --debug)",
                "m".repeat(999)
            )),
            "{}",
            &shown[..100]
        );
    });
    let log = capture.text();
    assert!(
        log.contains(&format!("the whole error message: {message}")),
        "{} bytes logged",
        log.len()
    );
}

#[test]
fn retries_and_failures_are_logged_without_the_token() {
    let capture = Capture::default();
    captured(&capture, || async {
        let server = serve(503, r#"{"error_code": "TEMPORARILY_UNAVAILABLE", "message": "busy"}"#).await;
        // The first backoff is at most half a second, so two seconds always leave room for a retry.
        let error = client_with_budget(&server.uri(), Duration::from_secs(2))
            .clusters()
            .get("c1")
            .await
            .expect_err("always busy");
        assert!(!format!("{error} {error:?}").contains(TOKEN));
    });
    let log = capture.text();
    assert!(log.contains("retrying"), "{log}");
    assert!(log.contains("< 503 Service Unavailable"), "{log}");
    assert!(!log.contains(TOKEN), "{log}");
}

#[test]
fn the_canary_token_never_appears_in_errors_or_debug_output() {
    let capture = Capture::default();
    captured(&capture, || async {
        // Refused connection: a transport error.
        let unreachable = client("http://127.0.0.1:9");
        let error = unreachable
            .clusters()
            .get("c1")
            .await
            .expect_err("nothing listens on port 9");
        // An API error.
        let server = serve(401, r#"{"error_code": "UNAUTHENTICATED", "message": "bad"}"#).await;
        let api_error = client(&server.uri())
            .clusters()
            .get("c1")
            .await
            .expect_err("unauthenticated");
        let client = client(&server.uri());
        for shown in [
            format!("{error}"),
            format!("{error:?}"),
            format!("{api_error}"),
            format!("{api_error:?}"),
            format!("{client:?}"),
            format!("{:?}", client.runtime()),
            format!(
                "{:?}",
                databricks_client::Config::builder()
                    .host(server.uri())
                    .token(TOKEN)
                    .build()
                    .unwrap()
            ),
        ] {
            assert!(!shown.contains(TOKEN), "{shown}");
        }
    });
    assert!(!capture.text().contains(TOKEN));
}
