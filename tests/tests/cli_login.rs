//! `dbr auth login --no-browser`, `dbr auth token` and `dbr auth logout` against a fake workspace whose
//! OAuth server checks PKCE; the test plays the browser with the URL `dbr` prints.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine as _;
use databricks_tests::dbr::{self, Home, Run, assert_exit};
use serde_json::json;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const ME: &str = "/api/2.0/preview/scim/v2/Me";
/// The refresh token the fake issues; it must never be printed.
const REFRESH_TOKEN: &str = "rt-canary-0123456789";

fn params(query: &str) -> BTreeMap<String, String> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(name, value)| (name.to_owned(), decode(value)))
        .collect()
}

/// Percent-decoding of a form value (`+` is a space).
fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::new();
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'%' if index + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[index + 1..index + 3]).unwrap();
                out.push(u8::from_str_radix(hex, 16).unwrap());
                index += 3;
            }
            b'+' => {
                out.push(b' ');
                index += 1;
            }
            byte => {
                out.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8(out).unwrap()
}

/// A workspace whose `/authorize` sends the browser back with a code and whose `/token` gives tokens for it
/// only with the verifier of the challenge; `Me` answers the issued token.
async fn workspace() -> MockServer {
    let server = MockServer::start().await;
    let challenge = Arc::new(Mutex::new(None::<(String, String)>));
    let seen = challenge.clone();
    Mock::given(method("GET"))
        .and(path("/oidc/v1/authorize"))
        .respond_with(move |request: &Request| {
            let query = params(request.url.query().unwrap_or_default());
            assert_eq!(query["client_id"], "databricks-cli");
            assert_eq!(query["code_challenge_method"], "S256");
            assert_eq!(query["scope"], "offline_access all-apis");
            *seen.lock().unwrap() = Some((query["code_challenge"].clone(), query["redirect_uri"].clone()));
            let back = format!("{}?code=code-1&state={}", query["redirect_uri"], query["state"]);
            ResponseTemplate::new(302).insert_header("location", back.as_str())
        })
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/oidc/v1/token"))
        .respond_with(move |request: &Request| {
            let form = params(&String::from_utf8_lossy(&request.body));
            let Some((expected, redirect_uri)) = challenge.lock().unwrap().clone() else {
                return ResponseTemplate::new(400);
            };
            let digest = ring::digest::digest(&ring::digest::SHA256, form["code_verifier"].as_bytes());
            let verified = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(digest) == expected;
            if form["grant_type"] != "authorization_code"
                || form["code"] != "code-1"
                || !verified
                || form["redirect_uri"] != redirect_uri
            {
                return ResponseTemplate::new(400).set_body_json(json!({"error": "invalid_grant"}));
            }
            ResponseTemplate::new(200).set_body_json(json!({
                "access_token": "at-login", "token_type": "Bearer", "refresh_token": REFRESH_TOKEN, "expires_in": 3600,
            }))
        })
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(ME))
        .and(header("authorization", "Bearer at-login"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"userName": "jane.doe@example.com"})))
        .mount(&server)
        .await;
    server
}

/// One HTTP/1.1 GET of a plain `http://` URL: the status and the `Location` header (or the body).
fn get(url: &str) -> (u16, String) {
    let rest = url.strip_prefix("http://").expect("a plain http URL");
    let (authority, target) = rest.split_at(rest.find(['/', '?']).unwrap_or(rest.len()));
    // The redirect URI has no path: `http://localhost:8020?code=...`.
    let target = if target.starts_with('/') {
        target.to_owned()
    } else {
        format!("/{target}")
    };
    // `localhost` is where the login listens: on 127.0.0.1.
    let address = authority.replacen("localhost", "127.0.0.1", 1);
    let mut stream = TcpStream::connect(&address).unwrap_or_else(|error| panic!("{address}: {error}"));
    stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let status = answer[9..12].parse().unwrap();
    let location = answer
        .lines()
        .find_map(|line| {
            line.strip_prefix("location: ")
                .or_else(|| line.strip_prefix("Location: "))
        })
        .map(str::to_owned);
    (
        status,
        location.unwrap_or_else(|| answer.split("\r\n\r\n").nth(1).unwrap_or_default().to_owned()),
    )
}

