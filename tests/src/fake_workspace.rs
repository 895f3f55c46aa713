//! A stateful fake of the DBFS, Files (volumes), workspace and secrets APIs on 127.0.0.1, for tests of code
//! that moves files (the transfer helpers, `dbr fs` and `dbr workspace`) and for golden tests of the built
//! `dbr`.
//!
//! Unlike [`crate::mock`], which answers every request with one canned response, the fake keeps a file
//! tree per API and answers as the documentation describes: errors are `{"error_code", "message"}` bodies
//! (`RESOURCE_DOES_NOT_EXIST` with 404; `RESOURCE_ALREADY_EXISTS`, `INVALID_PARAMETER_VALUE`,
//! `MAX_BLOCK_SIZE_EXCEEDED`, `MAX_READ_SIZE_EXCEEDED`, `MAX_NOTEBOOK_SIZE_EXCEEDED`, `IO_ERROR` and
//! `DIRECTORY_NOT_EMPTY` with 400), blocks and reads are limited to 1 MiB, workspace content to 10 MiB, and
//! a request without the test token gets a 401.
//!
//! Endpoints, all under `/api/2.0/`:
//!
//! | endpoint | behaviour |
//! |---|---|
//! | `dbfs/create` | creates (or, with `overwrite`, truncates) the file at once and its missing parents; returns a handle |
//! | `dbfs/add-block` | appends the decoded `data` (at most 1 MiB) to the handle's file |
//! | `dbfs/close` | forgets the handle |
//! | `dbfs/put` | writes a whole file: base64 `contents` of at most 1 MiB, or a multipart upload |
//! | `dbfs/read` | `length` (default 524288, at most 1 MiB) bytes from `offset`; fewer at the end of the file |
//! | `dbfs/get-status`, `dbfs/list` | metadata; `list` of a file describes the file |
//! | `dbfs/mkdirs` | `mkdir -p` |
//! | `dbfs/move` | refuses an existing destination; creates missing parents of the destination |
//! | `dbfs/delete` | a missing path is not an error; a non-empty folder needs `recursive` |
//! | `workspace/import` | the parent folder must exist; `SOURCE` needs `language`; `RAW` and `AUTO` make a file |
//! | `workspace/export` | the stored bytes, whatever the format (the fake converts nothing), base64 in JSON or, with `direct_download=true`, as they are (`application/octet-stream`); folders cannot be exported |
//! | `workspace/get-status`, `workspace/list`, `workspace/mkdirs`, `workspace/delete` | as documented |
//! | `secrets/scopes/create` | names of letters, digits, `-`, `_`, `.`; `MANAGE` for [`FAKE_USER`] or `users` |
//! | `secrets/scopes/list` | `scopes` by name, with `backend_type` (and `keyvault_metadata`); `{}` if none |
//! | `secrets/scopes/delete` | the scope with its secrets and ACLs |
//! | `secrets/put` | exactly one of `string_value` and `bytes_value` (base64); replaces an earlier value |
//! | `secrets/list` | `secrets` (`key`, `last_updated_timestamp`) by key, never values; `{}` if none |
//! | `secrets/get` | `key` and `value`, the stored bytes in base64 |
//! | `secrets/delete` | a missing secret is `RESOURCE_DOES_NOT_EXIST` |
//! | `secrets/acls/put`, `.../get`, `.../list`, `.../delete` | one permission per principal; `list` gives `items` |
//!
//! The Files API, on the volumes a test adds, is described in [`files`].
//!
//! A scope name or secret key has at most 128 characters. `initial_manage_principal` may only be `users`; an
//! `AZURE_KEYVAULT` scope needs `backend_azure_keyvault` and its secrets are read-only. Permissions are
//! `MANAGE`, `WRITE` and `READ`; `acls/put` overwrites.
//!
//! The secrets API answers `RESOURCE_DOES_NOT_EXIST` (404) for a missing scope, secret or ACL,
//! `RESOURCE_ALREADY_EXISTS` (400) for a scope name that is taken, `INVALID_PARAMETER_VALUE` (400) for a bad
//! name, permission or value, and `BAD_REQUEST` (400) for a write to a Key Vault scope. Principals are not
//! checked against users and groups, permissions are not enforced, and the size limits are not modelled.
//!
//! Failures are injected with [`Fault`]: "answer the 3rd `dbfs/add-block` with a 500", "throttle the 2nd
//! `dbfs/read` once", "fail every `dbfs/read` from the 3rd on", "return this bogus read slice", "hold back
//! the answer to the 2nd `dbfs/read`" (to interrupt a transfer there). Every request is logged as a
//! [`Call`], so a test can check what was sent, or that nothing was.

mod files;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde_json::{Map, Value, json};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

use crate::TOKEN;
pub use files::FILES_PAGE_LIMIT;
use files::VolumeNode;

/// Most bytes one `add-block`, `put` or `read` carries (the documented "1 MB").
pub const DBFS_BLOCK_LIMIT: usize = 1024 * 1024;
/// What `dbfs/read` returns when no `length` is given.
pub const DBFS_DEFAULT_READ: usize = 512 * 1024;
/// Most bytes `workspace/import` accepts and `workspace/export` returns (the documented "10 MB").
pub const WORKSPACE_CONTENT_LIMIT: usize = 10 * 1024 * 1024;

/// The user the fake's test token belongs to: the creator, and first `MANAGE` holder, of a secret scope.
pub const FAKE_USER: &str = "test-user@example.com";

/// The fake server and its state. Dropping it stops the server.
pub struct FakeWorkspace {
    server: MockServer,
    state: Arc<Mutex<State>>,
}

/// One request the fake received.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Call {
    /// The endpoint without the `/api/2.0/` prefix: `dbfs/add-block`.
    pub endpoint: String,
    /// The `path` (or `source_path`) argument, when there was one.
    pub path: Option<String>,
    /// Decoded bytes of content the request carried (`data`, `contents` or `content`).
    pub payload_bytes: usize,
    /// The status the fake answered with.
    pub status: u16,
    /// The answer was raw bytes (`workspace/export` with `direct_download`), not JSON.
    pub raw_answer: bool,
}

/// An answer forced onto one request, instead of (or after) what the fake would do.
#[derive(Clone, Debug)]
pub struct Fault {
    endpoint: String,
    /// The first and the last request (1-based, per endpoint) the fault answers.
    nth: usize,
    last: usize,
    status: u16,
    body: Value,
    apply_first: bool,
    /// How long the answer is held back.
    delay: Option<Duration>,
    /// The request gets its usual answer, only held back by `delay`.
    usual_answer: bool,
}

/// How long a stalled answer is held back: longer than any test runs.
const STALL: Duration = Duration::from_secs(3600);

impl Fault {
    /// Answer the `nth` request (counting from 1, retries included) to `endpoint` (`"dbfs/add-block"`) with
    /// `status` and a Databricks error body. The request is not acted on.
    pub fn error(endpoint: &str, nth: usize, status: u16, error_code: &str, message: &str) -> Fault {
        Fault::answer(
            endpoint,
            nth,
            status,
            json!({"error_code": error_code, "message": message}),
        )
    }

