//! The questionnaire driven through a pseudo-terminal, as a person would use it: the real
//! binary, real keys (arrows, Space, Esc, Ctrl-C), the plan at the end.
//!
//! Every step waits for the text it needs on screen (`expect`), never for a fixed time.
#![cfg(unix)]
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;
use expectrl::{Eof, Expect, Session};

pub(crate) const ENTER: &str = "\r";
pub(crate) const DOWN: &str = "\x1b[B";
pub(crate) const ESC: &str = "\x1b";
const CTRL_C: &str = "\x03";
const BACKSPACE: &str = "\x7f";
const START: &str = "2026-01-05";

fn mini() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/mini")
}

/// A run of fulcrum in a pseudo-terminal of 80 columns (also used by `track`'s picker tests).
pub(crate) struct Pty {
    session: OsSession,
}

impl Pty {
    /// Starts fulcrum in `home` (also its state folder and working folder).
    pub(crate) fn start(home: &Path, args: &[&str]) -> Pty {
        let mut command = Command::new(env!("CARGO_BIN_EXE_fulcrum"));
        command
            .args(args)
            .current_dir(home)
            .env("HOME", home)
            .env("XDG_STATE_HOME", home.join("state"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env_remove("FULCRUM_NO_CACHE")
            .env("TERM", "xterm")
            .env("NO_COLOR", "1")
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("FULCRUM_LANG")
            .env_remove("FULCRUM_RULES");
        let mut session = Session::spawn(command).unwrap();
        session.set_expect_timeout(Some(Duration::from_secs(15)));
        Pty { session }
    }

    /// Waits until `text` is on screen; returns what came before it.
    pub(crate) fn wait(&mut self, text: &str) -> String {
        match self.session.expect(text) {
            Ok(found) => String::from_utf8_lossy(found.before()).into_owned(),
            Err(e) => panic!("waiting for {text:?}: {e}"),
        }
    }

    /// Presses keys.
    pub(crate) fn keys(&mut self, keys: &str) {
        self.session.send(keys).unwrap();
    }

    /// Waits for `text`, then presses `keys`.
    pub(crate) fn at(&mut self, text: &str, keys: &str) {
        self.wait(text);
        self.keys(keys);
    }

    /// Waits for the end and returns the exit code.
    pub(crate) fn exit_code(mut self) -> i32 {
        self.session.expect(Eof).unwrap();
        match self.session.get_process().wait().unwrap() {
            WaitStatus::Exited(_, code) => code,
            other => panic!("fulcrum did not exit normally: {other:?}"),
        }
    }
}

fn drafts(home: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(home.join("state/fulcrum/drafts"))
        .map(|entries| entries.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default()
}

#[test]
fn english_run_rejects_bad_answers_and_ends_with_the_plan() {
    let home = tempfile::tempdir().unwrap();
    let rules = mini();
    let mut pty = Pty::start(
        home.path(),
        &[
            "--lang",
            "en",
            "--rules",
            rules.to_str().unwrap(),
            "run",
            "mini",
            "--start",
            START,
        ],
    );
    let intro = pty.wait("Name of the organization?");
    assert!(
        intro.contains("Esc previous"),
        "the intro explains the keys: {intro}"
    );
    pty.wait("Printed in the plan header.");
    pty.keys(&format!("Lakeside{ENTER}"));
    pty.at("What is the focus?", ENTER);
    pty.at("Months left?", &format!("abc{ENTER}"));
    pty.at(
        "Type a whole number",
        &format!("{BACKSPACE}{BACKSPACE}{BACKSPACE}500{ENTER}"),
    );
    pty.at(
        "Enter a whole number from 0 to 120.",
        &format!("{BACKSPACE}{BACKSPACE}{BACKSPACE}1{ENTER}"),
    );
    pty.at("Can it be extended?", &format!("{DOWN}{ENTER}"));
    pty.at("Who depends on us?", &format!(" {DOWN}{DOWN} {ENTER}"));
    pty.at(
        "“nobody” cannot be combined with other options",
        &format!(" {ENTER}"),
    );
    pty.at("Does this trouble us?", ENTER);
    pty.wait("Check your answers");
    let review = pty.wait("Are these answers right?");
    for row in ["Lakeside", "1 months", "No", "residents", "yes"] {
        assert!(
            review.contains(row),
            "{row:?} missing from the review:\n{review}"
        );
    }
    pty.keys(ENTER);
    pty.wait("Action plan");
    pty.wait("Only 1 months left: move fast.");
    pty.wait("Lakeside: look at who depends on you:");
    pty.at("Save your answers?", &format!("{DOWN}{ENTER}"));
    pty.at("Save the plan as a file too?", ENTER);
    pty.wait("Your answers are still in the draft");
    assert_eq!(pty.exit_code(), 0);
    let kept = drafts(home.path());
    assert_eq!(
        kept.len(),
        1,
        "the draft is kept when the answers were not saved"
    );
    let draft = std::fs::read_to_string(&kept[0]).unwrap();
    assert!(
        draft.contains("months_left = 1\ncan_extend = \"no\"\nwho = [\"residents\"]"),
        "{draft}"
    );
}

#[test]
fn chinese_run_goes_back_with_esc_and_saves_answers_and_plan() {
    let home = tempfile::tempdir().unwrap();
    let rules = mini();
    let mut pty = Pty::start(
        home.path(),
        &[
            "--lang",
            "zh",
            "--rules",
            rules.to_str().unwrap(),
            "run",
            "mini",
            "--start",
            START,
        ],
    );
    let intro = pty.wait("机构名称？");
    assert!(intro.contains("Esc 回到上一题"), "{intro}");
    pty.keys(&format!("湖畔{ENTER}"));
    pty.at("机构定位？", ENTER);
    pty.at("还剩几个月？", &format!("12{ENTER}"));
    // Esc goes back; fewer than 6 months makes `can_extend` appear.
    pty.at("谁依赖我们？", ESC);
    pty.wait("← 返回");
    pty.at("还剩几个月？", &format!("2{ENTER}"));
    pty.at("能否延期？", ENTER);
    pty.at("谁依赖我们？", &format!(" {ENTER}"));
    pty.at("这让我们困扰吗？", &format!("{DOWN}{ENTER}"));
    pty.wait("检查你的回答");
    pty.at("回答都对吗？", ENTER);
    pty.wait("行动计划");
    pty.wait("湖畔先看清谁在依赖：居民。");
    pty.at("保存答案文件吗？", ENTER);
    pty.at("答案文件名：", ENTER);
    pty.wait("已保存：fulcrum-answers-");
    // Offered as HTML, Markdown and JSON: pick JSON, the third.
    pty.at(
        "也把计划保存为文件吗？",
        &format!("{DOWN}{DOWN}{DOWN}{ENTER}"),
    );
    pty.at("计划文件名：", ENTER);
    pty.wait("已保存：fulcrum-plan-");
    assert_eq!(pty.exit_code(), 0);

    let saved: Vec<PathBuf> = std::fs::read_dir(home.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let answers = saved
        .iter()
        .find(|p| p.to_string_lossy().contains("fulcrum-answers-"))
        .expect("answers file");
    let text = std::fs::read_to_string(answers).unwrap();
    assert!(text.contains("lang = \"zh\""), "{text}");
    // The pack is not built in: making the plan again needs its `--rules`.
    assert!(
        text.contains(&format!(
            "# 重新生成计划：fulcrum plan --rules {} --answers 本文件",
            rules.join("pack.toml").display()
        )),
        "{text}"
    );
    assert!(text.contains("org_name = \"湖畔\"\nfocus = \"care\"\nmonths_left = 2\ncan_extend = \"yes\"\nwho = [\"residents\"]\ntroubled = false"), "{text}");
    let plan = saved
        .iter()
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .expect("plan file");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(plan).unwrap()).unwrap();
    assert_eq!(json["organization"], "湖畔");
    assert!(
        drafts(home.path()).is_empty(),
        "the draft is deleted once the answers are saved"
    );
}

#[test]
fn changing_an_answer_from_the_review_drops_answers_that_no_longer_apply() {
    let home = tempfile::tempdir().unwrap();
    let rules = mini();
    let mut pty = Pty::start(
        home.path(),
        &[
            "--lang",
            "en",
            "--rules",
            rules.to_str().unwrap(),
            "run",
            "mini",
            "--start",
            START,
        ],
    );
    pty.at("Name of the organization?", ENTER);
    pty.at("What is the focus?", ENTER);
    pty.at("Months left?", &format!("3{ENTER}"));
    pty.at("Can it be extended?", ENTER);
    pty.at("Who depends on us?", &format!(" {ENTER}"));
    pty.at("Does this trouble us?", ENTER);
    let review = pty.wait("Are these answers right?");
    assert!(
        review.contains("Can it be extended?") && review.contains("(not given)"),
        "{review}"
    );
    pty.at(
        "Change 3: Months left?",
        &format!("{DOWN}{DOWN}{DOWN}{ENTER}"),
    );
    pty.wait("question 3 · then back to the review");
    pty.at("Months left?", &format!("12{ENTER}"));
    pty.wait("“Can it be extended?” no longer applies with these answers");
    pty.wait("Check your answers");
    let review = pty.wait("Are these answers right?");
    assert!(!review.contains("Can it be extended?"), "{review}");
    assert!(review.contains("12 months"), "{review}");
    pty.keys(ENTER);
    pty.wait("Review: urgency was low.");
    pty.at("Save your answers?", ENTER);
    pty.at("File name for the answers:", ENTER);
    pty.at("Save the plan as a file too?", ENTER);
    assert_eq!(pty.exit_code(), 0);
    let answers = std::fs::read_dir(home.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "toml"))
        .unwrap();
    let text = std::fs::read_to_string(answers).unwrap();
    assert!(text.contains("months_left = 12\nwho"), "{text}");
    assert!(!text.contains("can_extend"), "{text}");
}

#[test]
fn ctrl_c_keeps_a_draft_and_resume_reaches_the_same_plan() {
    let home = tempfile::tempdir().unwrap();
    let rules = mini();
    let rules = rules.to_str().unwrap();
    let mut pty = Pty::start(
        home.path(),
        &[
            "--lang", "en", "--rules", rules, "run", "mini", "--start", START,
        ],
    );
    pty.at("Name of the organization?", &format!("Lakeside{ENTER}"));
    pty.at("What is the focus?", ENTER);
    pty.at("Months left?", &format!("1{ENTER}"));
    pty.at("Can it be extended?", &format!("{DOWN}{ENTER}"));
    pty.at("Who depends on us?", CTRL_C);
    pty.wait("Stopped. 4 answer(s) are kept in the draft");
    pty.wait("To continue: fulcrum run --resume");
    assert_eq!(pty.exit_code(), 130);
    assert_eq!(drafts(home.path()).len(), 1);

    let mut pty = Pty::start(
        home.path(),
        &["--rules", rules, "run", "--resume", "--start", START],
    );
    pty.wait("4 answer(s) already given, 2 question(s) to go.");
    pty.at("Who depends on us?", &format!(" {ENTER}"));
    pty.at("Does this trouble us?", ENTER);
    pty.at("Are these answers right?", ENTER);
    let resumed = pty.wait("Save your answers?");
    pty.keys(&format!("{DOWN}{ENTER}"));
    pty.at("Save the plan as a file too?", ENTER);
    assert_eq!(pty.exit_code(), 0);

    // The same answers given in a file produce the same plan.
    let file = home.path().join("same.toml");
    std::fs::write(
        &file,
        "pack = \"mini\"\nlang = \"en\"\n[answers]\norg_name = \"Lakeside\"\nfocus = \"care\"\nmonths_left = 1\ncan_extend = \"no\"\nwho = [\"residents\"]\ntroubled = true\n",
    )
    .unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_fulcrum"))
        .args([
            "--rules",
            rules,
            "plan",
            "--answers",
            file.to_str().unwrap(),
            "--start",
            START,
            "--width",
            "80",
        ])
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .output()
        .unwrap();
    let expected = String::from_utf8(output.stdout).unwrap();
    for line in expected
        .lines()
        .filter(|l| l.contains("Only") || l.contains("Lakeside") || l.contains("weeks"))
    {
        // The terminal draws boxes with Unicode, the piped plan with ASCII: compare the words.
        let words: String = line
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == ' ')
            .collect();
        let seen: String = resumed
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '\n')
            .collect();
        assert!(
            seen.lines().any(|l| l.trim() == words.trim()),
            "{line:?} is not in the resumed plan:\n{resumed}"
        );
    }
}

