//! `--debug`: the runtime's `tracing` events (round-trip dumps, retries, waits) printed to standard error.
//!
//! A small subscriber of our own rather than a logging framework: the events are already redacted and
//! formatted by the runtime, so printing them is all that is left.

use std::fmt::{self, Write as _};
use std::io::Write;

use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Level, Metadata, Subscriber};

/// Prints debug (and more severe) events of the SDK's crates to the process's standard error.
pub(super) struct StderrEvents;

/// The message first, then the other fields as `name=value`.
struct Fields {
    message: String,
    rest: String,
}

impl Visit for Fields {
    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "message" {
            self.message.push_str(value);
        } else {
            let _ = write!(self.rest, " {}={value}", field.name());
        }
    }

    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        if field.name() == "message" {
            let _ = write!(self.message, "{value:?}");
        } else {
            let _ = write!(self.rest, " {}={value:?}", field.name());
        }
    }
}

impl Subscriber for StderrEvents {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        // Our crates: the core (`openapi_runtime`, round trips and retries) and the Databricks layers.
        *metadata.level() <= Level::DEBUG
            && (metadata.target().starts_with("databricks") || metadata.target().starts_with("openapi_runtime"))
    }

    fn new_span(&self, _: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }

    fn record(&self, _: &Id, _: &Record<'_>) {}

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn event(&self, event: &Event<'_>) {
        let mut fields = Fields {
            message: String::new(),
            rest: String::new(),
        };
        event.record(&mut fields);
        // `format_args!` messages arrive through `record_debug`; they are already text.
        let text = format!("[debug]{} {}\n", fields.rest, fields.message);
        let _ = std::io::stderr().lock().write_all(text.as_bytes());
    }

    fn enter(&self, _: &Id) {}

    fn exit(&self, _: &Id) {}
}
