//! The browser login of OAuth user-to-machine auth, as the official CLI does it: the authorization code
//! flow with PKCE (RFC 7636, S256) for the public client `databricks-cli`. A listener on
//! `http://localhost:8020` (or the next free port up to 8040, or the `oauth_callback_port`) takes the
//! browser's redirect; the code it carries is exchanged at the token endpoint together with the verifier
//! only this process knows, and the `state` it echoes must be the one this login sent.

use std::future::Future;
use std::net::{Ipv4Addr, SocketAddr};
use std::pin::Pin;
use std::task::Poll;
use std::time::{Duration, SystemTime};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ring::rand::{SecureRandom, SystemRandom};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use super::cache::CachedLogin;
use crate::auth::AuthError;
use crate::auth::oauth::{ClientAuth, Endpoints, request_token};
use crate::config::{Environment, Secret};

/// The OAuth client of the official CLI and SDKs; its redirect URLs are `http://localhost:<port>`.
pub(crate) const CLIENT_ID: &str = "databricks-cli";
/// The first port tried for the browser's redirect, and the last one when it is taken.
const FIRST_PORT: u16 = 8020;
const LAST_PORT: u16 = 8040;
/// How long a login may wait for the browser before it gives up.
pub(crate) const LOGIN_TIMEOUT: Duration = Duration::from_secs(5 * 60);
/// How long a connection to the listener may take to send its request line.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// The most of a request read, to find its first line.
const MAX_REQUEST: usize = 16 * 1024;

/// How the authorization URL reaches the browser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Browser {
    /// The platform's opener: `open` on macOS, `rundll32 url.dll` on Windows, `xdg-open` elsewhere.
    System,
    /// A command from `BROWSER`, given the URL as its one argument.
    Command(String),
    /// Nobody opens it: the user is shown the URL (`--no-browser`, `BROWSER=none`).
    Print,
}

impl Browser {
    /// As the official CLI reads `BROWSER`: unset means the platform's opener, `none` means print only.
    pub(crate) fn from_env(env: &Environment) -> Browser {
        match env.var("BROWSER") {
            None => Browser::System,
            Some(command) if command.trim() == "none" => Browser::Print,
            Some(command) => Browser::Command(command.trim().to_owned()),
        }
    }

    /// Starts the browser on `url`; the error says why it could not be started.
    pub(crate) fn open(&self, url: &str) -> Result<(), String> {
        let mut command = match self {
            Browser::Print => return Ok(()),
            Browser::Command(program) => std::process::Command::new(program),
            Browser::System if cfg!(target_os = "macos") => std::process::Command::new("open"),
            Browser::System if cfg!(windows) => {
                // `cmd /c start` would read the `&` between query parameters as a command separator.
                let mut command = std::process::Command::new("rundll32");
                command.arg("url.dll,FileProtocolHandler");
                command
            }
            Browser::System => std::process::Command::new("xdg-open"),
        };
        let program = command.get_program().to_string_lossy().into_owned();
        let mut child = command
            .arg(url)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .map_err(|error| format!("cannot start `{program}`: {error}"))?;
        // Reaped in the background, so a long-running program collects no zombie.
        std::thread::spawn(move || child.wait());
        Ok(())
    }
}

/// A PKCE verifier and its S256 challenge.
struct Pkce {
    verifier: Secret,
    challenge: String,
}

impl Pkce {
    fn of(verifier: String) -> Pkce {
        let digest = ring::digest::digest(&ring::digest::SHA256, verifier.as_bytes());
        Pkce {
            challenge: URL_SAFE_NO_PAD.encode(digest.as_ref()),
            verifier: Secret::new(verifier),
        }
    }
}

/// `bytes` random bytes from the operating system's CSPRNG, base64url-encoded without padding.
fn random_text(bytes: usize) -> Result<String, AuthError> {
    let mut buffer = vec![0u8; bytes];
    SystemRandom::new()
        .fill(&mut buffer)
        .map_err(|_| AuthError::new("the system's random number generator failed; the login cannot start"))?;
    Ok(URL_SAFE_NO_PAD.encode(buffer))
}

/// A login waiting for the browser: its listener is bound and its authorization URL ready to show.
pub(crate) struct PendingLogin {
    listener: std::net::TcpListener,
    redirect_uri: String,
    state: String,
    pkce: Pkce,
    url: String,
    token_url: String,
}

