//! Streams of every item of a list operation, fetched one page at a time as the caller reads.
//!
//! The generated `*_all` methods describe how their operation pages ([`Paging`], from the spec's
//! `x-sdk-pagination`) and hand the first request to [`RequestBuilder::paginate`]. The pager works on the JSON
//! of the request and the response, so one compiled copy serves every operation; only the final conversion
//! of each item to its type is generic. Items are kept as the server wrote them until that conversion, so a
//! caller may also have them unchanged ([`Items::into_raw`]). At most one page of items is held at a time.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::fmt;
use std::future::Future;
use std::hash::{BuildHasher, RandomState};
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use crate::client::{PreparedRequest, RequestBuilder};
use crate::error::Error;
use crate::operation::Operation;
use crate::serde_support::trail::{self, Failure, JsonRead};

/// How one list operation pages through its results.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paging {
    /// Response property holding one page of items (dots for nesting).
    pub items: &'static str,
    /// Whether the request fields of the style (token, offset, ...) travel in the JSON body rather than in
    /// the query string.
    pub in_body: bool,
    pub style: PagingStyle,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PagingStyle {
    /// The response names the next page with a token; the last page has none. An empty page with a token
    /// is not the end.
    Token {
        request_token: &'static str,
        response_token: &'static str,
    },
    /// The request gives the index of the first item; the end is an empty page. Items whose `id` field was
    /// on the previous page are skipped (items added meanwhile shift the pages).
    Offset {
        offset: &'static str,
        id: Option<&'static str>,
    },
    /// SCIM: a 1-based start index; the end is an empty page or the total reached. Duplicates are skipped as
    /// for `Offset`.
    Scim {
        start_index: &'static str,
        total: &'static str,
        id: Option<&'static str>,
    },
    /// Each response holds the complete next request body; the last has none.
    NextRequest { next_request: &'static str },
    /// One response holds everything.
    Single,
}

impl RequestBuilder<'_> {
    /// Streams the items of every page, starting with the request as built so far.
    pub fn paginate<T: DeserializeOwned>(self, paging: &'static Paging) -> Items<T> {
        let pager = match self.prepare() {
            Ok(request) => Pager::new(request, paging),
            Err(error) => Err(error),
        };
        Items::new(pager)
    }
}

/// A stream of the items of a list operation, in the order the server gives them.
///
/// Use it as a [`Stream`] of `Result<T, Error>` (with `futures::StreamExt`), or with the inherent
/// [`Items::next`] and [`Items::try_collect`]. The first error ends the stream.
#[must_use = "a stream does nothing until it is read"]
pub struct Items<T> {
    state: ItemsState,
    /// Turns one item, as the server wrote it, into `T`.
    decode: fn(Box<RawValue>) -> JsonRead<T>,
    item: PhantomData<fn() -> T>,
}

/// A page request in flight; it owns the pager and hands it back with the outcome.
type PageFetch = Pin<Box<dyn Future<Output = (Box<Pager>, Result<(), Error>)> + Send>>;

enum ItemsState {
    Idle(Box<Pager>),
    Fetching(PageFetch),
    /// The request could not even be built; reported once.
    Failed(Option<Error>),
    Done,
}

impl<T> fmt::Debug for Items<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = match &self.state {
            ItemsState::Idle(pager) => pager.request.operation.id,
            ItemsState::Fetching(_) => "fetching",
            ItemsState::Failed(_) => "failed",
            ItemsState::Done => "done",
        };
        f.debug_struct("Items").field("state", &state).finish()
    }
}

impl<T: DeserializeOwned> Items<T> {
    fn new(pager: Result<Pager, Error>) -> Self {
        let state = match pager {
            Ok(pager) => ItemsState::Idle(Box::new(pager)),
            Err(error) => ItemsState::Failed(Some(error)),
        };
        Items {
            state,
            decode: |raw| trail::from_str(raw.get()),
            item: PhantomData,
        }
    }

    /// The next item, `None` after the last.
    pub async fn next(&mut self) -> Option<Result<T, Error>> {
        std::future::poll_fn(|cx| Pin::new(&mut *self).poll_next(cx)).await
    }

