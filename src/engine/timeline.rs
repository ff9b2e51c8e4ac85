//! Turning phase windows (shares of the horizon) into weeks and dates, and placing the
//! project's end on the same calendar.

use jiff::civil::Date;

use crate::pack::{Phase, Timeline};
use crate::plan::{ProjectEnd, Window};

/// Weeks in a month, on average.
const WEEKS_PER_MONTH: f64 = 52.0 / 12.0;

/// The longest horizon dated, in months (100 years): with `--start` before 2200, windows of at
/// most three horizons and the other bounds of the format, every date stays far below the
/// calendar's end (9999-12-31). Longer answers are scheduled as this many months; `rules lint`
/// refuses a months question that allows more (L012).
pub const MAX_MONTHS: i64 = 1200;

/// Whole weeks in a number of months (at most [`MAX_MONTHS`]), rounded.
pub fn weeks_in_months(months: i64) -> i64 {
    (months.min(MAX_MONTHS) as f64 * WEEKS_PER_MONTH).round() as i64
}

/// The horizon in weeks: the months left, at least the timeline's minimum.
pub fn horizon_weeks(timeline: &Timeline, months_left: Option<i64>) -> i64 {
    let months = months_left.unwrap_or(0).max(timeline.min_months).max(1);
    weeks_in_months(months)
}

/// The project's end: `months_left` months after `start` (at `start` when it has ended).
pub fn project_end(months_left: i64, start: Date) -> ProjectEnd {
    let months = months_left.clamp(0, MAX_MONTHS);
    let date = calendar_add(start, months, jiff::Span::new().try_months(months));
    ProjectEnd {
        week: weeks_in_months(months),
        date,
    }
}

/// The window of a phase, or `None` when the phase has none. `end_week` is the week the
/// project ends, when known: a window marks the weeks after it, and a phase with
/// `past_end_months` reaches that many months (and one week) past it.
pub fn window(
    phase: &Phase,
    horizon_weeks: i64,
    end_week: Option<i64>,
    start: Date,
) -> Option<Window> {
    let (from, to) = phase.window?;
    let start_week = (from * horizon_weeks as f64).floor() as i64;
    let mut last = ((to * horizon_weeks as f64).ceil() as i64).max(start_week + 1);
    if let (Some(end), Some(months)) = (end_week, phase.past_end_months) {
        last = last.max(end + weeks_in_months(months) + 1);
    }
    let day = |week: i64, offset: i64| {
        let days = week.saturating_mul(7).saturating_add(offset);
        calendar_add(start, days, jiff::Span::new().try_days(days))
    };
    let after_end_week = end_week
        .filter(|end| last > *end)
        .map(|end| end.max(start_week));
    Some(Window {
        start_week,
        end_week: last,
        start_date: day(start_week, 0),
        end_date: day(last, -1),
        after_end_week,
    })
}

/// The day `weeks` weeks after `start`.
pub fn date_after_weeks(start: Date, weeks: i64) -> String {
    let days = weeks.saturating_mul(7);
    calendar_add(start, days, jiff::Span::new().try_days(days))
}

