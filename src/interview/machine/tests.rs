//! Tests of the interview's course: skips, going back, review and changing answers.

use super::*;
use crate::interview::testing::{builtin, mini};

fn id_of(pack: &Pack, step: &Step) -> String {
    match step {
        Step::Ask(ask) => pack.questions[ask.question].id.clone(),
        Step::Review => "review".into(),
        Step::Done => "done".into(),
    }
}

/// A scripted action and the step expected after it.
enum Do {
    Answer(Value),
    Skip,
    Back,
    Change(&'static str),
    Confirm,
}

fn run<'p>(pack: &'p Pack, start: Answers, script: &[(Do, &str)]) -> Interview<'p> {
    let (mut interview, _) = Interview::new(pack, start);
    for (n, (action, expected)) in script.iter().enumerate() {
        match action {
            Do::Answer(v) => {
                interview.answer(Some(v.clone())).unwrap();
            }
            Do::Skip => {
                interview.answer(None).unwrap();
            }
            Do::Back => {
                interview.back();
            }
            Do::Change(id) => assert!(interview.change(pack.question(id).unwrap().0)),
            Do::Confirm => {
                interview.confirm();
            }
        }
        assert_eq!(id_of(pack, &interview.step()), *expected, "after step {n}");
    }
    interview
}

#[test]
fn walks_the_questions_in_order_with_skip_logic() {
    let pack = mini();
    use Do::*;
    let interview = run(
        &pack,
        Vec::new(),
        &[
            (Skip, "focus"),
            (Answer(Value::Choice(0)), "months_left"),
            (Answer(Value::Number(12)), "who"),
            (Answer(Value::Choices(1)), "troubled"),
            (Answer(Value::Bool(true)), "review"),
            (Confirm, "done"),
        ],
    );
    assert_eq!(interview.answered(), 4);
    assert!(interview.is_complete());

    let short = run(
        &pack,
        Vec::new(),
        &[
            (Answer(Value::Text("Lakeside".into())), "focus"),
            (Answer(Value::Choice(0)), "months_left"),
            (Answer(Value::Number(3)), "can_extend"),
            (Answer(Value::Choice(1)), "who"),
        ],
    );
    assert_eq!(short.answered(), 4);
}

#[test]
fn progress_counts_the_questions_still_to_come() {
    let pack = mini();
    let (mut interview, _) = Interview::new(&pack, Vec::new());
    let Step::Ask(first) = interview.step() else {
        panic!()
    };
    assert_eq!(
        (first.number, first.remaining, first.section_start),
        (1, 4, true)
    );
    assert_eq!(first.preset, None);
    interview.answer(Some(Value::Text(String::new()))).unwrap();
    let Step::Ask(second) = interview.step() else {
        panic!()
    };
    assert_eq!(
        (second.number, second.remaining, second.section_start),
        (2, 3, false)
    );
    assert_eq!(second.preset, Some(Value::Choice(0)), "the pack's default");
    interview.answer(Some(Value::Choice(1))).unwrap();
    interview.answer(Some(Value::Number(2))).unwrap();
    // `can_extend` is now asked, so one more is to come.
    let Step::Ask(third) = interview.step() else {
        panic!()
    };
    assert_eq!(pack.questions[third.question].id, "can_extend");
    assert_eq!((third.number, third.remaining), (4, 2));
}

