//! The HTTP client underneath every request, knowing nothing of any API: which servers are trusted and
//! which proxy carries a request.
//!
//! Trust: the operating system's certificate store (rustls-platform-verifier), plus the certificates of an
//! optional PEM bundle, or nothing at all when verification is switched off. `SSL_CERT_FILE` and
//! `SSL_CERT_DIR` are not read here: on Linux the system store is loaded by rustls-native-certs, which
//! already honours them (from the process environment, replacing the system store, as OpenSSL does);
//! macOS and Windows ask the system's own verifier. A bundle to trust in addition is always named
//! explicitly.
//!
//! Proxies: the standard `HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY` and `NO_PROXY` variables (upper case
//! first, as Go's net/http reads them), looked up through a function the caller gives rather than the
//! process environment, so a program or a test decides what the environment is. Credentials in a proxy
//! URL (`http://user:password@proxy:3128`) are sent as `Proxy-Authorization: Basic` and never printed.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How to build the HTTP client.
pub struct TransportOptions {
    pub user_agent: &'static str,
    pub connect_timeout: Duration,
    /// How long a connection may stay silent (no bytes either way) before the request fails.
    pub read_timeout: Duration,
    /// A PEM file whose certificates are trusted besides the operating system's.
    pub ca_bundle: Option<PathBuf>,
    /// Accepts any server certificate: whoever is on the network path can then read and change the
    /// traffic. For test rigs with self-signed certificates.
    pub accept_invalid_certs: bool,
    pub proxies: Proxies,
    /// Request paths whose redirect answers are returned to the caller rather than followed: there the
    /// redirect's `Location` is the answer.
    pub redirects_returned_for: &'static [&'static str],
    /// Follow redirects (but those of `redirects_returned_for`); otherwise every redirect is the answer.
    pub follow_redirects: bool,
}

/// How many redirects a request follows, as reqwest's default policy.
const MAX_REDIRECTS: usize = 10;

