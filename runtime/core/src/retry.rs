//! When a failed attempt is tried again, and after how long.
//!
//! Throttling (`429`) and unavailability (`503`, and the error codes a platform layer names as such) mean the
//! server did not act on the request, so any method is retried; so is a connection that failed before the
//! request was sent. A failure after the request may have been applied (`500`, `502`, `504`, a connection
//! reset mid-flight, an answer cut off partway through its body, a timeout) is retried only for idempotent
//! operations. The server's `Retry-After` (seconds
//! or an HTTP date) or the `RetryInfo` delay of the error details is honoured; otherwise the delay is
//! exponential backoff with full jitter. The whole call stops retrying when the next attempt would start
//! after the retry budget.

use std::time::{Duration, SystemTime};

use reqwest::header::{HeaderMap, RETRY_AFTER};
use serde_json::Value;

use crate::error::ApiError;

/// First backoff ceiling; it doubles per attempt up to [`MAX_BACKOFF`].
const BASE_BACKOFF: Duration = Duration::from_millis(500);
const MAX_BACKOFF: Duration = Duration::from_secs(30);
/// A server-requested delay above this is clamped: a misconfigured proxy must not park a call for hours.
const MAX_SERVER_DELAY: Duration = Duration::from_secs(120);

/// Why an API error answer may be retried, if it may.
pub(crate) fn retryable_answer(error: &ApiError, idempotent: bool) -> Option<&'static str> {
    match error.status {
        429 => Some("too many requests (HTTP 429)"),
        503 => Some("the service is unavailable (HTTP 503)"),
        500 | 502 | 504 if idempotent => Some("a server error on an idempotent request"),
        _ => None,
    }
}

/// Why a transport failure may be retried, if it may.
pub(crate) fn retryable_transport(error: &reqwest::Error, idempotent: bool) -> Option<&'static str> {
    if error.is_connect() {
        // Nothing reached the server.
        Some("the connection failed before the request was sent")
    } else if idempotent && (error.is_timeout() || error.is_request() || error.is_body()) {
        Some("the connection failed during an idempotent request")
    } else if idempotent && error.is_decode() {
        // The answer's body could not be read whole: the connection closed or broke partway through it.
        Some("the answer was cut off during an idempotent request")
    } else {
        None
    }
}

/// The delay the server asked for: `Retry-After` in seconds or as an HTTP date, or else a `RetryInfo` entry of
/// the error details (`{"@type": ".../google.rpc.RetryInfo", "retry_delay": "1.5s"}`).
pub(crate) fn server_delay(headers: &HeaderMap, details: &[Value]) -> Option<Duration> {
    let from_header = headers
        .get(RETRY_AFTER)
        .and_then(|value| value.to_str().ok())
        .and_then(|text| {
            let text = text.trim();
            match text.parse::<u64>() {
                Ok(seconds) => Some(Duration::from_secs(seconds)),
                Err(_) => httpdate::parse_http_date(text)
                    .ok()
                    .map(|at| at.duration_since(SystemTime::now()).unwrap_or_default()),
            }
        });
    let from_details = || {
        details.iter().find_map(|detail| {
            let kind = detail.get("@type")?.as_str()?;
            if !kind.ends_with("google.rpc.RetryInfo") {
                return None;
            }
            match detail.get("retry_delay")? {
                Value::String(text) => Duration::try_from_secs_f64(text.strip_suffix('s')?.parse().ok()?).ok(),
                // The protobuf `Duration` as an object.
                Value::Object(parts) => {
                    let seconds = parts.get("seconds").and_then(Value::as_u64).unwrap_or(0);
                    let nanos = parts.get("nanos").and_then(Value::as_u64).unwrap_or(0);
                    Some(Duration::from_secs(seconds) + Duration::from_nanos(nanos))
                }
                _ => None,
            }
        })
    };
    from_header
        .or_else(from_details)
        .map(|delay| delay.min(MAX_SERVER_DELAY))
}

/// Full-jitter exponential backoff: uniformly between zero and [`backoff_ceiling`].
pub(crate) fn backoff(attempt: u32) -> Duration {
    backoff_ceiling(attempt).mul_f64(fastrand::f64())
}

/// `BASE * 2^attempt`, capped.
fn backoff_ceiling(attempt: u32) -> Duration {
    BASE_BACKOFF.saturating_mul(1u32 << attempt.min(16)).min(MAX_BACKOFF)
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;
    use serde_json::json;

    fn api_error(status: u16, code: Option<&str>) -> ApiError {
        let mut error = ApiError::new("test.op", status, b"");
        error.error_code = code.map(str::to_owned);
        error
    }

    #[test]
    fn throttling_is_retried_for_any_method_and_server_errors_only_when_idempotent() {
        for (status, code, idempotent, retried) in [
            (429, None, false, true),
            (503, None, false, true),
            (500, None, false, false),
            (500, None, true, true),
            (502, None, true, true),
            (504, None, true, true),
            (400, Some("INVALID_PARAMETER_VALUE"), true, false),
            (404, None, true, false),
        ] {
            assert_eq!(
                retryable_answer(&api_error(status, code), idempotent).is_some(),
                retried,
                "{status} {code:?} idempotent={idempotent}"
            );
        }
    }

    #[test]
    fn the_server_delay_comes_from_retry_after_or_the_details() {
        let mut headers = HeaderMap::new();
        assert_eq!(server_delay(&headers, &[]), None);
        headers.insert(RETRY_AFTER, HeaderValue::from_static("7"));
        assert_eq!(server_delay(&headers, &[]), Some(Duration::from_secs(7)));
        let soon = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(30));
        headers.insert(RETRY_AFTER, HeaderValue::from_str(&soon).unwrap());
        let delay = server_delay(&headers, &[]).unwrap();
        assert!(
            delay > Duration::from_secs(27) && delay <= Duration::from_secs(30),
            "{delay:?}"
        );
        let past = httpdate::fmt_http_date(SystemTime::now() - Duration::from_secs(30));
        headers.insert(RETRY_AFTER, HeaderValue::from_str(&past).unwrap());
        assert_eq!(server_delay(&headers, &[]), Some(Duration::ZERO));
        headers.insert(RETRY_AFTER, HeaderValue::from_static("86400"));
        assert_eq!(server_delay(&headers, &[]), Some(MAX_SERVER_DELAY));

        let details = [
            json!({"@type": "type.googleapis.com/google.rpc.RequestInfo", "request_id": "r"}),
            json!({"@type": "type.googleapis.com/google.rpc.RetryInfo", "retry_delay": "1.5s"}),
        ];
        assert_eq!(
            server_delay(&HeaderMap::new(), &details),
            Some(Duration::from_millis(1500))
        );
        let object = [
            json!({"@type": "type.googleapis.com/google.rpc.RetryInfo", "retry_delay": {"seconds": 2, "nanos": 500000000}}),
        ];
        assert_eq!(
            server_delay(&HeaderMap::new(), &object),
            Some(Duration::from_millis(2500))
        );
    }

    #[test]
    fn backoff_grows_and_stays_under_its_ceiling() {
        for attempt in 0..40 {
            for _ in 0..50 {
                assert!(backoff(attempt) <= backoff_ceiling(attempt));
            }
        }
        // Jitter: 200 draws of the first ceiling are not all equal.
        let draws: std::collections::BTreeSet<_> = (0..200).map(|_| backoff(3)).collect();
        assert!(draws.len() > 1);
    }
}
