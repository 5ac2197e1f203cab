//! Fetching pages and feeds over HTTP: connect and read timeouts, a size limit, a bounded
//! number of redirects, a user agent that names vigie, and conditional GET (a validator
//! cache of ETag and Last-Modified per URL, so that re-polling a feed costs a 304).

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// How pages are fetched.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    pub connect_timeout: Duration,
    /// Whole-request timeout (a slow server is cut off after this).
    pub timeout: Duration,
    /// Largest body accepted, in bytes.
    pub max_bytes: u64,
    pub max_redirects: u32,
    pub user_agent: String,
}

impl Default for FetchOptions {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_bytes: 8 << 20,
            max_redirects: 5,
            user_agent: format!(
                "vigie/{} (news event extraction; +https://crates.io/crates/vigie)",
                env!("CARGO_PKG_VERSION")
            ),
        }
    }
}

/// The validators a server gave for a URL.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Validators {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
}

/// URL → validators, kept between runs in a JSON file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidatorCache {
    pub urls: BTreeMap<String, Validators>,
}

impl ValidatorCache {
    /// Load a cache file; a missing file is an empty cache.
    pub fn load(path: &Path) -> Result<Self, String> {
        match std::fs::read(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(e) => Err(format!("{}: {e}", path.display())),
            Ok(b) => serde_json::from_slice(&b).map_err(|e| format!("{}: {e}", path.display())),
        }
    }
    pub fn save(&self, path: &Path) -> Result<(), String> {
        let b = serde_json::to_vec_pretty(self).map_err(|e| e.to_string())?;
        std::fs::write(path, b).map_err(|e| format!("{}: {e}", path.display()))
    }
}

/// A fetched body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The URL after redirects.
    pub url: String,
    pub body: Vec<u8>,
    /// The charset of the `Content-Type` header, if any.
    pub charset: Option<String>,
    pub content_type: String,
}

/// What a fetch gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchResult {
    Page(Fetched),
    /// 304: unchanged since the validators were stored.
    NotModified,
}

pub struct Fetcher {
    agent: ureq::Agent,
    opts: FetchOptions,
    pub cache: ValidatorCache,
}

impl Fetcher {
    pub fn new(opts: FetchOptions, cache: ValidatorCache) -> Self {
        let agent = ureq::AgentBuilder::new()
            .timeout_connect(opts.connect_timeout)
            .timeout(opts.timeout)
            .redirects(opts.max_redirects)
            .user_agent(&opts.user_agent)
            .build();
        Self { agent, opts, cache }
    }

