//! `fulcrum workshop serve` over HTTP: every route, in both languages, with the real binary on
//! a loopback port.

use std::path::Path;

use crate::web::{Server, command, complete_mini, enc};

fn answers_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    names.sort();
    names
}

#[test]
fn a_participant_answers_with_skip_logic_back_and_errors_and_gets_the_plan_fulcrum_plan_makes() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("room");
    let server = Server::mini(&dir);

    // The start page, in the browser's language.
    let landing = server.request("GET", "/", &[("Accept-Language", "en-GB,en;q=0.8")], "");
    assert_eq!(landing.status, 200);
    assert!(landing.body.contains("Mini test pack"), "{}", landing.body);
    let csp = landing.header("content-security-policy").unwrap();
    assert!(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"));

    let base = server.join("en");
    let cookie = server.post("/start", "lang=en");
    assert!(cookie.header("set-cookie").unwrap().contains("HttpOnly"));

    let first = server.get(&base);
    assert_eq!(first.status, 200);
    assert!(first.body.contains("Name of the organization?"));
    assert!(
        first.body.contains("Printed in the plan header."),
        "the help text"
    );
    assert!(first.body.contains("Basics"), "the section title");
    assert!(
        first.body.contains("name=\"do\" value=\"skip\""),
        "an optional question can be skipped"
    );

    // Skip the optional name; choose a focus; a number out of range is refused with the
    // terminal's message and the typed text kept.
    assert_eq!(server.post(&base, "at=org_name&do=skip").status, 303);
    assert_eq!(server.post(&base, "at=focus&do=next&v=0").status, 303);
    let refused = server.post(&base, "at=months_left&do=next&v=500");
    assert_eq!(refused.status, 422);
    assert!(
        refused.body.contains("Enter a whole number from 0 to 120."),
        "{}",
        refused.body
    );
    assert!(refused.body.contains("value=\"500\""));
    let not_a_number = server.post(&base, "at=months_left&do=next&v=soon");
    assert!(
        not_a_number
            .body
            .contains("Type a whole number, such as 12.")
    );
    // Three months left opens `can_extend` (skip logic)...
    assert_eq!(server.post(&base, "at=months_left&do=next&v=3").status, 303);
    assert!(server.get(&base).body.contains("Can it be extended?"));
    // ...Back keeps the answer, and twelve months closes it again.
    assert_eq!(server.post(&base, "at=can_extend&do=back").status, 303);
    let back = server.get(&base);
    assert!(
        back.body.contains("Months left?") && back.body.contains("value=\"3\""),
        "{}",
        back.body
    );
    assert_eq!(
        server.post(&base, "at=months_left&do=next&v=12").status,
        303
    );
    let who = server.get(&base);
    assert!(
        who.body.contains("Who depends on us?"),
        "can_extend is skipped"
    );
    // An exclusive option with another is refused.
    let alone = server.post(&base, "at=who&do=next&v=0&v=2");
    assert_eq!(alone.status, 422);
    assert!(alone.body.contains("cannot be combined"), "{}", alone.body);
    assert_eq!(server.post(&base, "at=who&do=next&v=0").status, 303);
    // A form from an older page changes nothing.
    assert_eq!(server.post(&base, "at=focus&do=next&v=1").status, 303);
    assert_eq!(server.post(&base, "at=troubled&do=next&v=no").status, 303);

    // The review lists the answers; one is changed from there and the review comes back.
    let review = server.get(&base);
    assert!(review.body.contains("Check your answers"));
    assert!(
        review.body.contains("Care") && review.body.contains("12 months"),
        "{}",
        review.body
    );
    assert_eq!(server.post(&base, "at=review&change=focus").status, 303);
    let change = server.get(&base);
    assert!(change.body.contains("What is the focus?") && change.body.contains("Save the change"));
    assert_eq!(server.post(&base, "at=focus&do=next&v=1").status, 303);
    assert!(
        server.get(&base).body.contains("Building"),
        "back at the review"
    );
    let submitted = server.post(&base, "at=review&do=confirm");
    assert_eq!(
        submitted.header("location"),
        Some(format!("{base}/plan").as_str())
    );

    // The answers file is in the folder, and the plan page is the handout of `fulcrum plan`.
    assert_eq!(answers_files(&dir), ["participant.toml"]);
    let saved = dir.join("participant.toml");
    let plan_page = server.get(&format!("{base}/plan"));
    assert_eq!(plan_page.status, 200);
    assert!(plan_page.body.contains("class=\"fulcrum-bar\""));
    let download = server.get(&format!("{base}/plan.html"));
    assert!(
        download
            .header("content-disposition")
            .unwrap()
            .starts_with("attachment")
    );
    let cli = command(&[
        "--rules",
        "tests/fixtures/packs/mini",
        "plan",
        "--format",
        "html",
        "--answers",
    ])
    .arg(&saved)
    .output()
    .unwrap();
    assert!(
        cli.status.success(),
        "{}",
        String::from_utf8_lossy(&cli.stderr)
    );
    assert_eq!(
        download.body,
        String::from_utf8(cli.stdout).unwrap(),
        "byte for byte"
    );
    let md = server.get(&format!("{base}/plan.md"));
    let cli_md = command(&[
        "--rules",
        "tests/fixtures/packs/mini",
        "plan",
        "--format",
        "markdown",
        "--answers",
    ])
    .arg(&saved)
    .output()
    .unwrap();
    assert_eq!(md.body, String::from_utf8(cli_md.stdout).unwrap());
    let toml = server.get(&format!("{base}/answers.toml"));
    assert_eq!(toml.body, std::fs::read_to_string(&saved).unwrap());
    assert!(
        toml.body.contains("skipped = [\"org_name\"]"),
        "{}",
        toml.body
    );
    // After submitting, the questionnaire's address shows the plan.
    assert_eq!(
        server.get(&base).header("location"),
        Some(format!("{base}/plan").as_str())
    );

    // `workshop summary` reads the folder as it is, drafts and all.
    let summary = command(&[
        "--rules",
        "tests/fixtures/packs/mini",
        "workshop",
        "summary",
    ])
    .arg(&dir)
    .output()
    .unwrap();
    assert!(
        summary.status.success(),
        "{}",
        String::from_utf8_lossy(&summary.stderr)
    );
}

