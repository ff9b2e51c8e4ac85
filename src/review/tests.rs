//! Unit tests of the report model: the Nanhu Street example against the built-in pack, with
//! and without progress, and with its later assessment compared.

use std::path::PathBuf;

use jiff::civil::{Date, date};

use super::*;
use crate::answers::file::{self, AnswersFile};
use crate::engine::{self, Evaluation};
use crate::pack::load::{Catalog, load};
use crate::progress::Progress;

const START: Date = date(2020, 1, 6);
const TODAY: Date = date(2026, 12, 2);

fn catalog_with(paths: &[&str]) -> (Catalog, Vec<AnswersFile>) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut catalog = load(&[], Lang::En);
    let files = paths
        .iter()
        .map(|p| file::read(&root.join(p), &mut catalog.sources, Lang::En).unwrap())
        .collect();
    (catalog, files)
}

fn evaluate<'c>(catalog: &'c Catalog, f: &AnswersFile) -> (&'c Pack, Evaluation<'c>) {
    let pack = catalog.pack("community-dependence").unwrap();
    let evaluation = engine::resolve(pack, &f.entries, f.file, Lang::En)
        .unwrap()
        .0;
    (pack, evaluation)
}

fn entry(rule: &str, status: Status, note: Option<&str>, observed: Option<&str>) -> Entry {
    Entry {
        status,
        date: Some(date(2020, 2, 1)),
        note: note.map(str::to_string),
        observed: observed.map(str::to_string),
        ..Entry::todo(rule, "")
    }
}

fn inputs<'a>(
    pack: &'a Pack,
    progress_file: Option<&'a str>,
    gone: &'a [Entry],
    questions: &'a [&'a ReviewQuestion],
    comparison: Option<&'a Comparison>,
) -> Inputs<'a> {
    Inputs {
        progress_file,
        gone,
        comparison,
        questions,
        pack,
        answers_file: "my answers.toml",
        today: TODAY,
    }
}

#[test]
fn progress_sorts_actions_into_handed_over_and_not() {
    let (catalog, files) = catalog_with(&["examples/nanhu-street.toml"]);
    let (pack, evaluation) = evaluate(&catalog, &files[0]);
    let mut plan = engine::assemble::build(pack, &evaluation, Lang::En, START, &catalog.sources);
    let rules: Vec<String> = progress::plan_actions(&plan)
        .iter()
        .map(|a| a.rule.clone())
        .collect();
    let progress = Progress {
        start: START,
        entries: vec![
            entry(
                &rules[0],
                Status::Done,
                Some("With the committee"),
                Some("Minutes"),
            ),
            entry(&rules[1], Status::Dropped, Some("No longer needed"), None),
            entry(&rules[2], Status::Doing, None, None),
            entry("a-rule-since-removed", Status::Done, None, None),
        ],
    };
    let gone = progress::apply(&mut plan, &progress, TODAY);
    assert_eq!(gone.len(), 1);
    let questions = evaluation.review_questions(pack);
    let report = Report::build(
        &plan,
        &inputs(pack, Some("p.toml"), &gone, &questions, None),
    );
    let standing = report.standing.unwrap();
    assert_eq!(standing.total, rules.len());
    assert_eq!((standing.done, standing.doing, standing.dropped), (1, 1, 1));
    assert_eq!(standing.todo, rules.len() - 3);
    // Every phase window of a plan started in 2020 has ended: every open action in the
    // phases is late; the deferred ones, done if time allows, are not.
    let open_deferred = report
        .not_handed_over
        .iter()
        .filter(|a| a.deferred && a.status.is_open())
        .count();
    assert!(open_deferred > 0);
    assert!(
        report
            .not_handed_over
            .iter()
            .all(|a| !(a.deferred && a.overdue))
    );
    assert_eq!(
        standing.overdue,
        standing.todo + standing.doing - open_deferred
    );
    assert_eq!(report.handed_over.len(), 1);
    assert_eq!(report.handed_over[0].rule, rules[0]);
    assert_eq!(report.handed_over[0].observed.as_deref(), Some("Minutes"));
    assert_eq!(report.not_handed_over.len(), rules.len() - 1);
    // Open ones first, then the dropped one, with its note as the reason.
    let last = report.not_handed_over.last().unwrap();
    assert_eq!(
        (last.status, last.note.as_deref()),
        (Status::Dropped, Some("No longer needed"))
    );
    assert!(!last.overdue);
    assert_eq!(report.gone.len(), 1);
    assert_eq!(report.gone[0].rule, "a-rule-since-removed");
    assert_eq!(report.start, "2020-01-06");
    assert_eq!(report.date, "2026-12-02");
    let phase_actions: usize = report.phases.iter().map(|p| p.actions.len()).sum();
    assert_eq!(phase_actions + report.deferred.len(), rules.len());
}