#[test]
fn an_optional_question_passed_over_is_not_asked_again_on_resume() {
    let home = tempfile::tempdir().unwrap();
    // The mini pack with its single-choice `focus` question made optional.
    let pack_dir = home.path().join("packs/mini");
    std::fs::create_dir_all(&pack_dir).unwrap();
    let text = std::fs::read_to_string(mini().join("pack.toml")).unwrap();
    let optional = text.replacen("id = \"focus\"\n", "id = \"focus\"\nrequired = false\n", 1);
    assert_ne!(optional, text);
    std::fs::write(pack_dir.join("pack.toml"), optional).unwrap();
    let rules = pack_dir.to_str().unwrap();

    let mut pty = Pty::start(
        home.path(),
        &[
            "--lang", "en", "--rules", rules, "run", "mini", "--start", START,
        ],
    );
    pty.at("Name of the organization?", &format!("Lakeside{ENTER}"));
    pty.wait("What is the focus?");
    pty.at("(skip)", &format!("{DOWN}{DOWN}{ENTER}"));
    pty.at("Months left?", CTRL_C);
    pty.wait("To continue: fulcrum run --resume");
    assert_eq!(pty.exit_code(), 130);
    let draft = std::fs::read_to_string(&drafts(home.path())[0]).unwrap();
    assert!(draft.contains("skipped = [\"focus\"]\n"), "{draft}");

    let mut pty = Pty::start(
        home.path(),
        &["--rules", rules, "run", "--resume", "--start", START],
    );
    let before = pty.wait("Months left?");
    assert!(
        !before.contains("What is the focus?"),
        "the passed-over question was asked again:\n{before}"
    );
    pty.keys(&format!("12{ENTER}"));
    pty.at("Who depends on us?", &format!(" {ENTER}"));
    pty.at("Does this trouble us?", ENTER);
    let review = pty.wait("Are these answers right?");
    assert!(review.contains("What is the focus?"), "{review}");
    pty.keys(CTRL_C);
    assert_eq!(pty.exit_code(), 130);
}

