//! Waiting for a long-running operation: poll another operation until a state field settles.
//!
//! The generated `*_and_wait` methods describe the wait ([`Wait`], from the spec's `x-sdk-wait`) and call
//! [`RequestBuilder::send_and_wait`]; the CLI calls [`Client::wait`] with JSON. The polling works on JSON, so
//! it is compiled once for every operation.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::client::{Client, RequestBuilder, decode, fill_path};
use crate::encoding::value_text;
use crate::error::Error;
use crate::operation::Operation;
use crate::serde_support::trail;

/// How to wait after one operation: which operation to poll, with which values, until which states.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Wait {
    pub poll: &'static Operation,
    pub bind: &'static [Binding],
    /// Property path of the state in the poll response.
    pub state: &'static [&'static str],
    pub success: &'static [&'static str],
    pub failure: &'static [&'static str],
    /// Property path of the server's explanation of the state; empty when there is none.
    pub message: &'static [&'static str],
}

/// One request field of the poll operation and where its value comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Binding {
    /// Request field of the poll operation (wire name).
    pub param: &'static str,
    pub location: BindingLocation,
    pub source: BindingSource,
    /// Field of the first operation's request or response (dots for nesting).
    pub field: &'static str,
}

/// Where the poll operation takes a bound value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BindingLocation {
    Path,
    /// Query string (or header; the operation knows which).
    Query,
    Body,
}

/// Which message of the first operation a bound value is read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BindingSource {
    Request,
    Response,
}

/// What a progress callback is told after each poll.
#[derive(Clone, Copy, Debug)]
pub struct WaitProgress<'a> {
    /// The operation waited on (`clusters.create`).
    pub operation: &'static str,
    /// The state just read (empty if the response had none).
    pub state: &'a str,
    /// The server's explanation of the state.
    pub message: Option<&'a str>,
    pub elapsed: Duration,
    /// How many polls were made so far, this one included.
    pub polls: u32,
}

type ProgressCallback = Arc<dyn Fn(&WaitProgress<'_>) + Send + Sync>;

/// How long and how often to poll. The default waits 20 minutes, polling after 1 s, then 2 s, ... up to
/// every 10 s, each delay varied by up to ±10% so many waiting clients do not poll in step.
#[derive(Clone)]
pub struct WaitOptions {
    timeout: Duration,
    first_delay: Duration,
    max_delay: Duration,
    progress: Option<ProgressCallback>,
}

impl Default for WaitOptions {
    fn default() -> Self {
        WaitOptions {
            timeout: Duration::from_secs(20 * 60),
            first_delay: Duration::from_secs(1),
            max_delay: Duration::from_secs(10),
            progress: None,
        }
    }
}

impl fmt::Debug for WaitOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WaitOptions")
            .field("timeout", &self.timeout)
            .field("first_delay", &self.first_delay)
            .field("max_delay", &self.max_delay)
            .field("progress", &self.progress.is_some())
            .finish()
    }
}

impl WaitOptions {
    pub fn new() -> Self {
        WaitOptions::default()
    }

    /// Gives up with [`Error::WaitTimeout`] after this long (counted from the first poll).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The delay before the second poll, growing by itself after each poll up to `max`.
    pub fn poll_interval(mut self, first: Duration, max: Duration) -> Self {
        self.first_delay = first;
        self.max_delay = max.max(first);
        self
    }

    /// Called after every poll with the state read, e.g. to show it.
    pub fn on_progress(mut self, callback: impl Fn(&WaitProgress<'_>) + Send + Sync + 'static) -> Self {
        self.progress = Some(Arc::new(callback));
        self
    }

    /// The delay after the `polls`-th poll: linear growth, capped, with jitter.
    fn delay(&self, polls: u32) -> Duration {
        let base = self.first_delay.saturating_mul(polls.max(1)).min(self.max_delay);
        base.mul_f64(0.9 + fastrand::f64() * 0.2)
    }
}

impl RequestBuilder<'_> {
    /// Sends the request, then polls as `wait` says until success (returning the last poll's response),
    /// a failure state ([`Error::WaitFailed`]) or the timeout ([`Error::WaitTimeout`]).
    pub async fn send_and_wait<R: DeserializeOwned>(
        self,
        wait: &'static Wait,
        options: &WaitOptions,
    ) -> Result<R, Error> {
        let mut request_fields = Map::new();
        for (name, value) in &self.path_params {
            request_fields.insert((*name).to_owned(), Value::String(value.clone()));
        }
        let request = self.prepare()?;
        if let Value::Object(params) = &request.params {
            request_fields.extend(params.iter().map(|(name, value)| (name.clone(), value.clone())));
        }
        if let Some(Ok(Value::Object(body))) = request.body.as_deref().map(serde_json::from_slice::<Value>) {
            request_fields.extend(body);
        }
        let (status, bytes) = request.send().await?;
        let response: Value = decode(request.operation, status, &bytes)?;
        let settled = request
            .client
            .wait(
                request.operation.id,
                wait,
                &Value::Object(request_fields),
                &response,
                options,
            )
            .await?;
        // Read back from text, as the first answer was: one copy of the type's reading code, not two.
        trail::from_str(&settled.to_string()).map_err(Error::decode(wait.poll.id, 200))
    }
}