impl PendingLogin {
    /// Binds the listener for the browser's answer and builds the authorization URL. `port` is the
    /// `oauth_callback_port`; without it the first free port from 8020 to 8040 is taken.
    pub(crate) fn start(endpoints: &Endpoints, scopes: &str, port: Option<u16>) -> Result<PendingLogin, AuthError> {
        let (listener, port) = listen(port)?;
        let redirect_uri = format!("http://localhost:{port}");
        // Sizes as in the official SDK: an 86-character verifier (RFC 7636 allows 43 to 128), a 22-character state.
        let pkce = Pkce::of(random_text(64)?);
        let state = random_text(16)?;
        let mut url = reqwest::Url::parse(&endpoints.authorization).map_err(|error| {
            AuthError::new(format!(
                "the authorization endpoint `{}` is not a URL: {error}",
                endpoints.authorization
            ))
        })?;
        url.query_pairs_mut()
            .append_pair("client_id", CLIENT_ID)
            .append_pair("code_challenge", &pkce.challenge)
            .append_pair("code_challenge_method", "S256")
            .append_pair("redirect_uri", &redirect_uri)
            .append_pair("response_type", "code")
            .append_pair("scope", scopes)
            .append_pair("state", &state);
        Ok(PendingLogin {
            listener,
            redirect_uri,
            state,
            pkce,
            url: url.into(),
            token_url: endpoints.token.clone(),
        })
    }

    /// The URL the user opens to log in.
    pub(crate) fn url(&self) -> &str {
        &self.url
    }

    /// Waits (at most `timeout`) for the browser to come back with a code, answers it with a short page,
    /// and exchanges the code for tokens.
    pub(crate) async fn finish(self, http: &reqwest::Client, timeout: Duration) -> Result<CachedLogin, AuthError> {
        let code = tokio::time::timeout(timeout, await_code(self.listener, &self.state))
            .await
            .map_err(|_| {
                AuthError::new(format!(
                    "nobody completed the login in the browser within {}; run the login again",
                    describe(timeout)
                ))
            })??;
        let requested = SystemTime::now();
        let form = [
            ("grant_type", "authorization_code"),
            ("code", code.expose()),
            ("code_verifier", self.pkce.verifier.expose()),
            ("redirect_uri", self.redirect_uri.as_str()),
        ];
        let client = ClientAuth::Form {
            client_id: CLIENT_ID,
            secret: None,
        };
        let answer = request_token(
            http,
            &self.token_url,
            client,
            &form,
            "Exchanging the login's authorization code",
            "run the login again",
        )
        .await?;
        Ok(CachedLogin {
            token: answer.token(requested),
            refresh_token: answer.refresh_token.map(Secret::new),
        })
    }
}

/// A connection whose request line is being read: the connection and the request's target.
type ReadingRequest = Pin<Box<dyn Future<Output = Option<(TcpStream, String)>> + Send>>;

/// Takes connections until one is the browser's redirect (other requests, like a favicon, get a 404).
/// Connections are read side by side, so one that never sends anything cannot hold the others up.
async fn await_code(listener: std::net::TcpListener, state: &str) -> Result<Secret, AuthError> {
    let listener = listener
        .set_nonblocking(true)
        .and_then(|()| tokio::net::TcpListener::from_std(listener))
        .map_err(|error| AuthError::new(format!("cannot wait for the browser's answer: {error}")))?;
    let mut reading: Vec<ReadingRequest> = Vec::new();
    loop {
        let (mut stream, target) = std::future::poll_fn(|cx| {
            while let Poll::Ready(accepted) = listener.poll_accept(cx) {
                if let Ok((stream, _)) = accepted {
                    reading.push(Box::pin(read_target(stream)));
                }
            }
            let mut index = 0;
            while index < reading.len() {
                match reading[index].as_mut().poll(cx) {
                    Poll::Ready(request) => {
                        drop(reading.swap_remove(index));
                        if let Some(request) = request {
                            return Poll::Ready(request);
                        }
                    }
                    Poll::Pending => index += 1,
                }
            }
            Poll::Pending
        })
        .await;
        match callback_outcome(&target, state) {
            None => {
                respond(
                    &mut stream,
                    "404 Not Found",
                    "Not found",
                    "This is not the login's address.",
                )
                .await
            }
            Some(Ok(code)) => {
                let text = "You are logged in. You can close this tab and return to the terminal.";
                respond(&mut stream, "200 OK", "Logged in", text).await;
                return Ok(code);
            }
            Some(Err(error)) => {
                respond(&mut stream, "400 Bad Request", "Login failed", &error.message).await;
                return Err(error);
            }
        }
    }
}

