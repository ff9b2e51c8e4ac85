//! Checking one answer given in the questionnaire, with messages written for the person
//! answering (option labels rather than ids).
//!
//! The rules themselves are in [`crate::pack::answer_rules`], shared with answers files; a test
//! below checks that both front ends accept and refuse the same answers.

use crate::lang::Lang;
use crate::pack::Question;
pub use crate::pack::answer_rules::{Invalid, validate};
use crate::terminal::sanitize;
use crate::tr;

impl Invalid {
    /// The message to show under the prompt.
    pub fn message(&self, question: &Question, lang: Lang) -> String {
        match self {
            Invalid::Required => tr!(lang, "这道题需要回答。", "This question needs an answer."),
            Invalid::OutOfRange { min, max } => {
                tr!(
                    lang,
                    "请输入 {min} 到 {max} 之间的整数。",
                    "Enter a whole number from {min} to {max}."
                )
            }
            Invalid::TooFew { min } => tr!(
                lang,
                "请至少选择 {min} 项（用空格键勾选）。",
                "Choose at least {min} (press Space to tick an option)."
            ),
            Invalid::TooMany { max } => tr!(lang, "最多选择 {max} 项。", "Choose at most {max}."),
            Invalid::NotAlone { option } => {
                let label = question
                    .kind
                    .options()
                    .get(*option)
                    .map_or(String::new(), |o| sanitize(o.label.get(lang)));
                tr!(
                    lang,
                    "“{label}”不能和其他选项同时选择：只保留它，或者去掉它。",
                    "“{label}” cannot be combined with other options: keep it alone, or untick it."
                )
            }
            Invalid::TooLong { max, len } => {
                tr!(
                    lang,
                    "最多 {max} 个字，现在有 {len} 个。",
                    "At most {max} characters; this has {len}."
                )
            }
            Invalid::ControlCharacters => {
                tr!(
                    lang,
                    "不能包含控制字符。",
                    "Control characters are not allowed."
                )
            }
            Invalid::WrongKind => tr!(
                lang,
                "答案与题型不符（这是 fulcrum 的错误，请报告）。",
                "The answer does not fit the question (a bug in fulcrum; please report it)."
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::testing::mini;
    use crate::pack::answer_check::check_value;
    use crate::source::FileId;
    use crate::value::Value;

    #[test]
    fn refuses_what_answers_files_refuse_with_readable_messages() {
        let pack = mini();
        let q = |id: &str| pack.question(id).unwrap().1;
        type Case = (
            &'static str,
            Option<Value>,
            Result<(), Invalid>,
            &'static str,
        );
        let cases: Vec<Case> = vec![
            ("months_left", Some(Value::Number(0)), Ok(()), ""),
            ("months_left", Some(Value::Number(120)), Ok(()), ""),
            (
                "months_left",
                Some(Value::Number(121)),
                Err(Invalid::OutOfRange { min: 0, max: 120 }),
                "from 0 to 120",
            ),
            (
                "months_left",
                Some(Value::Number(-1)),
                Err(Invalid::OutOfRange { min: 0, max: 120 }),
                "from 0 to 120",
            ),
            (
                "months_left",
                None,
                Err(Invalid::Required),
                "needs an answer",
            ),
            ("who", Some(Value::Choices(0b001)), Ok(()), ""),
            ("who", Some(Value::Choices(0b011)), Ok(()), ""),
            ("who", Some(Value::Choices(0b100)), Ok(()), ""),
            (
                "who",
                Some(Value::Choices(0b101)),
                Err(Invalid::NotAlone { option: 2 }),
                "“nobody” cannot be combined",
            ),
            (
                "who",
                Some(Value::Choices(0)),
                Err(Invalid::TooFew { min: 1 }),
                "at least 1",
            ),
            ("org_name", Some(Value::Text(String::new())), Ok(()), ""),
            ("org_name", None, Ok(()), ""),
            (
                "org_name",
                Some(Value::Text("x".repeat(81))),
                Err(Invalid::TooLong { max: 80, len: 81 }),
                "At most 80",
            ),
            (
                "org_name",
                Some(Value::Text("a\u{1b}[2J".into())),
                Err(Invalid::ControlCharacters),
                "Control",
            ),
            ("focus", Some(Value::Choice(1)), Ok(()), ""),
            (
                "focus",
                Some(Value::Choice(2)),
                Err(Invalid::WrongKind),
                "bug",
            ),
            (
                "focus",
                Some(Value::Bool(true)),
                Err(Invalid::WrongKind),
                "bug",
            ),
            ("troubled", Some(Value::Bool(false)), Ok(()), ""),
        ];
        for (id, value, expected, message) in cases {
            let question = q(id);
            let got = validate(question, value.as_ref());
            assert_eq!(got, expected, "{id} = {value:?}");
            if let Err(invalid) = &got {
                let text = invalid.message(question, Lang::En);
                assert!(text.contains(message), "{id}: {text}");
                assert!(!invalid.message(question, Lang::Zh).is_empty());
            }
            // Whatever an answers file accepts, the questionnaire accepts, and the reverse.
            if let (Some(value), false) = (&value, matches!(expected, Err(Invalid::WrongKind))) {
                let raw = toml::Spanned::new(0..0, toml_raw(&value.to_toml(question)));
                let file = check_value(question, &raw, FileId(0), Lang::En);
                assert_eq!(
                    file.is_ok(),
                    got.is_ok(),
                    "{id} = {value:?}: files and questionnaire disagree"
                );
            }
        }
    }

    fn toml_raw(value: &toml::Value) -> crate::value::RawAnswer {
        use crate::value::RawAnswer;
        match value {
            toml::Value::String(s) => RawAnswer::Str(s.clone()),
            toml::Value::Integer(n) => RawAnswer::Int(*n),
            toml::Value::Boolean(b) => RawAnswer::Bool(*b),
            toml::Value::Array(items) => RawAnswer::List(
                items
                    .iter()
                    .map(|i| toml::Spanned::new(0..0, toml_raw(i)))
                    .collect(),
            ),
            _ => RawAnswer::Other("other"),
        }
    }
}