#[test]
fn saving_to_a_missing_folder_or_a_folder_asks_again() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir(home.path().join("plans")).unwrap();
    let answers =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/answers-mini-urgent.toml");
    let mut pty = Pty::start(
        home.path(),
        &[
            "--lang",
            "en",
            "--rules",
            mini().to_str().unwrap(),
            "run",
            "--answers",
            answers.to_str().unwrap(),
            "--start",
            START,
        ],
    );
    pty.at("Are these answers right?", ENTER);
    pty.at("Save your answers?", ENTER);
    let clear = BACKSPACE.repeat(60);
    pty.at(
        "File name for the answers:",
        &format!("{clear}nodir/a.toml{ENTER}"),
    );
    pty.wait("the folder `nodir` does not exist; create it first");
    pty.at(
        "File name for the answers:",
        &format!("{clear}plans{ENTER}"),
    );
    pty.wait("`plans` is a folder; give a file name");
    pty.at(
        "File name for the answers:",
        &format!("{clear}plans/a.toml{ENTER}"),
    );
    pty.wait("Saved: plans/a.toml");
    pty.at("Save the plan as a file too?", ENTER);
    assert_eq!(pty.exit_code(), 0);
    assert!(!home.path().join("nodir").exists());
    let saved = std::fs::read_to_string(home.path().join("plans/a.toml")).unwrap();
    assert!(saved.contains("pack = \"mini\""), "{saved}");
}

