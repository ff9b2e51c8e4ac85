//! Reading what a page sent: `application/x-www-form-urlencoded` fields, turned into the
//! questionnaire's values with the same parsing as the terminal.

use crate::answers::Value;
use crate::interview::prompt::parse_number;
use crate::interview::validate::Invalid;
use crate::lang::Lang;
use crate::pack::{Question, QuestionKind};

/// Most fields a form may send (the longest multiple choice has at most 64 options).
pub const MAX_FIELDS: usize = 100;

/// The fields of a form, in order.
#[derive(Debug, Default)]
pub struct Form {
    fields: Vec<(String, String)>,
}

impl Form {
    /// Parses a form body or a query string. `None` when it has more than [`MAX_FIELDS`].
    pub fn parse(bytes: &[u8]) -> Option<Form> {
        let mut fields = Vec::new();
        for (key, value) in form_urlencoded::parse(bytes) {
            if fields.len() == MAX_FIELDS {
                return None;
            }
            fields.push((key.into_owned(), value.into_owned()));
        }
        Some(Form { fields })
    }

    /// The first value of a field.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of a field.
    pub fn all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.fields
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// The answer a question page sent in its `v` fields: `Ok(None)` when nothing was given, or
/// the message to show when it cannot be read.
pub fn answer(question: &Question, form: &Form, lang: Lang) -> Result<Option<Value>, String> {
    let wrong = || Invalid::WrongKind.message(question, lang);
    let given = form.get("v");
    match &question.kind {
        QuestionKind::Single { .. } => given
            .map(|v| v.parse::<usize>().map(Value::Choice).map_err(|_| wrong()))
            .transpose(),
        QuestionKind::Bool => given
            .map(|v| match v {
                "yes" => Ok(Value::Bool(true)),
                "no" => Ok(Value::Bool(false)),
                _ => Err(wrong()),
            })
            .transpose(),
        QuestionKind::Multi { .. } => {
            let mut mask = 0u64;
            for v in form.all("v") {
                match v.parse::<u32>() {
                    Ok(i) if i < 64 => mask |= 1 << i,
                    _ => return Err(wrong()),
                }
            }
            Ok(Some(Value::Choices(mask)))
        }
        QuestionKind::Number { .. } => {
            parse_number(question, given.unwrap_or("")).map_err(|e| e.message(lang))
        }
        QuestionKind::Text { .. } => Ok(Some(Value::Text(given.unwrap_or("").trim().to_string()))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::testing::mini;

    fn form(body: &str) -> Form {
        Form::parse(body.as_bytes()).unwrap()
    }

    #[test]
    fn fields_become_values_of_the_question_kind() {
        let pack = mini();
        let q = |id: &str| pack.question(id).unwrap().1;
        let en = Lang::En;
        assert_eq!(
            answer(q("focus"), &form("v=1"), en),
            Ok(Some(Value::Choice(1)))
        );
        assert_eq!(answer(q("focus"), &form(""), en), Ok(None));
        assert!(answer(q("focus"), &form("v=x"), en).is_err());
        assert_eq!(
            answer(q("who"), &form("v=0&v=2"), en),
            Ok(Some(Value::Choices(0b101)))
        );
        assert_eq!(answer(q("who"), &form(""), en), Ok(Some(Value::Choices(0))));
        assert!(answer(q("who"), &form("v=64"), en).is_err());
        assert_eq!(
            answer(q("troubled"), &form("v=no"), en),
            Ok(Some(Value::Bool(false)))
        );
        assert_eq!(
            answer(q("months_left"), &form("v=+12+"), en),
            Ok(Some(Value::Number(12)))
        );
        assert_eq!(
            answer(q("months_left"), &form("v=twelve"), Lang::Zh),
            Err("请输入整数，例如 12。".to_string())
        );
        assert_eq!(
            answer(q("org_name"), &form("v=+Lake%20side+"), en),
            Ok(Some(Value::Text("Lake side".into())))
        );
    }

    #[test]
    fn too_many_fields_are_refused() {
        let body = "v=1&".repeat(MAX_FIELDS + 1);
        assert!(Form::parse(body.as_bytes()).is_none());
        assert_eq!(form("a=1&b=2&a=3").all("a").collect::<Vec<_>>(), ["1", "3"]);
    }
}
