//! `dbr sql "SELECT ..." [--warehouse ID] [--param NAME=VALUE ...] [-o json|table|text|csv]`: runs a statement
//! and prints its rows chunk by chunk as they arrive ([`crate::sql::StatementRows`]).

use databricks_client::models::{ExecuteStatementRequest, StatementDisposition, StatementParameterListItem};
use databricks_runtime::cli::clap::builder::PossibleValuesParser;
use databricks_runtime::cli::clap::{Arg, ArgAction, ArgMatches, Command};
use databricks_runtime::cli::{CliError, Format, Output, Session};

use super::interrupt::cancel_on_interrupt;
use super::{client, value};
use crate::sql::{PollOptions, Row, SqlError, StatementRows};

const STATEMENT: &str = "STATEMENT";
const WAREHOUSE: &str = "warehouse";
const PARAM: &str = "param";
const CATALOG: &str = "catalog";
const SCHEMA: &str = "schema";
const DISPOSITION: &str = "disposition";
const ROW_LIMIT: &str = "row-limit";
/// The global `-o`'s id: this command's own `-o` takes its place, adding `csv`.
const OUTPUT: &str = "output";

/// The setting `--warehouse` falls back to (`DATABRICKS_WAREHOUSE_ID`), as the official SDKs name it.
const WAREHOUSE_SETTING: &str = "warehouse_id";

pub(super) fn command() -> Command {
    Command::new("sql")
        .about("Run a SQL statement on a SQL warehouse and print its rows as they arrive")
        .long_about(
            "Run a SQL statement on a SQL warehouse, wait for it and print its result chunk by chunk as it \
             arrives, never holding more than one chunk. Values are printed as the API gives them: text, or \
             NULL. -o json prints an array of objects (column name -> value, null for NULL); -o table aligns \
             the columns within each chunk of the result (a wider value in a later chunk widens the columns \
             from there on), NULL shown as NULL; -o text prints tab-separated values without a header, NULL as \
             an empty value and tabs, newlines and backslashes escaped as \\t, \\n and \\\\; -o csv prints RFC \
             4180 CSV with a header line, NULL as an empty field and an empty text as \"\". Ctrl-C cancels the \
             statement on the warehouse.",
        )
        .arg(
            Arg::new(STATEMENT)
                .required(true)
                .value_name(STATEMENT)
                .help("The SQL statement; :name markers take their values from --param"),
        )
        .arg(
            Arg::new(WAREHOUSE)
                .long(WAREHOUSE)
                .value_name("ID")
                .help("The SQL warehouse to run it on [default: warehouse_id of the profile, or $DATABRICKS_WAREHOUSE_ID]"),
        )
        .arg(
            Arg::new(PARAM)
                .long(PARAM)
                .value_name("NAME=VALUE")
                .action(ArgAction::Append)
                .help("The value of the named parameter marker :NAME, as a string (once per parameter)"),
        )
        .arg(Arg::new(CATALOG).long(CATALOG).value_name("CATALOG").help("The statement's default catalog"))
        .arg(Arg::new(SCHEMA).long(SCHEMA).value_name("SCHEMA").help("The statement's default schema"))
        .arg(
            Arg::new(DISPOSITION)
                .long(DISPOSITION)
                .value_name("DISPOSITION")
                .value_parser(PossibleValuesParser::new(["INLINE", "EXTERNAL_LINKS"]))
                .help("INLINE: rows in the API's answers, up to 25 MiB; EXTERNAL_LINKS: rows downloaded from cloud storage, for larger results [default: INLINE]"),
        )
        .arg(
            Arg::new(ROW_LIMIT)
                .long(ROW_LIMIT)
                .value_name("N")
                .value_parser(databricks_runtime::cli::clap::value_parser!(i64))
                .help("Stop the result after N rows"),
        )
        .arg(
            Arg::new(OUTPUT)
                .short('o')
                .long(OUTPUT)
                .value_name("FORMAT")
                .value_parser(PossibleValuesParser::new(["json", "table", "text", "csv"]))
                .help("json, table, text or csv [default: $DATABRICKS_OUTPUT_FORMAT, else table on a terminal, else json]"),
        )
}

/// How rows are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RowFormat {
    Json,
    Table,
    Text,
    Csv,
}

