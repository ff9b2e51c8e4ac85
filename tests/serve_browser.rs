//! `fulcrum workshop serve` in a real browser: headless Chromium at a phone's size, driven over
//! the Chrome DevTools protocol. The pages have no script of their own: the test types and
//! clicks, and every step is a real form submission.
//!
//! The browser comes from the distribution (`.ci/run` installs Debian's `chromium`). Without
//! one the test says so and passes, except under CI (`CI=true`), where it fails.

use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tungstenite::{Message, WebSocket, stream::MaybeTlsStream};

use crate::web::Server;

/// The browser to use: `FULCRUM_BROWSER`, else the first of the usual names on the PATH.
fn browser() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("FULCRUM_BROWSER") {
        return Some(PathBuf::from(path));
    }
    let names = [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ];
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

/// A headless browser and one page in it.
struct Browser {
    child: Child,
    socket: WebSocket<MaybeTlsStream<TcpStream>>,
    session: String,
    next_id: u64,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Browser {
    /// Starts the browser with a page the size of a phone (390 × 844 CSS pixels).
    fn start(path: &Path) -> Browser {
        let profile = tempfile::tempdir().unwrap();
        let mut child = Command::new(path)
            .args([
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--hide-scrollbars",
                "--remote-debugging-port=0",
                "about:blank",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the browser starts");
        let stderr = child.stderr.take().unwrap();
        let mut lines = BufReader::new(stderr).lines();
        let url = loop {
            let line = lines
                .next()
                .expect("the browser prints its DevTools address")
                .unwrap();
            if let Some(url) = line.strip_prefix("DevTools listening on ") {
                break url.trim().to_string();
            }
        };
        // Keep reading stderr so the browser never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        let (socket, _) = tungstenite::connect(url.as_str()).expect("DevTools connects");
        let mut browser = Browser {
            child,
            socket,
            session: String::new(),
            next_id: 0,
            _profile: profile,
        };
        let target = browser.call("Target.createTarget", json!({"url": "about:blank"}));
        let target_id = target["targetId"].as_str().unwrap().to_string();
        let attached = browser.call(
            "Target.attachToTarget",
            json!({"targetId": target_id, "flatten": true}),
        );
        browser.session = attached["sessionId"].as_str().unwrap().to_string();
        browser.call(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": true}),
        );
        browser.call("Page.enable", json!({}));
        browser
    }

    /// Sends a command (to the page once attached) and waits for its result.
    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({"id": id, "method": method, "params": params});
        if !self.session.is_empty() {
            message["sessionId"] = json!(self.session);
        }
        self.socket
            .send(Message::text(message.to_string()))
            .expect("a DevTools command is sent");
        loop {
            let reply = self.socket.read().expect("DevTools answers");
            let Message::Text(text) = reply else { continue };
            let value: Value = serde_json::from_str(text.as_str()).unwrap();
            if value["id"] == json!(id) {
                assert!(value.get("error").is_none(), "{method}: {value}");
                return value["result"].clone();
            }
        }
    }

    /// Evaluates JavaScript in the page (the test's hands, not the page's script).
    fn eval(&mut self, script: &str) -> Value {
        let result = self.call(
            "Runtime.evaluate",
            json!({"expression": script, "returnByValue": true, "awaitPromise": true}),
        );
        assert!(
            result.get("exceptionDetails").is_none(),
            "{script}: {result}"
        );
        result["result"]["value"].clone()
    }

    /// Does something that loads a new page, and waits until it has loaded.
    fn navigating(&mut self, script: &str) {
        self.eval("window.__fulcrumOld = true");
        self.eval(script);
        let start = Instant::now();
        loop {
            let done = self.eval(
                "typeof window.__fulcrumOld === 'undefined' && document.readyState === 'complete'",
            );
            if done == json!(true) {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "no new page after {script}"
            );
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    fn goto(&mut self, url: &str) {
        self.navigating(&format!("location.href = {}", json!(url)));
    }

    /// Clicks the element the selector finds.
    fn click(&mut self, selector: &str) {
        self.navigating(&format!(
            "document.querySelector({}).click()",
            json!(selector)
        ));
    }

    /// Types into the answer field.
    fn type_answer(&mut self, text: &str) {
        self.eval(&format!(
            "document.querySelector('[name=v]').value = {}",
            json!(text)
        ));
    }

    /// Ticks or chooses the option with this value.
    fn tick(&mut self, value: &str) {
        self.eval(&format!(
            "document.querySelector('input[name=v][value=\"{value}\"]').click()"
        ));
    }

    fn text(&mut self) -> String {
        self.eval("document.body.innerText")
            .as_str()
            .unwrap_or("")
            .to_string()
    }

    fn url(&mut self) -> String {
        self.eval("location.href")
            .as_str()
            .unwrap_or("")
            .to_string()
    }

    /// A PNG of the whole page.
    fn screenshot(&mut self) -> Vec<u8> {
        let shot = self.call(
            "Page.captureScreenshot",
            json!({"format": "png", "captureBeyondViewport": true}),
        );
        base64(shot["data"].as_str().unwrap())
    }
}

/// Decodes standard base64.
fn base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let clean: Vec<u8> = text
        .bytes()
        .filter(|&c| c != b'=' && !c.is_ascii_whitespace())
        .collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &c)| n | u32::from(value(c)) << (18 - 6 * i));
        out.extend_from_slice(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}

/// The browser, or `None` (with a message) when there is none and this is not CI.
fn browser_or_skip() -> Option<PathBuf> {
    let found = browser();
    if found.is_none() {
        assert!(
            std::env::var("CI").map_or(true, |v| v != "true"),
            "CI=true but no Chromium was found: .ci/run installs Debian's `chromium` package"
        );
        eprintln!(
            "SKIPPED: no Chromium found (install Debian's `chromium`, or set FULCRUM_BROWSER)"
        );
    }
    found
}

/// Saves a screenshot under docs/images when FULCRUM_SCREENSHOTS is set.
fn keep(browser: &mut Browser, name: &str) {
    let png = browser.screenshot();
    assert!(png.starts_with(b"\x89PNG"), "a PNG");
    if std::env::var_os("FULCRUM_SCREENSHOTS").is_some() {
        std::fs::write(crate::common::root().join("docs/images").join(name), png).unwrap();
    }
}

#[test]
fn a_phone_answers_in_chinese_and_gets_its_plan() {
    let Some(path) = browser_or_skip() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("room");
    let server = Server::mini(&dir);
    let mut phone = Browser::start(&path);

    // Join from the printed address and switch to Chinese.
    phone.goto(&format!("http://{}/", server.addr));
    phone.click("a.lang");
    assert!(phone.text().contains("开始回答"), "{}", phone.text());
    phone.click("button[type=submit]");
    assert!(phone.url().contains("/p/"), "{}", phone.url());
    assert!(phone.text().contains("机构名称？"));

    phone.type_answer("湖畔社区");
    phone.click("button[value=next]");
    phone.tick("0");
    phone.click("button[value=next]");
    // A validation error, fixed.
    phone.type_answer("200");
    phone.click("button[value=next]");
    assert!(
        phone.text().contains("请输入 0 到 120 之间的整数。"),
        "{}",
        phone.text()
    );
    phone.type_answer("3");
    phone.click("button[value=next]");
    // Three months opens the skip-logic branch; Back and forward again.
    assert!(phone.text().contains("能否延期？"), "{}", phone.text());
    phone.click("button[value=back]");
    assert_eq!(
        phone.eval("document.querySelector('[name=v]').value"),
        json!("3"),
        "Back keeps the answer"
    );
    phone.click("button[value=next]");
    phone.tick("1");
    phone.click("button[value=next]");
    phone.tick("0");
    phone.tick("1");
    keep(&mut phone, "serve-question-zh.png");
    phone.click("button[value=next]");
    phone.tick("no");
    phone.click("button[value=next]");

    // Change an answer from the review.
    assert!(phone.text().contains("检查你的回答"));
    phone.click("button[name=change][value=focus]");
    assert!(phone.text().contains("机构定位？"));
    phone.tick("1");
    phone.click("button[value=next]");
    let review = phone.text();
    assert!(
        review.contains("营造") && review.contains("3 个月"),
        "{review}"
    );
    keep(&mut phone, "serve-review-zh.png");
    phone.click("button[value=confirm]");

    // The plan, with its buttons; the print button is shown by the page's own script.
    assert!(phone.url().ends_with("/plan"), "{}", phone.url());
    let plan = phone.text();
    assert!(
        plan.contains("湖畔社区") && plan.contains("下载答案文件"),
        "{plan}"
    );
    assert_eq!(
        phone.eval("document.querySelector('button.print').hidden"),
        json!(false)
    );
    keep(&mut phone, "serve-plan-zh.png");

    // The file on disk, and the dashboard's count.
    let saved = std::fs::read_to_string(dir.join("湖畔社区.toml")).unwrap();
    assert!(
        saved.contains("lang = \"zh\"") && saved.contains("focus = \"build\""),
        "{saved}"
    );
    assert!(saved.contains("can_extend = \"no\""), "{saved}");
    phone.goto(&format!(
        "http://{}/dashboard?token={}",
        server.addr, server.token
    ));
    assert_eq!(
        phone.eval("document.getElementById('submitted').textContent"),
        json!("1")
    );
}

#[test]
fn the_english_pages_read_well_on_a_phone() {
    let Some(path) = browser_or_skip() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let server = Server::mini(&tmp.path().join("room"));
    let mut phone = Browser::start(&path);
    phone.goto(&format!("http://{}/?lang=en", server.addr));
    phone.click("button[type=submit]");
    phone.type_answer("Lakeside Care");
    phone.click("button[value=next]");
    phone.tick("1");
    keep(&mut phone, "serve-question-en.png");
    phone.click("button[value=next]");
    phone.type_answer("12");
    phone.click("button[value=next]");
    phone.tick("0");
    phone.click("button[value=next]");
    phone.tick("yes");
    phone.click("button[value=next]");
    keep(&mut phone, "serve-review-en.png");
    phone.click("button[value=confirm]");
    assert!(phone.text().contains("Lakeside Care"));
    keep(&mut phone, "serve-plan-en.png");
    // The page fits the phone: nothing wider than the screen.
    assert_eq!(
        phone.eval("document.documentElement.scrollWidth <= 390"),
        json!(true)
    );
}