    /// GET a URL, conditionally when validators are known for it.
    pub fn get(&mut self, url: &str) -> Result<FetchResult, String> {
        let mut req = self.agent.get(url);
        if let Some(v) = self.cache.urls.get(url) {
            if let Some(e) = &v.etag {
                req = req.set("If-None-Match", e);
            }
            if let Some(l) = &v.last_modified {
                req = req.set("If-Modified-Since", l);
            }
        }
        let resp = match req.call() {
            Ok(r) => r,
            Err(ureq::Error::Status(code, r)) => {
                return Err(format!("HTTP {code} {}", r.status_text()));
            }
            Err(ureq::Error::Transport(t)) => {
                let msg = t.to_string();
                return Err(if msg.contains("redirect") {
                    format!("too many redirects (limit {})", self.opts.max_redirects)
                } else {
                    msg
                });
            }
        };
        if resp.status() == 304 {
            return Ok(FetchResult::NotModified);
        }
        if (300..400).contains(&resp.status()) {
            return Err(format!(
                "too many redirects (limit {}), last HTTP {}",
                self.opts.max_redirects,
                resp.status()
            ));
        }
        let final_url = resp.get_url().to_string();
        let validators = Validators {
            etag: resp.header("ETag").map(str::to_string),
            last_modified: resp.header("Last-Modified").map(str::to_string),
        };
        let content_type = resp.header("Content-Type").unwrap_or("").to_string();
        let charset = resp.charset().to_string();
        let declared = content_type.to_ascii_lowercase().contains("charset=");
        if let Some(len) = resp
            .header("Content-Length")
            .and_then(|l| l.trim().parse::<u64>().ok())
        {
            if len > self.opts.max_bytes {
                return Err(format!(
                    "body of {len} bytes exceeds the limit of {} bytes",
                    self.opts.max_bytes
                ));
            }
        }
        let mut body = Vec::new();
        resp.into_reader()
            .take(self.opts.max_bytes + 1)
            .read_to_end(&mut body)
            .map_err(|e| format!("reading the body: {e}"))?;
        if body.len() as u64 > self.opts.max_bytes {
            return Err(format!(
                "body exceeds the limit of {} bytes",
                self.opts.max_bytes
            ));
        }
        if validators.etag.is_some() || validators.last_modified.is_some() {
            self.cache.urls.insert(url.to_string(), validators);
        }
        Ok(FetchResult::Page(Fetched {
            url: final_url,
            body,
            charset: declared.then_some(charset),
            content_type,
        }))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    //! A local HTTP server on 127.0.0.1 with scripted answers; no outside address is used.
    use super::*;
    use std::io::{BufRead, BufReader, Write};
    use std::net::{TcpListener, TcpStream};
    use std::sync::Arc;
    use std::thread;

    /// A scripted answer: (status, headers, body, delay before answering).
    pub(crate) type Answer = (u16, Vec<(String, String)>, Vec<u8>, Duration);
    pub(crate) type Handler = dyn Fn(&str, &[(String, String)]) -> Answer + Send + Sync;
    pub(crate) type Script = Arc<Handler>;

    /// Start a server answering `script(path, request headers)`; it serves `max` connections
    /// then stops. Returns its base URL.
    pub(crate) fn serve(script: Script, max: usize) -> String {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        thread::spawn(move || {
            for stream in listener.incoming().take(max) {
                let Ok(stream) = stream else { continue };
                let script = script.clone();
                thread::spawn(move || handle(stream, &*script));
            }
        });
        base
    }

    fn handle(mut stream: TcpStream, script: &Handler) {
        let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut line = String::new();
        if reader.read_line(&mut line).is_err() {
            return;
        }
        let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
        let mut headers = Vec::new();
        loop {
            let mut h = String::new();
            if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
                break;
            }
            if let Some((k, v)) = h.split_once(':') {
                headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
            }
        }
        let (status, hdrs, body, delay) = script(&path, &headers);
        thread::sleep(delay);
        let mut out = format!(
            "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n",
            body.len()
        );
        for (k, v) in hdrs {
            out.push_str(&k);
            out.push_str(": ");
            out.push_str(&v);
            out.push_str("\r\n");
        }
        out.push_str("\r\n");
        let _ = stream.write_all(out.as_bytes());
        let _ = stream.write_all(&body);
    }

    pub(crate) fn ok(ct: &str, body: &str) -> Answer {
        (
            200,
            vec![("Content-Type".into(), ct.into())],
            body.as_bytes().to_vec(),
            Duration::ZERO,
        )
    }

