//! Helpers for the `workshop serve` tests: the real binary serving on a loopback port, and a
//! small HTTP/1.1 client (one request per connection) to talk to it.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use crate::common;

/// A running `fulcrum workshop serve`.
pub struct Server {
    child: Option<Child>,
    /// `127.0.0.1:PORT`.
    pub addr: String,
    /// The facilitator's token.
    pub token: String,
    /// What it printed on stdout before it was ready.
    pub banner: String,
    lines: std::sync::Mutex<mpsc::Receiver<String>>,
}

/// The `fulcrum` binary isolated from the developer's environment ([`common::command`]).
pub fn command(args: &[&str]) -> Command {
    let mut cmd = common::command();
    cmd.args(args);
    cmd
}

impl Server {
    /// Serves the mini fixture pack into `dir` on a free loopback port, in English.
    pub fn mini(dir: &Path) -> Server {
        Server::start(&[
            "--lang",
            "en",
            "--rules",
            "tests/fixtures/packs/mini",
            "workshop",
            "serve",
            "mini",
            "--bind",
            "127.0.0.1",
            "--port",
            "0",
            "--dir",
            dir.to_str().expect("a UTF-8 path"),
        ])
    }

    /// Starts the server with these arguments and waits until it prints its addresses.
    pub fn start(args: &[&str]) -> Server {
        let mut child = command(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the binary starts");
        let stdout = child.stdout.take().expect("stdout is piped");
        let (send, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        let mut banner = String::new();
        let (mut addr, mut token) = (None, None);
        while !banner.contains("Ctrl-C") {
            let line = lines
                .recv_timeout(Duration::from_secs(30))
                .unwrap_or_else(|_| panic!("the server printed no dashboard address:\n{banner}"));
            banner.push_str(&line);
            banner.push('\n');
            if addr.is_none()
                && let Some(rest) = line.trim().strip_prefix("http://127.0.0.1:")
            {
                addr = Some(format!("127.0.0.1:{}", rest.trim_end_matches('/')));
            }
            if let Some((_, t)) = line.split_once("token=") {
                token = Some(t.trim().to_string());
            }
        }
        Server {
            child: Some(child),
            addr: addr.expect("a participant address"),
            token: token.expect("a token"),
            banner,
            lines: std::sync::Mutex::new(lines),
        }
    }

    /// Serves the built-in pack into `dir` on a free loopback port, in English.
    pub fn builtin(dir: &Path) -> Server {
        Server::start(&[
            "--lang",
            "en",
            "workshop",
            "serve",
            "--bind",
            "127.0.0.1",
            "--port",
            "0",
            "--dir",
            dir.to_str().expect("a UTF-8 path"),
        ])
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.as_ref().expect("running").id()
    }

    /// Sends a request.
    pub fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> Response {
        request(&self.addr, method, path, headers, body.as_bytes())
    }

    /// `GET path`.
    pub fn get(&self, path: &str) -> Response {
        self.request("GET", path, &[], "")
    }

    /// `POST path` with a form body.
    pub fn post(&self, path: &str, form: &str) -> Response {
        self.request(
            "POST",
            path,
            &[("Content-Type", "application/x-www-form-urlencoded")],
            form,
        )
    }

    /// Joins as a new participant; returns the path of their pages (`/p/ID`).
    pub fn join(&self, lang: &str) -> String {
        let response = self.post("/start", &format!("lang={lang}"));
        assert_eq!(response.status, 303, "{}", response.body);
        response.header("location").expect("a location").to_string()
    }

    /// Stops the server with Ctrl-C (SIGINT) and returns its exit code and the rest of
    /// what it printed.
    pub fn interrupt(mut self) -> (i32, String) {
        let mut child = self.child.take().expect("running");
        let status = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success());
        let code = child.wait().expect("the server ends").code().unwrap_or(-1);
        // The reader ends at the end of stdout, once everything printed has arrived.
        let rest: Vec<String> = self.lines.get_mut().expect("not poisoned").iter().collect();
        (code, rest.join("\n"))
    }

    /// Kills the server at once (SIGKILL), as a crash would.
    pub fn kill(mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// An HTTP response.
#[derive(Debug)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// The headers, names in lowercase.
    pub headers: Vec<(String, String)>,
    /// The body as text (lossy).
    pub body: String,
    /// The body as bytes.
    pub bytes: Vec<u8>,
}

impl Response {
    /// The first header of this name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// One request on a new connection.
pub fn request(
    addr: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Response {
    let mut stream = TcpStream::connect(addr).expect("the server accepts");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("a timeout");
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream
        .write_all(head.as_bytes())
        .expect("the request is sent");
    stream.write_all(body).expect("the body is sent");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("a response");
    parse(&raw)
}

fn parse(raw: &[u8]) -> Response {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete head");
    let head = String::from_utf8_lossy(&raw[..split]);
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .expect("a status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let mut bytes = raw[split + 4..].to_vec();
    if headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.contains("chunked"))
    {
        bytes = dechunk(&bytes);
    }
    Response {
        status,
        body: String::from_utf8_lossy(&bytes).into_owned(),
        headers,
        bytes,
    }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(end) = data.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size =
            usize::from_str_radix(String::from_utf8_lossy(&data[..end]).trim(), 16).unwrap_or(0);
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&data[end + 2..end + 2 + size]);
        data = &data[end + 2 + size + 2..];
    }
}

/// Percent-encodes a form value.
pub fn enc(value: &str) -> String {
    value
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Answers the mini pack's questionnaire for one participant, from the start to the plan,
/// with `months` left (below 6 asks one more question). Returns the submitted file's path
/// relative to the answers folder, read from the answers download.
pub fn complete_mini(server: &Server, base: &str, org: &str, months: u32) {
    let steps: Vec<String> = {
        let mut s = vec![
            format!("at=org_name&do=next&v={}", enc(org)),
            "at=focus&do=next&v=1".to_string(),
            format!("at=months_left&do=next&v={months}"),
        ];
        if months < 6 {
            s.push("at=can_extend&do=next&v=0".to_string());
        }
        s.push("at=who&do=next&v=0&v=1".to_string());
        s.push("at=troubled&do=next&v=yes".to_string());
        s.push("at=review&do=confirm".to_string());
        s
    };
    for step in steps {
        let response = server.post(base, &step);
        assert_eq!(response.status, 303, "{step}: {}", response.body);
    }
}

/// The value of the first `name="NAME" value="…"` in a page.
fn form_value<'a>(page: &'a str, name: &str) -> Option<&'a str> {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page.find(&marker)? + marker.len();
    page[start..].split('"').next()
}

/// The values of a page's options (`name="v" value="…"` of radios and checkboxes).
fn option_values(page: &str) -> Vec<&str> {
    page.match_indices("name=\"v\" value=\"")
        .filter_map(|(at, m)| page[at + m.len()..].split('"').next())
        .collect()
}

/// Answers whatever questionnaire the server asks, page by page as a phone would (a GET of the
/// page, then the form's POST), until the plan: text gets `org`, numbers `3`, single choices
/// the option `seed` picks, multiple choices the first option. Returns how long every request
/// took.
pub fn complete_any(server: &Server, base: &str, org: &str, seed: usize) -> Vec<Duration> {
    let mut took = Vec::new();
    let mut timed = |f: &dyn Fn() -> Response| {
        let start = std::time::Instant::now();
        let response = f();
        took.push(start.elapsed());
        response
    };
    for _ in 0..200 {
        let page = timed(&|| server.get(base));
        assert_eq!(page.status, 200, "{}", page.body);
        let at = form_value(&page.body, "at")
            .expect("a question or the review")
            .to_string();
        let form = if at == "review" {
            "at=review&do=confirm".to_string()
        } else if page.body.contains("<textarea name=\"v\"") {
            format!("at={at}&do=next&v={}", enc(org))
        } else if page.body.contains("inputmode=\"numeric\"") {
            format!("at={at}&do=next&v=3")
        } else {
            let options = option_values(&page.body);
            let pick = if page.body.contains("type=\"checkbox\"") {
                options[0]
            } else {
                options[seed % options.len()]
            };
            format!("at={at}&do=next&v={pick}")
        };
        let answered = timed(&|| server.post(base, &form));
        assert_eq!(answered.status, 303, "{form}: {}", answered.body);
        if at == "review" {
            let plan = timed(&|| server.get(&format!("{base}/plan")));
            assert_eq!(plan.status, 200, "{}", plan.body);
            return took;
        }
    }
    panic!("the questionnaire did not end after 200 pages");
}
