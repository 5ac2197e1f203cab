//! Microsoft Recognizers-Text DateTime specs: one case per short input, with the expected
//! spans and their resolutions. Cases become documents; `ReferenceDateTime` is the anchor.

use serde_json::Value;

use super::{GoldDoc, Timex};

/// The TimeML type of a Recognizers type name (`datetimeV2.daterange` → `DATE`).
fn timeml_type(t: &str) -> &'static str {
    let t = t.rsplit('.').next().unwrap_or(t);
    match t {
        "duration" => "DURATION",
        "time" | "timerange" => "TIME",
        "set" => "SET",
        _ => "DATE",
    }
}

/// Every value a result accepts: timexes, resolved dates, range starts.
fn values(r: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |v: Option<&Value>| {
        if let Some(s) = v.and_then(Value::as_str) {
            if !s.is_empty() && !out.iter().any(|o| o == s) {
                out.push(s.to_string());
            }
        }
    };
    if let Some(v) = r.get("Value") {
        push(v.get("Timex"));
        for res in ["PastResolution", "FutureResolution"] {
            if let Some(x) = v.get(res) {
                push(x.get("date"));
                push(x.get("startDate"));
            }
        }
    }
    if let Some(vs) = r.pointer("/Resolution/values").and_then(Value::as_array) {
        for v in vs {
            push(v.get("timex"));
            push(v.get("value"));
            push(v.get("start"));
        }
    }
    out
}

/// Read one spec file. `with_reference_only` keeps the cases that give a reference date.
pub fn read_recognizers(
    name: &str,
    json: &str,
    lang: &str,
    with_reference_only: bool,
) -> Result<Vec<GoldDoc>, String> {
    let json = json.trim_start_matches('\u{feff}');
    let cases: Vec<Value> = serde_json::from_str(json).map_err(|e| format!("{name}: {e}"))?;
    let mut out = Vec::new();
    for (i, c) in cases.iter().enumerate() {
        let Some(text) = c.get("Input").and_then(Value::as_str) else {
            continue;
        };
        let dct = c
            .pointer("/Context/ReferenceDateTime")
            .and_then(Value::as_str)
            .map(|s| s.chars().take(10).collect::<String>());
        if with_reference_only && dct.is_none() {
            continue;
        }
        let mut timexes = Vec::new();
        for r in c
            .get("Results")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let Some(start) = r.get("Start").and_then(Value::as_u64) else {
                continue;
            };
            let start = start as usize;
            let end = match (
                r.get("Length").and_then(Value::as_u64),
                r.get("End").and_then(Value::as_u64),
            ) {
                (Some(l), _) => start + l as usize,
                // `End` is the offset of the last character
                (None, Some(e)) => e as usize + 1,
                (None, None) => continue,
            };
            let t = r
                .get("TypeName")
                .or_else(|| r.get("Type"))
                .and_then(Value::as_str)
                .unwrap_or("date");
            timexes.push(Timex {
                start,
                end,
                ttype: timeml_type(t).to_string(),
                values: values(r),
            });
        }
        out.push(GoldDoc {
            id: format!("{name}#{i}"),
            text: text.to_string(),
            lang: Some(lang.to_string()),
            dct,
            timexes,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_model_and_parser_cases() {
        let json = "\u{feff}[{\"Input\": \"Je pars en mai\", \"Context\": {\"ReferenceDateTime\": \"2016-11-07T00:00:00\"}, \"Results\": [{\"Text\": \"mai\", \"Start\": 11, \"End\": 13, \"TypeName\": \"datetimeV2.daterange\", \"Resolution\": {\"values\": [{\"timex\": \"XXXX-05\", \"start\": \"2016-05-01\"}]}}]},
        {\"Input\": \"sans date\", \"Results\": []}]";
        let d = read_recognizers("x", json, "fr", true).unwrap();
        assert_eq!(d.len(), 1);
        let t = &d[0].timexes[0];
        assert_eq!((t.start, t.end, t.ttype.as_str()), (11, 14, "DATE"));
        assert_eq!(t.values, ["XXXX-05", "2016-05-01"]);
        assert_eq!(read_recognizers("x", json, "fr", false).unwrap().len(), 2);
    }
}