    fn script() -> Script {
        Arc::new(|path: &str, req: &[(String, String)]| -> Answer {
            let header = |k: &str| req.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
            match path {
                "/page" => ok("text/html; charset=utf-8", "<p>Bonjour</p>"),
                "/latin1" => (
                    200,
                    vec![(
                        "Content-Type".into(),
                        "text/html; charset=iso-8859-1".into(),
                    )],
                    b"<p>d\xe9j\xe0</p>".to_vec(),
                    Duration::ZERO,
                ),
                "/moved" => (
                    301,
                    vec![("Location".into(), "/page".into())],
                    vec![],
                    Duration::ZERO,
                ),
                "/loop" => (
                    302,
                    vec![("Location".into(), "/loop".into())],
                    vec![],
                    Duration::ZERO,
                ),
                "/missing" => (404, vec![], b"no".to_vec(), Duration::ZERO),
                "/broken" => (500, vec![], b"oops".to_vec(), Duration::ZERO),
                "/slow" => (200, vec![], b"late".to_vec(), Duration::from_millis(1500)),
                "/big" => (200, vec![], vec![b'x'; 5000], Duration::ZERO),
                "/etag" => {
                    if header("if-none-match") == Some("\"v1\"") {
                        (304, vec![], vec![], Duration::ZERO)
                    } else {
                        (
                            200,
                            vec![("ETag".into(), "\"v1\"".into())],
                            b"<p>v1</p>".to_vec(),
                            Duration::ZERO,
                        )
                    }
                }
                "/lastmod" => {
                    let lm = "Wed, 21 Oct 2015 07:28:00 GMT";
                    if header("if-modified-since") == Some(lm) {
                        (304, vec![], vec![], Duration::ZERO)
                    } else {
                        (
                            200,
                            vec![("Last-Modified".into(), lm.into())],
                            b"<p>v</p>".to_vec(),
                            Duration::ZERO,
                        )
                    }
                }
                "/ua" => ok("text/plain", header("user-agent").unwrap_or("")),
                _ => (404, vec![], vec![], Duration::ZERO),
            }
        })
    }

    fn fetcher() -> Fetcher {
        Fetcher::new(
            FetchOptions {
                connect_timeout: Duration::from_secs(2),
                timeout: Duration::from_millis(500),
                max_bytes: 1000,
                max_redirects: 3,
                ..FetchOptions::default()
            },
            ValidatorCache::default(),
        )
    }

    fn page(r: Result<FetchResult, String>) -> Fetched {
        match r {
            Ok(FetchResult::Page(p)) => p,
            other => panic!("expected a page, got {other:?}"),
        }
    }

    #[test]
    fn local_server_answers_cover_the_failure_modes() {
        let base = serve(script(), 40);
        let mut f = fetcher();
        let p = page(f.get(&format!("{base}/page")));
        assert_eq!(p.body, b"<p>Bonjour</p>");
        assert_eq!(p.charset.as_deref(), Some("utf-8"));
        let p = page(f.get(&format!("{base}/latin1")));
        assert_eq!(p.charset.as_deref(), Some("iso-8859-1"));
        // a redirect is followed and the final URL kept
        let p = page(f.get(&format!("{base}/moved")));
        assert_eq!(p.url, format!("{base}/page"));
        // a redirect loop stops at the limit
        let e = f.get(&format!("{base}/loop")).unwrap_err();
        assert!(e.contains("redirect"), "{e}");
        let e = f.get(&format!("{base}/missing")).unwrap_err();
        assert!(e.starts_with("HTTP 404"), "{e}");
        let e = f.get(&format!("{base}/broken")).unwrap_err();
        assert!(e.starts_with("HTTP 500"), "{e}");
        let t = std::time::Instant::now();
        let e = f.get(&format!("{base}/slow")).unwrap_err();
        assert!(t.elapsed() < Duration::from_millis(1400), "{e}");
        let e = f.get(&format!("{base}/big")).unwrap_err();
        assert!(e.contains("exceeds the limit"), "{e}");
        let p = page(f.get(&format!("{base}/ua")));
        assert!(String::from_utf8_lossy(&p.body).starts_with("vigie/"));
    }

    #[test]
    fn conditional_get_turns_a_second_fetch_into_not_modified() {
        let base = serve(script(), 10);
        let mut f = fetcher();
        for path in ["/etag", "/lastmod"] {
            let url = format!("{base}{path}");
            assert!(matches!(f.get(&url), Ok(FetchResult::Page(_))));
            assert_eq!(f.get(&url), Ok(FetchResult::NotModified));
        }
        // the validators survive a save and load
        let dir = std::env::temp_dir().join(format!("vigie-cache-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("cache.json");
        f.cache.save(&file).unwrap();
        let mut g = Fetcher::new(
            FetchOptions::default(),
            ValidatorCache::load(&file).unwrap(),
        );
        assert_eq!(g.get(&format!("{base}/etag")), Ok(FetchResult::NotModified));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