/// Why the client cannot be built. No message repeats a proxy password.
#[derive(Debug)]
pub enum TransportError {
    /// The CA bundle cannot be read, or holds no certificate.
    CaBundle { path: PathBuf, reason: String },
    /// A proxy variable does not hold a proxy URL this client can use.
    Proxy { variable: &'static str, reason: String },
    /// reqwest refused the settings (no TLS roots could be loaded, say).
    Client(reqwest::Error),
}

/// reqwest is built without a bundled TLS crypto provider; use ring unless the application installed one
/// already (then this changes nothing). Needed before any `reqwest::Client` is built.
pub fn install_crypto_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// An error with its causes (refused, timed out, a certificate not trusted): reqwest's top line alone is
/// generic.
pub fn with_causes(error: &(dyn std::error::Error + 'static)) -> String {
    let mut message = error.to_string();
    let mut cause = error.source();
    while let Some(error) = cause {
        message.push_str(": ");
        message.push_str(&error.to_string());
        cause = error.source();
    }
    message
}

/// The HTTP client for `options`.
pub fn http_client(options: &TransportOptions) -> Result<reqwest::Client, TransportError> {
    install_crypto_provider();
    let mut builder = reqwest::Client::builder()
        .user_agent(options.user_agent)
        .connect_timeout(options.connect_timeout)
        // An inactivity timeout: it applies to each read, so a long transfer that keeps moving is never cut
        // off.
        .read_timeout(options.read_timeout)
        // Proxies come only from `options`, never from reqwest's own reading of the process environment.
        .no_proxy();
    let returned = options.redirects_returned_for;
    let follow = options.follow_redirects;
    builder = builder.redirect(reqwest::redirect::Policy::custom(move |attempt| {
        let from = attempt.previous().last().map(reqwest::Url::path);
        if !follow || from.is_some_and(|path| returned.contains(&path)) {
            attempt.stop()
        } else if attempt.previous().len() > MAX_REDIRECTS {
            attempt.error("too many redirects")
        } else {
            attempt.follow()
        }
    }));
    if options.accept_invalid_certs {
        tracing::warn!(
            "TLS certificate verification is off (skip_verify): anyone on the network path can read and \
             change this program's requests, credentials included"
        );
        builder = builder.tls_danger_accept_invalid_certs(true);
    } else if let Some(path) = &options.ca_bundle {
        builder = builder.tls_certs_merge(read_ca_bundle(path)?);
    }
    options.proxies.apply(builder)?.build().map_err(TransportError::Client)
}

/// The certificates of a PEM bundle; an unreadable file, or one without a certificate, is an error.
fn read_ca_bundle(path: &Path) -> Result<Vec<reqwest::Certificate>, TransportError> {
    let failed = |reason: String| TransportError::CaBundle {
        path: path.to_path_buf(),
        reason,
    };
    let pem = std::fs::read(path).map_err(|error| failed(format!("cannot be read: {error}")))?;
    let certificates = reqwest::Certificate::from_pem_bundle(&pem)
        .map_err(|error| failed(format!("is not a PEM certificate bundle: {error}")))?;
    if certificates.is_empty() {
        return Err(failed(
            "holds no certificate (no `-----BEGIN CERTIFICATE-----` block)".to_owned(),
        ));
    }
    Ok(certificates)
}

/// The proxies requests go through, by the scheme of the request, and the hosts reached directly.
#[derive(Clone, Default)]
pub struct Proxies {
    http: Option<reqwest::Url>,
    https: Option<reqwest::Url>,
    /// In `NO_PROXY`'s syntax: comma-separated host names (each with its subdomains), IP addresses, CIDR
    /// ranges, or `*` for every host.
    direct: String,
}

impl Proxies {
    /// The proxies the standard variables name, each read through `var`: `HTTPS_PROXY` (or `https_proxy`)
    /// for `https` requests, `HTTP_PROXY` (or `http_proxy`) for `http` ones, `ALL_PROXY` (or `all_proxy`)
    /// for either when its own is unset, and `NO_PROXY` (or `no_proxy`) for the hosts reached directly. A
    /// proxy URL without a scheme is `http://`.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Result<Proxies, TransportError> {
        let first = |names: [&'static str; 2]| names.into_iter().find_map(|name| Some((name, var(name)?)));
        let all = first(["ALL_PROXY", "all_proxy"]);
        let parse = |found: Option<(&'static str, String)>| {
            found.map(|(variable, value)| proxy_url(variable, &value)).transpose()
        };
        Ok(Proxies {
            https: parse(first(["HTTPS_PROXY", "https_proxy"]).or_else(|| all.clone()))?,
            http: parse(first(["HTTP_PROXY", "http_proxy"]).or(all))?,
            direct: first(["NO_PROXY", "no_proxy"])
                .map(|(_, hosts)| hosts)
                .unwrap_or_default(),
        })
    }

    /// Also reaches `hosts` (in `NO_PROXY`'s syntax) directly.
    pub fn direct_to(mut self, hosts: &str) -> Proxies {
        if !self.direct.trim().is_empty() {
            self.direct.push(',');
        }
        self.direct.push_str(hosts);
        self
    }

    fn apply(&self, mut builder: reqwest::ClientBuilder) -> Result<reqwest::ClientBuilder, TransportError> {
        let direct = || reqwest::NoProxy::from_string(&self.direct);
        if let Some(url) = &self.https {
            let proxy = reqwest::Proxy::https(url.clone()).map_err(TransportError::Client)?;
            builder = builder.proxy(proxy.no_proxy(direct()));
        }
        if let Some(url) = &self.http {
            let proxy = reqwest::Proxy::http(url.clone()).map_err(TransportError::Client)?;
            builder = builder.proxy(proxy.no_proxy(direct()));
        }
        Ok(builder)
    }
}

impl fmt::Debug for Proxies {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = |url: &Option<reqwest::Url>| url.as_ref().map(without_credentials);
        f.debug_struct("Proxies")
            .field("http", &shown(&self.http))
            .field("https", &shown(&self.https))
            .field("direct", &self.direct)
            .finish()
    }
}

/// A proxy URL with `<credentials>@` in place of its user name and password.
fn without_credentials(url: &reqwest::Url) -> String {
    if url.username().is_empty() && url.password().is_none() {
        return url.to_string();
    }
    let mut shown = url.clone();
    let _ = shown.set_password(None);
    let _ = shown.set_username("");
    shown.to_string().replacen("://", "://<credentials>@", 1)
}

/// The proxy URL in `variable`. Errors never repeat the value, which may hold a password.
fn proxy_url(variable: &'static str, value: &str) -> Result<reqwest::Url, TransportError> {
    let failed = |reason: String| TransportError::Proxy { variable, reason };
    let value = value.trim();
    let with_scheme = if value.contains("://") {
        value.to_owned()
    } else {
        format!("http://{value}")
    };
    let url = reqwest::Url::parse(&with_scheme).map_err(|error| {
        failed(format!(
            "it is not a URL ({error}); write it as http://[user:password@]host:port"
        ))
    })?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(failed(format!(
            "its scheme `{}` is not supported; use an http:// or https:// proxy",
            url.scheme()
        )));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(failed(
            "it names no host; write it as http://[user:password@]host:port".to_owned(),
        ));
    }
    Ok(url)
}