/// Binds `127.0.0.1:<port>`, or the first free port from 8020 to 8040 when none is given; returns the port
/// bound (the system's choice for port 0, which only tests ask for).
fn listen(port: Option<u16>) -> Result<(std::net::TcpListener, u16), AuthError> {
    let ports = port.map_or(FIRST_PORT..=LAST_PORT, |port| port..=port);
    let mut last_error = None;
    for port in ports.clone() {
        let bound = std::net::TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, port)))
            .and_then(|listener| Ok((listener.local_addr()?.port(), listener)));
        match bound {
            Ok((port, listener)) => return Ok((listener, port)),
            Err(error) => last_error = Some(error),
        }
    }
    let tried = if ports.start() == ports.end() {
        format!("port {}", ports.start())
    } else {
        format!("ports {} to {}", ports.start(), ports.end())
    };
    Err(AuthError::new(format!(
        "cannot listen on localhost ({tried}) for the browser's answer: {}; stop what uses the port, or choose \
         another with oauth_callback_port (DATABRICKS_OAUTH_CALLBACK_PORT)",
        last_error.map_or_else(|| "no port to try".to_owned(), |error| error.to_string())
    )))
}

/// The request target (`/?code=...&state=...`) of the first line of an HTTP request; `None` when the
/// connection sends no request line in time.
async fn read_target(mut stream: TcpStream) -> Option<(TcpStream, String)> {
    let read = async {
        let mut request = Vec::new();
        let mut buffer = [0u8; 2048];
        while !request.windows(2).any(|pair| pair == b"\r\n") && request.len() < MAX_REQUEST {
            let read = stream.read(&mut buffer).await.ok()?;
            if read == 0 {
                return None;
            }
            request.extend_from_slice(&buffer[..read]);
        }
        let line = String::from_utf8_lossy(&request).lines().next()?.to_owned();
        let mut words = line.split(' ');
        let (_method, target) = (words.next()?, words.next()?);
        Some(target.to_owned())
    };
    let target = tokio::time::timeout(REQUEST_TIMEOUT, read).await.ok()??;
    Some((stream, target))
}

/// What the browser's redirect says: `None` when the request is not the redirect at all, else the code, or
/// why the login failed (the authorization server's `error`, or a `state` that is not this login's).
fn callback_outcome(target: &str, expected_state: &str) -> Option<Result<Secret, AuthError>> {
    let url = reqwest::Url::parse(&format!("http://localhost{target}")).ok()?;
    let param = |name: &str| {
        url.query_pairs()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.into_owned())
    };
    let (code, state, error) = (param("code"), param("state"), param("error"));
    if code.is_none() && state.is_none() && error.is_none() {
        return None;
    }
    if let Some(error) = error {
        let description = param("error_description").map_or_else(String::new, |text| format!(": {text}"));
        return Some(Err(AuthError::new(format!(
            "the login was refused ({error}{description}); run the login again"
        ))));
    }
    // Checked before the code is used: an answer to another login (or forged by a page) is refused.
    if state.as_deref() != Some(expected_state) {
        return Some(Err(AuthError::new(
            "the browser's answer belongs to another login (its state does not match); run the login again",
        )));
    }
    Some(
        code.filter(|code| !code.is_empty())
            .map(Secret::new)
            .ok_or_else(|| AuthError::new("the browser's answer carries no authorization code; run the login again")),
    )
}

