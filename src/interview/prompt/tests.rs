//! Tests of the prompt helpers: number parsing, truncation, places and item labels.

use super::*;

#[test]
fn truncation_fits_the_width() {
    assert_eq!(truncate("short", 10), "short");
    assert_eq!(truncate("修改 1：机构名称是什么", 10), "修改 1：…");
    assert_eq!(truncate("Change 12: a long prompt", 12), "Change 12: …");
}

#[test]
fn numbers_parse_with_spaces_and_optional_empties() {
    let pack = crate::interview::testing::mini();
    let months = pack.question("months_left").unwrap().1;
    assert_eq!(parse_number(months, " 12 "), Ok(Some(Value::Number(12))));
    assert_eq!(parse_number(months, "twelve"), Err(NotANumber));
    assert_eq!(parse_number(months, ""), Err(NotANumber));
}
