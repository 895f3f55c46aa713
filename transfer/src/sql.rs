//! A SQL statement's result as a stream of rows, read one chunk at a time.
//!
//! [`StatementRows::execute`] sends the statement (`statementExecution.executeStatement`, which itself waits
//! up to the request's `wait_timeout`), then [`StatementRows::next_chunk`] and [`StatementRows::next_row`]
//! poll `getStatement` with a growing interval while it is `PENDING` or `RUNNING` and read the result chunk
//! after chunk: `INLINE` chunks from the API (by `next_chunk_index`, or `next_chunk_internal_link`),
//! `EXTERNAL_LINKS` chunks from their presigned URLs. Only one chunk is in memory at a time.
//!
//! A presigned URL carries its own credential: it is fetched by a separate HTTP client that has no
//! Databricks credentials, with the link's `http_headers` alone, and a link that fails (expired) is replaced
//! once by asking the API for the chunk again. Dropping an unfinished statement's rows inside a Tokio
//! runtime asks the server to cancel it; [`StatementRows::cancel`] does it and waits for the answer.
//!
//! ```no_run
//! use databricks_client::{Client, models};
//! use databricks_transfer::sql::StatementRows;
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = Client::from_env()?;
//! let statement = "SELECT * FROM sales.orders WHERE region = :r";
//! let mut request = models::ExecuteStatementRequest::new(statement, "5c5e3a8b2f1d4e07");
//! request.parameters = Some(vec![models::StatementParameterListItem {
//!     value: Some("EMEA".into()),
//!     ..models::StatementParameterListItem::new("r")
//! }]);
//! let mut rows = StatementRows::execute(&client, &request, Default::default()).await?;
//! while let Some(row) = rows.next_row().await? {
//!     println!("{row:?}");
//! }
//! # Ok(())
//! # }
//! ```

use std::collections::VecDeque;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use databricks_client::models::{
    ExecuteStatementRequest, ExternalLink, ResultData, ResultManifest, StatementColumnInfo, StatementFormat,
    StatementResponse, StatementState, StatementStatus,
};
use databricks_client::{Client, Error};
use openapi_runtime::{Connection, Method, StaticHeaders};

/// One row: each column's value as the API writes it (its text), `None` for NULL.
pub type Row = Vec<Option<String>>;

/// How often a running statement is polled: `first` after the server's own wait, then twice as long each
/// time, up to `max`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PollOptions {
    pub first: Duration,
    pub max: Duration,
}

impl Default for PollOptions {
    fn default() -> Self {
        PollOptions {
            first: Duration::from_millis(250),
            max: Duration::from_secs(5),
        }
    }
}

/// Why a statement gave no rows, or stopped giving them.
#[derive(Debug)]
#[non_exhaustive]
pub enum SqlError {
    /// An API call failed; `doing` names it.
    Api { doing: &'static str, source: Box<Error> },
    /// The statement ended `FAILED`, `CANCELED` or `CLOSED`; `message` and `error_code` are the server's.
    Statement {
        state: StatementState,
        message: Option<String>,
        error_code: Option<String>,
        sql_state: Option<String>,
    },
    /// A chunk's presigned link could not be read, even after asking for a fresh one. The URL is a
    /// credential, so it is not part of the message.
    Download { chunk_index: i32, problem: String },
    /// Rows are read from `JSON_ARRAY` results only; `ARROW_STREAM` and `CSV` were asked for.
    UnsupportedFormat { format: String },
    /// An answer that does not add up (no statement id, a chunk that is not rows).
    BadResponse { problem: String },
}

impl SqlError {
    /// The API error underneath, when an API call failed.
    pub fn api_error(&self) -> Option<&Error> {
        match self {
            SqlError::Api { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl fmt::Display for SqlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SqlError::Api { doing, source } => write!(f, "{doing} failed: {source}"),
            SqlError::Statement {
                state,
                message,
                error_code,
                sql_state,
            } => {
                match state {
                    StatementState::Failed => f.write_str("the statement failed")?,
                    StatementState::Canceled => f.write_str("the statement was canceled")?,
                    StatementState::Closed => {
                        f.write_str("the statement is closed; its result is no longer available")?
                    }
                    other => write!(f, "the statement ended {}", other.as_str())?,
                }
                if let Some(message) = message {
                    write!(f, ": {message}")?;
                }
                match (error_code, sql_state) {
                    (Some(code), Some(sql_state)) => write!(f, " ({code}, SQLSTATE {sql_state})"),
                    (Some(code), None) => write!(f, " ({code})"),
                    (None, Some(sql_state)) => write!(f, " (SQLSTATE {sql_state})"),
                    (None, None) => Ok(()),
                }
            }
            SqlError::Download { chunk_index, problem } => {
                write!(f, "cannot download chunk {chunk_index} of the result: {problem}")
            }
            SqlError::UnsupportedFormat { format } => write!(
                f,
                "rows can be read from JSON_ARRAY results only, not {format}; fetch {format} chunks with \
                 get_statement_result_chunk_n"
            ),
            SqlError::BadResponse { problem } => write!(f, "unexpected answer: {problem}"),
        }
    }
}

impl std::error::Error for SqlError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SqlError::Api { source, .. } => Some(source.as_ref()),
            _ => None,
        }
    }
}