pub(super) fn sql(matches: &ArgMatches, session: &mut Session<'_>) -> Result<Output, CliError> {
    let format = match matches.get_one::<String>(OUTPUT).map(String::as_str) {
        Some("csv") => RowFormat::Csv,
        Some("text") => RowFormat::Text,
        Some("table") => RowFormat::Table,
        Some(_) => RowFormat::Json,
        None => match session.format() {
            Format::Table => RowFormat::Table,
            Format::Text => RowFormat::Text,
            Format::Json => RowFormat::Json,
        },
    };
    let parameters = matches
        .get_many::<String>(PARAM)
        .into_iter()
        .flatten()
        .map(|param| parameter(param))
        .collect::<Result<Vec<_>, _>>()?;
    let warehouse = match matches.get_one::<String>(WAREHOUSE) {
        Some(warehouse) => warehouse.clone(),
        None => session
            .config()?
            .get(WAREHOUSE_SETTING)
            .map(str::trim)
            .filter(|id| !id.is_empty())
            .map(str::to_owned)
            .ok_or_else(|| {
                CliError::Usage(
                    "no SQL warehouse to run the statement on: give --warehouse ID, or set warehouse_id in the \
                     profile (or DATABRICKS_WAREHOUSE_ID)"
                        .to_owned(),
                )
            })?,
    };
    let request = ExecuteStatementRequest {
        parameters: (!parameters.is_empty()).then_some(parameters),
        catalog: matches.get_one::<String>(CATALOG).cloned(),
        schema: matches.get_one::<String>(SCHEMA).cloned(),
        disposition: matches
            .get_one::<String>(DISPOSITION)
            .map(|disposition| StatementDisposition::from(disposition.as_str())),
        row_limit: matches.get_one::<i64>(ROW_LIMIT).copied(),
        ..ExecuteStatementRequest::new(value(matches, STATEMENT), warehouse)
    };
    let client = client(session)?;
    let cancel = cancel_on_interrupt(session)?;
    let submitted =
        session.block_on(cancel.run_until_cancelled(StatementRows::execute(&client, &request, PollOptions::default())));
    let mut rows = match submitted {
        Some(rows) => rows.map_err(failure)?,
        None => {
            return Err(CliError::Interrupted(
                "interrupted before the warehouse accepted the statement".to_owned(),
            ));
        }
    };
    let printed = print(&mut rows, format, &cancel, session);
    if let Err(CliError::Interrupted(_)) = &printed {
        let canceled = session.block_on(rows.cancel());
        return Err(CliError::Interrupted(match canceled {
            Ok(()) => format!("interrupted; statement {} was canceled", rows.statement_id()),
            Err(error) => format!(
                "interrupted; canceling statement {} failed: {error}",
                rows.statement_id()
            ),
        }));
    }
    printed.map(|()| Output::Done)
}

/// `NAME=VALUE`: the value is everything after the first `=`.
fn parameter(param: &str) -> Result<StatementParameterListItem, CliError> {
    match param.split_once('=') {
        Some((name, value)) if !name.trim().is_empty() => Ok(StatementParameterListItem {
            value: Some(value.to_owned()),
            ..StatementParameterListItem::new(name.trim())
        }),
        _ => Err(CliError::Usage(format!(
            "--param {param}: give a parameter as NAME=VALUE, for the marker :NAME"
        ))),
    }
}

/// A statement that failed on the warehouse is the server's answer (exit 1); anything else failed to reach it.
fn failure(error: SqlError) -> CliError {
    match error {
        SqlError::Api { source, .. } => CliError::Sdk(*source),
        SqlError::Statement { .. } => CliError::Reported(error.to_string()),
        SqlError::UnsupportedFormat { .. } => CliError::Usage(error.to_string()),
        other => CliError::Failed(other.to_string()),
    }
}