    /// A `500 INTERNAL_ERROR`, which the client retries only for idempotent operations.
    pub fn server_error(endpoint: &str, nth: usize) -> Fault {
        Fault::error(endpoint, nth, 500, "INTERNAL_ERROR", "injected server error")
    }

    /// A `429 TOO_MANY_REQUESTS`: the server did nothing, and the client retries any operation.
    pub fn throttled(endpoint: &str, nth: usize) -> Fault {
        Fault::error(endpoint, nth, 429, "TOO_MANY_REQUESTS", "injected throttling")
    }

    /// Any answer: a bogus `read` slice, a success without a handle, ...
    pub fn answer(endpoint: &str, nth: usize, status: u16, body: Value) -> Fault {
        Fault {
            endpoint: endpoint.to_owned(),
            nth,
            last: nth,
            status,
            body,
            apply_first: false,
            delay: None,
            usual_answer: false,
        }
    }

    /// Every request to `endpoint` gets its usual answer, held back by `delay`: a slow server, so that
    /// concurrent requests overlap however fast the client is.
    pub fn slowed(endpoint: &str, delay: Duration) -> Fault {
        Fault {
            delay: Some(delay),
            usual_answer: true,
            ..Fault::answer(endpoint, 1, 200, Value::Null).persistent()
        }
    }

    /// Answer every request from the `nth` on, retries included: a failure the client cannot retry away.
    pub fn persistent(mut self) -> Fault {
        self.last = usize::MAX;
        self
    }

    /// Act on the request first, then answer with the fault: the client sees a failure although the server
    /// applied the request (an `add-block` answered 500 after the block was appended).
    pub fn after_applying(mut self) -> Fault {
        self.apply_first = true;
        self
    }

    /// Hold the answer back for an hour, as a server that stopped responding would: the request is logged
    /// when it arrives, so a test can wait for it and then interrupt the transfer at that point.
    pub fn stalled(mut self) -> Fault {
        self.delay = Some(STALL);
        self
    }
}

/// An object of the workspace tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorkspaceObject {
    Directory,
    Notebook { language: String, content: Vec<u8> },
    File { content: Vec<u8> },
}

impl FakeWorkspace {
    /// Starts an empty fake: DBFS and the workspace each hold only `/`.
    pub async fn start() -> FakeWorkspace {
        // Request recording is off: the fake logs calls itself, without multi-megabyte bodies.
        let server = MockServer::builder().disable_request_recording().start().await;
        let state = Arc::new(Mutex::new(State::new()));
        Mock::given(any())
            .respond_with(Responder {
                state: Arc::clone(&state),
            })
            .mount(&server)
            .await;
        FakeWorkspace { server, state }
    }

    /// The base URL, for `DATABRICKS_HOST`.
    pub fn uri(&self) -> String {
        self.server.uri()
    }