#[test]
fn a_question_is_not_the_last_when_its_answer_can_ask_a_later_one() {
    let pack = mini();
    let idx = |id: &str| pack.question(id).unwrap().0;
    let mut answers: Answers = vec![None; pack.questions.len()];
    for (id, value) in [
        ("org_name", Value::Text("Lakeside".into())),
        ("focus", Value::Choice(0)),
        ("who", Value::Choices(1)),
        ("troubled", Value::Bool(true)),
    ] {
        answers[idx(id)] = Some(value);
    }
    let (mut interview, _) = Interview::new(&pack, answers);
    let Step::Ask(ask) = interview.step() else {
        panic!()
    };
    // `can_extend` is asked when `months_left < 6`: not asked yet, but it may be.
    assert_eq!(pack.questions[ask.question].id, "months_left");
    assert_eq!((ask.remaining, ask.more_possible), (0, true));
    assert_eq!(
        crate::interview::prompt::place(crate::lang::Lang::En, &ask),
        "question 3 · more may follow, depending on this answer"
    );
    assert_eq!(
        crate::interview::prompt::place(crate::lang::Lang::Zh, &ask),
        "第 3 题 · 之后可能还有题，取决于这里的回答"
    );
    interview.answer(Some(Value::Number(2))).unwrap();
    let Step::Ask(ask) = interview.step() else {
        panic!()
    };
    assert_eq!(pack.questions[ask.question].id, "can_extend");
    assert_eq!((ask.remaining, ask.more_possible), (0, false));
    assert_eq!(
        crate::interview::prompt::place(crate::lang::Lang::En, &ask),
        "question 4 · the last one"
    );
}

#[test]
fn back_preselects_and_a_change_drops_answers_no_longer_asked() {
    let pack = mini();
    use Do::*;
    let mut interview = run(
        &pack,
        Vec::new(),
        &[
            (Skip, "focus"),
            (Answer(Value::Choice(0)), "months_left"),
            (Answer(Value::Number(3)), "can_extend"),
            (Answer(Value::Choice(1)), "who"),
            (Answer(Value::Choices(0b11)), "troubled"),
            (Back, "who"),
            (Back, "can_extend"),
            (Back, "months_left"),
        ],
    );
    let Step::Ask(ask) = interview.step() else {
        panic!()
    };
    assert_eq!(
        ask.preset,
        Some(Value::Number(3)),
        "the previous answer is preselected"
    );
    let dropped = interview.answer(Some(Value::Number(12))).unwrap();
    assert_eq!(dropped, vec![pack.question("can_extend").unwrap().0]);
    // Later answers that still apply are kept: the next open question is `troubled`.
    assert_eq!(id_of(&pack, &interview.step()), "troubled");
    assert_eq!(
        interview.answers()[pack.question("who").unwrap().0],
        Some(Value::Choices(0b11))
    );
    // Going back below 6 months asks `can_extend` again.
    interview.back();
    interview.back();
    assert_eq!(id_of(&pack, &interview.step()), "months_left");
    assert!(interview.answer(Some(Value::Number(1))).unwrap().is_empty());
    assert_eq!(id_of(&pack, &interview.step()), "can_extend");
}

#[test]
fn a_kept_position_is_resumed() {
    let pack = mini();
    use Do::*;
    let mut interview = run(
        &pack,
        Vec::new(),
        &[
            (Skip, "focus"),
            (Answer(Value::Choice(0)), "months_left"),
            (Answer(Value::Number(3)), "can_extend"),
            (Back, "months_left"),
        ],
    );
    let kept = interview.position();
    let (mut resumed, _) = Interview::new(&pack, interview.answers().clone());
    resumed.decline(&interview.declined());
    assert_eq!(id_of(&pack, &resumed.step()), "can_extend");
    assert!(resumed.resume_at(kept));
    assert_eq!(id_of(&pack, &resumed.step()), "months_left");
    // A question no longer asked, and a review with answers missing, are refused.
    interview.answer(Some(Value::Number(12))).unwrap();
    let (mut again, _) = Interview::new(&pack, interview.answers().clone());
    let can_extend = pack.question("can_extend").unwrap().0;
    let gone = Position::Question {
        question: can_extend,
        from_review: false,
    };
    assert!(!again.resume_at(gone));
    assert!(!again.resume_at(Position::Review));
    assert_eq!(id_of(&pack, &again.step()), "org_name");
}

#[test]
fn back_at_the_first_question_stays() {
    let pack = mini();
    let (mut interview, _) = Interview::new(&pack, Vec::new());
    assert!(!interview.back());
    assert_eq!(id_of(&pack, &interview.step()), "org_name");
}