#[test]
fn chinese_comes_from_the_browser_and_every_page_switches() {
    let tmp = tempfile::tempdir().unwrap();
    let server = Server::mini(&tmp.path().join("room"));
    let landing = server.request(
        "GET",
        "/",
        &[("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")],
        "",
    );
    assert!(landing.body.contains("迷你测试包") && landing.body.contains("开始回答"));
    assert!(
        landing.body.contains("?lang=en\" hreflang=\"en\""),
        "{}",
        landing.body
    );
    let base = server.join("zh");
    let page = server.get(&base);
    assert!(
        page.body.contains("机构名称？") && page.body.contains("下一题"),
        "{}",
        page.body
    );
    assert!(page.body.contains("<html lang=\"zh-Hans\">"));
    server.post(&base, "at=org_name&do=next&v=");
    server.post(&base, "at=focus&do=next&v=0");
    let refused = server.post(&base, "at=months_left&do=next&v=-1");
    assert!(
        refused.body.contains("请输入 0 到 120 之间的整数。"),
        "{}",
        refused.body
    );
    // Switching language keeps the answers and the place.
    assert_eq!(server.get(&format!("{base}?lang=en")).status, 303);
    let english = server.get(&base);
    assert!(english.body.contains("Months left?"), "{}", english.body);
    assert_eq!(server.get(&format!("{base}?lang=zh")).status, 303);
    for step in [
        "at=months_left&do=next&v=2",
        "at=can_extend&do=next&v=1",
        "at=who&do=next&v=2",
        "at=troubled&do=next&v=no",
    ] {
        assert_eq!(server.post(&base, step).status, 303, "{step}");
    }
    assert!(server.get(&base).body.contains("检查你的回答"));
    server.post(&base, "at=review&do=confirm");
    let plan = server.get(&format!("{base}/plan"));
    assert!(
        plan.body.contains("行动计划") || plan.body.contains("计划"),
        "{}",
        plan.body
    );
    assert!(plan.body.contains("下载答案文件"));
    let file = std::fs::read_to_string(tmp.path().join("room/participant.toml")).unwrap();
    assert!(file.contains("lang = \"zh\""), "{file}");
}