/// Runs `dbr auth login --no-browser ...`, opening the URL it prints on stderr as a browser would.
fn login(home: &Home, args: &[&str]) -> (Run, String) {
    let mut child = Command::new(dbr::binary())
        .args(["auth", "login", "--no-browser"])
        .args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", home.home())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dbr starts");
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut printed = String::new();
    let url = loop {
        let mut line = String::new();
        assert!(stderr.read_line(&mut line).unwrap() > 0, "no URL printed:\n{printed}");
        printed.push_str(&line);
        if line.starts_with("http://") {
            break line.trim().to_owned();
        }
    };
    let (status, back) = get(&url);
    assert_eq!(status, 302, "{back}");
    let (status, page) = get(&back);
    assert_eq!(status, 200, "{page}");
    stderr.read_to_string(&mut printed).unwrap();
    let output = child.wait_with_output().unwrap();
    let run = Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: printed,
    };
    (run, page)
}

fn assert_no_refresh_token(run: &Run) {
    assert!(
        !run.stdout.contains(REFRESH_TOKEN) && !run.stderr.contains(REFRESH_TOKEN),
        "{run:?}"
    );
}

#[tokio::test]
async fn login_without_a_browser_then_token_commands_and_logout() {
    let server = workspace().await;
    let home = Home::new();
    std::fs::write(
        home.config(),
        "# mine\n[other]\nhost = https://o.cloud.databricks.com\ntoken = dapi-o\n",
    )
    .unwrap();

    let (run, page) = login(&home, &["--host", &server.uri(), "-p", "dev"]);
    assert_exit(&run, 0);
    assert_no_refresh_token(&run);
    assert!(page.contains("You are logged in"), "{page}");
    assert!(run.stderr.contains("Saved the profile `dev`"), "{}", run.stderr);
    assert_eq!(
        home.read(&home.config()),
        format!(
            "# mine\n[other]\nhost = https://o.cloud.databricks.com\ntoken = dapi-o\n\n[dev]\nhost = {}\nauth_type = databricks-cli\n",
            server.uri()
        )
    );
    let cache: serde_json::Value =
        serde_json::from_str(&home.read(&home.path(".databricks/token-cache.json"))).unwrap();
    assert_eq!(cache["version"], 1);
    assert_eq!(cache["tokens"]["dev"], cache["tokens"][server.uri().as_str()]);
    assert_eq!(cache["tokens"]["dev"]["refresh_token"], REFRESH_TOKEN);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(home.config()), 0o600);
        assert_eq!(mode(home.path(".databricks/token-cache.json")), 0o600);
    }

    // `auth token` prints the cached token for scripts; other commands send it.
    let run = home.run(&["auth", "token", "-p", "dev"], &[], None);
    assert_exit(&run, 0);
    let token = run.json();
    assert_eq!(
        (token["access_token"].as_str(), token["token_type"].as_str()),
        (Some("at-login"), Some("Bearer"))
    );
    assert!(token["expiry"].as_str().unwrap().ends_with('Z'), "{token}");
    let run = home.run(&["auth", "token", "--host", &server.uri(), "-o", "text"], &[], None);
    assert_eq!(run.stdout, "at-login\n");
    let run = home.run(&["api", "get", ME, "-p", "dev"], &[], None);
    assert_exit(&run, 0);
    assert_eq!(run.json()["userName"], "jane.doe@example.com");

    // Logging out removes both cache entries and keeps the profile.
    let run = home.run(&["auth", "logout", "-p", "dev"], &[], None);
    assert_exit(&run, 0);
    assert!(run.stderr.contains("removed 2 cached entries"), "{}", run.stderr);
    let cache: serde_json::Value =
        serde_json::from_str(&home.read(&home.path(".databricks/token-cache.json"))).unwrap();
    assert_eq!(cache["tokens"], json!({}));
    assert!(home.read(&home.config()).contains("[dev]"));
    let run = home.run(&["auth", "token", "-p", "dev"], &[], None);
    assert_exit(&run, 3);
    assert!(run.stderr.contains("run `dbr auth login -p dev`"), "{}", run.stderr);
}
