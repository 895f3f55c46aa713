//! Long-running operations: `dbr` waits for them by default (`--no-wait` prints the first answer instead),
//! up to `--timeout`, showing a spinner with the server's state message when standard error is a terminal.

use std::time::Duration;

use indicatif::{ProgressBar, ProgressFinish, ProgressStyle};

use super::CliError;
use super::command::{NO_WAIT, TIMEOUT};
use crate::WaitOptions;

/// How to wait, from the command's flags; `None` for `--no-wait`.
pub(super) fn options(matches: &clap::ArgMatches, interactive: bool) -> Result<Option<WaitOptions>, CliError> {
    if matches.get_flag(NO_WAIT) {
        return Ok(None);
    }
    let mut options = WaitOptions::new();
    if let Some(timeout) = matches.get_one::<String>(TIMEOUT) {
        let timeout = parse_duration(timeout).map_err(|problem| CliError::Usage(format!("--timeout: {problem}")))?;
        options = options.timeout(timeout);
    }
    if interactive {
        // Cleared when the wait ends: the result follows on stdout.
        let spinner = ProgressBar::new_spinner().with_finish(ProgressFinish::AndClear);
        spinner.set_style(
            ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        spinner.set_message("waiting for the first answer");
        spinner.enable_steady_tick(Duration::from_millis(120));
        options = options.on_progress(move |progress| {
            let state = if progress.state.is_empty() {
                "no state yet"
            } else {
                progress.state
            };
            let message = match progress.message {
                Some(message) if !message.is_empty() => format!("{state}: {message}"),
                _ => state.to_owned(),
            };
            spinner.set_message(message);
        });
    }
    Ok(Some(options))
}

/// `90s`, `20m`, `1h30m`, `2h`, or a bare number of seconds.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    if let Ok(seconds) = text.parse::<u64>() {
        return Ok(Duration::from_secs(seconds));
    }
    let invalid = || format!("`{text}` is not a duration; write for example 90s, 20m or 1h30m");
    let mut total = 0u64;
    let mut digits = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        let unit = match c {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            _ => return Err(invalid()),
        };
        let amount: u64 = digits.parse().map_err(|_| invalid())?;
        total = amount
            .checked_mul(unit)
            .and_then(|seconds| total.checked_add(seconds))
            .ok_or_else(invalid)?;
        digits.clear();
    }
    if !digits.is_empty() || text.is_empty() {
        return Err(invalid());
    }
    Ok(Duration::from_secs(total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("90"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("90s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("20m"), Ok(Duration::from_secs(1200)));
        assert_eq!(parse_duration("1h30m"), Ok(Duration::from_secs(5400)));
        assert_eq!(parse_duration("2d"), Ok(Duration::from_secs(172_800)));
        for bad in ["", "m", "10x", "1h30", "-5s", "99999999999999999999d"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }
}