#[test]
fn the_dashboard_needs_the_token_and_shows_the_room() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("room");
    let server = Server::mini(&dir);
    assert_eq!(server.get("/dashboard").status, 401);
    assert_eq!(
        server
            .get("/dashboard?token=00000000000000000000000000000000")
            .status,
        403
    );
    assert_eq!(
        server
            .get(&format!("/dashboard?token={}x", server.token))
            .status,
        403
    );
    for path in [
        "/dashboard/plans",
        "/dashboard/all.zip",
        "/dashboard/plan/1",
    ] {
        assert_eq!(server.get(path).status, 401, "{path}");
    }
    let token = &server.token;
    let empty = server.get(&format!("/dashboard?token={token}"));
    assert_eq!(empty.status, 200);
    assert!(empty.body.contains("No one has submitted yet."));

    let a = server.join("en");
    let b = server.join("en");
    complete_mini(&server, &a, "Lakeside", 12);
    server.post(&b, "at=org_name&do=next&v=Lakeside");
    let board = server.get(&format!("/dashboard?token={token}"));
    assert!(
        board.body.contains("<b id=\"answering\">1</b>"),
        "{}",
        board.body
    );
    assert!(board.body.contains("<b id=\"submitted\">1</b>"));
    assert!(board.body.contains("http-equiv=\"refresh\""));
    assert!(board.body.contains(">Lakeside.toml</a>"), "{}", board.body);
    server.post(&b, "at=focus&do=back");
    complete_mini(&server, &b, "Lakeside", 2);

    let all = server.get(&format!("/dashboard/plans?token={token}"));
    assert_eq!(all.status, 200);
    assert_eq!(all.body.matches("<div class=\"handout\">").count(), 2);
    let one = server.get(&format!("/dashboard/plan/2?token={token}"));
    assert_eq!(one.status, 200);
    assert_eq!(
        server
            .get(&format!("/dashboard/plan/3?token={token}"))
            .status,
        404
    );
    assert_eq!(
        server
            .get(&format!("/dashboard/plan/..%2F..%2Fetc?token={token}"))
            .status,
        404
    );

    let zip = server.get(&format!("/dashboard/all.zip?token={token}"));
    assert_eq!(zip.header("content-type"), Some("application/zip"));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip.bytes)).unwrap();
    let mut names: Vec<String> = (0..archive.len())
        .map(|i| archive.by_index(i).unwrap().name().to_string())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "answers/Lakeside-2.toml",
            "answers/Lakeside.toml",
            "plans/Lakeside-2.html",
            "plans/Lakeside.html"
        ]
    );
}

#[test]
fn participants_reach_only_their_own_pages() {
    let tmp = tempfile::tempdir().unwrap();
    let server = Server::mini(&tmp.path().join("room"));
    let a = server.join("en");
    let b = server.join("en");
    assert_ne!(a, b);
    assert_eq!(a.len(), "/p/".len() + 32, "128 random bits in hex");
    // Each moves on their own.
    server.post(&a, "at=org_name&do=skip");
    assert!(server.get(&a).body.contains("What is the focus?"));
    assert!(server.get(&b).body.contains("Name of the organization?"));
    // Unknown or altered ids, and their plans, are not found.
    let mut altered = a.clone();
    altered.pop();
    altered.push(if a.ends_with('0') { '1' } else { '0' });
    for path in [
        altered.clone(),
        format!("{altered}/plan"),
        format!("{altered}/answers.toml"),
        "/p/..%2F..%2Fetc%2Fpasswd".to_string(),
        "/p/".to_string(),
    ] {
        assert_eq!(server.get(&path).status, 404, "{path}");
    }
    assert_eq!(server.post(&altered, "at=focus&do=next&v=0").status, 404);
    // Before submitting there is no plan to see.
    assert_eq!(
        server.get(&format!("{a}/plan.html")).header("location"),
        Some(a.as_str())
    );
    // No file is served by name.
    assert_eq!(server.get("/assets/..%2F..%2FCargo.toml").status, 404);
    assert_eq!(server.get("/assets/room.css").status, 200);
}