#[test]
fn without_progress_nothing_is_said_to_be_handed_over() {
    let (catalog, files) = catalog_with(&["examples/nanhu-street.toml"]);
    let (pack, evaluation) = evaluate(&catalog, &files[0]);
    let plan = engine::assemble::build(pack, &evaluation, Lang::Zh, START, &catalog.sources);
    let questions = evaluation.review_questions(pack);
    let report = Report::build(&plan, &inputs(pack, None, &[], &questions, None));
    assert!(report.standing.is_none());
    assert!(report.handed_over.is_empty() && report.not_handed_over.is_empty());
    assert!(
        report
            .phases
            .iter()
            .flat_map(|p| &p.actions)
            .all(|a| a.status == Status::Todo && !a.overdue)
    );
    assert_eq!(
        report.track_command,
        "fulcrum track --answers 'my answers.toml' --set …"
    );
}

#[test]
fn review_questions_carry_their_speakers_name_in_the_plans_language() {
    let (catalog, files) = catalog_with(&["examples/nanhu-street.toml"]);
    let (pack, evaluation) = evaluate(&catalog, &files[0]);
    let plan = engine::assemble::build(pack, &evaluation, Lang::Zh, START, &catalog.sources);
    let questions = evaluation.review_questions(pack);
    let report = Report::build(&plan, &inputs(pack, None, &[], &questions, None));
    let ids: Vec<&str> = report.questions.iter().map(|q| q.id.as_str()).collect();
    // Nanhu Street is troubled, has no exit designed and a clear positioning it must guide.
    assert!(ids.contains(&"dependence-list"), "{ids:?}");
    assert!(ids.contains(&"gods-eye-view"), "{ids:?}");
    assert!(!ids.contains(&"partnership"), "{ids:?}");
    for q in &report.questions {
        assert!(!q.speaker.is_empty() && q.speaker != "tan", "{q:?}");
        assert!(q.text.contains('？'), "{q:?}");
    }
}

#[test]
fn changes_come_from_the_comparison_in_words() {
    let (catalog, files) = catalog_with(&[
        "examples/nanhu-street.toml",
        "tests/fixtures/compare/nanhu-street-later.toml",
    ]);
    let (pack, before_eval) = evaluate(&catalog, &files[0]);
    let (_, after_eval) = evaluate(&catalog, &files[1]);
    let before = engine::assemble::build(pack, &before_eval, Lang::En, START, &catalog.sources);
    let after = engine::assemble::build(pack, &after_eval, Lang::En, START, &catalog.sources);
    let comparison = Comparison::of("before.toml", &before, "after.toml", &after);
    let report = Report::build(&after, &inputs(pack, None, &[], &[], Some(&comparison)));
    let changes = report.changes.unwrap();
    assert_eq!(changes.earlier_file, "before.toml");
    assert!(!changes.unchanged);
    let months = changes
        .answers
        .iter()
        .find(|r| r.label.starts_with("Months left"))
        .unwrap();
    assert_eq!((months.before.as_str(), months.after.as_str()), ("8", "3"));
    assert!(changes.answers.iter().any(|r| r.before == "(not asked)"));
    assert_eq!(changes.left.len(), comparison.actions.left.len());
    assert_eq!(changes.new.len(), comparison.actions.new.len());
    assert!(changes.stayed.ends_with("actions are still in the plan."));
}