#[test]
fn the_built_in_pack_runs_to_the_plan() {
    let home = tempfile::tempdir().unwrap();
    let mut pty = Pty::start(
        home.path(),
        &[
            "--lang",
            "en",
            "run",
            "community-dependence",
            "--start",
            START,
        ],
    );
    let multi = format!(" {ENTER}");
    // Residents depend (the first option), so counterpart_capacity is not asked.
    let steps: [(&str, &str); 17] = [
        ("question 1 ·", "Red Vests\r"),
        ("question 2 ·", ENTER),
        ("question 3 ·", ENTER),
        ("question 4 ·", "24\r"),
        ("question 5 ·", &multi),
        ("question 6 ·", &multi),
        ("question 7 ·", ENTER),
        ("question 8 ·", ENTER),
        ("question 9 ·", ENTER),
        ("question 10 ·", ENTER),
        ("question 11 ·", ENTER),
        ("question 12 ·", &multi),
        ("question 13 ·", &multi),
        ("question 14 ·", ENTER),
        ("question 15 ·", ENTER),
        ("question 16 ·", ENTER),
        ("question 17 · the last one", ENTER),
    ];
    for (progress, keys) in steps {
        pty.wait(progress);
        pty.at("Esc back", keys);
    }
    pty.at("Are these answers right?", ENTER);
    pty.wait("Action plan");
    pty.wait("Organization: Red Vests");
    pty.at("Save your answers?", &format!("{DOWN}{ENTER}"));
    pty.at("Save the plan as a file too?", ENTER);
    assert_eq!(pty.exit_code(), 0);
}

