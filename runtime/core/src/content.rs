//! Bodies that are not JSON: raw bytes sent from memory or streamed from a reader, URL-encoded forms,
//! multipart uploads, and response bodies read as a stream of bytes.

use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::Bytes;
use futures_core::Stream;
use http_body::{Body as HttpBody, Frame};
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt, ReadBuf};

use crate::client::Received;
use crate::error::Error;

/// How much of a reader one chunk of a streamed request holds.
const READ_CHUNK: usize = 64 * 1024;

/// The content of a request body or of a multipart file part: bytes in memory, sent again as they are if
/// the request is retried, or a reader streamed as the request is sent (never held whole in memory), which
/// can be sent only once: a request streamed from a reader is not retried.
pub struct Upload {
    source: Source,
    file_name: Option<String>,
}

enum Source {
    Bytes(Bytes),
    Reader(Box<dyn AsyncRead + Send + Sync + Unpin>),
    /// A reader that was sent.
    Spent,
}

impl Upload {
    pub fn bytes(bytes: impl Into<Bytes>) -> Upload {
        Upload {
            source: Source::Bytes(bytes.into()),
            file_name: None,
        }
    }

    /// Content read from `reader` while the request is sent.
    pub fn reader(reader: impl AsyncRead + Send + Sync + Unpin + 'static) -> Upload {
        Upload {
            source: Source::Reader(Box::new(reader)),
            file_name: None,
        }
    }

    /// The file name a multipart file part announces (`filename=` of its `Content-Disposition`); without
    /// one the part is named after its field.
    pub fn file_name(mut self, name: impl Into<String>) -> Upload {
        self.file_name = Some(name.into());
        self
    }

    /// Bytes in memory, if that is what this is (for debug logs and retries).
    pub(crate) fn in_memory(&self) -> Option<&Bytes> {
        match &self.source {
            Source::Bytes(bytes) => Some(bytes),
            Source::Reader(_) | Source::Spent => None,
        }
    }

    /// The body of one attempt: in-memory bytes every time, a reader only the first time.
    fn take(&mut self) -> Option<reqwest::Body> {
        match &mut self.source {
            Source::Bytes(bytes) => Some(reqwest::Body::from(bytes.clone())),
            Source::Reader(_) | Source::Spent => match std::mem::replace(&mut self.source, Source::Spent) {
                Source::Reader(reader) => Some(reqwest::Body::wrap(ReaderBody::new(reader))),
                _ => None,
            },
        }
    }
}

impl From<Vec<u8>> for Upload {
    fn from(bytes: Vec<u8>) -> Upload {
        Upload::bytes(bytes)
    }
}

impl From<&'static [u8]> for Upload {
    fn from(bytes: &'static [u8]) -> Upload {
        Upload::bytes(bytes)
    }
}

impl From<String> for Upload {
    fn from(text: String) -> Upload {
        Upload::bytes(text)
    }
}

impl fmt::Debug for Upload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.source {
            Source::Bytes(bytes) => write!(f, "Upload({} bytes)", bytes.len()),
            Source::Reader(_) | Source::Spent => f.write_str("Upload(reader)"),
        }
    }
}

/// An `http_body::Body` reading an `AsyncRead` chunk by chunk.
struct ReaderBody {
    reader: Box<dyn AsyncRead + Send + Sync + Unpin>,
    buffer: Vec<u8>,
    done: bool,
}

impl ReaderBody {
    fn new(reader: Box<dyn AsyncRead + Send + Sync + Unpin>) -> ReaderBody {
        ReaderBody {
            reader,
            buffer: vec![0; READ_CHUNK],
            done: false,
        }
    }
}

impl HttpBody for ReaderBody {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, std::io::Error>>> {
        let this = &mut *self;
        if this.done {
            return Poll::Ready(None);
        }
        let mut buffer = ReadBuf::new(&mut this.buffer);
        match Pin::new(&mut this.reader).poll_read(cx, &mut buffer) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(Err(error)) => Poll::Ready(Some(Err(error))),
            Poll::Ready(Ok(())) if buffer.filled().is_empty() => {
                this.done = true;
                Poll::Ready(None)
            }
            Poll::Ready(Ok(())) => Poll::Ready(Some(Ok(Frame::data(Bytes::copy_from_slice(buffer.filled()))))),
        }
    }

    fn is_end_stream(&self) -> bool {
        self.done
    }
}

/// A request body other than JSON, with what it takes to send it again.
pub(crate) enum Content {
    /// Bytes or a stream, sent with `content_type`.
    Raw { content_type: String, upload: Upload },
    /// A URL-encoded form (`application/x-www-form-urlencoded`), already encoded.
    Form(String),
    /// A `multipart/form-data` upload: text fields, then file parts.
    Multipart {
        fields: Vec<(String, String)>,
        files: Vec<(String, Upload)>,
    },
}

