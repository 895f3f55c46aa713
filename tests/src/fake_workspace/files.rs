//! The Files API of the fake (`/api/2.0/fs/files{path}`, `/api/2.0/fs/directories{path}`), for volumes
//! registered with [`FakeWorkspace::add_volume`](super::FakeWorkspace::add_volume):
//!
//! | request | behaviour |
//! |---|---|
//! | `PUT fs/files` | the raw body becomes the file, whole, with its missing parents; `overwrite=false` refuses an existing file (409 `ALREADY_EXISTS`); 204 |
//! | `GET fs/files` | the file's bytes (`application/octet-stream`, with `Content-Length` and `Last-Modified`); a directory or nothing is 404 `NOT_FOUND` |
//! | `HEAD fs/files` | the headers of `GET` without the body; 404 without a body when no file is there |
//! | `HEAD fs/directories` | 200 when a directory is there, else 404, without a body |
//! | `DELETE fs/files` | a missing file is 404; 204 |
//! | `PUT fs/directories` | `mkdir -p`; a file in the way is 409; 204 |
//! | `GET fs/directories` | `contents` sorted by path, `page_size` (at most 1000, the default) per page, `next_page_token` while more remain |
//! | `DELETE fs/directories` | only an empty directory, not a volume itself (400, the reason `FILES_API_DIRECTORY_IS_NOT_EMPTY` for a non-empty one); 204 |
//!
//! A path outside every volume is 404 (`NOT_FOUND`, "volume does not exist").

use serde_json::{Value, json};

use super::{Args, Reply, State, error, parent_of};

/// The most entries one listing page holds (the documented maximum and default).
pub const FILES_PAGE_LIMIT: usize = 1000;

pub(super) enum VolumeNode {
    Dir,
    File { content: Vec<u8>, modified: i64 },
}