    /// A client for the fake with the test token, no rate limit and the given retry budget (keep it short
    /// where failures are injected).
    pub fn client(&self, retry_timeout: Duration) -> databricks_client::Client {
        crate::mock::client_with_budget(&self.uri(), retry_timeout)
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Puts a DBFS file (and its missing parent folders) in place, without a request.
    pub fn add_dbfs_file(&self, path: &str, content: impl Into<Vec<u8>>) {
        let mut state = self.state();
        let parent = parent_of(path).expect("a file path below /");
        state.dbfs_mkdirs(parent).expect("no file where a parent folder goes");
        let modified = state.tick();
        state.dbfs.insert(
            path.to_owned(),
            DbfsNode::File {
                content: content.into(),
                modified,
            },
        );
    }

    /// Creates a DBFS folder and its missing parents, without a request.
    pub fn add_dbfs_dir(&self, path: &str) {
        self.state().dbfs_mkdirs(path).expect("no file where a folder goes");
    }

    /// The content of the DBFS file at `path`, if there is one.
    pub fn dbfs_file(&self, path: &str) -> Option<Vec<u8>> {
        match self.state().dbfs.get(path) {
            Some(DbfsNode::File { content, .. }) => Some(content.clone()),
            _ => None,
        }
    }

    /// Every DBFS path (files and folders, `/` included), sorted.
    pub fn dbfs_paths(&self) -> Vec<String> {
        self.state().dbfs.keys().cloned().collect()
    }

    /// Registers the volume `root` (`/Volumes/<catalog>/<schema>/<volume>`), empty.
    pub fn add_volume(&self, root: &str) {
        self.state().files_add_volume(root);
    }

    /// Puts a file (and its missing parent directories) in a volume already added, without a request.
    pub fn add_volume_file(&self, path: &str, content: impl Into<Vec<u8>>) {
        self.state()
            .files_write(path, content.into(), true)
            .expect("a path inside a volume that was added");
    }

    /// The content of the volume file at `path`, if there is one.
    pub fn volume_file(&self, path: &str) -> Option<Vec<u8>> {
        match self.state().volumes.get(path) {
            Some(VolumeNode::File { content, .. }) => Some(content.clone()),
            _ => None,
        }
    }

    /// Every path in the volumes (files and directories, the volumes themselves included), sorted.
    pub fn volume_paths(&self) -> Vec<String> {
        self.state().volumes.keys().cloned().collect()
    }

    /// How many `dbfs/create` handles are still open.
    pub fn open_handles(&self) -> usize {
        self.state().handles.len()
    }

    /// Makes every `dbfs/read` return at most `limit` bytes, as a server may: a reader must loop on
    /// `bytes_read`, not assume it got what it asked for.
    pub fn set_read_slice_limit(&self, limit: Option<usize>) {
        self.state().read_slice_limit = limit;
    }

    /// Puts a workspace object in place (its parent folders are created), without a request.
    pub fn add_workspace_object(&self, path: &str, object: WorkspaceObject) {
        let mut state = self.state();
        let parent = parent_of(path).expect("a path below /");
        state.workspace_mkdirs(parent).expect("no object where a folder goes");
        state.workspace_insert(path, object);
    }

    /// The workspace object at `path`, if there is one.
    pub fn workspace_object(&self, path: &str) -> Option<WorkspaceObject> {
        self.state().workspace.get(path).map(|entry| entry.object.clone())
    }

    /// Every workspace path, sorted.
    pub fn workspace_paths(&self) -> Vec<String> {
        self.state().workspace.keys().cloned().collect()
    }

    /// Creates a secret scope stored by Databricks, as `secrets/scopes/create` without a request would.
    pub fn add_secret_scope(&self, name: &str) {
        self.state().secrets_create_scope(name, None, FAKE_USER);
    }

    /// Stores a text secret, without a request; the scope must exist.
    pub fn add_secret(&self, scope: &str, key: &str, value: &str) {
        let mut state = self.state();
        let updated = state.tick();
        let scope = state.secret_scopes.get_mut(scope).expect("the scope was added");
        scope.secrets.insert(
            key.to_owned(),
            StoredSecret {
                value: value.as_bytes().to_vec(),
                updated,
            },
        );
    }

    /// The names of every secret scope, sorted.
    pub fn secret_scopes(&self) -> Vec<String> {
        self.state().secret_scopes.keys().cloned().collect()
    }

    /// The stored bytes of a secret, if there is one.
    pub fn secret(&self, scope: &str, key: &str) -> Option<Vec<u8>> {
        let state = self.state();
        let secret = state.secret_scopes.get(scope)?.secrets.get(key)?;
        Some(secret.value.clone())
    }

    /// The ACLs of a scope as (principal, permission), sorted by principal.
    pub fn secret_acls(&self, scope: &str) -> Vec<(String, String)> {
        let state = self.state();
        state.secret_scopes.get(scope).map_or_else(Vec::new, |scope| {
            scope
                .acls
                .iter()
                .map(|(principal, permission)| (principal.clone(), permission.clone()))
                .collect()
        })
    }

    /// Adds a fault; several may be active at once.
    pub fn inject(&self, fault: Fault) {
        self.state().faults.push(fault);
    }

    /// Every request received, in order.
    pub fn calls(&self) -> Vec<Call> {
        self.state().calls.clone()
    }

    /// The endpoints of every request received, in order.
    pub fn endpoints(&self) -> Vec<String> {
        self.state().calls.iter().map(|call| call.endpoint.clone()).collect()
    }

    /// Starts `dbr` against this fake, waits until `endpoint` has received `calls` requests (the last one is
    /// stalled by the test), then sends `signal` (`TERM`, `INT`) and returns what `dbr` did.
    #[cfg(unix)]
    pub fn interrupt_dbr(&self, args: &[&str], endpoint: &str, calls: usize, signal: &str) -> crate::dbr::Run {
        use std::process::{Command, Stdio};
        use std::time::{Duration, Instant};

        let mut child = Command::new(crate::dbr::binary())
            .args(args)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("DATABRICKS_HOST", self.uri())
            .env("DATABRICKS_TOKEN", TOKEN)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("dbr starts");
        // A safety net against a test that never reaches its stalled request, not a timing assertion.
        let give_up = Instant::now() + Duration::from_secs(120);
        while self.calls_to(endpoint) < calls {
            let exited = child.try_wait().expect("dbr can be waited for").is_some();
            if exited || Instant::now() > give_up {
                let _ = child.kill();
                let output = child.wait_with_output().expect("dbr finishes");
                panic!(
                    "dbr never sent request {calls} to {endpoint}: {:?}\nstderr:\n{}",
                    self.endpoints(),
                    String::from_utf8_lossy(&output.stderr)
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let sent = Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(sent.success(), "kill -{signal} failed");
        let output = child.wait_with_output().expect("dbr finishes");
        crate::dbr::Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// How many requests `endpoint` received.
    pub fn calls_to(&self, endpoint: &str) -> usize {
        self.state()
            .calls
            .iter()
            .filter(|call| call.endpoint == endpoint)
            .count()
    }
}

struct Responder {
    state: Arc<Mutex<State>>,
}

impl Respond for Responder {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let (reply, delay) = state.serve(request);
        let template = ResponseTemplate::new(reply.status).insert_header("x-request-id", "fake-workspace");
        let template = reply.headers.iter().fold(template, |template, (name, value)| {
            template.insert_header(*name, value.as_str())
        });
        let template = match reply.raw {
            Some(raw) => template.set_body_raw(raw, "application/octet-stream"),
            None => template.set_body_raw(reply.body.to_string(), "application/json"),
        };
        match delay {
            Some(delay) => template.set_delay(delay),
            None => template,
        }
    }
}

enum DbfsNode {
    Dir { modified: i64 },
    File { content: Vec<u8>, modified: i64 },
}

struct WorkspaceEntry {
    object: WorkspaceObject,
    object_id: i64,
    modified: i64,
}

/// A secret scope: where it keeps its secrets, the secrets and who may do what.
struct SecretScope {
    /// The `keyvault_metadata` of a scope backed by Azure Key Vault; `None` for a Databricks scope.
    keyvault: Option<Value>,
    secrets: BTreeMap<String, StoredSecret>,
    /// Principal → `MANAGE`, `WRITE` or `READ`.
    acls: BTreeMap<String, String>,
}

struct StoredSecret {
    value: Vec<u8>,
    updated: i64,
}

struct State {
    dbfs: BTreeMap<String, DbfsNode>,
    /// Open handle → the path of its file.
    handles: BTreeMap<i64, String>,
    next_handle: i64,
    workspace: BTreeMap<String, WorkspaceEntry>,
    next_object_id: i64,
    /// Milliseconds since the epoch, advanced by every change.
    clock: i64,
    read_slice_limit: Option<usize>,
    secret_scopes: BTreeMap<String, SecretScope>,
    /// Every path of the volumes, by absolute path.
    volumes: BTreeMap<String, VolumeNode>,
    volume_roots: BTreeSet<String>,
    faults: Vec<Fault>,
    calls: Vec<Call>,
}

/// A status and a JSON body, or raw bytes instead, and any headers beyond the usual ones.
#[derive(Debug)]
struct Reply {
    status: u16,
    body: Value,
    raw: Option<Vec<u8>>,
    headers: Vec<(&'static str, String)>,
}

type Answer = Result<Value, Reply>;

fn ok() -> Answer {
    Ok(json!({}))
}

fn error(status: u16, code: &str, message: impl Into<String>) -> Reply {
    Reply {
        status,
        body: json!({"error_code": code, "message": message.into()}),
        raw: None,
        headers: Vec::new(),
    }
}

fn invalid(message: impl Into<String>) -> Reply {
    error(400, "INVALID_PARAMETER_VALUE", message)
}

fn missing(path: &str) -> Reply {
    error(
        404,
        "RESOURCE_DOES_NOT_EXIST",
        format!("No file or directory exists on path {path}."),
    )
}

fn exists(path: &str) -> Reply {
    error(
        400,
        "RESOURCE_ALREADY_EXISTS",
        format!("A file or directory already exists at {path}."),
    )
}

/// The fields of a request: a JSON body's, a query string's, or a multipart form's.
struct Args {
    fields: Map<String, Value>,
    /// The file parts of a multipart form (those with a `filename`), as sent: what the JSON forms send
    /// base64-encoded in a field of the same name.
    files: BTreeMap<String, Vec<u8>>,
    /// The request was a `multipart/form-data` upload.
    multipart: bool,
}

impl Args {
    /// The query string's fields.
    fn query(request: &Request) -> Args {
        let query = request
            .url
            .query_pairs()
            .map(|(key, value)| (key.into_owned(), Value::String(value.into_owned())))
            .collect();
        Args {
            fields: query,
            files: BTreeMap::new(),
            multipart: false,
        }
    }

    fn from_request(request: &Request) -> Result<Args, Reply> {
        if request.method.as_str() == "GET" {
            return Ok(Args::query(request));
        }
        if request.body.is_empty() {
            return Ok(Args {
                fields: Map::new(),
                files: BTreeMap::new(),
                multipart: false,
            });
        }
        let content_type = request
            .headers
            .get("content-type")
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default();
        if let Some(boundary) = content_type.strip_prefix("multipart/form-data; boundary=") {
            return multipart_fields(&request.body, boundary).map(|(fields, files)| Args {
                fields,
                files,
                multipart: true,
            });
        }
        match serde_json::from_slice(&request.body) {
            Ok(Value::Object(body)) => Ok(Args {
                fields: body,
                files: BTreeMap::new(),
                multipart: false,
            }),
            _ => Err(error(
                400,
                "MALFORMED_REQUEST",
                "The request body is not a JSON object.",
            )),
        }
    }

    fn string(&self, key: &str) -> Option<&str> {
        self.fields.get(key).and_then(Value::as_str)
    }

    fn required(&self, key: &str) -> Result<&str, Reply> {
        self.string(key)
            .ok_or_else(|| invalid(format!("Missing required field: {key}")))
    }

    fn flag(&self, key: &str) -> bool {
        match self.fields.get(key) {
            Some(Value::Bool(value)) => *value,
            Some(Value::String(value)) => value == "true",
            _ => false,
        }
    }

    /// An integer sent as a JSON number or as a query string.
    fn int(&self, key: &str) -> Result<Option<i64>, Reply> {
        match self.fields.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(number)) => number
                .as_i64()
                .map(Some)
                .ok_or_else(|| invalid(format!("{key} is not an integer"))),
            Some(Value::String(text)) => text
                .parse()
                .map(Some)
                .map_err(|_| invalid(format!("{key} is not an integer: {text}"))),
            Some(_) => Err(invalid(format!("{key} is not an integer"))),
        }
    }

    /// The content `key`: a multipart file part as sent, or the base64 field decoded; absent is empty.
    fn base64(&self, key: &str) -> Result<Vec<u8>, Reply> {
        if let Some(file) = self.files.get(key) {
            return Ok(file.clone());
        }
        BASE64
            .decode(self.string(key).unwrap_or_default())
            .map_err(|error| error_reply_base64(key, error))
    }

    /// Length of whichever content the request has, for the call log: a file part's, or a base64 field's
    /// once decoded (counted, not decoded: the log is kept for every block of a benchmark too).
    fn payload_bytes(&self) -> usize {
        const KEYS: [&str; 3] = ["data", "contents", "content"];
        if let Some(file) = KEYS.iter().find_map(|key| self.files.get(*key)) {
            return file.len();
        }
        match KEYS.iter().find_map(|key| self.string(key)) {
            Some(text) if text.len() % 4 == 0 => {
                text.len() / 4 * 3 - text.bytes().rev().take_while(|&byte| byte == b'=').count().min(2)
            }
            _ => 0,
        }
    }
}

/// The text fields and the file parts of a multipart form.
type MultipartParts = (Map<String, Value>, BTreeMap<String, Vec<u8>>);

/// The parts of a `multipart/form-data` body: text parts as strings, file parts (those with a `filename`)
/// as sent.
fn multipart_fields(body: &[u8], boundary: &str) -> Result<MultipartParts, Reply> {
    let malformed = || error(400, "MALFORMED_REQUEST", "The multipart body cannot be read.");
    let delimiter = format!("--{boundary}");
    let (mut fields, mut files) = (Map::new(), BTreeMap::new());
    let mut rest = body.strip_prefix(delimiter.as_bytes()).ok_or_else(malformed)?;
    let separator = format!("\r\n{delimiter}");
    while !rest.starts_with(b"--") {
        let part = rest.strip_prefix(b"\r\n").ok_or_else(malformed)?;
        let end = find(part, separator.as_bytes()).ok_or_else(malformed)?;
        let (headers, content) = part[..end]
            .split_at_checked(find(&part[..end], b"\r\n\r\n").ok_or_else(malformed)?)
            .ok_or_else(malformed)?;
        let content = &content[4..];
        let headers = String::from_utf8_lossy(headers);
        let name = headers
            .split("name=\"")
            .nth(1)
            .and_then(|after| after.split('"').next())
            .ok_or_else(malformed)?;
        if headers.contains("filename=") {
            files.insert(name.to_owned(), content.to_vec());
        } else {
            let value = String::from_utf8_lossy(content).into_owned();
            fields.insert(name.to_owned(), Value::String(value));
        }
        rest = &part[end + separator.len()..];
    }
    Ok((fields, files))
}

/// Where `needle` first occurs in `haystack`. Candidates are found by their first byte, so a file part of
/// many megabytes costs a scan, not a comparison at every byte.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, _) = needle.split_first()?;
    let mut from = 0;
    while let Some(offset) = haystack[from..].iter().position(|&byte| byte == first) {
        let at = from + offset;
        if haystack[at..].starts_with(needle) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

fn error_reply_base64(key: &str, problem: base64::DecodeError) -> Reply {
    error(
        400,
        "MALFORMED_REQUEST",
        format!("{key} is not valid base64: {problem}"),
    )
}

/// `/a/b` → `/a`; `/a` → `/`; `/` → none.
fn parent_of(path: &str) -> Option<&str> {
    if path == "/" {
        return None;
    }
    let (parent, _) = path.rsplit_once('/')?;
    Some(if parent.is_empty() { "/" } else { parent })
}

/// Whether `path` lies below the folder `dir` (at any depth).
fn is_below(path: &str, dir: &str) -> bool {
    if dir == "/" {
        path != "/"
    } else {
        path.strip_prefix(dir).is_some_and(|rest| rest.starts_with('/'))
    }
}

/// `/`, `/a`, `/a/b` for `/a/b`.
fn ancestors_and_self(path: &str) -> Vec<String> {
    let mut all = vec!["/".to_owned()];
    let mut current = String::new();
    for segment in path.split('/').filter(|segment| !segment.is_empty()) {
        current.push('/');
        current.push_str(segment);
        all.push(current.clone());
    }
    all
}

/// An absolute path without a trailing slash; DBFS paths may start with `dbfs:`.
fn normalize(raw: &str, dbfs: bool) -> Result<String, Reply> {
    let path = if dbfs {
        raw.strip_prefix("dbfs:").unwrap_or(raw)
    } else {
        raw
    };
    if !path.starts_with('/') || path.split('/').any(|segment| segment == "." || segment == "..") {
        return Err(invalid(format!("Path must be absolute: {raw}")));
    }
    let trimmed = path.trim_end_matches('/');
    Ok(if trimmed.is_empty() {
        "/".to_owned()
    } else {
        trimmed.to_owned()
    })
}

impl State {
    fn new() -> State {
        let mut state = State {
            dbfs: BTreeMap::new(),
            handles: BTreeMap::new(),
            next_handle: 7_340_591,
            workspace: BTreeMap::new(),
            next_object_id: 1_048_577,
            clock: 1_705_310_957_000,
            read_slice_limit: None,
            secret_scopes: BTreeMap::new(),
            volumes: BTreeMap::new(),
            volume_roots: BTreeSet::new(),
            faults: Vec::new(),
            calls: Vec::new(),
        };
        let modified = state.tick();
        state.dbfs.insert("/".to_owned(), DbfsNode::Dir { modified });
        state.workspace_insert("/", WorkspaceObject::Directory);
        state
    }

    fn tick(&mut self) -> i64 {
        self.clock += 1000;
        self.clock
    }

    /// The answer to `request`, and how long to hold it back.
    fn serve(&mut self, request: &Request) -> (Reply, Option<Duration>) {
        // The Files API names its path in the URL and sends files as the raw body.
        let files_request = files::files_request(request.url.path());
        let endpoint = match &files_request {
            Some((endpoint, _)) => (*endpoint).to_owned(),
            None => request
                .url
                .path()
                .strip_prefix("/api/2.0/")
                .unwrap_or(request.url.path())
                .to_owned(),
        };
        let args = match files_request {
            Some(_) => Ok(Args::query(request)),
            None => Args::from_request(request),
        };
        let (path, payload_bytes) = match (&files_request, &args) {
            (Some((_, path)), _) => (Some(path.clone()), request.body.len()),
            (None, Ok(args)) => (
                args.string("path").or(args.string("source_path")).map(str::to_owned),
                args.payload_bytes(),
            ),
            (None, Err(_)) => (None, 0),
        };
        let method = request.method.as_str();
        let nth = self.calls.iter().filter(|call| call.endpoint == endpoint).count() + 1;
        let fault = self
            .faults
            .iter()
            .position(|fault| fault.endpoint == endpoint && (fault.nth..=fault.last).contains(&nth))
            .map(|index| match self.faults[index].last == nth {
                true => self.faults.remove(index),
                false => self.faults[index].clone(),
            });
        let delay = fault.as_ref().and_then(|fault| fault.delay);
        let fault = fault.filter(|fault| !fault.usual_answer);

        let authorized = request
            .headers
            .get("authorization")
            .and_then(|value| value.to_str().ok())
            == Some(format!("Bearer {TOKEN}").as_str());
        let reply = if !authorized {
            error(401, "UNAUTHENTICATED", "Invalid access token.")
        } else {
            match fault {
                Some(fault) => {
                    if fault.apply_first
                        && let Ok(args) = &args
                    {
                        match &files_request {
                            Some((endpoint, path)) => {
                                self.files_answer(method, endpoint, path, args, &request.body);
                            }
                            None => {
                                let _ = self.route(method, &endpoint, args);
                            }
                        }
                    }
                    Reply {
                        status: fault.status,
                        body: fault.body,
                        raw: None,
                        headers: Vec::new(),
                    }
                }
                None => match (&files_request, args) {
                    (Some((endpoint, path)), Ok(args)) => {
                        self.files_answer(method, endpoint, path, &args, &request.body)
                    }
                    (_, args) => match args.and_then(|args| self.answer(method, &endpoint, &args)) {
                        Ok(reply) | Err(reply) => reply,
                    },
                },
            }
        };
        self.calls.push(Call {
            endpoint,
            path,
            payload_bytes,
            status: reply.status,
            raw_answer: reply.raw.is_some(),
        });
        (reply, delay)
    }

    /// The answer to a request that is acted on: JSON, but the raw file for an export with
    /// `direct_download`.
    fn answer(&mut self, method: &str, endpoint: &str, args: &Args) -> Result<Reply, Reply> {
        if (method, endpoint) == ("GET", "workspace/export") && args.flag("direct_download") {
            let (content, _) = self.workspace_exported(args)?;
            return Ok(Reply {
                status: 200,
                body: Value::Null,
                raw: Some(content),
                headers: Vec::new(),
            });
        }
        let body = self.route(method, endpoint, args)?;
        Ok(Reply {
            status: 200,
            body,
            raw: None,
            headers: Vec::new(),
        })
    }

    fn route(&mut self, method: &str, endpoint: &str, args: &Args) -> Answer {
        match (method, endpoint) {
            ("POST", "dbfs/create") => self.dbfs_create(args),
            ("POST", "dbfs/add-block") => self.dbfs_add_block(args),
            ("POST", "dbfs/close") => self.dbfs_close(args),
            ("POST", "dbfs/put") => self.dbfs_put(args),
            ("GET", "dbfs/read") => self.dbfs_read(args),
            ("GET", "dbfs/get-status") => self.dbfs_get_status(args),
            ("GET", "dbfs/list") => self.dbfs_list(args),
            ("POST", "dbfs/mkdirs") => self.dbfs_mkdirs_request(args),
            ("POST", "dbfs/move") => self.dbfs_move(args),
            ("POST", "dbfs/delete") => self.dbfs_delete(args),
            ("POST", "workspace/import") => self.workspace_import(args),
            ("GET", "workspace/export") => self.workspace_export(args),
            ("GET", "workspace/get-status") => self.workspace_get_status(args),
            ("GET", "workspace/list") => self.workspace_list(args),
            ("POST", "workspace/mkdirs") => self.workspace_mkdirs_request(args),
            ("POST", "workspace/delete") => self.workspace_delete(args),
            ("POST", "secrets/scopes/create") => self.secrets_create_scope_request(args),
            ("GET", "secrets/scopes/list") => Ok(self.secrets_list_scopes()),
            ("POST", "secrets/scopes/delete") => self.secrets_delete_scope(args),
            ("POST", "secrets/put") => self.secrets_put(args),
            ("GET", "secrets/list") => self.secrets_list(args),
            ("GET", "secrets/get") => self.secrets_get(args),
            ("POST", "secrets/delete") => self.secrets_delete(args),
            ("POST", "secrets/acls/put") => self.secrets_put_acl(args),
            ("GET", "secrets/acls/list") => self.secrets_list_acls(args),
            ("GET", "secrets/acls/get") => self.secrets_get_acl(args),
            ("POST", "secrets/acls/delete") => self.secrets_delete_acl(args),
            _ => Err(error(
                404,
                "ENDPOINT_NOT_FOUND",
                format!("No API found for '{method} /api/2.0/{endpoint}'"),
            )),
        }
    }

    // DBFS

    fn dbfs_path(args: &Args, key: &str) -> Result<String, Reply> {
        normalize(args.required(key)?, true)
    }

    /// `mkdir -p`; a file at `path` or above it is `RESOURCE_ALREADY_EXISTS`.
    fn dbfs_mkdirs(&mut self, path: &str) -> Result<(), Reply> {
        for dir in ancestors_and_self(path) {
            match self.dbfs.get(&dir) {
                Some(DbfsNode::Dir { .. }) => {}
                Some(DbfsNode::File { .. }) => return Err(exists(&dir)),
                None => {
                    let modified = self.tick();
                    self.dbfs.insert(dir, DbfsNode::Dir { modified });
                }
            }
        }
        Ok(())
    }

    /// Creates or truncates the file at `path` with `content`, as `create` and `put` do.
    fn dbfs_write(&mut self, path: &str, overwrite: bool, content: Vec<u8>) -> Result<(), Reply> {
        match self.dbfs.get(path) {
            Some(DbfsNode::Dir { .. }) => return Err(exists(path)),
            Some(DbfsNode::File { .. }) if !overwrite => return Err(exists(path)),
            _ => {}
        }
        let parent = parent_of(path).ok_or_else(|| exists(path))?;
        self.dbfs_mkdirs(parent)?;
        let modified = self.tick();
        self.dbfs.insert(path.to_owned(), DbfsNode::File { content, modified });
        Ok(())
    }

    fn dbfs_create(&mut self, args: &Args) -> Answer {
        let path = Self::dbfs_path(args, "path")?;
        self.dbfs_write(&path, args.flag("overwrite"), Vec::new())?;
        let handle = self.next_handle;
        self.next_handle += 1;
        self.handles.insert(handle, path);
        Ok(json!({"handle": handle}))
    }

    fn handle(&self, args: &Args) -> Result<(i64, String), Reply> {
        let handle = args
            .int("handle")?
            .ok_or_else(|| invalid("Missing required field: handle"))?;
        match self.handles.get(&handle) {
            Some(path) => Ok((handle, path.clone())),
            None => Err(error(
                404,
                "RESOURCE_DOES_NOT_EXIST",
                format!("Handle {handle} does not exist or has expired."),
            )),
        }
    }

    fn dbfs_add_block(&mut self, args: &Args) -> Answer {
        let (handle, path) = self.handle(args)?;
        let data = args.base64("data")?;
        if data.len() > DBFS_BLOCK_LIMIT {
            return Err(block_too_large(data.len()));
        }
        let modified = self.tick();
        match self.dbfs.get_mut(&path) {
            Some(DbfsNode::File { content, modified: at }) => {
                content.extend_from_slice(&data);
                *at = modified;
                ok()
            }
            _ => Err(error(
                404,
                "RESOURCE_DOES_NOT_EXIST",
                format!("The file {path} of handle {handle} no longer exists."),
            )),
        }
    }

    fn dbfs_close(&mut self, args: &Args) -> Answer {
        let (handle, _) = self.handle(args)?;
        self.handles.remove(&handle);
        ok()
    }

    fn dbfs_put(&mut self, args: &Args) -> Answer {
        let path = Self::dbfs_path(args, "path")?;
        let content = args.base64("contents")?;
        // The 1 MiB limit is that of base64 `contents` in JSON; a multipart file may be up to 2 GB.
        if content.len() > DBFS_BLOCK_LIMIT && !args.multipart {
            return Err(block_too_large(content.len()));
        }
        self.dbfs_write(&path, args.flag("overwrite"), content)?;
        ok()
    }

    fn dbfs_read(&mut self, args: &Args) -> Answer {
        let path = Self::dbfs_path(args, "path")?;
        let offset = args.int("offset")?.unwrap_or(0);
        let length = args.int("length")?.unwrap_or(DBFS_DEFAULT_READ as i64);
        if offset < 0 || length < 0 {
            return Err(invalid("offset and length must not be negative"));
        }
        if length as u64 > DBFS_BLOCK_LIMIT as u64 {
            return Err(error(
                400,
                "MAX_READ_SIZE_EXCEEDED",
                format!("Cannot read more than 1MB (1048576 bytes) at a time; asked for {length}."),
            ));
        }
        let content = match self.dbfs.get(&path) {
            Some(DbfsNode::File { content, .. }) => content,
            Some(DbfsNode::Dir { .. }) => return Err(invalid(format!("{path} is a directory."))),
            None => return Err(missing(&path)),
        };
        let start = (offset as usize).min(content.len());
        let mut end = start.saturating_add(length as usize).min(content.len());
        if let Some(limit) = self.read_slice_limit {
            end = end.min(start + limit);
        }
        let slice = &content[start..end];
        Ok(json!({"bytes_read": slice.len(), "data": BASE64.encode(slice)}))
    }

    fn dbfs_info(&self, path: &str) -> Value {
        match &self.dbfs[path] {
            DbfsNode::Dir { modified } => {
                json!({"path": path, "is_dir": true, "file_size": 0, "modification_time": modified})
            }
            DbfsNode::File { content, modified } => {
                json!({"path": path, "is_dir": false, "file_size": content.len(), "modification_time": modified})
            }
        }
    }

    fn dbfs_get_status(&mut self, args: &Args) -> Answer {
        let path = Self::dbfs_path(args, "path")?;
        if !self.dbfs.contains_key(&path) {
            return Err(missing(&path));
        }
        Ok(self.dbfs_info(&path))
    }

    fn dbfs_list(&mut self, args: &Args) -> Answer {
        let path = Self::dbfs_path(args, "path")?;
        let files: Vec<Value> = match self.dbfs.get(&path) {
            None => return Err(missing(&path)),
            Some(DbfsNode::File { .. }) => vec![self.dbfs_info(&path)],
            Some(DbfsNode::Dir { .. }) => self
                .dbfs
                .keys()
                .filter(|child| parent_of(child) == Some(path.as_str()))
                .map(|child| self.dbfs_info(child))
                .collect(),
        };
        // An empty folder lists as `{}`.
        Ok(if files.is_empty() {
            json!({})
        } else {
            json!({"files": files})
        })
    }

    fn dbfs_mkdirs_request(&mut self, args: &Args) -> Answer {
        let path = Self::dbfs_path(args, "path")?;
        self.dbfs_mkdirs(&path)?;
        ok()
    }

    fn dbfs_move(&mut self, args: &Args) -> Answer {
        let source = Self::dbfs_path(args, "source_path")?;
        let destination = Self::dbfs_path(args, "destination_path")?;
        if !self.dbfs.contains_key(&source) {
            return Err(missing(&source));
        }
        if self.dbfs.contains_key(&destination) {
            return Err(exists(&destination));
        }
        if source == "/" || is_below(&destination, &source) {
            return Err(invalid(format!("Cannot move {source} into itself ({destination}).")));
        }
        let parent = parent_of(&destination).ok_or_else(|| exists(&destination))?;
        self.dbfs_mkdirs(parent)?;
        let moved: Vec<String> = self
            .dbfs
            .keys()
            .filter(|path| **path == source || is_below(path, &source))
            .cloned()
            .collect();
        for old in moved {
            let node = self.dbfs.remove(&old).expect("listed above");
            let new = format!("{destination}{}", &old[source.len()..]);
            self.dbfs.insert(new, node);
        }
        ok()
    }

    fn dbfs_delete(&mut self, args: &Args) -> Answer {
        let path = Self::dbfs_path(args, "path")?;
        if path == "/" {
            return Err(invalid("Cannot delete the root directory."));
        }
        let below: Vec<String> = self
            .dbfs
            .keys()
            .filter(|other| is_below(other, &path))
            .cloned()
            .collect();
        if !below.is_empty() && !args.flag("recursive") {
            return Err(error(
                400,
                "IO_ERROR",
                format!("Cannot delete {path}: it is a non-empty directory; set recursive to delete it."),
            ));
        }
        for other in below {
            self.dbfs.remove(&other);
        }
        // Deleting a path that does not exist succeeds.
        self.dbfs.remove(&path);
        ok()
    }

    // Workspace

    fn workspace_path(args: &Args) -> Result<String, Reply> {
        normalize(args.required("path")?, false)
    }

    fn workspace_insert(&mut self, path: &str, object: WorkspaceObject) {
        let modified = self.tick();
        let object_id = match self.workspace.get(path) {
            Some(entry) => entry.object_id,
            None => {
                self.next_object_id += 1;
                self.next_object_id
            }
        };
        self.workspace.insert(
            path.to_owned(),
            WorkspaceEntry {
                object,
                object_id,
                modified,
            },
        );
    }

    fn workspace_mkdirs(&mut self, path: &str) -> Result<(), Reply> {
        for dir in ancestors_and_self(path) {
            match self.workspace.get(&dir).map(|entry| &entry.object) {
                Some(WorkspaceObject::Directory) => {}
                Some(_) => {
                    return Err(error(
                        400,
                        "RESOURCE_ALREADY_EXISTS",
                        format!("{dir} exists and is not a directory."),
                    ));
                }
                None => self.workspace_insert(&dir, WorkspaceObject::Directory),
            }
        }
        Ok(())
    }

    fn workspace_info(&self, path: &str) -> Value {
        let entry = &self.workspace[path];
        let mut info = json!({"path": path, "object_id": entry.object_id});
        match &entry.object {
            WorkspaceObject::Directory => info["object_type"] = json!("DIRECTORY"),
            WorkspaceObject::Notebook { language, .. } => {
                info["object_type"] = json!("NOTEBOOK");
                info["language"] = json!(language);
            }
            WorkspaceObject::File { content } => {
                info["object_type"] = json!("FILE");
                info["size"] = json!(content.len());
                info["created_at"] = json!(entry.modified);
                info["modified_at"] = json!(entry.modified);
            }
        }
        info
    }

    fn workspace_import(&mut self, args: &Args) -> Answer {
        let path = Self::workspace_path(args)?;
        let content = args.base64("content")?;
        if content.len() > WORKSPACE_CONTENT_LIMIT {
            return Err(notebook_too_large("imported", content.len()));
        }
        let format = args.string("format").unwrap_or("SOURCE");
        let language = args.string("language");
        let object = match format {
            "RAW" => WorkspaceObject::File { content },
            "AUTO" if content.starts_with(b"# Databricks notebook source") => WorkspaceObject::Notebook {
                language: "PYTHON".to_owned(),
                content,
            },
            "AUTO" => WorkspaceObject::File { content },
            "SOURCE" | "HTML" | "R_MARKDOWN" | "DBC" => match language {
                Some(language) => WorkspaceObject::Notebook {
                    language: language.to_owned(),
                    content,
                },
                None => {
                    return Err(invalid(format!(
                        "The language of {path} is required to import it as {format}."
                    )));
                }
            },
            "JUPYTER" => WorkspaceObject::Notebook {
                language: language.unwrap_or("PYTHON").to_owned(),
                content,
            },
            other => return Err(invalid(format!("Unknown import format: {other}"))),
        };
        let parent = parent_of(&path).ok_or_else(|| exists(&path))?;
        if !matches!(
            self.workspace.get(parent).map(|entry| &entry.object),
            Some(WorkspaceObject::Directory)
        ) {
            return Err(error(
                404,
                "RESOURCE_DOES_NOT_EXIST",
                format!("The parent folder ({parent}) does not exist."),
            ));
        }
        match self.workspace.get(&path).map(|entry| &entry.object) {
            Some(WorkspaceObject::Directory) => return Err(exists(&path)),
            Some(_) if !args.flag("overwrite") => {
                return Err(error(
                    400,
                    "RESOURCE_ALREADY_EXISTS",
                    format!("Path ({path}) already exists."),
                ));
            }
            _ => {}
        }
        self.workspace_insert(&path, object);
        ok()
    }

    fn workspace_export(&mut self, args: &Args) -> Answer {
        let (content, file_type) = self.workspace_exported(args)?;
        Ok(json!({"content": BASE64.encode(content), "file_type": file_type}))
    }

    /// The exported bytes and their `file_type`.
    fn workspace_exported(&self, args: &Args) -> Result<(Vec<u8>, &'static str), Reply> {
        let path = Self::workspace_path(args)?;
        let format = args.string("format").unwrap_or("SOURCE");
        let (content, file_type) = match self.workspace.get(&path).map(|entry| &entry.object) {
            None => return Err(missing(&path)),
            Some(WorkspaceObject::Directory) => {
                return Err(invalid(format!("The fake cannot export folders ({path}).")));
            }
            Some(WorkspaceObject::Notebook { content, .. }) => (content, "py"),
            Some(WorkspaceObject::File { content }) => (content, ""),
        };
        if content.len() > WORKSPACE_CONTENT_LIMIT {
            return Err(notebook_too_large("exported", content.len()));
        }
        let file_type = if format == "JUPYTER" { "ipynb" } else { file_type };
        Ok((content.clone(), file_type))
    }

    fn workspace_get_status(&mut self, args: &Args) -> Answer {
        let path = Self::workspace_path(args)?;
        if !self.workspace.contains_key(&path) {
            return Err(missing(&path));
        }
        Ok(self.workspace_info(&path))
    }

    fn workspace_list(&mut self, args: &Args) -> Answer {
        let path = Self::workspace_path(args)?;
        let objects: Vec<Value> = match self.workspace.get(&path).map(|entry| &entry.object) {
            None => return Err(missing(&path)),
            Some(WorkspaceObject::Directory) => self
                .workspace
                .keys()
                .filter(|child| parent_of(child) == Some(path.as_str()))
                .map(|child| self.workspace_info(child))
                .collect(),
            Some(_) => vec![self.workspace_info(&path)],
        };
        // An empty folder lists as `{}`.
        Ok(if objects.is_empty() {
            json!({})
        } else {
            json!({"objects": objects})
        })
    }

    fn workspace_mkdirs_request(&mut self, args: &Args) -> Answer {
        let path = Self::workspace_path(args)?;
        self.workspace_mkdirs(&path)?;
        ok()
    }

    fn workspace_delete(&mut self, args: &Args) -> Answer {
        let path = Self::workspace_path(args)?;
        if !self.workspace.contains_key(&path) {
            return Err(missing(&path));
        }
        if path == "/" {
            return Err(invalid("Cannot delete the root folder."));
        }
        let below: Vec<String> = self
            .workspace
            .keys()
            .filter(|other| is_below(other, &path))
            .cloned()
            .collect();
        if !below.is_empty() && !args.flag("recursive") {
            return Err(error(
                400,
                "DIRECTORY_NOT_EMPTY",
                format!("Folder ({path}) is not empty."),
            ));
        }
        for other in below {
            self.workspace.remove(&other);
        }
        self.workspace.remove(&path);
        ok()
    }
}

fn block_too_large(size: usize) -> Reply {
    error(
        400,
        "MAX_BLOCK_SIZE_EXCEEDED",
        format!("The block of {size} bytes is over the limit of 1MB (1048576 bytes)."),
    )
}

fn notebook_too_large(what: &str, size: usize) -> Reply {
    error(
        400,
        "MAX_NOTEBOOK_SIZE_EXCEEDED",
        format!("File size {what} is {size} bytes, exceeded max size ({WORKSPACE_CONTENT_LIMIT} bytes)"),
    )
}

// Secrets

/// Permission levels on a secret scope.
const SECRET_PERMISSIONS: &[&str] = &["MANAGE", "WRITE", "READ"];

/// A scope name or secret key: letters, digits, `-`, `_` and `.`, at most 128 characters.
fn secret_name<'a>(args: &'a Args, field: &str) -> Result<&'a str, Reply> {
    let name = args.required(field)?;
    let valid = !name.is_empty()
        && name.len() <= 128
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if valid {
        Ok(name)
    } else {
        Err(invalid(format!(
            "{field} `{name}` is invalid: use letters, digits, dashes, underscores and periods, at most 128 characters."
        )))
    }
}

fn scope_missing(scope: &str) -> Reply {
    error(404, "RESOURCE_DOES_NOT_EXIST", format!("Scope {scope} does not exist!"))
}

impl State {
    /// The scope named by the `scope` argument, and that name.
    fn secret_scope<'a>(&mut self, args: &'a Args) -> Result<(&'a str, &mut SecretScope), Reply> {
        let name = args.required("scope")?;
        match self.secret_scopes.get_mut(name) {
            Some(scope) => Ok((name, scope)),
            None => Err(scope_missing(name)),
        }
    }

    /// [`State::secret_scope`], for writing secrets: a scope stored by Databricks.
    fn writable_scope<'a>(&mut self, args: &'a Args) -> Result<(&'a str, &mut SecretScope), Reply> {
        let (name, scope) = self.secret_scope(args)?;
        if scope.keyvault.is_some() {
            return Err(error(
                400,
                "BAD_REQUEST",
                format!("Scope {name} is backed by Azure Key Vault; its secrets are read-only here."),
            ));
        }
        Ok((name, scope))
    }