#[test]
fn a_partial_answers_file_asks_only_what_is_missing_or_invalid() {
    let home = tempfile::tempdir().unwrap();
    let rules = mini();
    let file = home.path().join("partial.toml");
    std::fs::write(
        &file,
        "pack = \"mini\"\nlang = \"en\"\n[answers]\norg_name = \"Lakeside\"\nfocus = \"build\"\nmonths_left = 500\ntroubled = true\n",
    )
    .unwrap();
    let mut pty = Pty::start(
        home.path(),
        &[
            "--rules",
            rules.to_str().unwrap(),
            "run",
            "--answers",
            file.to_str().unwrap(),
            "--start",
            START,
        ],
    );
    pty.wait("`months_left` = 500 is out of range 0–120");
    pty.wait("1 problem(s) in");
    let intro = pty.wait("Months left?");
    assert!(
        intro.contains("3 answer(s) already given, 2 question(s) to go."),
        "{intro}"
    );
    assert!(
        !intro.contains("Name of the organization?"),
        "answered questions are not asked: {intro}"
    );
    pty.keys(&format!("12{ENTER}"));
    pty.at("Who depends on us?", &format!(" {ENTER}"));
    let review = pty.wait("Are these answers right?");
    assert!(
        review.contains("Building") && review.contains("12 months"),
        "{review}"
    );
    pty.keys(ENTER);
    pty.wait("Organization: Lakeside");
    pty.at("Save your answers?", &format!("{DOWN}{ENTER}"));
    pty.at("Save the plan as a file too?", ENTER);
    assert_eq!(pty.exit_code(), 0);
}

#[test]
fn resume_lists_drafts_most_recent_first_and_a_picker_chooses_the_pack() {
    let home = tempfile::tempdir().unwrap();
    let rules = mini();
    let rules = rules.to_str().unwrap();
    let dir = home.path().join("state/fulcrum/drafts");
    std::fs::create_dir_all(&dir).unwrap();
    let old = dir.join("mini-old.toml");
    let new = dir.join("mini-new.toml");
    std::fs::write(
        &old,
        "pack = \"mini\"\nlang = \"en\"\n[answers]\norg_name = \"Old Org\"\n",
    )
    .unwrap();
    std::fs::write(
        &new,
        "pack = \"mini\"\nlang = \"en\"\n[answers]\norg_name = \"New Org\"\nfocus = \"care\"\n",
    )
    .unwrap();
    let hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();

    let mut pty = Pty::start(
        home.path(),
        &["--lang", "en", "--rules", rules, "run", "--resume"],
    );
    pty.wait("Which draft do you want to continue?");
    let listed = pty.wait("Enter choose");
    let (first, second) = (
        listed.find("New Org").unwrap(),
        listed.find("Old Org").unwrap(),
    );
    assert!(first < second, "most recent first:\n{listed}");
    assert!(listed.contains("mini · 2 answer(s)"), "{listed}");
    pty.keys(ENTER);
    pty.at("Months left?", CTRL_C);
    assert_eq!(pty.exit_code(), 130);

    // Two packs are loaded and nothing names one: a list offers them.
    let mut pty = Pty::start(home.path(), &["--lang", "en", "--rules", rules, "run"]);
    pty.wait("Which pack's questionnaire?");
    let listed = pty.wait("Enter choose");
    assert!(listed.contains("Mini test pack (mini,"), "{listed}");
    let down =
        if listed.find("Mini test pack").unwrap() > listed.find("community-dependence").unwrap() {
            DOWN
        } else {
            ""
        };
    pty.keys(&format!("{down}{ENTER}"));
    pty.at("Name of the organization?", CTRL_C);
    pty.wait("Stopped; there were no answers to keep.");
    assert_eq!(pty.exit_code(), 130);
}