impl Client {
    /// Polls as `wait` says, after `operation` was sent with the fields `request` (path, query and body
    /// fields merged, by wire name) and answered `response`. Returns the poll response that reached a
    /// success state.
    pub async fn wait(
        &self,
        operation: &'static str,
        wait: &'static Wait,
        request: &Value,
        response: &Value,
        options: &WaitOptions,
    ) -> Result<Value, Error> {
        let poll = wait.poll;
        let mut path_values = Vec::new();
        let mut params = Map::new();
        let mut body = Map::new();
        for binding in wait.bind {
            let source = match binding.source {
                BindingSource::Request => request,
                BindingSource::Response => response,
            };
            let value = lookup(source, binding.field.split('.'))
                .filter(|value| !value.is_null())
                .cloned()
                .ok_or_else(|| Error::InvalidRequest {
                    operation,
                    message: format!(
                        "the {} has no `{}`, which waiting needs",
                        match binding.source {
                            BindingSource::Request => "request",
                            BindingSource::Response => "response",
                        },
                        binding.field
                    ),
                })?;
            match binding.location {
                BindingLocation::Path => path_values.push((binding.param, value_text(&value))),
                BindingLocation::Query => {
                    params.insert(binding.param.to_owned(), value);
                }
                BindingLocation::Body => {
                    body.insert(binding.param.to_owned(), value);
                }
            }
        }
        let path = fill_path(poll, &path_values)?;
        let params = Value::Object(params);
        let body = if body.is_empty() {
            None
        } else {
            Some(Value::Object(body).to_string().into_bytes())
        };

        let started = Instant::now();
        let mut polls = 0;
        loop {
            let (status, bytes) = self.execute(poll, &path, &params, body.as_deref()).await?;
            polls += 1;
            let answer: Value = decode(poll, status, &bytes)?;
            let state = lookup(&answer, wait.state.iter().copied())
                .and_then(Value::as_str)
                .unwrap_or_default();
            let message = (!wait.message.is_empty())
                .then(|| lookup(&answer, wait.message.iter().copied()).and_then(Value::as_str))
                .flatten();
            let elapsed = started.elapsed();
            tracing::debug!(operation, state, polls, "waiting");
            if let Some(progress) = &options.progress {
                progress(&WaitProgress {
                    operation,
                    state,
                    message,
                    elapsed,
                    polls,
                });
            }
            if wait.success.contains(&state) {
                return Ok(answer);
            }
            if wait.failure.contains(&state) {
                return Err(Error::WaitFailed {
                    operation,
                    state: state.to_owned(),
                    message: message.map(str::to_owned),
                });
            }
            let Some(left) = options.timeout.checked_sub(elapsed).filter(|left| !left.is_zero()) else {
                return Err(Error::WaitTimeout {
                    operation,
                    timeout: options.timeout,
                    state: (!state.is_empty()).then(|| state.to_owned()),
                    message: message.map(str::to_owned),
                });
            };
            // The last sleep ends at the deadline, so the final poll happens on time.
            tokio::time::sleep(options.delay(polls).min(left)).await;
        }
    }
}

fn lookup(value: &Value, path: impl IntoIterator<Item = &'static str>) -> Option<&Value> {
    path.into_iter().try_fold(value, |value, segment| value.get(segment))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn poll_delays_grow_from_the_first_to_the_cap_with_jitter() {
        let options = WaitOptions::default();
        for polls in 1..30 {
            let expected = Duration::from_secs(u64::from(polls.min(10)));
            let delay = options.delay(polls);
            assert!(
                delay >= expected.mul_f64(0.9) && delay <= expected.mul_f64(1.1),
                "{polls}: {delay:?}"
            );
        }
    }
}