/// Local stand-ins for a TLS server and a proxy, for the tests of this module and of layers on the core.
#[cfg(any(test, feature = "fakes"))]
#[doc(hidden)]
#[allow(
    clippy::new_without_default,
    reason = "each fake is a fresh server, never a default value"
)]
pub mod fakes {
    use std::net::SocketAddr;
    use std::sync::{Arc, Mutex};

    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
    use tokio::net::{TcpListener, TcpStream};

    /// A private certificate authority and a server certificate it issued for `127.0.0.1`.
    pub struct PrivateCa {
        /// The authority's certificate, PEM.
        pub ca_pem: String,
        server: Arc<rustls::ServerConfig>,
    }

    impl PrivateCa {
        pub fn new() -> PrivateCa {
            let ca_key = rcgen::KeyPair::generate().unwrap();
            let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
            ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
            ca_params
                .distinguished_name
                .push(rcgen::DnType::CommonName, "Test private CA");
            let ca_cert = ca_params.self_signed(&ca_key).unwrap();
            let issuer = rcgen::Issuer::new(ca_params, ca_key);
            let server_key = rcgen::KeyPair::generate().unwrap();
            let server_cert = rcgen::CertificateParams::new(vec!["127.0.0.1".to_owned()])
                .unwrap()
                .signed_by(&server_key, &issuer)
                .unwrap();
            crate::transport::install_crypto_provider();
            let key = rustls::pki_types::PrivateKeyDer::Pkcs8(server_key.serialize_der().into());
            let server = rustls::ServerConfig::builder()
                .with_no_client_auth()
                .with_single_cert(vec![server_cert.der().clone()], key)
                .unwrap();
            PrivateCa {
                ca_pem: ca_cert.pem(),
                server: Arc::new(server),
            }
        }

        /// An HTTPS front for the plain HTTP server at `upstream` (a wiremock server): TLS with the
        /// certificate this authority issued, then the bytes passed on as they are.
        pub async fn https_front(&self, upstream: SocketAddr) -> SocketAddr {
            let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
            let address = listener.local_addr().unwrap();
            let acceptor = tokio_rustls::TlsAcceptor::from(self.server.clone());
            tokio::spawn(async move {
                while let Ok((stream, _)) = listener.accept().await {
                    let acceptor = acceptor.clone();
                    tokio::spawn(async move {
                        // A client that refuses the certificate ends the handshake: nothing to serve.
                        let Ok(mut tls) = acceptor.accept(stream).await else {
                            return;
                        };
                        let Ok(mut plain) = TcpStream::connect(upstream).await else {
                            return;
                        };
                        let _ = tokio::io::copy_bidirectional(&mut tls, &mut plain).await;
                    });
                }
            });
            address
        }
    }

    /// An HTTP proxy that only tunnels (`CONNECT`), only to this machine, and only for the one
    /// `Proxy-Authorization` it expects; it records what each `CONNECT` asked for.
    pub struct ConnectProxy {
        pub address: SocketAddr,
        connects: Arc<Connects>,
    }

    /// `(target, Proxy-Authorization)` of every `CONNECT`, in order.
    type Connects = Mutex<Vec<(String, Option<String>)>>;

    impl ConnectProxy {
        pub async fn start(expected_authorization: &str) -> ConnectProxy {
            let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
            let address = listener.local_addr().unwrap();
            let connects = Arc::new(Mutex::new(Vec::new()));
            let recorded = connects.clone();
            let expected = expected_authorization.to_owned();
            tokio::spawn(async move {
                while let Ok((stream, _)) = listener.accept().await {
                    let recorded = recorded.clone();
                    let expected = expected.clone();
                    tokio::spawn(async move {
                        let _ = tunnel(stream, &expected, &recorded).await;
                    });
                }
            });
            ConnectProxy { address, connects }
        }

        /// `http://user:password@127.0.0.1:port`.
        pub fn url(&self, user: &str, password: &str) -> String {
            format!("http://{user}:{password}@{}", self.address)
        }

        pub fn connects(&self) -> Vec<(String, Option<String>)> {
            self.connects.lock().unwrap().clone()
        }
    }