fn api(doing: &'static str) -> impl FnOnce(Error) -> SqlError {
    move |source| SqlError::Api {
        doing,
        source: Box::new(source),
    }
}

/// Where the next chunk comes from.
#[derive(Debug)]
enum Next {
    /// The statement has not succeeded yet.
    Waiting,
    /// This chunk is already here (the first one comes with the statement).
    Here(Box<ResultData>),
    /// Ask the API for it.
    Fetch {
        index: Option<i32>,
        internal_link: Option<String>,
    },
    /// Every chunk was read.
    End,
}

/// The rows of one SQL statement, read as they are needed. See the [module docs](self).
pub struct StatementRows {
    client: Client,
    id: String,
    poll: PollOptions,
    status: Option<StatementStatus>,
    manifest: Option<ResultManifest>,
    next: Next,
    /// The rows of the chunk being read.
    rows: VecDeque<Row>,
    /// The statement may still be running on the warehouse: cancel it if these rows are dropped.
    unfinished: bool,
    /// Made on the first external link, without any credentials.
    storage: Option<reqwest::Client>,
}

impl fmt::Debug for StatementRows {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StatementRows")
            .field("id", &self.id)
            .field("state", &self.state())
            .field("next", &self.next)
            .finish_non_exhaustive()
    }
}

impl StatementRows {
    /// Sends `request` and returns as soon as the server answers, which it does after up to the request's
    /// `wait_timeout` (10 s when absent). The rows are read with [`Self::next_chunk`] or [`Self::next_row`].
    /// A request for `ARROW_STREAM` or `CSV` is refused before anything is sent.
    pub async fn execute(
        client: &Client,
        request: &ExecuteStatementRequest,
        poll: PollOptions,
    ) -> Result<StatementRows, SqlError> {
        match &request.format {
            None | Some(StatementFormat::JsonArray) => {}
            Some(other) => {
                return Err(SqlError::UnsupportedFormat {
                    format: other.as_str().to_owned(),
                });
            }
        }
        let answer = client
            .statement_execution()
            .execute_statement(request)
            .await
            .map_err(api("running the statement"))?;
        let id = answer.statement_id.clone().ok_or_else(|| SqlError::BadResponse {
            problem: "the statement has no statement_id".to_owned(),
        })?;
        let mut rows = StatementRows {
            client: client.clone(),
            id,
            poll,
            status: None,
            manifest: None,
            next: Next::Waiting,
            rows: VecDeque::new(),
            unfinished: true,
            storage: None,
        };
        rows.update(answer)?;
        Ok(rows)
    }

    /// The statement's id.
    pub fn statement_id(&self) -> &str {
        &self.id
    }

    /// The last state the server gave.
    pub fn state(&self) -> Option<&StatementState> {
        self.status.as_ref().and_then(|status| status.state.as_ref())
    }

    /// The result's manifest, once the statement succeeded ([`Self::wait`]).
    pub fn manifest(&self) -> Option<&ResultManifest> {
        self.manifest.as_ref()
    }

    /// The result's columns, in the order of each row's values; empty until the statement succeeded.
    pub fn columns(&self) -> &[StatementColumnInfo] {
        self.manifest
            .as_ref()
            .and_then(|manifest| manifest.schema.as_ref())
            .and_then(|schema| schema.columns.as_deref())
            .unwrap_or_default()
    }

    /// Polls the statement until it succeeds (then its manifest is known) or ends otherwise (an error).
    pub async fn wait(&mut self) -> Result<(), SqlError> {
        let mut interval = self.poll.first;
        while matches!(self.next, Next::Waiting) {
            tokio::time::sleep(interval).await;
            interval = (interval * 2).min(self.poll.max);
            let answer = self
                .client
                .statement_execution()
                .get_statement(&self.id)
                .await
                .map_err(api("reading the statement's state"))?;
            self.update(answer)?;
        }
        Ok(())
    }