/// Waits for the statement, then prints chunk after chunk; Ctrl-C is [`CliError::Interrupted`].
fn print(
    rows: &mut StatementRows,
    format: RowFormat,
    cancel: &crate::CancellationToken,
    session: &mut Session<'_>,
) -> Result<(), CliError> {
    let interrupted = || CliError::Interrupted(String::new());
    session
        .block_on(cancel.run_until_cancelled(rows.wait()))
        .ok_or_else(interrupted)?
        .map_err(failure)?;
    let names: Vec<String> = rows
        .columns()
        .iter()
        .enumerate()
        .map(|(index, column)| column.name.clone().unwrap_or_else(|| format!("col{index}")))
        .collect();
    let mut printer = Printer::new(format, names);
    let mut text = String::new();
    printer.start(&mut text);
    loop {
        session.stdout().write_all(text.as_bytes()).map_err(CliError::writing)?;
        session.stdout().flush().map_err(CliError::writing)?;
        text.clear();
        let chunk = session
            .block_on(cancel.run_until_cancelled(rows.next_chunk()))
            .ok_or_else(interrupted)?
            .map_err(failure)?;
        match chunk {
            Some(chunk) => printer.chunk(&chunk, &mut text),
            None => break,
        }
    }
    printer.finish(&mut text);
    session.stdout().write_all(text.as_bytes()).map_err(CliError::writing)?;
    session.stdout().flush().map_err(CliError::writing)
}

/// Writes rows in one format; each call appends to a text written out once per chunk.
struct Printer {
    format: RowFormat,
    names: Vec<String>,
    /// JSON: the names as JSON strings followed by `: `.
    keys: Vec<String>,
    /// Table: the widths so far, which only grow.
    widths: Vec<usize>,
    rows_written: u64,
}

impl Printer {
    fn new(format: RowFormat, names: Vec<String>) -> Printer {
        let keys = names
            .iter()
            .map(|name| format!("{}: ", serde_json::Value::from(name.as_str())))
            .collect();
        let widths = names.iter().map(|name| width(name)).collect();
        Printer {
            format,
            names,
            keys,
            widths,
            rows_written: 0,
        }
    }

    fn start(&mut self, out: &mut String) {
        match self.format {
            RowFormat::Csv => {
                let header: Vec<Option<String>> = self.names.iter().cloned().map(Some).collect();
                csv_line(&header, out);
            }
            RowFormat::Json => out.push('['),
            // The table's header waits for the first chunk, which sets the first widths.
            RowFormat::Table | RowFormat::Text => {}
        }
    }

    fn chunk(&mut self, rows: &[Row], out: &mut String) {
        match self.format {
            RowFormat::Json => {
                for row in rows {
                    out.push_str(if self.rows_written == 0 { "\n  {" } else { ",\n  {" });
                    for (index, key) in self.keys.iter().enumerate() {
                        if index > 0 {
                            out.push_str(", ");
                        }
                        out.push_str(key);
                        match row.get(index).and_then(Option::as_deref) {
                            Some(value) => out.push_str(&serde_json::Value::from(value).to_string()),
                            None => out.push_str("null"),
                        }
                    }
                    out.push('}');
                    self.rows_written += 1;
                }
            }
            RowFormat::Csv => rows.iter().for_each(|row| csv_line(row, out)),
            RowFormat::Text => {
                for row in rows {
                    let cells: Vec<String> = (0..self.names.len())
                        .map(|index| escaped(cell(row, index).unwrap_or("")))
                        .collect();
                    out.push_str(&cells.join("\t"));
                    out.push('\n');
                }
            }
            RowFormat::Table => {
                let lines: Vec<Vec<String>> = rows
                    .iter()
                    .map(|row| {
                        (0..self.names.len())
                            .map(|index| escaped(cell(row, index).unwrap_or("NULL")))
                            .collect()
                    })
                    .collect();
                for line in &lines {
                    for (widest, cell) in self.widths.iter_mut().zip(line) {
                        *widest = (*widest).max(width(cell));
                    }
                }
                if self.rows_written == 0 {
                    let header = self.names.clone();
                    self.table_line(&header, out);
                }
                for line in &lines {
                    self.table_line(line, out);
                }
                self.rows_written += lines.len() as u64;
            }
        }
    }

    fn finish(&mut self, out: &mut String) {
        match self.format {
            RowFormat::Json if self.rows_written == 0 => out.push_str("]\n"),
            RowFormat::Json => out.push_str("\n]\n"),
            RowFormat::Table if self.rows_written == 0 => {
                let header = self.names.clone();
                self.table_line(&header, out);
            }
            _ => {}
        }
    }

    fn table_line(&self, cells: &[String], out: &mut String) {
        let start = out.len();
        for (index, cell) in cells.iter().enumerate() {
            out.push_str(cell);
            if index + 1 < cells.len() {
                let pad = self.widths[index].saturating_sub(width(cell)) + 2;
                out.extend(std::iter::repeat_n(' ', pad));
            }
        }
        let end = out[start..].trim_end().len() + start;
        out.truncate(end);
        out.push('\n');
    }
}

