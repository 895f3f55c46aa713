//! Reading what a person types or a script pipes in: a line asked for on the terminal (without echo for a
//! secret), or the whole of standard input. Used by `dbr configure` for the token and by commands whose spec
//! reads a field from standard input (`x-sdk-cli.stdin`), so secrets never need to be command-line arguments,
//! which `ps` and shell history show.

use std::io::{BufRead, IsTerminal, Read};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde_json::{Map, Value};

use super::{CliError, Session, StdinField};

/// Most bytes a field read from standard input may have; a secret's limit is far below it.
const STDIN_LIMIT: u64 = 16 * 1024 * 1024;

pub(super) fn read_line(input: &mut dyn BufRead) -> Result<String, CliError> {
    let mut line = String::new();
    input
        .read_line(&mut line)
        .map_err(|error| CliError::Failed(format!("cannot read standard input: {error}")))?;
    Ok(line)
}

/// Asks on standard error and reads one line of the terminal, without echo if `secret`.
pub(super) fn prompt(session: &mut Session<'_>, question: &str, secret: bool) -> Result<String, CliError> {
    let stderr = session.stderr();
    let _ = write!(stderr, "{question}");
    let _ = stderr.flush();
    let line = if secret {
        without_echo(|| read_line(&mut std::io::stdin().lock()))
    } else {
        read_line(&mut std::io::stdin().lock())
    };
    if secret {
        // The Enter that ended the hidden input was not echoed either.
        let _ = writeln!(session.stderr());
    }
    line
}

/// Runs `read` with the terminal's echo off, through `stty`, so no unsafe terminal calls are needed here.
/// Without `stty` the input is echoed, as on other systems.
fn without_echo<T>(read: impl FnOnce() -> T) -> T {
    #[cfg(unix)]
    {
        let stty = |setting: &str| {
            std::process::Command::new("stty")
                .arg(setting)
                .stdin(std::process::Stdio::inherit())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .status()
                .is_ok_and(|status| status.success())
        };
        let hidden = stty("-echo");
        let result = read();
        if hidden {
            stty("echo");
        }
        result
    }
    #[cfg(not(unix))]
    {
        read()
    }
}

/// Fills `field.field` of `body` from standard input unless the command line gave it or one of its
/// alternatives: on a terminal, one line asked for without echo; otherwise every byte piped in, as is.
pub(super) fn fill_from_stdin(
    field: &StdinField,
    body: &mut Map<String, Value>,
    session: &mut Session<'_>,
) -> Result<(), CliError> {
    let stdin = std::io::stdin();
    let bytes = if stdin.is_terminal() {
        let question = format!("{} (input hidden): ", field.prompt);
        let line = prompt(session, &question, true)?;
        line.strip_suffix('\n')
            .map(|line| line.strip_suffix('\r').unwrap_or(line))
            .unwrap_or(&line)
            .as_bytes()
            .to_vec()
    } else {
        read_all(&mut stdin.lock())?
    };
    // An empty value is far more likely a forgotten pipe than a wish; a flag can still give one.
    if bytes.is_empty() {
        return Err(CliError::Usage(format!(
            "no value on standard input for `{}`: pipe it in, or type it when asked on a terminal",
            field.field
        )));
    }
    body.insert(field.field.to_owned(), encode(field, bytes)?);
    Ok(())
}

fn read_all(input: &mut dyn Read) -> Result<Vec<u8>, CliError> {
    let mut bytes = Vec::new();
    input
        .take(STDIN_LIMIT + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| CliError::Failed(format!("cannot read standard input: {error}")))?;
    if bytes.len() as u64 > STDIN_LIMIT {
        return Err(CliError::Usage(format!(
            "standard input holds more than {} MiB, more than a value sent this way may be",
            STDIN_LIMIT / (1024 * 1024)
        )));
    }
    Ok(bytes)
}

/// The field's JSON value: base64 for a bytes field, the text itself for a string field.
fn encode(field: &StdinField, bytes: Vec<u8>) -> Result<Value, CliError> {
    if field.base64 {
        return Ok(Value::String(BASE64.encode(bytes)));
    }
    String::from_utf8(bytes).map(Value::String).map_err(|_| {
        CliError::Usage(format!(
            "standard input is not UTF-8 text, which `{}` must be",
            field.field
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::{StdinField, encode, read_all};

    const BYTES: StdinField = StdinField {
        field: "bytes_value",
        unless: &["string_value"],
        base64: true,
        prompt: "Secret value",
    };

    #[test]
    fn piped_bytes_are_kept_exactly_and_base64_encoded_for_a_bytes_field() {
        let bytes = read_all(&mut &b"line one\nline two\n\xff"[..]).expect("reads");
        assert_eq!(bytes, b"line one\nline two\n\xff");
        assert_eq!(encode(&BYTES, bytes).expect("encodes"), "bGluZSBvbmUKbGluZSB0d28K/w==");
    }

    #[test]
    fn a_text_field_takes_utf8_only() {
        let text = StdinField { base64: false, ..BYTES };
        assert_eq!(encode(&text, b"caf\xc3\xa9".to_vec()).expect("text"), "café");
        let error = encode(&text, vec![0xff]).expect_err("not UTF-8");
        assert!(error.to_string().contains("not UTF-8"), "{error}");
    }
}