    /// The rows of the next chunk, `None` after the last. Waits for the statement first.
    pub async fn next_chunk(&mut self) -> Result<Option<Vec<Row>>, SqlError> {
        if !self.rows.is_empty() {
            return Ok(Some(self.rows.drain(..).collect()));
        }
        self.wait().await?;
        let data = match std::mem::replace(&mut self.next, Next::End) {
            Next::Here(data) => *data,
            Next::Fetch { index, internal_link } => self.fetch(index, internal_link).await?,
            Next::End | Next::Waiting => return Ok(None),
        };
        self.next = next_of(&data);
        let rows = match data.external_links {
            Some(links) if !links.is_empty() => {
                let mut rows = Vec::new();
                for link in &links {
                    rows.extend(self.download(link).await?);
                }
                rows
            }
            _ => data.data_array.unwrap_or_default(),
        };
        Ok(Some(rows))
    }

    /// The next row, `None` after the last. Waits for the statement first.
    pub async fn next_row(&mut self) -> Result<Option<Row>, SqlError> {
        while self.rows.is_empty() {
            match self.next_chunk().await? {
                Some(rows) => self.rows = rows.into(),
                None => return Ok(None),
            }
        }
        Ok(self.rows.pop_front())
    }

    /// Asks the server to cancel the statement if it may still be running; a finished one is left alone.
    pub async fn cancel(&mut self) -> Result<(), SqlError> {
        if !self.unfinished {
            return Ok(());
        }
        self.client
            .statement_execution()
            .cancel_execution(&self.id)
            .await
            .map_err(api("canceling the statement"))?;
        self.unfinished = false;
        Ok(())
    }

    /// Takes in a `getStatement` or `executeStatement` answer.
    fn update(&mut self, answer: StatementResponse) -> Result<(), SqlError> {
        let status = answer.status.unwrap_or_default();
        let state = status.state.clone();
        self.status = Some(status);
        match state {
            Some(StatementState::Succeeded) => {
                self.unfinished = false;
                self.manifest = answer.manifest;
                if let Some(format) = self.manifest.as_ref().and_then(|manifest| manifest.format.as_ref())
                    && *format != StatementFormat::JsonArray
                {
                    return Err(SqlError::UnsupportedFormat {
                        format: format.as_str().to_owned(),
                    });
                }
                self.next = match answer.result {
                    Some(first) => Next::Here(Box::new(first)),
                    None => Next::End,
                };
                Ok(())
            }
            Some(state @ (StatementState::Failed | StatementState::Canceled | StatementState::Closed)) => {
                self.unfinished = false;
                self.next = Next::End;
                let status = self.status.take().unwrap_or_default();
                let error = status.error.unwrap_or_default();
                Err(SqlError::Statement {
                    state,
                    message: error.message,
                    error_code: error.error_code.map(|code| code.as_str().to_owned()),
                    sql_state: status.sql_state,
                })
            }
            // `PENDING`, `RUNNING`, and states this SDK does not know yet: keep polling.
            _ => Ok(()),
        }
    }

    /// A chunk from the API, by its index or, without one, by the internal link.
    async fn fetch(&self, index: Option<i32>, internal_link: Option<String>) -> Result<ResultData, SqlError> {
        let doing = "reading a result chunk";
        match (index, internal_link) {
            (Some(index), _) => self
                .client
                .statement_execution()
                .get_statement_result_chunk_n(&self.id, index)
                .await
                .map_err(api(doing)),
            (None, Some(link)) => self
                .client
                .runtime()
                .raw(Method::Get, link)
                .send()
                .await
                .map_err(api(doing)),
            (None, None) => Ok(ResultData::default()),
        }
    }

    /// The rows behind one external link; a link the storage refuses (it expired) is asked for again once.
    async fn download(&mut self, link: &ExternalLink) -> Result<Vec<Row>, SqlError> {
        let chunk_index = link.chunk_index.unwrap_or_default();
        match self.download_once(link).await {
            Ok(rows) => Ok(rows),
            Err(Refused::Status(_)) => {
                let fresh = self
                    .client
                    .statement_execution()
                    .get_statement_result_chunk_n(&self.id, chunk_index)
                    .await
                    .map_err(api("asking for a fresh link to a result chunk"))?;
                let fresh = fresh
                    .external_links
                    .unwrap_or_default()
                    .into_iter()
                    .find(|fresh| fresh.chunk_index == link.chunk_index)
                    .ok_or_else(|| SqlError::Download {
                        chunk_index,
                        problem: "the chunk came back without a link".to_owned(),
                    })?;
                self.download_once(&fresh).await.map_err(|refused| SqlError::Download {
                    chunk_index,
                    problem: refused.to_string(),
                })
            }
            Err(other) => Err(SqlError::Download {
                chunk_index,
                problem: other.to_string(),
            }),
        }
    }