    /// The same stream with the items left as JSON: every field the server sent, including fields the
    /// item type does not know (the CLI prints these).
    pub fn into_json(self) -> Items<Value> {
        Items {
            state: self.state,
            decode: |raw| serde_json::from_str(raw.get()).map_err(Failure::of_text),
            item: PhantomData,
        }
    }

    /// The same stream with each item exactly as the server wrote it (key order, number text, escapes), once
    /// it has been checked to read as `T`: an item that does not is the same [`Error::Decode`] the typed
    /// stream gives. The CLI prints these.
    pub fn into_raw(self) -> Items<Box<RawValue>> {
        Items {
            state: self.state,
            decode: |raw| trail::check::<T>(raw.get()).map(|()| raw),
            item: PhantomData,
        }
    }

    /// Every remaining item, or the first error.
    pub async fn try_collect(mut self) -> Result<Vec<T>, Error> {
        let mut items = Vec::new();
        while let Some(item) = self.next().await {
            items.push(item?);
        }
        Ok(items)
    }
}

impl<T: DeserializeOwned> Stream for Items<T> {
    type Item = Result<T, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        loop {
            match std::mem::replace(&mut self.state, ItemsState::Done) {
                ItemsState::Done => return Poll::Ready(None),
                ItemsState::Failed(error) => return Poll::Ready(error.map(Err)),
                ItemsState::Idle(mut pager) => match pager.next_buffered() {
                    Some(item) => {
                        let operation = pager.request.operation.id;
                        self.state = ItemsState::Idle(pager);
                        let item = (self.decode)(item).map_err(Error::decode(operation, 200));
                        return Poll::Ready(Some(item));
                    }
                    // A bad continuation is reported after the items of the page that carried it.
                    None if pager.finished => return Poll::Ready(pager.deferred.take().map(Err)),
                    None => {
                        self.state = ItemsState::Fetching(Box::pin(async move {
                            let result = pager.fetch().await;
                            (pager, result)
                        }));
                    }
                },
                ItemsState::Fetching(mut fetch) => match fetch.as_mut().poll(cx) {
                    Poll::Pending => {
                        self.state = ItemsState::Fetching(fetch);
                        return Poll::Pending;
                    }
                    Poll::Ready((pager, Ok(()))) => self.state = ItemsState::Idle(pager),
                    Poll::Ready((_, Err(error))) => return Poll::Ready(Some(Err(error))),
                },
            }
        }
    }
}

/// The untyped state of a stream: the next request and the current page.
struct Pager {
    request: PreparedRequest,
    paging: &'static Paging,
    /// The body as JSON, when the operation has one; rewritten for each page.
    body: Option<Value>,
    page: VecDeque<Box<RawValue>>,
    finished: bool,
    /// An error about what follows the current page, reported once its items are read.
    deferred: Option<Error>,
    /// Hashes of the page tokens (or next requests) already sent, so a server that repeats one ends the
    /// stream with an error rather than a loop. One small number per page.
    sent: HashSet<u64>,
    hasher: RandomState,
    /// Ids of the previous page's items and of this page's items so far, for deduplication.
    previous_ids: HashSet<String>,
    current_ids: HashSet<String>,
}

impl Pager {
    fn new(request: PreparedRequest, paging: &'static Paging) -> Result<Pager, Error> {
        let body = match &request.body {
            Some(bytes) => Some(serde_json::from_slice(bytes).map_err(|error| Error::InvalidRequest {
                operation: request.operation.id,
                message: format!("the body is not a JSON document: {error}"),
            })?),
            None => None,
        };
        Ok(Pager {
            request,
            paging,
            body,
            page: VecDeque::new(),
            finished: false,
            deferred: None,
            sent: HashSet::new(),
            hasher: RandomState::new(),
            previous_ids: HashSet::new(),
            current_ids: HashSet::new(),
        })
    }

