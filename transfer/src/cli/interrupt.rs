//! Ctrl-C and SIGTERM during a command that writes files. Ending the process at once would leave partial and
//! temporary files behind; instead they cancel the command's token, its transfers stop and remove what they
//! wrote, and the command exits with code 130.

use std::future::Future;

use databricks_runtime::cli::{CliError, Session};

use crate::CancellationToken;

/// From now until the command ends, SIGINT and SIGTERM (Ctrl-C elsewhere than Unix) cancel the returned token
/// instead of ending the process.
pub(super) fn cancel_on_interrupt(session: &Session<'_>) -> Result<CancellationToken, CliError> {
    let token = CancellationToken::new();
    let cancel = token.clone();
    session.block_on(async move {
        let interrupted = listen().map_err(|error| CliError::Failed(format!("cannot watch for Ctrl-C: {error}")))?;
        // Runs on the command's runtime, so whenever the command waits on it.
        tokio::spawn(async move {
            interrupted.await;
            cancel.cancel();
        });
        Ok(token)
    })
}

/// `work`, or [`CliError::Interrupted`] when `cancel` fires first: for the steps before any file is
/// `verb` (`copied`, ...), which leave nothing to clean up.
pub(super) async fn or_interrupted<T>(
    cancel: &CancellationToken,
    verb: &str,
    work: impl Future<Output = Result<T, CliError>>,
) -> Result<T, CliError> {
    match cancel.run_until_cancelled(work).await {
        Some(result) => result,
        None => Err(CliError::Interrupted(format!("interrupted before any file was {verb}"))),
    }
}

/// Registers the handlers now, so a signal that comes before the returned future is first polled still
/// counts.
#[cfg(unix)]
fn listen() -> std::io::Result<impl Future<Output = ()>> {
    use std::task::Poll;
    use tokio::signal::unix::{SignalKind, signal};

    let mut interrupt = signal(SignalKind::interrupt())?;
    let mut terminate = signal(SignalKind::terminate())?;
    Ok(std::future::poll_fn(move |context| {
        match (interrupt.poll_recv(context), terminate.poll_recv(context)) {
            (Poll::Pending, Poll::Pending) => Poll::Pending,
            _ => Poll::Ready(()),
        }
    }))
}

#[cfg(not(unix))]
fn listen() -> std::io::Result<impl Future<Output = ()>> {
    Ok(async {
        // Ctrl-C that cannot be watched ends the process as it would without this.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    })
}
