//! Printing a command's result: `-o json` (the scripting contract: exactly the response, pretty-printed),
//! `-o table` (aligned columns and fields for people) and `-o text` (no JSON: plain values, tab-separated
//! rows, `key<TAB>value` lines), after an optional `--jq` filter. Lists print item by item as pages arrive.
//! Without `-o` (or `DATABRICKS_OUTPUT_FORMAT`), a terminal gets tables and anything else JSON.

use std::future::poll_fn;
use std::io::Write;
use std::pin::Pin;

use futures_core::Stream;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::jq::Filter;
use super::raw_json;
use super::{CliError, ItemStream, Output, Session};
use crate::Error;

/// `-o/--output`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Table,
    Text,
}

impl Format {
    /// A format by its `-o` name, in any case (as the official CLI reads its variable).
    pub(super) fn named(name: &str) -> Option<Format> {
        [("json", Format::Json), ("table", Format::Table), ("text", Format::Text)]
            .into_iter()
            .find(|(known, _)| name.eq_ignore_ascii_case(known))
            .map(|(_, format)| format)
    }
}

/// The printing options of one run.
pub(super) struct Printing {
    pub(super) format: Format,
    /// The format was asked for (`-o` or the variable) rather than chosen by where stdout goes.
    pub(super) asked: bool,
    pub(super) filter: Option<Filter>,
    pub(super) limit: Option<u64>,
}

/// Most columns a table chooses by itself; a spec's `columns` may name more.
const MAX_CHOSEN_COLUMNS: usize = 6;
/// Rows read before a table's column widths are fixed; later rows wider than that stretch their line.
const ROWS_FOR_WIDTHS: usize = 100;

pub(super) fn print(output: Output, session: &mut Session<'_>) -> Result<(), CliError> {
    print_with_columns(output, &[], session)
}

/// Prints `output`; `value_columns` are the table columns of a list inside a one-page response. A closed
/// standard output ends the printing with [`CliError::OutputClosed`].
pub(super) fn print_with_columns(
    output: Output,
    value_columns: &[&str],
    session: &mut Session<'_>,
) -> Result<(), CliError> {
    let (printing, runtime, stdout, stderr) = session.printer();
    // The answer's own text is what `-o json` prints; the filter and the other formats work on its values.
    let output = match output {
        Output::Raw(raw) if printing.filter.is_some() || printing.format != Format::Json => Output::Value(parse(&raw)?),
        other => other,
    };
    match output {
        Output::Done => Ok(()),
        Output::Text(text) => stdout.write_all(text.as_bytes()).map_err(CliError::writing),
        Output::Bytes(mut stream) => {
            use futures_core::Stream;
            let next = |stream: &mut crate::ByteStream| {
                runtime.block_on(std::future::poll_fn(|cx| {
                    std::pin::Pin::new(&mut *stream).poll_next(cx)
                }))
            };
            while let Some(chunk) = next(&mut stream) {
                stdout.write_all(&chunk?).map_err(CliError::writing)?;
            }
            stdout.flush().map_err(CliError::writing)
        }
        Output::Value(value) => match &printing.filter {
            Some(filter) => filter
                .run(&value)?
                .iter()
                .try_for_each(|value| print_value(value, &[], printing.format, stdout, stderr)),
            None => print_value(&value, value_columns, printing.format, stdout, stderr),
        },
        Output::Raw(raw) => writeln!(stdout, "{}", raw_json::pretty(raw.get(), 0)).map_err(CliError::writing),
        Output::Items { items, columns } => {
            let mut items = Limited {
                items,
                left: printing.limit,
                runtime,
            };
            match &printing.filter {
                // The filter sees the same document `-o json` prints: the array of items.
                Some(filter) => {
                    let mut all = Vec::new();
                    while let Some(item) = items.next() {
                        all.push(parse(&item?)?);
                    }
                    filter
                        .run(&Value::Array(all))?
                        .iter()
                        .try_for_each(|value| print_value(value, &[], printing.format, stdout, stderr))
                }
                None => match printing.format {
                    Format::Json => json_array(&mut items, stdout),
                    Format::Table => table_stream(&mut items, columns, stdout, stderr, true),
                    Format::Text => table_stream(&mut items, columns, stdout, stderr, false),
                },
            }
        }
    }
}

/// A list's items, at most `left` of them; the next page is fetched only when an item is needed.
struct Limited<'a> {
    items: ItemStream,
    left: Option<u64>,
    runtime: &'a tokio::runtime::Runtime,
}

impl Limited<'_> {
    fn next(&mut self) -> Option<Result<Box<RawValue>, Error>> {
        if self.left == Some(0) {
            return None;
        }
        let items: &mut ItemStream = &mut self.items;
        let item = self
            .runtime
            .block_on(poll_fn(|cx| Pin::new(&mut *items).as_mut().poll_next(cx)))?;
        if let Some(left) = &mut self.left {
            *left -= 1;
        }
        Some(item)
    }
}