    fn operation(&self) -> &'static Operation {
        self.request.operation
    }

    /// The next item of the current page that was not seen on the previous one.
    fn next_buffered(&mut self) -> Option<Box<RawValue>> {
        let id_field = match self.paging.style {
            PagingStyle::Offset { id, .. } | PagingStyle::Scim { id, .. } => id,
            _ => None,
        };
        while let Some(item) = self.page.pop_front() {
            let Some(id) = id_field.and_then(|field| field_text(&item, field)) else {
                return Some(item);
            };
            if self.previous_ids.contains(&id) || !self.current_ids.insert(id) {
                tracing::debug!(operation = self.operation().id, "skipping an item already listed");
                continue;
            }
            return Some(item);
        }
        None
    }

    /// Fetches the next page and works out the request after it.
    async fn fetch(&mut self) -> Result<(), Error> {
        self.finished = true;
        let body = match &self.body {
            Some(body) => Some(serde_json::to_vec(body).map_err(|error| Error::InvalidRequest {
                operation: self.operation().id,
                message: format!("cannot encode the body: {error}"),
            })?),
            None => None,
        };
        let request = &self.request;
        let (status, bytes) = request
            .client
            .execute(request.operation, &request.path, &request.params, body.as_deref())
            .await?;
        let operation = self.operation().id;
        let decode_error = |error| Error::decode(operation, status)(Failure::of_text(error));
        let page: Box<RawValue> = crate::client::decode(self.operation(), status, &bytes)?;
        let (items, mut response) = split_page(&page, self.paging.items).map_err(decode_error)?;
        let items: Vec<Box<RawValue>> = match items {
            None => Vec::new(),
            Some(items) if items.get() == "null" => Vec::new(),
            Some(items) => match serde_json::from_str(items.get()) {
                Ok(items) => items,
                Err(_) => {
                    let found: Value = serde_json::from_str(items.get()).map_err(decode_error)?;
                    let items = self.paging.items;
                    return Err(self.unexpected(format!("`{items}` is {}, not a list", kind(&found))));
                }
            },
        };
        let count = items.len();
        self.previous_ids = std::mem::take(&mut self.current_ids);
        self.page = items.into();
        if let Err(error) = self.prepare_next(&mut response, count) {
            self.finished = true;
            self.deferred = Some(error);
        }
        Ok(())
    }

    /// Sets up the request for the page after the one just received, or marks the end.
    fn prepare_next(&mut self, response: &mut Value, count: usize) -> Result<(), Error> {
        match self.paging.style {
            PagingStyle::Single => {}
            PagingStyle::Token {
                request_token,
                response_token,
            } => match take_path(response, response_token) {
                Some(Value::String(token)) if !token.is_empty() => {
                    self.guard_repeat(&token, "page token")?;
                    self.set_request_field(request_token, Value::String(token));
                    self.finished = false;
                }
                Some(Value::String(_) | Value::Null) | None => {}
                Some(other) => {
                    return Err(self.unexpected(format!("`{response_token}` is {}, not a string", kind(&other))));
                }
            },
            PagingStyle::Offset { offset, .. } => {
                if count > 0 {
                    let next = self.request_number(offset, 0) + count as i64;
                    self.set_request_field(offset, Value::from(next));
                    self.finished = false;
                }
            }
            PagingStyle::Scim { start_index, total, .. } => {
                if count > 0 {
                    let next = self.request_number(start_index, 1) + count as i64;
                    let total = take_path(response, total).and_then(|total| total.as_i64());
                    if total.is_none_or(|total| next <= total) {
                        self.set_request_field(start_index, Value::from(next));
                        self.finished = false;
                    }
                }
            }
            PagingStyle::NextRequest { next_request } => match take_path(response, next_request) {
                Some(next @ Value::Object(_)) => {
                    self.guard_repeat(&next.to_string(), "next request")?;
                    self.body = Some(next);
                    self.finished = false;
                }
                Some(Value::Null) | None => {}
                Some(other) => {
                    return Err(self.unexpected(format!("`{next_request}` is {}, not an object", kind(&other))));
                }
            },
        }
        Ok(())
    }

    /// Fails when the server hands out the same continuation twice: following it would loop forever.
    fn guard_repeat(&mut self, continuation: &str, what: &str) -> Result<(), Error> {
        if self.sent.insert(self.hasher.hash_one(continuation)) {
            Ok(())
        } else {
            Err(self.unexpected(format!(
                "the server returned a {what} it had already returned; stopping rather than listing the same pages again"
            )))
        }
    }

    fn unexpected(&self, message: String) -> Error {
        Error::Pagination {
            operation: self.operation().id,
            message,
        }
    }

    /// The value of a request field of the pagination style, where the style keeps it.
    fn request_number(&self, field: &str, default: i64) -> i64 {
        let holder = if self.paging.in_body {
            self.body.as_ref()
        } else {
            Some(&self.request.params)
        };
        holder
            .and_then(|holder| holder.get(field))
            .and_then(|value| value.as_i64().or_else(|| value.as_str()?.parse().ok()))
            .unwrap_or(default)
    }

    fn set_request_field(&mut self, field: &str, value: Value) {
        let holder = if self.paging.in_body {
            self.body.get_or_insert_with(|| Value::Object(Map::new()))
        } else {
            &mut self.request.params
        };
        if !holder.is_object() {
            *holder = Value::Object(Map::new());
        }
        if let Value::Object(map) = holder {
            map.insert(field.to_owned(), value);
        }
    }
}

