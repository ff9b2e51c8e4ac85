//! Turning phase windows (shares of the horizon) into weeks and dates.

use jiff::ToSpan;
use jiff::civil::Date;

use crate::pack::{Phase, Timeline};
use crate::plan::Window;

/// Weeks in a month, on average.
const WEEKS_PER_MONTH: f64 = 52.0 / 12.0;

/// The horizon in weeks: the months left, at least the timeline's minimum.
pub fn horizon_weeks(timeline: &Timeline, months_left: Option<i64>) -> i64 {
    let months = months_left.unwrap_or(0).max(timeline.min_months).max(1);
    (months as f64 * WEEKS_PER_MONTH).round() as i64
}

/// The window of a phase, or `None` when the phase has none.
pub fn window(phase: &Phase, horizon_weeks: i64, start: Date) -> Option<Window> {
    let (from, to) = phase.window?;
    let start_week = (from * horizon_weeks as f64).floor() as i64;
    let end_week = ((to * horizon_weeks as f64).ceil() as i64).max(start_week + 1);
    let day = |week: i64, offset: i64| {
        start
            .checked_add((week * 7 + offset).days())
            .map_or_else(|_| start.to_string(), |d| d.to_string())
    };
    Some(Window {
        start_week,
        end_week,
        start_date: day(start_week, 0),
        end_date: day(end_week, -1),
    })
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
            loc: Loc::new(FileId(0), 0..0),
        }
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
        let w = window(&phase((0.0, 0.1)), 52, start);
        assert_eq!(
            w,
            Some(Window {
                start_week: 0,
                end_week: 6,
                start_date: "2026-01-05".into(),
                end_date: "2026-02-15".into()
            })
        );
        let w = window(&phase((0.9, 1.25)), 52, start);
        assert_eq!(
            w.as_ref().map(|w| (w.start_week, w.end_week)),
            Some((46, 65))
        );
        let tiny = window(&phase((0.5, 0.5)), 2, start);
        assert_eq!(tiny.map(|w| (w.start_week, w.end_week)), Some((1, 2)));
    }
}