/// `start` plus a span of `amount` units, as `YYYY-MM-DD`. Never panics: a span or a date past
/// the calendar's ends (which the bounds of the format keep out of reach) gives the nearest
/// end, never a date on the wrong side of `start`.
fn calendar_add(start: Date, amount: i64, span: Result<jiff::Span, jiff::Error>) -> String {
    match span.and_then(|s| start.checked_add(s)) {
        Ok(date) => date.to_string(),
        Err(_) if amount >= 0 => Date::MAX.to_string(),
        Err(_) => Date::MIN.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{FileId, Loc};
    use crate::text::LocalText;

    fn phase(window: (f64, f64)) -> Phase {
        Phase {
            id: "p".into(),
            title: LocalText::same("P"),
            summary: None,
            window: Some(window),
            past_end_months: None,
            loc: Loc::new(FileId(0), 0..0),
        }
    }

    #[test]
    fn long_timelines_are_dated_within_the_calendar() {
        let start = Date::new(2199, 12, 31).unwrap_or_default();
        let t = Timeline {
            months: 0,
            min_months: 0,
        };
        for months in [100_000, 200_000, i64::MAX] {
            let horizon = horizon_weeks(&t, Some(months));
            assert_eq!(horizon, weeks_in_months(MAX_MONTHS));
            let end = project_end(months, start);
            assert_eq!(end.date, "2299-12-31");
            let w = window(&phase((0.0, 3.0)), horizon, Some(end.week), start);
            let w = w.expect("a window");
            assert!(w.start_date < w.end_date, "{w:?}");
            assert_eq!(w.end_date, "2498-12-22");
        }
        assert_eq!(date_after_weeks(start, i64::MAX), "9999-12-31");
        assert_eq!(date_after_weeks(start, i64::MIN), "-009999-01-01");
    }

    #[test]
    fn horizon_uses_the_minimum_when_little_is_left() {
        let t = Timeline {
            months: 0,
            min_months: 3,
        };
        assert_eq!(horizon_weeks(&t, Some(0)), 13);
        assert_eq!(horizon_weeks(&t, Some(12)), 52);
        assert_eq!(horizon_weeks(&t, None), 13);
    }

    #[test]
    fn windows_become_weeks_and_dates() {
        let start = Date::new(2026, 1, 5).unwrap_or_default();
        let w = window(&phase((0.0, 0.1)), 52, Some(52), start);
        assert_eq!(
            w,
            Some(Window {
                start_week: 0,
                end_week: 6,
                start_date: "2026-01-05".into(),
                end_date: "2026-02-15".into(),
                after_end_week: None,
            })
        );
        let w = window(&phase((0.9, 1.25)), 52, Some(52), start);
        assert_eq!(
            w.as_ref()
                .map(|w| (w.start_week, w.end_week, w.after_end_week)),
            Some((46, 65, Some(52)))
        );
        let tiny = window(&phase((0.5, 0.5)), 2, None, start);
        assert_eq!(tiny.map(|w| (w.start_week, w.end_week)), Some((1, 2)));
    }

    #[test]
    fn the_project_end_is_months_after_the_start() {
        let start = Date::new(2026, 1, 5).unwrap_or_default();
        let end = project_end(6, start);
        assert_eq!((end.week, end.date.as_str()), (26, "2026-07-05"));
        let ended = project_end(0, start);
        assert_eq!((ended.week, ended.date.as_str()), (0, "2026-01-05"));
        assert!(ended.has_ended());
    }

    #[test]
    fn a_phase_can_reach_past_the_end() {
        let start = Date::new(2026, 1, 5).unwrap_or_default();
        let mut review = phase((0.85, 1.0));
        review.past_end_months = Some(3);
        // One month left, a three-month horizon: the end is week 4, the follow-up week 17.
        let w = window(&review, 13, Some(4), start).unwrap();
        assert_eq!((w.start_week, w.end_week), (11, 18));
        assert_eq!(w.after_end_week, Some(11));
        // A year left: the review starts before the end and runs into the follow-up.
        let w = window(&review, 52, Some(52), start).unwrap();
        assert_eq!(
            (w.start_week, w.end_week, w.after_end_week),
            (44, 66, Some(52))
        );
    }

    #[test]
    fn a_window_inside_the_project_is_not_marked() {
        let start = Date::new(2026, 1, 5).unwrap_or_default();
        let w = window(&phase((0.1, 0.9)), 52, Some(52), start).unwrap();
        assert_eq!(w.after_end_week, None);
        // With the project ended, every window lies after the end.
        let w = window(&phase((0.0, 0.1)), 13, Some(0), start).unwrap();
        assert_eq!(w.after_end_week, Some(0));
    }
}