/// Which endpoint of the Files API a request is for, and the path it names (percent-decoded).
pub(super) fn files_request(url_path: &str) -> Option<(&'static str, String)> {
    let (endpoint, rest) = if let Some(rest) = url_path.strip_prefix("/api/2.0/fs/files/") {
        ("fs/files", rest)
    } else {
        ("fs/directories", url_path.strip_prefix("/api/2.0/fs/directories/")?)
    };
    Some((endpoint, format!("/{}", percent_decode(rest))))
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let hex = bytes
            .get(index + 1..index + 3)
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match (bytes[index], hex) {
            (b'%', Some(byte)) => {
                decoded.push(byte);
                index += 3;
            }
            (byte, _) => {
                decoded.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

fn not_found(what: &str, path: &str) -> Reply {
    error(404, "NOT_FOUND", format!("The {what} {path} does not exist."))
}

fn done() -> Reply {
    Reply {
        status: 204,
        body: Value::Null,
        raw: Some(Vec::new()),
        headers: Vec::new(),
    }
}

/// Milliseconds since 1970 as an HTTP date (`Wed, 02 Dec 2026 10:00:00 GMT`).
fn http_date(millis: i64) -> String {
    let time = std::time::UNIX_EPOCH + std::time::Duration::from_millis(u64::try_from(millis).unwrap_or_default());
    httpdate::fmt_http_date(time)
}

/// A `HEAD` answer: a status and nothing else.
fn head(found: bool) -> Reply {
    Reply {
        status: if found { 200 } else { 404 },
        body: Value::Null,
        raw: Some(Vec::new()),
        headers: Vec::new(),
    }
}

impl State {
    /// Registers a volume (`/Volumes/<catalog>/<schema>/<volume>`): an empty directory.
    pub(super) fn files_add_volume(&mut self, root: &str) {
        self.volume_roots.insert(root.to_owned());
        self.volumes.insert(root.to_owned(), VolumeNode::Dir);
    }

    fn in_volume(&self, path: &str) -> Result<(), Reply> {
        match self.volume_roots.iter().any(|root| {
            path == root
                || path
                    .strip_prefix(root.as_str())
                    .is_some_and(|rest| rest.starts_with('/'))
        }) {
            true => Ok(()),
            false => Err(error(404, "NOT_FOUND", format!("The volume of {path} does not exist."))),
        }
    }

    /// `mkdir -p` inside the volume of `path`.
    fn files_mkdirs(&mut self, path: &str) -> Result<(), Reply> {
        self.in_volume(path)?;
        let mut missing = Vec::new();
        let mut current = Some(path);
        while let Some(dir) = current {
            match self.volumes.get(dir) {
                Some(VolumeNode::Dir) => break,
                Some(VolumeNode::File { .. }) => {
                    return Err(error(409, "ALREADY_EXISTS", format!("A file exists at {dir}.")));
                }
                None => missing.push(dir.to_owned()),
            }
            current = parent_of(dir);
        }
        for dir in missing {
            self.volumes.insert(dir, VolumeNode::Dir);
        }
        Ok(())
    }

    pub(super) fn files_write(&mut self, path: &str, content: Vec<u8>, overwrite: bool) -> Result<(), Reply> {
        self.in_volume(path)?;
        match self.volumes.get(path) {
            Some(VolumeNode::Dir) => {
                return Err(error(409, "ALREADY_EXISTS", format!("A directory exists at {path}.")));
            }
            Some(VolumeNode::File { .. }) if !overwrite => {
                return Err(error(409, "ALREADY_EXISTS", format!("The file {path} already exists.")));
            }
            _ => {}
        }
        let parent = parent_of(path).unwrap_or("/");
        self.files_mkdirs(parent)?;
        let modified = self.tick();
        self.volumes
            .insert(path.to_owned(), VolumeNode::File { content, modified });
        Ok(())
    }

    pub(super) fn files_answer(&mut self, method: &str, endpoint: &str, path: &str, args: &Args, body: &[u8]) -> Reply {
        let answered = match (method, endpoint) {
            ("PUT", "fs/files") => {
                // The server replaces a file unless told not to.
                let overwrite = args.string("overwrite") != Some("false");
                self.files_write(path, body.to_vec(), overwrite).map(|()| done())
            }
            ("GET" | "HEAD", "fs/files") => match self.volumes.get(path) {
                // A `HEAD` answer is sent without its body, but its `Content-Length` is the body's.
                Some(VolumeNode::File { content, modified }) => Ok(Reply {
                    status: 200,
                    body: Value::Null,
                    raw: Some(content.clone()),
                    headers: vec![("last-modified", http_date(*modified))],
                }),
                _ if method == "HEAD" => Ok(head(false)),
                _ => Err(not_found("file", path)),
            },
            ("DELETE", "fs/files") => match self.volumes.get(path) {
                Some(VolumeNode::File { .. }) => {
                    self.volumes.remove(path);
                    Ok(done())
                }
                _ => Err(not_found("file", path)),
            },
            ("PUT", "fs/directories") => self.files_mkdirs(path).map(|()| done()),
            ("GET", "fs/directories") => self.files_list(path, args),
            ("HEAD", "fs/directories") => Ok(head(matches!(self.volumes.get(path), Some(VolumeNode::Dir)))),
            ("DELETE", "fs/directories") => self.files_delete_directory(path),
            _ => Err(error(
                405,
                "METHOD_NOT_ALLOWED",
                format!("{method} is not allowed on /api/2.0/{endpoint}"),
            )),
        };
        answered.unwrap_or_else(|reply| reply)
    }

    fn children(&self, dir: &str) -> impl Iterator<Item = (&String, &VolumeNode)> {
        self.volumes
            .iter()
            .filter(move |(path, _)| parent_of(path) == Some(dir) && path.as_str() != dir)
    }

    fn files_list(&self, path: &str, args: &Args) -> Result<Reply, Reply> {
        if !matches!(self.volumes.get(path), Some(VolumeNode::Dir)) {
            return Err(not_found("directory", path));
        }
        let page_size = match args.int("page_size")? {
            Some(size) if size > 0 => (size as usize).min(FILES_PAGE_LIMIT),
            _ => FILES_PAGE_LIMIT,
        };
        let start: usize = match args.string("page_token") {
            Some(token) => token
                .parse()
                .map_err(|_| error(400, "INVALID_PARAMETER_VALUE", format!("Bad page token {token}.")))?,
            None => 0,
        };
        let entries: Vec<Value> = self
            .children(path)
            .skip(start)
            .take(page_size)
            .map(|(child, node)| {
                let name = child.rsplit('/').next().unwrap_or_default();
                match node {
                    VolumeNode::Dir => json!({"path": child, "name": name, "is_directory": true}),
                    VolumeNode::File { content, modified } => json!({
                        "path": child,
                        "name": name,
                        "is_directory": false,
                        "file_size": content.len(),
                        "last_modified": modified,
                    }),
                }
            })
            .collect();
        let total = self.children(path).count();
        let mut page = json!({"contents": entries});
        if start + page_size < total {
            page["next_page_token"] = json!((start + page_size).to_string());
        }
        Ok(Reply {
            status: 200,
            body: page,
            raw: None,
            headers: Vec::new(),
        })
    }

    fn files_delete_directory(&mut self, path: &str) -> Result<Reply, Reply> {
        if !matches!(self.volumes.get(path), Some(VolumeNode::Dir)) {
            return Err(not_found("directory", path));
        }
        if self.volume_roots.contains(path) {
            return Err(error(
                400,
                "BAD_REQUEST",
                format!("{path} is a volume, not a directory in one."),
            ));
        }
        if self.children(path).next().is_some() {
            return Err(Reply {
                status: 400,
                body: json!({
                    "error_code": "BAD_REQUEST",
                    "message": format!("The directory {path} is not empty."),
                    "details": [{
                        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                        "reason": "FILES_API_DIRECTORY_IS_NOT_EMPTY",
                        "domain": "filesystem.databricks.com"
                    }]
                }),
                raw: None,
                headers: Vec::new(),
            });
        }
        self.volumes.remove(path);
        Ok(done())
    }
}