    async fn tunnel(stream: TcpStream, expected: &str, recorded: &Connects) -> std::io::Result<()> {
        let mut client = BufReader::new(stream);
        let mut request_line = String::new();
        client.read_line(&mut request_line).await?;
        let mut authorization = None;
        loop {
            let mut line = String::new();
            if client.read_line(&mut line).await? == 0 || line.trim().is_empty() {
                break;
            }
            match line.split_once(':') {
                Some((name, value)) if name.trim().eq_ignore_ascii_case("proxy-authorization") => {
                    authorization = Some(value.trim().to_owned());
                }
                _ => {}
            }
        }
        let mut words = request_line.split_whitespace();
        let (Some("CONNECT"), Some(target)) = (words.next(), words.next()) else {
            return client
                .get_mut()
                .write_all(b"HTTP/1.1 405 Method Not Allowed\r\ncontent-length: 0\r\n\r\n")
                .await;
        };
        recorded
            .lock()
            .unwrap()
            .push((target.to_owned(), authorization.clone()));
        if authorization.as_deref() != Some(expected) {
            return client
                .get_mut()
                .write_all(
                    b"HTTP/1.1 407 Proxy Authentication Required\r\nproxy-authenticate: Basic realm=\"test\"\r\n\
                      content-length: 0\r\n\r\n",
                )
                .await;
        }
        let target: SocketAddr = match target.parse() {
            Ok(address) if SocketAddr::ip(&address).is_loopback() => address,
            _ => {
                return client
                    .get_mut()
                    .write_all(b"HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n")
                    .await;
            }
        };
        let mut upstream = TcpStream::connect(target).await?;
        client
            .get_mut()
            .write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
            .await?;
        tokio::io::copy_bidirectional(client.get_mut(), &mut upstream).await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use base64::Engine as _;
    use wiremock::matchers::any;
    use wiremock::{Mock, MockServer, ResponseTemplate};

    use super::fakes::{ConnectProxy, PrivateCa};
    use super::*;

    fn options(proxies: Proxies, ca_bundle: Option<PathBuf>) -> TransportOptions {
        TransportOptions {
            user_agent: "transport-test",
            connect_timeout: Duration::from_secs(5),
            read_timeout: Duration::from_secs(5),
            ca_bundle,
            accept_invalid_certs: false,
            proxies,
            redirects_returned_for: &[],
            follow_redirects: true,
        }
    }

    fn env(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let vars: BTreeMap<String, String> = vars
            .iter()
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect();
        move |name| vars.get(name).cloned()
    }

    /// A wiremock server answering `{}`, behind an HTTPS front with a certificate of `ca`.
    async fn https_server(ca: &PrivateCa) -> (MockServer, String) {
        let server = MockServer::start().await;
        Mock::given(any())
            .respond_with(ResponseTemplate::new(200).set_body_raw("{}", "application/json"))
            .mount(&server)
            .await;
        let front = ca.https_front(*server.address()).await;
        (server, format!("https://{front}/api/2.0/ping"))
    }

    fn bundle(ca: &PrivateCa) -> tempfile::NamedTempFile {
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), &ca.ca_pem).unwrap();
        file
    }

    #[tokio::test]
    async fn a_private_ca_is_trusted_only_through_the_bundle() {
        let ca = PrivateCa::new();
        let (server, url) = https_server(&ca).await;
        let plain = http_client(&options(Proxies::default(), None)).unwrap();
        let error = plain.get(&url).send().await.unwrap_err();
        let message = with_causes(&error);
        assert!(message.contains("certificate"), "{message}");
        assert!(server.received_requests().await.unwrap().is_empty());

        let bundle = bundle(&ca);
        let trusting = http_client(&options(Proxies::default(), Some(bundle.path().to_owned()))).unwrap();
        let response = trusting.get(&url).send().await.unwrap();
        assert_eq!(response.status(), 200);
        assert_eq!(server.received_requests().await.unwrap().len(), 1);

        let mut careless = options(Proxies::default(), None);
        careless.accept_invalid_certs = true;
        let response = http_client(&careless).unwrap().get(&url).send().await.unwrap();
        assert_eq!(response.status(), 200);
    }

    #[test]
    fn a_missing_empty_or_garbled_bundle_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("empty.pem");
        std::fs::write(&empty, "").unwrap();
        let garbled = dir.path().join("garbled.pem");
        std::fs::write(
            &garbled,
            "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n",
        )
        .unwrap();
        let missing = dir.path().join("missing.pem");
        for (path, expected) in [
            (&missing, "cannot be read"),
            (&empty, "holds no certificate"),
            (&garbled, "is not a PEM certificate bundle"),
        ] {
            match http_client(&options(Proxies::default(), Some(path.clone()))) {
                Err(TransportError::CaBundle { path: named, reason }) => {
                    assert_eq!(&named, path);
                    assert!(reason.starts_with(expected), "{reason}");
                }
                other => panic!("{path:?}: {other:?}"),
            }
        }
    }

    #[tokio::test]
    async fn https_goes_through_the_proxy_with_its_credentials_unless_no_proxy_names_the_host() {
        let ca = PrivateCa::new();
        let (server, url) = https_server(&ca).await;
        let bundle = bundle(&ca);
        let expected = format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode("corp user:pa$$-canary")
        );
        let proxy = ConnectProxy::start(&expected).await;
        // Percent-encoded in the URL, as the standard variables carry them.
        let proxy_url = proxy.url("corp%20user", "pa%24%24-canary");
        let target = url.trim_start_matches("https://").split('/').next().unwrap().to_owned();

        let proxies = Proxies::from_env(env(&[("HTTPS_PROXY", &proxy_url), ("NO_PROXY", "example.com")])).unwrap();
        let client = http_client(&options(proxies, Some(bundle.path().to_owned()))).unwrap();
        assert_eq!(client.get(&url).send().await.unwrap().status(), 200);
        assert_eq!(proxy.connects(), vec![(target.clone(), Some(expected.clone()))]);
        assert_eq!(server.received_requests().await.unwrap().len(), 1);

        // NO_PROXY (lower case here) sends it directly.
        let proxies = Proxies::from_env(env(&[
            ("https_proxy", &proxy_url),
            ("no_proxy", "example.com, 127.0.0.1"),
        ]))
        .unwrap();
        let client = http_client(&options(proxies, Some(bundle.path().to_owned()))).unwrap();
        assert_eq!(client.get(&url).send().await.unwrap().status(), 200);
        assert_eq!(proxy.connects().len(), 1, "the proxy saw no second CONNECT");
        assert_eq!(server.received_requests().await.unwrap().len(), 2);

        // A wrong password: the proxy's refusal is reported; no password in it, nor in any Debug.
        let wrong = proxy.url("corp%20user", "wrong-canary");
        let proxies = Proxies::from_env(env(&[("ALL_PROXY", &wrong)])).unwrap();
        let shown = format!("{proxies:?}");
        assert!(shown.contains("http://<credentials>@127.0.0.1"), "{shown}");
        let client = http_client(&options(proxies, Some(bundle.path().to_owned()))).unwrap();
        let error = client.get(&url).send().await.unwrap_err();
        for text in [with_causes(&error), format!("{error:?}"), format!("{client:?}"), shown] {
            assert!(!text.contains("canary") && !text.contains("corp user"), "{text}");
        }
        assert_eq!(proxy.connects().len(), 2);
        assert_eq!(server.received_requests().await.unwrap().len(), 2);
    }

    #[test]
    fn proxy_variables_are_read_in_the_standard_order_and_bad_ones_are_named() {
        let proxies = Proxies::from_env(env(&[
            ("HTTPS_PROXY", "upper:3128"),
            ("https_proxy", "http://lower:3128"),
            ("all_proxy", "http://all:3128"),
            ("NO_PROXY", "internal.example"),
        ]))
        .unwrap()
        .direct_to("localhost");
        assert_eq!(
            proxies.https.as_ref().map(reqwest::Url::as_str),
            Some("http://upper:3128/")
        );
        assert_eq!(
            proxies.http.as_ref().map(reqwest::Url::as_str),
            Some("http://all:3128/")
        );
        assert_eq!(proxies.direct, "internal.example,localhost");
        assert_eq!(Proxies::default().direct_to("localhost").direct, "localhost");

        for (value, reason) in [
            (
                "socks5://user:secret-canary@proxy:1080",
                "its scheme `socks5` is not supported",
            ),
            (
                "http://user:secret-canary@proxy:99999",
                "it is not a URL (invalid port number)",
            ),
        ] {
            match Proxies::from_env(env(&[("HTTP_PROXY", value)])) {
                Err(TransportError::Proxy { variable, reason: said }) => {
                    assert_eq!(variable, "HTTP_PROXY");
                    assert!(said.starts_with(reason), "{said}");
                    assert!(!said.contains("canary"), "{said}");
                }
                other => panic!("{value}: {other:?}"),
            }
        }
    }
}