/// The items as one JSON array, written as they arrive. After an error the array is left open, so a
/// script reading it fails instead of taking a partial list for the whole.
fn json_array(items: &mut Limited<'_>, out: &mut dyn Write) -> Result<(), CliError> {
    let mut first = true;
    while let Some(item) = items.next() {
        let item = item?;
        let separator = if first { "[\n" } else { ",\n" };
        first = false;
        write!(out, "{separator}  {}", raw_json::pretty(item.get(), 1)).map_err(CliError::writing)?;
        out.flush().map_err(CliError::writing)?;
    }
    let end = if first { "[]\n" } else { "\n]\n" };
    out.write_all(end.as_bytes()).map_err(CliError::writing)
}

/// Rows of a list: a table with a header and aligned columns, or tab-separated values without a header.
fn table_stream(
    items: &mut Limited<'_>,
    columns: &[&str],
    out: &mut dyn Write,
    messages: &mut dyn Write,
    aligned: bool,
) -> Result<(), CliError> {
    let mut first = Vec::new();
    while first.len() < ROWS_FOR_WIDTHS {
        match items.next() {
            Some(item) => first.push(parse(&item?)?),
            None => break,
        }
    }
    if first.is_empty() {
        return say_no_items(aligned, messages);
    }
    let columns: Vec<String> = if columns.is_empty() {
        chosen_columns(&first)
    } else {
        columns.iter().map(|column| (*column).to_owned()).collect()
    };
    let rows: Vec<Vec<String>> = first.iter().map(|item| row(item, &columns)).collect();
    let mut layout = Layout::new(&columns, &rows, aligned);
    if aligned {
        let header: Vec<String> = columns.iter().map(|column| column.to_uppercase()).collect();
        layout.write(&header, out)?;
    }
    for row in &rows {
        layout.write(row, out)?;
    }
    out.flush().map_err(CliError::writing)?;
    while let Some(item) = items.next() {
        layout.write(&row(&parse(&item?)?, &columns), out)?;
    }
    out.flush().map_err(CliError::writing)
}

/// An answer as JSON values, for the table and text formats and `--jq`. It is valid JSON; only a number too
/// large for a double (`1e400`) cannot be read.
fn parse(raw: &RawValue) -> Result<Value, CliError> {
    serde_json::from_str(raw.get()).map_err(|error| CliError::Failed(format!("cannot read the answer: {error}")))
}

/// Column widths, fixed from the header and the first rows.
struct Layout {
    widths: Option<Vec<usize>>,
}

impl Layout {
    fn new(columns: &[String], rows: &[Vec<String>], aligned: bool) -> Layout {
        let widths = aligned.then(|| {
            columns
                .iter()
                .enumerate()
                .map(|(index, column)| {
                    rows.iter()
                        .map(|row| width(&row[index]))
                        .chain([column.len()])
                        .max()
                        .unwrap_or(0)
                })
                .collect()
        });
        Layout { widths }
    }

    fn write(&mut self, cells: &[String], out: &mut dyn Write) -> Result<(), CliError> {
        let line = match &self.widths {
            None => cells.join("\t"),
            Some(widths) => {
                let mut line = String::new();
                for (index, cell) in cells.iter().enumerate() {
                    line.push_str(cell);
                    if index + 1 < cells.len() {
                        let pad = widths[index].saturating_sub(width(cell)) + 2;
                        line.extend(std::iter::repeat_n(' ', pad));
                    }
                }
                line.trim_end().to_owned()
            }
        };
        writeln!(out, "{line}").map_err(CliError::writing)
    }
}

fn width(text: &str) -> usize {
    text.chars().count()
}

/// Columns for items that name none: the scalar fields of the first items, in the order first seen.
fn chosen_columns(items: &[Value]) -> Vec<String> {
    let mut columns: Vec<String> = Vec::new();
    for item in items {
        let Value::Object(fields) = item else {
            continue;
        };
        for (name, value) in fields {
            let scalar = matches!(value, Value::String(_) | Value::Number(_) | Value::Bool(_));
            if scalar && !columns.contains(name) && columns.len() < MAX_CHOSEN_COLUMNS {
                columns.push(name.clone());
            }
        }
    }
    if columns.is_empty() && items.iter().any(|item| !item.is_object()) {
        // Items that are not objects: one column of the values themselves.
        columns.push(String::new());
    }
    columns
}

fn row(item: &Value, columns: &[String]) -> Vec<String> {
    columns
        .iter()
        .map(|column| {
            let value = if column.is_empty() {
                Some(item)
            } else {
                column.split('.').try_fold(item, |value, key| value.get(key))
            };
            value.map(cell).unwrap_or_default()
        })
        .collect()
}