fn cell(row: &Row, index: usize) -> Option<&str> {
    row.get(index).and_then(Option::as_deref)
}

fn width(text: &str) -> usize {
    text.chars().count()
}

/// A value on one line: backslashes, tabs and line breaks written as `\\`, `\t`, `\n`, `\r`.
fn escaped(value: &str) -> String {
    if !value.contains(['\\', '\t', '\n', '\r']) {
        return value.to_owned();
    }
    let mut out = String::with_capacity(value.len() + 2);
    for character in value.chars() {
        match character {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            other => out.push(other),
        }
    }
    out
}

/// One CSV record as RFC 4180 writes it: a field with a comma, a quote or a line break is quoted (its quotes
/// doubled), an empty text is `""` so that it differs from NULL (an empty field), and the line ends with CRLF.
fn csv_line(values: &[Option<String>], out: &mut String) {
    for (index, value) in values.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        match value.as_deref() {
            None => {}
            Some("") => out.push_str("\"\""),
            Some(text) if text.contains([',', '"', '\n', '\r']) => {
                out.push('"');
                out.push_str(&text.replace('"', "\"\""));
                out.push('"');
            }
            Some(text) => out.push_str(text),
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(values: &[Option<&str>]) -> Row {
        values.iter().map(|value| value.map(str::to_owned)).collect()
    }

    fn printed(format: RowFormat, chunks: &[Vec<Row>]) -> String {
        let mut printer = Printer::new(format, vec!["id".to_owned(), "note".to_owned()]);
        let mut out = String::new();
        printer.start(&mut out);
        for chunk in chunks {
            printer.chunk(chunk, &mut out);
        }
        printer.finish(&mut out);
        out
    }

    #[test]
    fn csv_quotes_what_rfc_4180_needs_and_tells_null_from_empty() {
        let chunk = vec![
            row(&[Some("1"), Some("plain")]),
            row(&[Some("2"), Some("a, \"quoted\"\nline")]),
            row(&[Some("3"), None]),
            row(&[Some("4"), Some("")]),
        ];
        assert_eq!(
            printed(RowFormat::Csv, &[chunk]),
            "id,note\r\n1,plain\r\n2,\"a, \"\"quoted\"\"\nline\"\r\n3,\r\n4,\"\"\r\n"
        );
    }

    #[test]
    fn json_is_one_array_of_objects_across_chunks() {
        let chunks = vec![vec![row(&[Some("1"), Some("a\"b")])], vec![row(&[Some("2"), None])]];
        let text = printed(RowFormat::Json, &chunks);
        assert_eq!(
            text,
            "[\n  {\"id\": \"1\", \"note\": \"a\\\"b\"},\n  {\"id\": \"2\", \"note\": null}\n]\n"
        );
        let parsed: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(parsed[1]["note"], serde_json::Value::Null);
        assert_eq!(printed(RowFormat::Json, &[]), "[]\n");
    }

    #[test]
    fn tables_align_within_a_chunk_and_only_widen_later() {
        let chunks = vec![
            vec![row(&[Some("1"), Some("short")]), row(&[Some("22"), None])],
            vec![row(&[Some("333333"), Some("x")])],
        ];
        assert_eq!(
            printed(RowFormat::Table, &chunks),
            "id  note\n1   short\n22  NULL\n333333  x\n"
        );
    }

    #[test]
    fn text_keeps_each_row_on_one_line() {
        let chunk = vec![row(&[Some("1"), Some("a\tb\nc\\d")]), row(&[Some("2"), None])];
        assert_eq!(printed(RowFormat::Text, &[chunk]), "1\ta\\tb\\nc\\\\d\n2\t\n");
    }

    #[test]
    fn parameters_split_at_the_first_equals_sign() {
        let parsed = parameter("filter=a=b").expect("a parameter");
        assert_eq!(parsed.name, "filter");
        assert_eq!(parsed.value.as_deref(), Some("a=b"));
        assert!(matches!(parameter("=x"), Err(CliError::Usage(_))));
        assert!(matches!(parameter("novalue"), Err(CliError::Usage(_))));
    }
}