/// Answers the browser with a short page; the browser shows it whether or not it arrives whole.
async fn respond(stream: &mut TcpStream, status: &str, title: &str, text: &str) {
    let page = format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Databricks: {title}</title></head>\
         <body style=\"font-family: sans-serif; margin: 3em\"><h1>{title}</h1><p>{}</p></body></html>\n",
        escape_html(text)
    );
    let answer = format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{page}",
        page.len()
    );
    let _ = stream.write_all(answer.as_bytes()).await;
    let _ = stream.shutdown().await;
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `5 minutes`, `90 seconds`.
fn describe(duration: Duration) -> String {
    let seconds = duration.as_secs();
    if seconds >= 60 && seconds % 60 == 0 {
        let minutes = seconds / 60;
        format!("{minutes} minute{}", if minutes == 1 { "" } else { "s" })
    } else {
        format!("{seconds} second{}", if seconds == 1 { "" } else { "s" })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_challenge_is_the_rfc_7636_s256_of_the_verifier() {
        // RFC 7636, appendix B.
        let pkce = Pkce::of("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk".to_owned());
        assert_eq!(pkce.challenge, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        assert!(!format!("{:?}", pkce.verifier).contains("dBjft"));
        // Random values: unpadded base64url, of the official lengths, never the same twice.
        let (one, two) = (random_text(64).unwrap(), random_text(64).unwrap());
        assert_eq!(one.len(), 86);
        assert_ne!(one, two);
        assert!(one.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    }

    #[test]
    fn the_redirect_gives_the_code_only_with_this_logins_state() {
        let code = callback_outcome("/?code=c-1&state=s-1", "s-1").unwrap().unwrap();
        assert_eq!(code.expose(), "c-1");
        let error = callback_outcome("/?code=c-1&state=s-2", "s-1").unwrap().unwrap_err();
        assert!(error.message.contains("state does not match"), "{error}");
        assert!(!error.message.contains("c-1"));
        let error = callback_outcome("/?error=access_denied&error_description=User+said+no&state=s-1", "s-1")
            .unwrap()
            .unwrap_err();
        assert_eq!(
            error.message,
            "the login was refused (access_denied: User said no); run the login again"
        );
        assert!(callback_outcome("/?state=s-1", "s-1").unwrap().is_err(), "no code");
        assert!(callback_outcome("/favicon.ico", "s-1").is_none(), "not the redirect");
    }

    #[test]
    fn the_authorization_url_asks_for_a_pkce_code_for_the_cli_client() {
        let endpoints = Endpoints {
            authorization: "https://h.example.com/oidc/v1/authorize".to_owned(),
            token: "https://h.example.com/oidc/v1/token".to_owned(),
        };
        let pending = PendingLogin::start(&endpoints, "offline_access all-apis", Some(0)).unwrap();
        let url = reqwest::Url::parse(pending.url()).unwrap();
        assert_eq!(url.path(), "/oidc/v1/authorize");
        let params: std::collections::BTreeMap<_, _> = url.query_pairs().into_owned().collect();
        let port = pending.listener.local_addr().unwrap().port();
        assert_eq!(params["client_id"], "databricks-cli");
        assert_eq!(params["response_type"], "code");
        assert_eq!(params["scope"], "offline_access all-apis");
        assert_eq!(params["code_challenge_method"], "S256");
        assert_eq!(params["code_challenge"], pending.pkce.challenge);
        assert_eq!(params["state"], pending.state);
        assert_eq!(params["redirect_uri"], format!("http://localhost:{port}"));
    }

    #[tokio::test]
    async fn a_login_nobody_completes_ends_and_a_wrong_state_is_refused() {
        let endpoints = Endpoints {
            authorization: "http://127.0.0.1:9/authorize".to_owned(),
            token: "http://127.0.0.1:9/token".to_owned(),
        };
        let http = crate::auth::test_http();
        let pending = PendingLogin::start(&endpoints, "all-apis", Some(0)).unwrap();
        let error = pending.finish(&http, Duration::from_millis(200)).await.unwrap_err();
        assert!(
            error
                .message
                .starts_with("nobody completed the login in the browser within 0 seconds"),
            "{error}"
        );

        let pending = PendingLogin::start(&endpoints, "all-apis", Some(0)).unwrap();
        let port = pending.listener.local_addr().unwrap().port();
        let login = tokio::spawn(async move { pending.finish(&crate::auth::test_http(), LOGIN_TIMEOUT).await });
        // A silent connection (a browser's preconnect) holds nothing up; a favicon request is not the answer.
        let _idle = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        let favicon = http
            .get(format!("http://127.0.0.1:{port}/favicon.ico"))
            .send()
            .await
            .unwrap();
        assert_eq!(favicon.status(), 404);
        let page = http
            .get(format!("http://127.0.0.1:{port}/?code=c-1&state=forged"))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), 400);
        assert!(page.text().await.unwrap().contains("<h1>Login failed</h1>"));
        let error = login.await.unwrap().unwrap_err();
        assert!(error.message.contains("state does not match"), "{error}");
    }
}
