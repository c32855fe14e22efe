//! The test provider process, and a browser's part of the flow at the provider: a tiny
//! HTTP/1.1 client with a cookie jar that follows the provider's redirects until it sends the
//! browser back to us.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// Where the provider sends people back to (the app's address plus the callback path).
pub const BASE_URL: &str = "http://127.0.0.1:9";
pub const CLIENT_ID: &str = "raamwerk-test";
pub const CLIENT_SECRET: &str = "test-secret-of-enough-length-0123456789";

/// A running provider; stops when dropped.
pub struct Provider {
    child: Child,
    pub issuer: String,
    pub profile: &'static str,
}

impl Provider {
    /// `profile` is `surfconext` or `entree`; `accounts` a JSON array of
    /// `{login, sub, email, name, org?}`.
    pub fn start(profile: &'static str, accounts: &str, code_ttl: u32) -> Provider {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/oidc/provider.mjs");
        let mut child = Command::new("node")
            .arg(&script)
            .env("PROFILE", profile)
            .env("CLIENT_ID", CLIENT_ID)
            .env("CLIENT_SECRET", CLIENT_SECRET)
            .env("REDIRECT_URI", format!("{BASE_URL}/sso/callback"))
            .env("ACCOUNTS", accounts)
            .env("CODE_TTL", code_ttl.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("node runs (scripts/test installs tests/oidc)");
        let stdout = child.stdout.take().expect("stdout");
        // Its stderr is read all along (a pipe nobody reads could fill and stop it) and kept
        // for a provider that does not start.
        let stderr = child.stderr.take().expect("stderr");
        let (told, said) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut all = String::new();
            let _ = std::io::Read::read_to_string(&mut BufReader::new(stderr), &mut all);
            let _ = told.send(all);
        });
        // Read on a thread, so that a provider that never starts fails the test in time.
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        let line = rx
            .recv_timeout(std::time::Duration::from_secs(60))
            .unwrap_or_default();
        let Some(issuer) = line.trim().strip_prefix("ISSUER ").map(str::to_owned) else {
            // What it said on stderr tells why (stopped first, so that the pipe ends).
            let _ = child.kill();
            let _ = child.wait();
            let said = said
                .recv_timeout(std::time::Duration::from_secs(5))
                .unwrap_or_default();
            panic!("the provider did not start (npm ci in tests/oidc?): {line:?}; it said: {said}");
        };
        Provider {
            child,
            issuer,
            profile,
        }
    }

    /// The app's setting for this provider.
    pub fn config(&self, id: &str, name: &str) -> domain::sso::ProviderConfig {
        let claim = match self.profile {
            "entree" => "nlEduPersonHomeOrganizationId",
            _ => "schac_home_organization",
        };
        format!(
            "id={id},name={name},issuer={},client-id={CLIENT_ID},client-secret={CLIENT_SECRET},claim={claim}",
            self.issuer
        )
        .parse()
        .expect("a valid provider")
    }

    /// Posts to one of the provider's test controls (`/test/rotate`, …).
    pub fn control(&self, path: &str, body: &str) {
        let answer = request(&format!("{}{path}", self.issuer), "POST", &[], body);
        assert_eq!(answer.status, 204, "{path}: {}", answer.body);
    }

    /// A browser at the provider: opens `url` (an authorization request), signs in as
    /// `login` (by login hint), and follows redirects until the provider sends it back to
    /// us; returns that address's path and query.
    pub fn sign_in(&self, url: &str, login: &str) -> String {
        let mut jar = BTreeMap::new();
        let mut next = format!("{url}&login_hint={login}");
        for _ in 0..10 {
            let cookies: Vec<String> = jar.iter().map(|(k, v)| format!("{k}={v}")).collect();
            let cookie = cookies.join("; ");
            let answer = request(&next, "GET", &[("cookie", &cookie)], "");
            for set in answer.headers.iter().filter(|(n, _)| n == "set-cookie") {
                if let Some((name, rest)) = set.1.split_once('=') {
                    let value = rest.split(';').next().unwrap_or_default();
                    jar.insert(name.trim().to_owned(), value.to_owned());
                }
            }
            let location = answer.header("location");
            assert!(
                (300..400).contains(&answer.status),
                "the provider should redirect, got {}: {}",
                answer.status,
                answer.body
            );
            if let Some(back) = location.strip_prefix(BASE_URL) {
                return back.to_owned();
            }
            next = if location.starts_with("http") {
                location.to_owned()
            } else {
                format!("{}{location}", self.issuer)
            };
        }
        panic!("the provider did not send the browser back");
    }
}

impl Drop for Provider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Answer {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, v)| v.as_str())
    }
}

/// One HTTP/1.1 request to the provider (plain HTTP on 127.0.0.1), read to its end.
pub fn request(url: &str, method: &str, headers: &[(&str, &str)], body: &str) -> Answer {
    let rest = url.strip_prefix("http://").expect("http");
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let path = if path.is_empty() { "/" } else { path };
    let mut stream = TcpStream::connect(authority).expect("the provider listens");
    // A provider that stops answering fails the test instead of hanging it.
    let limit = Some(std::time::Duration::from_secs(20));
    stream.set_read_timeout(limit).expect("timeout");
    stream.set_write_timeout(limit).expect("timeout");
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nhost: {authority}\r\nconnection: close\r\ncontent-length: {}\r\n",
        body.len()
    );
    if !body.is_empty() {
        head.push_str("content-type: application/json\r\n");
    }
    for (name, value) in headers {
        if !value.is_empty() {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).expect("write");
    stream.write_all(body.as_bytes()).expect("write");
    let mut raw = Vec::new();
    stream
        .read_to_end(&mut raw)
        .unwrap_or_else(|e| panic!("{method} {url}: no (whole) answer: {e}"));
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    Answer {
        status,
        headers,
        body: body.to_owned(),
    }
}

/// The value of `name` in a URL's query.
pub fn query_value(url: &str, name: &str) -> Option<String> {
    let query = url.split_once('?')?.1;
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k == name).then(|| v.to_owned())
    })
}

/// The URL with `name`'s value in its query replaced.
pub fn with_query_value(url: &str, name: &str, value: &str) -> String {
    let Some((base, query)) = url.split_once('?') else {
        return url.to_owned();
    };
    let pairs: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((k, _)) if k == name => format!("{k}={value}"),
            _ => pair.to_owned(),
        })
        .collect();
    format!("{base}?{}", pairs.join("&"))
}