    fn secrets_create_scope(&mut self, name: &str, keyvault: Option<Value>, manager: &str) {
        let scope = SecretScope {
            keyvault,
            secrets: BTreeMap::new(),
            acls: BTreeMap::from([(manager.to_owned(), "MANAGE".to_owned())]),
        };
        self.secret_scopes.insert(name.to_owned(), scope);
    }

    fn secrets_create_scope_request(&mut self, args: &Args) -> Answer {
        let name = secret_name(args, "scope")?;
        if self.secret_scopes.contains_key(name) {
            return Err(error(
                400,
                "RESOURCE_ALREADY_EXISTS",
                format!("Scope {name} already exists!"),
            ));
        }
        let manager = match args.string("initial_manage_principal") {
            None => FAKE_USER,
            Some("users") => "users",
            Some(other) => {
                return Err(invalid(format!(
                    "initial_manage_principal must be `users`, not `{other}`."
                )));
            }
        };
        let keyvault = match args.string("scope_backend_type").unwrap_or("DATABRICKS") {
            "DATABRICKS" => None,
            "AZURE_KEYVAULT" => {
                let metadata = args.fields.get("backend_azure_keyvault");
                let complete = metadata.is_some_and(|metadata| {
                    ["resource_id", "dns_name"]
                        .iter()
                        .all(|field| metadata.get(field).is_some_and(Value::is_string))
                });
                if !complete {
                    return Err(invalid(
                        "An AZURE_KEYVAULT scope needs backend_azure_keyvault with resource_id and dns_name.",
                    ));
                }
                metadata.cloned()
            }
            other => return Err(invalid(format!("Unknown scope_backend_type: {other}"))),
        };
        self.secrets_create_scope(name, keyvault, manager);
        ok()
    }