#[test]
fn passed_over_questions_stay_passed_over_when_resumed() {
    let mut pack = mini();
    let focus = pack.question("focus").unwrap().0;
    let months = pack.question("months_left").unwrap().0;
    pack.questions[focus].required = false;
    use Do::*;
    let first = run(
        &pack,
        Vec::new(),
        &[
            (Answer(Value::Text("x".into())), "focus"),
            (Skip, "months_left"),
        ],
    );
    assert_eq!(first.declined(), [focus]);
    // Resumed from the answers alone, the passed-over question is asked again...
    let (again, _) = Interview::new(&pack, first.answers().clone());
    assert_eq!(id_of(&pack, &again.step()), "focus");
    // ...and with the draft's `skipped` list it is not; a required question in the list
    // is still asked.
    let (mut resumed, _) = Interview::new(&pack, first.answers().clone());
    resumed.decline(&[focus, months]);
    assert_eq!(id_of(&pack, &resumed.step()), "months_left");
    assert_eq!(resumed.declined(), [focus]);
    // Answering it later takes it off the list.
    assert!(resumed.back());
    assert_eq!(id_of(&pack, &resumed.step()), "focus");
    resumed.answer(Some(Value::Choice(0))).unwrap();
    assert!(resumed.declined().is_empty());
}

#[test]
fn invalid_answers_are_refused_and_nothing_moves() {
    let pack = mini();
    use Do::*;
    let mut interview = run(
        &pack,
        Vec::new(),
        &[(Skip, "focus"), (Answer(Value::Choice(0)), "months_left")],
    );
    let cases = [
        (Value::Number(500), Invalid::OutOfRange { min: 0, max: 120 }),
        (Value::Text("x".into()), Invalid::WrongKind),
    ];
    for (value, expected) in cases {
        assert_eq!(interview.answer(Some(value)), Err(expected));
        assert_eq!(id_of(&pack, &interview.step()), "months_left");
    }
    assert_eq!(interview.answer(None), Err(Invalid::Required));
    interview.answer(Some(Value::Number(10))).unwrap();
    assert_eq!(
        interview.answer(Some(Value::Choices(0b101))),
        Err(Invalid::NotAlone { option: 2 })
    );
    assert_eq!(
        interview.answer(Some(Value::Choices(0))),
        Err(Invalid::TooFew { min: 1 })
    );
    assert_eq!(id_of(&pack, &interview.step()), "who");
}

#[test]
fn review_changes_return_to_the_review_unless_new_questions_open() {
    let pack = mini();
    use Do::*;
    let mut interview = run(
        &pack,
        Vec::new(),
        &[
            (Skip, "focus"),
            (Answer(Value::Choice(0)), "months_left"),
            (Answer(Value::Number(12)), "who"),
            (Answer(Value::Choices(1)), "troubled"),
            (Answer(Value::Bool(false)), "review"),
            (Change("focus"), "focus"),
            (Answer(Value::Choice(1)), "review"),
            (Change("troubled"), "troubled"),
            (Back, "review"),
            (Change("months_left"), "months_left"),
            (Answer(Value::Number(2)), "can_extend"),
            (Answer(Value::Choice(0)), "review"),
            (Back, "troubled"),
            (Back, "who"),
        ],
    );
    let ids: Vec<&str> = interview
        .review()
        .iter()
        .map(|r| pack.questions[r.question].id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "org_name",
            "focus",
            "months_left",
            "can_extend",
            "who",
            "troubled"
        ]
    );
    assert_eq!(
        interview.review()[0].value,
        None,
        "the optional name was passed over"
    );
    assert!(!interview.change(0), "changes start from the review");
    interview.answer(Some(Value::Choices(2))).unwrap();
    assert_eq!(id_of(&pack, &interview.step()), "review");
    assert!(interview.confirm());
    assert_eq!(interview.step(), Step::Done);
}