impl Content {
    /// Adds this content to one attempt's request; `None` when it cannot be sent again (a reader was
    /// already read).
    pub(crate) fn attach(&mut self, request: reqwest::RequestBuilder) -> Option<reqwest::RequestBuilder> {
        match self {
            Content::Raw { content_type, upload } => {
                let body = upload.take()?;
                Some(
                    request
                        .header(reqwest::header::CONTENT_TYPE, content_type.as_str())
                        .body(body),
                )
            }
            Content::Form(encoded) => Some(
                request
                    .header(reqwest::header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .body(encoded.clone()),
            ),
            Content::Multipart { fields, files } => {
                let mut form = reqwest::multipart::Form::new();
                for (name, value) in fields.iter() {
                    form = form.text(name.clone(), value.clone());
                }
                for (name, upload) in files.iter_mut() {
                    let file_name = upload.file_name.clone().unwrap_or_else(|| name.clone());
                    let part = reqwest::multipart::Part::stream(upload.take()?)
                        .file_name(file_name)
                        .mime_str("application/octet-stream")
                        .ok()?;
                    form = form.part(name.clone(), part);
                }
                Some(request.multipart(form))
            }
        }
    }

    /// Whether it can be sent again: no part of it is streamed from a reader.
    pub(crate) fn replayable(&self) -> bool {
        match self {
            Content::Raw { upload, .. } => upload.in_memory().is_some(),
            Content::Form(_) => true,
            Content::Multipart { files, .. } => files.iter().all(|(_, upload)| upload.in_memory().is_some()),
        }
    }

    /// What the debug log shows of it: forms and text fields may hold secrets and files are binary, so only
    /// their shape.
    pub(crate) fn describe(&self) -> String {
        match self {
            Content::Raw { content_type, upload } => match upload.in_memory() {
                Some(bytes) => format!("({} bytes of {content_type}, not shown)", bytes.len()),
                None => format!("({content_type} streamed from a reader, not shown)"),
            },
            Content::Form(encoded) => format!("(a form of {} bytes, not shown)", encoded.len()),
            Content::Multipart { fields, files } => {
                let names: Vec<&str> = fields
                    .iter()
                    .map(|(name, _)| name.as_str())
                    .chain(files.iter().map(|(name, _)| name.as_str()))
                    .collect();
                format!("(multipart form with parts {}, not shown)", names.join(", "))
            }
        }
    }
}

/// A response body as it arrives, chunk by chunk: never held whole in memory, so not subject to the size
/// limit on JSON answers. Dropping it closes the connection's stream.
pub struct ByteStream {
    operation: &'static str,
    body: reqwest::Body,
}

impl ByteStream {
    pub(crate) fn new(operation: &'static str, received: Received) -> ByteStream {
        let body = match received {
            Received::Whole(bytes) => reqwest::Body::from(bytes),
            Received::Stream(response) => reqwest::Body::from(response),
        };
        ByteStream { operation, body }
    }

    /// Writes every chunk to `writer` as it arrives, flushes it, and returns the number of bytes written.
    /// A failed write is an [`Error::Output`].
    pub async fn write_to<W: AsyncWrite + Unpin + ?Sized>(mut self, writer: &mut W) -> Result<u64, Error> {
        let mut written = 0;
        while let Some(chunk) = std::future::poll_fn(|cx| Pin::new(&mut self).poll_next(cx)).await {
            let chunk = chunk?;
            let output = |source| Error::Output {
                operation: self.operation,
                source,
            };
            writer.write_all(&chunk).await.map_err(output)?;
            written += chunk.len() as u64;
        }
        writer.flush().await.map_err(|source| Error::Output {
            operation: self.operation,
            source,
        })?;
        Ok(written)
    }

    /// Reads the whole body into memory.
    pub async fn collect(self) -> Result<Vec<u8>, Error> {
        let mut bytes = Vec::new();
        self.write_to(&mut bytes).await?;
        Ok(bytes)
    }
}

impl Stream for ByteStream {
    type Item = Result<Bytes, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        loop {
            let frame = match Pin::new(&mut self.body).poll_frame(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(None) => return Poll::Ready(None),
                Poll::Ready(Some(frame)) => frame,
            };
            match frame {
                Ok(frame) => match frame.into_data() {
                    Ok(data) if data.is_empty() => continue,
                    Ok(data) => return Poll::Ready(Some(Ok(data))),
                    // Trailers carry no content.
                    Err(_) => continue,
                },
                Err(source) => {
                    return Poll::Ready(Some(Err(Error::Transport {
                        operation: self.operation,
                        source,
                    })));
                }
            }
        }
    }
}

impl fmt::Debug for ByteStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ByteStream")
            .field("operation", &self.operation)
            .finish_non_exhaustive()
    }
}