    async fn download_once(&mut self, link: &ExternalLink) -> Result<Vec<Row>, Refused> {
        let url = link
            .external_link
            .as_deref()
            .ok_or(Refused::Other("the link has no URL".to_owned()))?;
        let storage = self.storage()?;
        let mut request = storage.get(url);
        for (name, value) in link.http_headers.iter().flatten() {
            request = request.header(name.as_str(), value.as_str());
        }
        // `without_url`: the URL is a credential, and reqwest's errors would show it.
        let response = request
            .send()
            .await
            .map_err(|error| Refused::Other(error.without_url().to_string()))?;
        if !response.status().is_success() {
            return Err(Refused::Status(response.status().as_u16()));
        }
        let body = response
            .bytes()
            .await
            .map_err(|error| Refused::Other(error.without_url().to_string()))?;
        serde_json::from_slice(&body).map_err(|error| Refused::Other(format!("the chunk is not JSON rows: {error}")))
    }

    /// The HTTP client for cloud storage: the workspace client's proxies and timeouts are not needed there,
    /// and neither are (nor may be) its credentials.
    fn storage(&mut self) -> Result<reqwest::Client, Refused> {
        if let Some(storage) = &self.storage {
            return Ok(storage.clone());
        }
        let anonymous = Connection::new("https://storage.invalid", Arc::new(StaticHeaders(Default::default())));
        let storage = anonymous
            .http_client()
            .map_err(|error| Refused::Other(error.to_string()))?;
        self.storage = Some(storage.clone());
        Ok(storage)
    }
}

impl Drop for StatementRows {
    fn drop(&mut self) {
        if !self.unfinished {
            return;
        }
        // Best effort: without a runtime to send it on, the statement runs until the server's own timeout.
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            let client = self.client.clone();
            let id = std::mem::take(&mut self.id);
            runtime.spawn(async move {
                let _ = client.statement_execution().cancel_execution(&id).await;
            });
        }
    }
}

/// Where the chunk after `data` is: on the chunk itself, or (external links) on its last link.
fn next_of(data: &ResultData) -> Next {
    let (index, internal_link) = match data.external_links.as_deref().and_then(<[_]>::last) {
        Some(link) => (link.next_chunk_index, link.next_chunk_internal_link.clone()),
        None => (data.next_chunk_index, data.next_chunk_internal_link.clone()),
    };
    if index.is_none() && internal_link.is_none() {
        Next::End
    } else {
        Next::Fetch { index, internal_link }
    }
}

/// Why a presigned link gave no rows.
enum Refused {
    /// The storage answered with this status: the link may have expired.
    Status(u16),
    Other(String),
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refused::Status(status) => write!(f, "the storage answered with status {status}"),
            Refused::Other(problem) => f.write_str(problem),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(next_index: Option<i32>) -> ExternalLink {
        ExternalLink {
            chunk_index: Some(0),
            next_chunk_index: next_index,
            ..Default::default()
        }
    }

    #[test]
    fn the_next_chunk_is_named_by_the_last_link_or_the_chunk() {
        let inline = ResultData {
            next_chunk_index: Some(3),
            ..Default::default()
        };
        assert!(matches!(next_of(&inline), Next::Fetch { index: Some(3), .. }));
        let linked = ResultData {
            external_links: Some(vec![link(Some(1)), link(Some(2))]),
            ..Default::default()
        };
        assert!(matches!(next_of(&linked), Next::Fetch { index: Some(2), .. }));
        let by_path = ResultData {
            next_chunk_internal_link: Some("/api/2.0/sql/statements/s/result/chunks/1".into()),
            ..Default::default()
        };
        assert!(matches!(
            next_of(&by_path),
            Next::Fetch {
                index: None,
                internal_link: Some(_)
            }
        ));
        assert!(matches!(next_of(&ResultData::default()), Next::End));
    }

    #[test]
    fn a_failed_statement_reads_with_the_server_message_and_codes() {
        let error = SqlError::Statement {
            state: StatementState::Failed,
            message: Some("[TABLE_OR_VIEW_NOT_FOUND] The table `sales`.`order` cannot be found.".into()),
            error_code: Some("BAD_REQUEST".into()),
            sql_state: Some("42P01".into()),
        };
        assert_eq!(
            error.to_string(),
            "the statement failed: [TABLE_OR_VIEW_NOT_FOUND] The table `sales`.`order` cannot be found. \
             (BAD_REQUEST, SQLSTATE 42P01)"
        );
        let canceled = SqlError::Statement {
            state: StatementState::Canceled,
            message: None,
            error_code: None,
            sql_state: None,
        };
        assert_eq!(canceled.to_string(), "the statement was canceled");
    }
}