#[test]
fn esc_at_the_chinese_draft_picker_leaves_a_chinese_mark() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("state/fulcrum/drafts");
    std::fs::create_dir_all(&dir).unwrap();
    for name in ["mini-a", "mini-b"] {
        std::fs::write(
            dir.join(format!("{name}.toml")),
            "pack = \"mini\"\nlang = \"zh\"\n[answers]\nfocus = \"care\"\n",
        )
        .unwrap();
    }
    let rules = mini();
    let mut pty = Pty::start(
        home.path(),
        &[
            "--lang",
            "zh",
            "--rules",
            rules.to_str().unwrap(),
            "run",
            "--resume",
        ],
    );
    pty.wait("继续哪一份草稿？");
    pty.at("回车 确认", ESC);
    let shown = pty.wait("（已取消）");
    assert!(!shown.contains("<canceled>"), "{shown}");
    assert_eq!(pty.exit_code(), 130);
}

#[test]
fn an_answers_file_of_the_first_pack_version_asks_only_the_two_new_questions() {
    let home = tempfile::tempdir().unwrap();
    let file =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/answers-v1-nanhu.toml");
    let mut pty = Pty::start(
        home.path(),
        &[
            "--lang",
            "en",
            "run",
            "--answers",
            file.to_str().unwrap(),
            "--start",
            START,
        ],
    );
    let intro = pty.wait("2 question(s) to go.");
    assert!(intro.contains("17 answer(s) already given"), "{intro}");
    // funded_by, then counterpart_capacity (the committee and the street office depend).
    let first = pty.wait("Esc back");
    assert!(!first.contains("Name of the organization"), "{first}");
    pty.keys(ENTER);
    pty.at("Esc back", ENTER);
    let review = pty.wait("Are these answers right?");
    // The review's answer column is 31 columns wide at 80 (src/interview/prompt.rs), so the
    // 32-column name wraps after "social-work".
    assert!(review.contains("Nanhu Street social-work"), "{review}");
    assert!(review.contains("the buyer (a government"), "{review}");
    pty.keys(ENTER);
    pty.wait("Organization: Nanhu Street social-work station");
    pty.at("Save your answers?", &format!("{DOWN}{ENTER}"));
    pty.at("Save the plan as a file too?", ENTER);
    assert_eq!(pty.exit_code(), 0);
}

#[test]
fn resume_names_a_draft_that_cannot_be_read() {
    let home = tempfile::tempdir().unwrap();
    let rules = mini();
    let rules = rules.to_str().unwrap();
    let dir = home.path().join("state/fulcrum/drafts");
    std::fs::create_dir_all(&dir).unwrap();
    let broken = dir.join("mini-broken.toml");
    std::fs::write(&broken, "pack = \"mini\"\n[answers\norg_name = \"X\"\n").unwrap();

    // The only draft is broken: its name and what is wrong, not "no drafts".
    let mut pty = Pty::start(
        home.path(),
        &["--lang", "en", "--rules", rules, "run", "--resume"],
    );
    let shown = pty.wait("no draft in");
    assert!(shown.contains("mini-broken.toml:2:"), "{shown}");
    assert!(shown.contains("A001"), "{shown}");
    assert_eq!(pty.exit_code(), 4);

    let mut pty = Pty::start(
        home.path(),
        &["--lang", "zh", "--rules", rules, "run", "--resume"],
    );
    let shown = pty.wait("中的草稿都无法读取");
    assert!(shown.contains("mini-broken.toml:2:"), "{shown}");
    assert_eq!(pty.exit_code(), 4);

    // Beside a good draft, the broken one is named and the good one taken.
    std::fs::write(
        dir.join("mini-good.toml"),
        "pack = \"mini\"\nlang = \"en\"\n[answers]\norg_name = \"Good Org\"\n",
    )
    .unwrap();
    let mut pty = Pty::start(
        home.path(),
        &["--lang", "en", "--rules", rules, "run", "--resume"],
    );
    let shown = pty.wait("Drafts that cannot be read (see above) are not offered.");
    assert!(shown.contains("mini-broken.toml:2:"), "{shown}");
    pty.at("?", CTRL_C);
    assert_eq!(pty.exit_code(), 130);
}