    fn secrets_list_scopes(&self) -> Value {
        let scopes: Vec<Value> = self
            .secret_scopes
            .iter()
            .map(|(name, scope)| match &scope.keyvault {
                None => json!({"name": name, "backend_type": "DATABRICKS"}),
                Some(metadata) => {
                    json!({"name": name, "backend_type": "AZURE_KEYVAULT", "keyvault_metadata": metadata})
                }
            })
            .collect();
        if scopes.is_empty() {
            json!({})
        } else {
            json!({"scopes": scopes})
        }
    }

    fn secrets_delete_scope(&mut self, args: &Args) -> Answer {
        let name = args.required("scope")?;
        match self.secret_scopes.remove(name) {
            Some(_) => ok(),
            None => Err(scope_missing(name)),
        }
    }

    fn secrets_put(&mut self, args: &Args) -> Answer {
        let key = secret_name(args, "key")?.to_owned();
        let value = match (args.string("string_value"), args.fields.get("bytes_value")) {
            (Some(text), None) => text.as_bytes().to_vec(),
            (None, Some(Value::String(_))) => args
                .base64("bytes_value")
                .map_err(|_| invalid("bytes_value is not valid base64."))?,
            (None, None) => {
                return Err(invalid(
                    "Exactly one of string_value and bytes_value must be given; none was.",
                ));
            }
            _ => {
                return Err(invalid(
                    "Exactly one of string_value and bytes_value must be given, as a string.",
                ));
            }
        };
        let updated = self.tick();
        let (_, scope) = self.writable_scope(args)?;
        scope.secrets.insert(key, StoredSecret { value, updated });
        ok()
    }

