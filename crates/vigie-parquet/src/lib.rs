//! Events from the store as an Apache Parquet file (one row per event, snappy-compressed,
//! flushed in row groups of [`ROWS_PER_BATCH`]), readable by pandas, DuckDB, Spark and R.
//! `date` is a Parquet DATE (days since 1970), the rest plain strings and numbers, nullable
//! where the store may have nothing.

use std::fs::File;
use std::path::Path;
use std::sync::Arc;

use arrow_array::builder::{Date32Builder, Float64Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use chrono::NaiveDate;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use vigie_store::{EventQuery, EventRow, Store, StoreError};

pub const ROWS_PER_BATCH: usize = 65_536;

#[derive(Debug, thiserror::Error)]
pub enum ParquetExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
    #[error("arrow: {0}")]
    Arrow(#[from] arrow_schema::ArrowError),
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
}

/// The columns, in order.
pub fn schema() -> Schema {
    let s = |n: &str, null| Field::new(n, DataType::Utf8, null);
    let i = |n: &str, null| Field::new(n, DataType::Int64, null);
    let f = |n: &str, null| Field::new(n, DataType::Float64, null);
    Schema::new(vec![
        s("doc_id", false),
        s("event_id", false),
        Field::new("date", DataType::Date32, true),
        s("plover", false),
        s("cameo", false),
        f("goldstein", false),
        i("quad_class", false),
        s("status", false),
        s("source_code", true),
        s("source_text", true),
        s("target_code", true),
        s("target_text", true),
        s("place", true),
        i("geonameid", true),
        s("place_country", true),
        f("lat", true),
        f("lon", true),
        s("trigger", false),
        i("trigger_start", false),
        i("trigger_end", false),
        i("sentence", false),
        f("confidence", false),
        i("cluster", true),
        i("num_mentions", false),
        i("num_sources", false),
        i("num_articles", false),
        s("outlet", true),
        s("url", true),
        s("title", true),
        s("evidence", false),
    ])
}

/// Days since 1970-01-01 of an ISO date.
fn date32(d: Option<&str>) -> Option<i32> {
    let d = NaiveDate::parse_from_str(d?, "%Y-%m-%d").ok()?;
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    i32::try_from((d - epoch).num_days()).ok()
}

#[derive(Default)]
struct Columns {
    s: Vec<StringBuilder>,
    i: Vec<Int64Builder>,
    f: Vec<Float64Builder>,
    date: Date32Builder,
    rows: usize,
}

impl Columns {
    fn new() -> Self {
        Self {
            s: (0..16).map(|_| StringBuilder::new()).collect(),
            i: (0..9).map(|_| Int64Builder::new()).collect(),
            f: (0..4).map(|_| Float64Builder::new()).collect(),
            ..Self::default()
        }
    }

    fn push(&mut self, r: &EventRow) {
        let (s, i, f) = (&mut self.s, &mut self.i, &mut self.f);
        s[0].append_value(&r.doc_id);
        s[1].append_value(&r.event_id);
        self.date.append_option(date32(r.date.as_deref()));
        s[2].append_value(&r.plover);
        s[3].append_value(&r.cameo);
        f[0].append_value(r.goldstein);
        i[0].append_value(r.quad_class);
        s[4].append_value(&r.status);
        s[5].append_option(r.source_code.as_deref());
        s[6].append_option(r.source_text.as_deref());
        s[7].append_option(r.target_code.as_deref());
        s[8].append_option(r.target_text.as_deref());
        s[9].append_option(r.place.as_deref());
        i[1].append_option(r.geonameid);
        s[10].append_option(r.place_country.as_deref());
        f[1].append_option(r.lat);
        f[2].append_option(r.lon);
        s[11].append_value(&r.trigger);
        i[2].append_value(r.trigger_span[0]);
        i[3].append_value(r.trigger_span[1]);
        i[4].append_value(r.sentence);
        f[3].append_value(r.confidence);
        i[5].append_option(r.cluster);
        i[6].append_value(r.num_mentions);
        i[7].append_value(r.num_sources);
        i[8].append_value(r.num_articles);
        s[12].append_option(r.outlet.as_deref());
        s[13].append_option(r.url.as_deref());
        s[14].append_option(r.title.as_deref());
        s[15].append_value(&r.evidence);
        self.rows += 1;
    }

    /// The batch, columns in [`schema`] order.
    fn finish(&mut self, schema: &Arc<Schema>) -> Result<RecordBatch, ParquetExportError> {
        let (s, i, f) = (&mut self.s, &mut self.i, &mut self.f);
        let cols: Vec<ArrayRef> = vec![
            Arc::new(s[0].finish()),
            Arc::new(s[1].finish()),
            Arc::new(self.date.finish()),
            Arc::new(s[2].finish()),
            Arc::new(s[3].finish()),
            Arc::new(f[0].finish()),
            Arc::new(i[0].finish()),
            Arc::new(s[4].finish()),
            Arc::new(s[5].finish()),
            Arc::new(s[6].finish()),
            Arc::new(s[7].finish()),
            Arc::new(s[8].finish()),
            Arc::new(s[9].finish()),
            Arc::new(i[1].finish()),
            Arc::new(s[10].finish()),
            Arc::new(f[1].finish()),
            Arc::new(f[2].finish()),
            Arc::new(s[11].finish()),
            Arc::new(i[2].finish()),
            Arc::new(i[3].finish()),
            Arc::new(i[4].finish()),
            Arc::new(f[3].finish()),
            Arc::new(i[5].finish()),
            Arc::new(i[6].finish()),
            Arc::new(i[7].finish()),
            Arc::new(i[8].finish()),
            Arc::new(s[12].finish()),
            Arc::new(s[13].finish()),
            Arc::new(s[14].finish()),
            Arc::new(s[15].finish()),
        ];
        self.rows = 0;
        Ok(RecordBatch::try_new(schema.clone(), cols)?)
    }
}

/// Write every event matching `q` to `path`. Returns the number of rows.
pub fn export(store: &Store, q: &EventQuery, path: &Path) -> Result<usize, ParquetExportError> {
    let schema = Arc::new(schema());
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build();
    let mut writer = ArrowWriter::try_new(File::create(path)?, schema.clone(), Some(props))?;
    let mut cols = Columns::new();
    let mut total = 0usize;
    let mut failed: Option<ParquetExportError> = None;
    store
        .for_each_event(q, |r| {
            cols.push(&r);
            total += 1;
            if cols.rows >= ROWS_PER_BATCH {
                match cols.finish(&schema).and_then(|b| Ok(writer.write(&b)?)) {
                    Ok(()) => {}
                    Err(e) => {
                        failed = Some(e);
                        return Err(StoreError::Invalid("parquet write failed".into()));
                    }
                }
            }
            Ok(())
        })
        // the store stops on our error; report the Parquet error that caused it
        .map_err(|e| failed.take().unwrap_or(e.into()))?;
    if cols.rows > 0 {
        let b = cols.finish(&schema)?;
        writer.write(&b)?;
    }
    writer.close()?;
    Ok(total)
}
