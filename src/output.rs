//! Writing report rows as CSV (RFC 4180, UTF-8, header row) or JSON Lines.
//!
//! CSV text cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab
//! or carriage return) get a leading apostrophe unless `raw` is set; cells that are plain numbers
//! are left alone.

use anyhow::{Context, Result};
use serde::Serialize;
use serde_json::Value;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// CSV with a header row.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

/// A row writer for one report.
pub struct RowWriter {
    out: Box<dyn Write>,
    format: Format,
    raw: bool,
    header_written: bool,
    columns: Vec<String>,
}

impl RowWriter {
    /// Writes to `path`, or standard output when `None` or `-`.
    pub fn create(path: Option<&Path>, format: Format, raw: bool) -> Result<RowWriter> {
        let out: Box<dyn Write> = match path {
            Some(p) if p.as_os_str() != "-" => Box::new(BufWriter::new(
                File::create(p).with_context(|| format!("{}: cannot create", p.display()))?,
            )),
            _ => Box::new(BufWriter::new(io::stdout().lock())),
        };
        Ok(RowWriter::new(out, format, raw))
    }

    /// Writes to any writer.
    pub fn new(out: Box<dyn Write>, format: Format, raw: bool) -> RowWriter {
        RowWriter {
            out,
            format,
            raw,
            header_written: false,
            columns: Vec::new(),
        }
    }

    /// Writes the header now, for reports that may have no rows.
    pub fn header(&mut self, columns: &[&str]) -> Result<()> {
        if self.format == Format::Csv && !self.header_written {
            self.columns = columns.iter().map(|c| c.to_string()).collect();
            let line = csv_line(columns.iter().map(|c| c.to_string()));
            self.out.write_all(line.as_bytes())?;
            self.header_written = true;
        }
        Ok(())
    }

    /// Writes one row.
    pub fn row<T: Serialize>(&mut self, row: &T) -> Result<()> {
        let value = serde_json::to_value(row)?;
        let Value::Object(map) = value else {
            anyhow::bail!("internal: report row is not a struct");
        };
        match self.format {
            Format::Jsonl => {
                serde_json::to_writer(&mut self.out, &map)?;
                self.out.write_all(b"\n")?;
            }
            Format::Csv => {
                if !self.header_written {
                    let cols: Vec<&str> = map.keys().map(String::as_str).collect();
                    self.header(&cols)?;
                }
                let raw = self.raw;
                let cells = self
                    .columns
                    .iter()
                    .map(|c| cell(map.get(c).unwrap_or(&Value::Null), raw));
                let line = csv_line(cells);
                self.out.write_all(line.as_bytes())?;
            }
        }
        Ok(())
    }

    /// Flushes; a closed pipe downstream is not an error.
    pub fn finish(mut self) -> Result<()> {
        match self.out.flush() {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
            r => Ok(r?),
        }
    }
}

fn cell(v: &Value, raw: bool) -> String {
    match v {
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => {
            if raw {
                s.clone()
            } else {
                neutralise(s)
            }
        }
        Value::Array(items) => {
            let joined: Vec<String> = items.iter().map(|i| cell(i, true)).collect();
            let s = joined.join(";");
            if raw {
                s
            } else {
                neutralise(&s)
            }
        }
        Value::Object(_) => v.to_string(),
    }
}

/// Prefixes an apostrophe to text a spreadsheet would evaluate as a formula.
pub fn neutralise(s: &str) -> String {
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']) && s != "-";
    if risky && s.trim().parse::<f64>().is_err() {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// One RFC 4180 line: fields quoted when they hold a comma, quote, CR or LF; CRLF-free `\n` end.
fn csv_line(cells: impl Iterator<Item = String>) -> String {
    let mut line = String::new();
    for (i, c) in cells.enumerate() {
        if i > 0 {
            line.push(',');
        }
        if c.contains([',', '"', '\n', '\r']) {
            line.push('"');
            line.push_str(&c.replace('"', "\"\""));
            line.push('"');
        } else {
            line.push_str(&c);
        }
    }
    line.push('\n');
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_but_numbers_are_not() {
        assert_eq!(neutralise("=1+2"), "'=1+2");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("+7 701"), "'+7 701");
        assert_eq!(neutralise("-0.5"), "-0.5");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("Токаев"), "Токаев");
    }

    #[test]
    fn quoting() {
        let l = csv_line(
            vec![
                "a,b".to_string(),
                "say \"hi\"".to_string(),
                "x\ny".to_string(),
                "z".to_string(),
            ]
            .into_iter(),
        );
        assert_eq!(l, "\"a,b\",\"say \"\"hi\"\"\",\"x\ny\",z\n");
    }
}