    fn secrets_list(&mut self, args: &Args) -> Answer {
        let (_, scope) = self.secret_scope(args)?;
        let secrets: Vec<Value> = scope
            .secrets
            .iter()
            .map(|(key, secret)| json!({"key": key, "last_updated_timestamp": secret.updated}))
            .collect();
        Ok(if secrets.is_empty() {
            json!({})
        } else {
            json!({"secrets": secrets})
        })
    }

    fn secrets_get(&mut self, args: &Args) -> Answer {
        let key = args.required("key")?;
        let (name, scope) = self.secret_scope(args)?;
        match scope.secrets.get(key) {
            Some(secret) => Ok(json!({"key": key, "value": BASE64.encode(&secret.value)})),
            None => Err(secret_missing(name, key)),
        }
    }

    fn secrets_delete(&mut self, args: &Args) -> Answer {
        let key = args.required("key")?;
        let (name, scope) = self.writable_scope(args)?;
        match scope.secrets.remove(key) {
            Some(_) => ok(),
            None => Err(secret_missing(name, key)),
        }
    }

    fn secrets_put_acl(&mut self, args: &Args) -> Answer {
        let principal = args.required("principal")?.to_owned();
        let permission = args.required("permission")?;
        if !SECRET_PERMISSIONS.contains(&permission) {
            return Err(invalid(format!(
                "Invalid permission {permission}: use one of MANAGE, WRITE, READ."
            )));
        }
        let permission = permission.to_owned();
        let (_, scope) = self.secret_scope(args)?;
        scope.acls.insert(principal, permission);
        ok()
    }