/// Removes the value at a dotted property path.
fn take_path(value: &mut Value, path: &str) -> Option<Value> {
    let (parents, last) = match path.rsplit_once('.') {
        Some((parents, last)) => (Some(parents), last),
        None => (None, path),
    };
    let mut holder = value;
    for segment in parents.into_iter().flat_map(|parents| parents.split('.')) {
        holder = holder.get_mut(segment)?;
    }
    holder.as_object_mut()?.remove(last)
}

/// Splits a page into the list at `path` (dots for nesting), as the server wrote it, and everything else
/// as JSON, where the continuation (token, total, next request) is read from.
fn split_page(page: &RawValue, path: &str) -> serde_json::Result<(Option<Box<RawValue>>, Value)> {
    let Ok(mut fields) = serde_json::from_str::<BTreeMap<String, Box<RawValue>>>(page.get()) else {
        // Not an object: there is no list in it, and the rest is the whole page.
        return Ok((None, serde_json::from_str(page.get())?));
    };
    let (key, nested) = match path.split_once('.') {
        Some((key, nested)) => (key, Some(nested)),
        None => (path, None),
    };
    let found = fields.remove(key);
    let mut rest = Map::new();
    for (name, raw) in fields {
        rest.insert(name, serde_json::from_str(raw.get())?);
    }
    let items = match (found, nested) {
        (Some(holder), Some(nested)) => {
            let (items, holder_rest) = split_page(&holder, nested)?;
            rest.insert(key.to_owned(), holder_rest);
            items
        }
        (found, _) => found,
    };
    Ok((items, Value::Object(rest)))
}

/// The JSON text of an item's field, to recognise an item seen on the previous page.
fn field_text(item: &RawValue, field: &str) -> Option<String> {
    let fields: HashMap<String, &RawValue> = serde_json::from_str(item.get()).ok()?;
    fields.get(field).map(|value| value.get().to_owned())
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;
    use serde_json::value::RawValue;

    use super::split_page;

    fn raw(text: &str) -> Box<RawValue> {
        RawValue::from_string(text.to_owned()).expect("valid JSON")
    }

    #[test]
    fn a_page_splits_into_its_items_as_written_and_the_rest() {
        let page = raw(r#"{"next_page_token":"t2","items":[{"b":1.50,"a":2}],"total":3}"#);
        let (items, rest) = split_page(&page, "items").expect("splits");
        assert_eq!(items.expect("items").get(), r#"[{"b":1.50,"a":2}]"#);
        assert_eq!(rest, json!({"next_page_token": "t2", "total": 3}));
    }

    #[test]
    fn a_nested_list_keeps_its_siblings_in_the_rest() {
        let page = raw(r#"{"result":{"rows":[1,2],"next":"t"},"top":true}"#);
        let (items, rest) = split_page(&page, "result.rows").expect("splits");
        assert_eq!(items.expect("items").get(), "[1,2]");
        assert_eq!(rest, json!({"result": {"next": "t"}, "top": true}));
    }

    #[test]
    fn a_page_without_the_list_or_not_an_object_has_no_items() {
        let (items, rest) = split_page(&raw(r#"{"other":1}"#), "items").expect("splits");
        assert!(items.is_none());
        assert_eq!(rest, json!({"other": 1}));
        let (items, rest) = split_page(&raw("[1]"), "items").expect("splits");
        assert!(items.is_none());
        assert_eq!(rest, json!([1]));
    }
}
