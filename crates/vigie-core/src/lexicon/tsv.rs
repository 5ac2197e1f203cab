//! The TSV dialect of lexicon files: UTF-8, one header line naming the columns, `#` starts a
//! comment line, blank lines ignored, fields separated by one tab. Every row keeps its file
//! and line number so validation and `vigie explain` can point at it.

use super::LexiconError;

/// A parsed table.
#[derive(Debug, Clone)]
pub struct Table {
    pub file: String,
    pub columns: Vec<String>,
    pub rows: Vec<Row>,
}

/// One data row.
#[derive(Debug, Clone)]
pub struct Row {
    pub line: usize,
    pub fields: Vec<String>,
}

impl Table {
    pub fn parse(file: &str, bytes: &[u8]) -> Result<Self, LexiconError> {
        let err = |line, message: String| LexiconError {
            file: file.to_string(),
            line,
            message,
        };
        let text = std::str::from_utf8(bytes).map_err(|e| err(0, format!("not UTF-8: {e}")))?;
        let mut columns: Option<Vec<String>> = None;
        let mut rows = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let raw = raw.strip_suffix('\r').unwrap_or(raw);
            if raw.trim().is_empty() || raw.starts_with('#') {
                continue;
            }
            let fields: Vec<String> = raw.split('\t').map(|f| f.trim().to_string()).collect();
            match &columns {
                None => columns = Some(fields),
                Some(cols) => {
                    if fields.len() > cols.len() {
                        return Err(err(
                            line,
                            format!("{} fields, header has {}", fields.len(), cols.len()),
                        ));
                    }
                    rows.push(Row { line, fields });
                }
            }
        }
        let columns = columns.ok_or_else(|| err(0, "no header line".into()))?;
        Ok(Self {
            file: file.to_string(),
            columns,
            rows,
        })
    }

    /// Index of a column; an error naming the file when it is absent.
    pub fn col(&self, name: &str) -> Result<usize, LexiconError> {
        self.columns
            .iter()
            .position(|c| c == name)
            .ok_or_else(|| LexiconError {
                file: self.file.clone(),
                line: 1,
                message: format!("missing column `{name}`"),
            })
    }

    /// Indexes of several columns, in the order asked; the first missing one is the error.
    pub fn cols(&self, names: &[&str]) -> Result<Vec<usize>, LexiconError> {
        names.iter().map(|n| self.col(n)).collect()
    }

    /// An error at a row.
    pub fn error(&self, row: &Row, message: impl Into<String>) -> LexiconError {
        LexiconError {
            file: self.file.clone(),
            line: row.line,
            message: message.into(),
        }
    }

    /// Field `i` as a flag: `yes` or `no`, anything else an error at the row naming the column.
    pub fn yes_no(&self, row: &Row, i: usize) -> Result<bool, LexiconError> {
        match row.get(i) {
            "yes" => Ok(true),
            "no" => Ok(false),
            other => Err(self.error(
                row,
                format!(
                    "`{}` is yes or no, not `{other}`",
                    self.columns.get(i).map_or("", String::as_str)
                ),
            )),
        }
    }

    /// `file:line` of a row, for explanations.
    pub fn at(&self, row: &Row) -> String {
        format!("{}:{}", self.file, row.line)
    }

    /// The `|`-separated single words of field `i` (cue lists), trimmed and non-empty; an
    /// entry with a space is reported as an error at its row and left out, because cue
    /// sets are looked up one token at a time and could never match it.
    pub fn single_words<'r>(
        &self,
        row: &'r Row,
        i: usize,
        errors: &mut Vec<LexiconError>,
    ) -> Vec<&'r str> {
        let mut out = Vec::new();
        for w in row
            .get(i)
            .split('|')
            .map(str::trim)
            .filter(|w| !w.is_empty())
        {
            if w.contains(' ') {
                errors.push(self.error(row, format!("cues are single words: `{w}`")));
            } else {
                out.push(w);
            }
        }
        out
    }
}

impl Row {
    /// Field `i`, empty when the row is shorter.
    pub fn get(&self, i: usize) -> &str {
        self.fields.get(i).map_or("", String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_header_comments_and_rows_with_lines() {
        let t = Table::parse("x.tsv", b"# c\nname\tcode\n\nRussie\tRUS\nFrance\tFRA\n").unwrap();
        assert_eq!(t.columns, ["name", "code"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[1].line, 5);
        assert_eq!(t.rows[1].get(t.col("code").unwrap()), "FRA");
    }

    #[test]
    fn reports_file_and_line_of_a_bad_row() {
        let e = Table::parse("x.tsv", b"a\tb\n1\t2\t3\n").unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("x.tsv", 2));
        assert!(Table::parse("x.tsv", b"a\n").unwrap().col("b").is_err());
        assert!(Table::parse("x.tsv", b"\xff\n").is_err());
    }

    #[test]
    fn flags_are_yes_or_no_and_a_bad_one_names_its_column_and_line() {
        let t = Table::parse(
            "x.tsv",
            b"code	home
14	yes
03	no
17	maybe
",
        )
        .unwrap();
        assert!(t.yes_no(&t.rows[0], 1).unwrap());
        assert!(!t.yes_no(&t.rows[1], 1).unwrap());
        let e = t.yes_no(&t.rows[2], 1).unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("x.tsv", 4));
        assert_eq!(e.message, "`home` is yes or no, not `maybe`");
    }
}