#[test]
fn partial_answers_ask_only_what_is_missing() {
    let pack = mini();
    let mut answers: Answers = vec![None; pack.questions.len()];
    let idx = |id: &str| pack.question(id).unwrap().0;
    answers[idx("org_name")] = Some(Value::Text("Lakeside".into()));
    answers[idx("months_left")] = Some(Value::Number(12));
    answers[idx("can_extend")] = Some(Value::Choice(0));
    answers[idx("troubled")] = Some(Value::Bool(true));
    let (mut interview, dropped) = Interview::new(&pack, answers);
    assert_eq!(
        dropped,
        vec![idx("can_extend")],
        "not asked with 12 months left"
    );
    assert_eq!(id_of(&pack, &interview.step()), "focus");
    let Step::Ask(ask) = interview.step() else {
        panic!()
    };
    assert_eq!((ask.number, ask.remaining), (2, 1));
    interview.answer(Some(Value::Choice(0))).unwrap();
    assert_eq!(id_of(&pack, &interview.step()), "who");
    interview.answer(Some(Value::Choices(1))).unwrap();
    assert_eq!(interview.step(), Step::Review);
    assert!(interview.missing().is_empty());
}

#[test]
fn a_complete_set_of_answers_goes_straight_to_the_review() {
    let pack = builtin();
    let (interview, _) = Interview::new(&pack, Vec::new());
    assert_eq!(id_of(&pack, &interview.step()), "org_name");
    let missing: Vec<&str> = interview
        .missing()
        .iter()
        .map(|&q| pack.questions[q].id.as_str())
        .collect();
    assert!(
        missing.contains(&"org_focus") && !missing.contains(&"can_extend"),
        "{missing:?}"
    );
    assert_eq!(
        interview.missing_required().len(),
        missing.len() - 1,
        "the name is optional"
    );
    let mut answers = vec![None; pack.questions.len()];
    answers[0] = Some(Value::Text(String::new()));
    for (i, q) in pack.questions.iter().enumerate().skip(1) {
        answers[i] = Some(match &q.kind {
            crate::pack::QuestionKind::Single { .. } => Value::Choice(0),
            crate::pack::QuestionKind::Multi { .. } => Value::Choices(1),
            crate::pack::QuestionKind::Bool => Value::Bool(false),
            crate::pack::QuestionKind::Number { .. } => Value::Number(24),
            crate::pack::QuestionKind::Text { .. } => Value::Text(String::new()),
        });
    }
    let (mut interview, dropped) = Interview::new(&pack, answers);
    assert!(
        !dropped.is_empty(),
        "can_extend is not asked with 24 months"
    );
    assert!(interview.is_complete());
    assert_eq!(interview.step(), Step::Review);
    assert!(interview.confirm());
}

#[test]
fn a_reassessment_asks_every_question_with_the_earlier_answer_preselected() {
    let pack = mini();
    let mut earlier = vec![None; pack.questions.len()];
    let q = |id: &str| pack.question(id).unwrap().0;
    earlier[q("org_name")] = Some(Value::Text("Lakeside".into()));
    earlier[q("focus")] = Some(Value::Choice(1));
    earlier[q("months_left")] = Some(Value::Number(3));
    earlier[q("can_extend")] = Some(Value::Choice(1));
    let mut interview = Interview::again(&pack, earlier);
    assert_eq!(interview.answered(), 0, "nothing is taken over unasked");
    let preset = |i: &Interview<'_>| match i.step() {
        Step::Ask(ask) => (pack.questions[ask.question].id.clone(), ask.preset),
        other => panic!("expected a question, got {other:?}"),
    };
    assert_eq!(
        preset(&interview),
        ("org_name".into(), Some(Value::Text("Lakeside".into())))
    );
    interview
        .answer(Some(Value::Text("Lakeside".into())))
        .unwrap();
    assert_eq!(
        preset(&interview),
        ("focus".into(), Some(Value::Choice(1))),
        "the earlier answer, not the pack's default"
    );
    interview.answer(Some(Value::Choice(1))).unwrap();
    interview.answer(Some(Value::Number(24))).unwrap();
    assert_eq!(
        preset(&interview).0,
        "who",
        "can_extend is no longer asked with 24 months"
    );
    interview.back();
    assert_eq!(
        preset(&interview),
        ("months_left".into(), Some(Value::Number(24))),
        "going back shows the new answer"
    );
}