#[test]
fn again_asks_every_question_with_the_earlier_answers_and_saves_a_new_file() {
    let home = tempfile::tempdir().unwrap();
    let rules = mini();
    let earlier = home.path().join("mine.toml");
    let text = "pack = \"mini\"\nlang = \"en\"\n[answers]\norg_name = \"Lakeside\"\nfocus = \"build\"\nmonths_left = 12\nwho = [\"residents\"]\ntroubled = true\n";
    std::fs::write(&earlier, text).unwrap();
    // Work elsewhere: the new file goes beside the earlier one, not into the working folder.
    let work = home.path().join("work");
    std::fs::create_dir(&work).unwrap();
    let mut pty = Pty::start(
        &work,
        &[
            "--rules",
            rules.to_str().unwrap(),
            "run",
            "--again",
            earlier.to_str().unwrap(),
            "--start",
            START,
        ],
    );
    let intro = pty.wait("Name of the organization?");
    assert!(
        intro.contains("Re-assessment: every question is asked again"),
        "{intro}"
    );
    // Keep the name and the focus as they were (Building, not the pack's default Care).
    pty.at("Printed in the plan header.", ENTER);
    pty.at("What is the focus?", ENTER);
    // Time has passed: 12 months become 3, which asks whether the project can be extended.
    pty.at("Months left?", &format!("{BACKSPACE}{BACKSPACE}3{ENTER}"));
    pty.at("Can it be extended?", ENTER);
    pty.at("Who depends on us?", ENTER);
    pty.at("Does this trouble us?", ENTER);
    let review = pty.wait("Are these answers right?");
    for row in ["Lakeside", "Building", "3 months", "residents", "yes"] {
        assert!(review.contains(row), "{row:?} missing:\n{review}");
    }
    pty.keys(ENTER);
    pty.wait("Action plan");
    pty.wait("The new answers are saved:");
    let hint = pty.wait("Save the plan as a file too?");
    assert!(hint.contains("are unchanged"), "{hint}");
    assert!(hint.contains("fulcrum compare"), "{hint}");
    pty.keys(ENTER);
    assert_eq!(pty.exit_code(), 0);

    assert_eq!(
        std::fs::read_to_string(&earlier).unwrap(),
        text,
        "the earlier answers are untouched"
    );
    let later: Vec<PathBuf> = std::fs::read_dir(home.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p != &earlier && p.extension().is_some_and(|e| e == "toml"))
        .collect();
    assert_eq!(later.len(), 1, "{later:?}");
    let name = later[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("mine-20") && name.ends_with(".toml"),
        "named after the earlier file and the day: {name}"
    );
    assert!(
        hint.contains(&format!(
            "fulcrum compare {} {}",
            earlier.display(),
            later[0].display()
        )),
        "{hint}"
    );
    let saved = std::fs::read_to_string(&later[0]).unwrap();
    assert!(
        saved.contains("org_name = \"Lakeside\"\nfocus = \"build\"\nmonths_left = 3\ncan_extend = \"yes\"\nwho = [\"residents\"]\ntroubled = true"),
        "{saved}"
    );
    assert!(saved.contains("fulcrum run --again"), "{saved}");
    assert!(drafts(&work).is_empty(), "the draft is deleted");
    assert!(
        std::fs::read_dir(&work)
            .unwrap()
            .all(|e| e.unwrap().path().is_dir()),
        "no file is written to the working folder (only the state folders are there)"
    );
}