#[test]
fn oversized_and_overfull_forms_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let server = Server::mini(&tmp.path().join("room"));
    let base = server.join("en");
    let huge = format!("at=org_name&do=next&v={}", "x".repeat(100_000));
    assert_eq!(server.post(&base, &huge).status, 413);
    let many = "v=0&".repeat(500);
    assert_eq!(server.post(&base, &many).status, 413);
    // A text longer than the question allows gets the terminal's message.
    let long = server.post(
        &base,
        &format!("at=org_name&do=next&v={}", enc(&"名".repeat(81))),
    );
    assert_eq!(long.status, 422);
    assert!(
        long.body.contains("At most 80 characters; this has 81."),
        "{}",
        long.body
    );
    // Markup in an answer is shown as text.
    server.post(&base, &format!("at=org_name&do=next&v={}", enc("<b>x</b>")));
    server.post(&base, "at=focus&do=back");
    let page = server.get(&base);
    assert!(
        page.body.contains("&lt;b&gt;x") && !page.body.contains("<b>x</b>"),
        "{}",
        page.body
    );
}

#[test]
fn drafts_survive_a_crash_and_submitted_plans_a_restart() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("room");
    let server = Server::mini(&dir);
    let done = server.join("en");
    complete_mini(&server, &done, "Lakeside", 12);
    let half = server.join("zh");
    server.post(&half, "at=org_name&do=skip");
    server.post(&half, "at=focus&do=next&v=1");
    server.post(&half, "at=months_left&do=next&v=3");
    server.post(&half, "at=can_extend&do=back");
    server.kill();

    let again = Server::mini(&dir);
    assert!(
        again
            .banner
            .contains("Carrying on: 1 answering, 1 submitted."),
        "{}",
        again.banner
    );
    let page = again.get(&half);
    assert!(
        page.body.contains("还剩几个月？") && page.body.contains("value=\"3\""),
        "{}",
        page.body
    );
    assert_eq!(again.get(&format!("{done}/plan")).status, 200);
    // The resumed participant finishes; the folder holds both files.
    for step in [
        "at=months_left&do=next&v=3",
        "at=can_extend&do=next&v=0",
        "at=who&do=next&v=0",
        "at=troubled&do=next&v=yes",
        "at=review&do=confirm",
    ] {
        assert_eq!(again.post(&half, step).status, 303, "{step}");
    }
    assert_eq!(answers_files(&dir), ["Lakeside.toml", "participant.toml"]);
    let (code, said) = again.interrupt();
    assert_eq!(code, 0, "{said}");
    assert!(said.contains("2 answers file(s) saved"), "{said}");
    assert!(said.contains("fulcrum workshop summary"), "{said}");
}

#[test]
fn a_busy_port_a_file_for_a_folder_and_an_unknown_pack_are_explained() {
    let tmp = tempfile::tempdir().unwrap();
    let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = busy.local_addr().unwrap().port().to_string();
    let dir = tmp.path().join("room");
    let dir = dir.to_str().unwrap();
    let serve = |extra: &[&str]| {
        let mut args = vec![
            "--rules",
            "tests/fixtures/packs/mini",
            "workshop",
            "serve",
            "--bind",
            "127.0.0.1",
        ];
        args.extend_from_slice(extra);
        command(&args).output().unwrap()
    };
    let out = serve(&["mini", "--port", &port, "--dir", dir]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("port {port} is in use")));
    let out = command(&[
        "--lang",
        "zh",
        "--rules",
        "tests/fixtures/packs/mini",
        "workshop",
        "serve",
        "mini",
        "--bind",
        "127.0.0.1",
        "--port",
        &port,
        "--dir",
        dir,
    ])
    .output()
    .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("端口 {port} 已被占用")));

    let file = tmp.path().join("file");
    std::fs::write(&file, "x").unwrap();
    let out = serve(&["mini", "--port", "0", "--dir", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(5));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is a file, not a folder"));

    let out = serve(&["nope", "--port", "0", "--dir", dir]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no pack `nope` is loaded"));
}