/// One value as a table cell or text field: strings as they are (tabs and line breaks become spaces, so
/// a row stays one line), lists of scalars joined by commas, other structures as compact JSON.
fn cell(value: &Value) -> String {
    let text = match value {
        Value::Null => String::new(),
        Value::String(text) => text.clone(),
        Value::Number(_) | Value::Bool(_) => value.to_string(),
        Value::Array(values) if values.iter().all(|value| !value.is_object() && !value.is_array()) => {
            values.iter().map(cell).collect::<Vec<_>>().join(",")
        }
        other => other.to_string(),
    };
    text.replace(['\t', '\n', '\r'], " ")
}

/// An empty list prints no rows and no header: a table says so on stderr, text (for scripts) stays silent.
fn say_no_items(aligned: bool, messages: &mut dyn Write) -> Result<(), CliError> {
    if aligned {
        // stderr is for people; a failure to write there does not fail the command.
        let _ = writeln!(messages, "No items.");
    }
    Ok(())
}

/// One document in the chosen format; `columns` for the rows of a list in it (empty: chosen).
fn print_value(
    value: &Value,
    columns: &[&str],
    format: Format,
    out: &mut dyn Write,
    messages: &mut dyn Write,
) -> Result<(), CliError> {
    match format {
        Format::Json => {
            let text = serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string());
            writeln!(out, "{text}").map_err(CliError::writing)
        }
        Format::Table | Format::Text => {
            let aligned = format == Format::Table;
            match value {
                Value::Null => Ok(()),
                // A plain value is printed as it is, without quotes (like `jq -r`).
                Value::String(text) => writeln!(out, "{text}").map_err(CliError::writing),
                Value::Number(_) | Value::Bool(_) => writeln!(out, "{value}").map_err(CliError::writing),
                Value::Array(items) if items.is_empty() => say_no_items(aligned, messages),
                Value::Array(items) => rows_of(items, columns, aligned, out),
                Value::Object(fields) => match list_in(fields) {
                    Some(items) => rows_of(items, columns, aligned, out),
                    None => fields_of(fields, aligned, out),
                },
            }
        }
    }
}

fn rows_of(items: &[Value], columns: &[&str], aligned: bool, out: &mut dyn Write) -> Result<(), CliError> {
    let columns = if columns.is_empty() {
        chosen_columns(items)
    } else {
        columns.iter().map(|column| (*column).to_owned()).collect()
    };
    let rows: Vec<Vec<String>> = items.iter().map(|item| row(item, &columns)).collect();
    let mut layout = Layout::new(&columns, &rows, aligned);
    if aligned && !(columns.len() == 1 && columns[0].is_empty()) {
        let header: Vec<String> = columns.iter().map(|column| column.to_uppercase()).collect();
        layout.write(&header, out)?;
    }
    rows.iter().try_for_each(|row| layout.write(row, out))
}

/// The list a response carries, when that is all it carries besides scalars (a page of a list, like
/// `{"scopes": [...]}`): shown as rows rather than as one field.
fn list_in(fields: &Map<String, Value>) -> Option<&Vec<Value>> {
    let mut lists = fields.values().filter_map(|value| match value {
        Value::Array(items) if items.iter().all(Value::is_object) => Some(items),
        _ => None,
    });
    let list = lists.next()?;
    let only_scalars_besides = fields.values().all(|value| match value {
        Value::Object(_) => false,
        Value::Array(items) => std::ptr::eq(items, list),
        _ => true,
    });
    (lists.next().is_none() && only_scalars_besides && !list.is_empty()).then_some(list)
}

/// An object as `field value` lines: nested objects by dotted names, lists holding objects or lists by
/// `[index]`, so every value shows on a line of its own.
fn fields_of(fields: &Map<String, Value>, aligned: bool, out: &mut dyn Write) -> Result<(), CliError> {
    let mut lines = Vec::new();
    for (name, value) in fields {
        flatten(name.clone(), value, &mut lines);
    }
    let columns = ["field".to_owned(), "value".to_owned()];
    let mut layout = Layout::new(&columns, &lines, aligned);
    lines.iter().try_for_each(|line| layout.write(line, out))
}

fn flatten(name: String, value: &Value, lines: &mut Vec<Vec<String>>) {
    match value {
        Value::Object(fields) if !fields.is_empty() => {
            for (key, inner) in fields {
                flatten(format!("{name}.{key}"), inner, lines);
            }
        }
        Value::Array(items) if items.iter().any(|item| item.is_object() || item.is_array()) => {
            for (index, item) in items.iter().enumerate() {
                flatten(format!("{name}[{index}]"), item, lines);
            }
        }
        Value::Array(items) if items.is_empty() => lines.push(vec![name, "[]".to_owned()]),
        other => lines.push(vec![name, cell(other)]),
    }
}

#[cfg(test)]
mod tests;