    fn secrets_list_acls(&mut self, args: &Args) -> Answer {
        let (_, scope) = self.secret_scope(args)?;
        let items: Vec<Value> = scope
            .acls
            .iter()
            .map(|(principal, permission)| json!({"principal": principal, "permission": permission}))
            .collect();
        Ok(if items.is_empty() {
            json!({})
        } else {
            json!({"items": items})
        })
    }

    fn secrets_get_acl(&mut self, args: &Args) -> Answer {
        let principal = args.required("principal")?;
        let (name, scope) = self.secret_scope(args)?;
        match scope.acls.get(principal) {
            Some(permission) => Ok(json!({"principal": principal, "permission": permission})),
            None => Err(acl_missing(name, principal)),
        }
    }

    fn secrets_delete_acl(&mut self, args: &Args) -> Answer {
        let principal = args.required("principal")?;
        let (name, scope) = self.secret_scope(args)?;
        match scope.acls.remove(principal) {
            Some(_) => ok(),
            None => Err(acl_missing(name, principal)),
        }
    }
}

fn secret_missing(scope: &str, key: &str) -> Reply {
    error(
        404,
        "RESOURCE_DOES_NOT_EXIST",
        format!("Secret does not exist with scope: {scope} and key: {key}"),
    )
}

fn acl_missing(scope: &str, principal: &str) -> Reply {
    error(
        404,
        "RESOURCE_DOES_NOT_EXIST",
        format!("No ACL for principal {principal} on scope {scope}."),
    )
}
