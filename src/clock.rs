//! The local date and time, found without loading the whole time zone database.
//!
//! jiff's [`TimeZone::system`] looks the zone named by `/etc/localtime` up in its database,
//! and building that database lists every file under `/usr/share/zoneinfo` (some forty
//! directory reads): a noticeable part of a short command such as `fulcrum plan`. When `TZ`
//! is not set, reading `/etc/localtime` itself gives the same zone for one file read.

use std::path::Path;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ZonedDateTime};

/// The file that holds the system's time zone on Unix.
const LOCALTIME: &str = "/etc/localtime";

/// The local time zone: as `TZ` says when it is set (jiff's rules), else the TZif file
/// `/etc/localtime`, else jiff's system lookup (UTC when nothing is found).
pub fn time_zone() -> TimeZone {
    if std::env::var_os("TZ").is_none()
        && let Some(tz) = read_tzif(Path::new(LOCALTIME))
    {
        return tz;
    }
    TimeZone::system()
}

/// The current time in the local time zone.
pub fn now() -> ZonedDateTime {
    Timestamp::now().to_zoned_datetime(time_zone())
}

/// Today's date in the local time zone.
pub fn today() -> Date {
    now().date()
}

/// The time zone in a TZif file, named after the zoneinfo entry it links to if it is a
/// symbolic link; `None` if it cannot be read or is not TZif.
fn read_tzif(path: &Path) -> Option<TimeZone> {
    let data = std::fs::read(path).ok()?;
    let target = std::fs::read_link(path).ok();
    let name = target
        .as_deref()
        .and_then(|t| t.to_str())
        .and_then(zone_name)
        .unwrap_or("Local");
    TimeZone::tzif(name, &data).ok()
}

/// The IANA name in a path into a zoneinfo directory: `Asia/Shanghai` for
/// `/usr/share/zoneinfo/Asia/Shanghai`.
fn zone_name(path: &str) -> Option<&str> {
    const NEEDLE: &str = "zoneinfo/";
    let at = path.rfind(NEEDLE)?;
    Some(&path[at + NEEDLE.len()..]).filter(|name| !name.is_empty())
}

/// Dates outside these years are taken as typing mistakes: a schedule runs weeks to a few years.
pub const START_YEARS: std::ops::RangeInclusive<i16> = 1900..=2199;

/// Whether `s` is written `YYYY-MM-DD`: four digits, two, two, with hyphens.
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
}

/// Reads a date written `YYYY-MM-DD` in the years a schedule can fall in; `None` otherwise.
pub fn parse_date(s: &str) -> Option<Date> {
    if !is_iso_date(s) {
        return None;
    }
    s.parse::<Date>()
        .ok()
        .filter(|d| START_YEARS.contains(&d.year()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A version 1 TZif file with one local time type: UTC+14:00 named `LINT`.
    fn fixed_tzif() -> Vec<u8> {
        let mut data = b"TZif".to_vec();
        data.push(0); // version 1
        data.extend([0; 15]);
        // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
        for count in [0u32, 0, 0, 0, 1, 5] {
            data.extend(count.to_be_bytes());
        }
        data.extend(50_400i32.to_be_bytes()); // UT offset in seconds
        data.extend([0, 0]); // not DST, designation at 0
        data.extend(b"LINT\0");
        data
    }

    #[test]
    fn zone_names_come_from_the_path_after_zoneinfo() {
        assert_eq!(
            zone_name("/usr/share/zoneinfo/Asia/Shanghai"),
            Some("Asia/Shanghai")
        );
        assert_eq!(zone_name("../zoneinfo/Etc/UTC"), Some("Etc/UTC"));
        assert_eq!(zone_name("/usr/share/zoneinfo/"), None);
        assert_eq!(zone_name("/etc/timezone"), None);
    }

    #[test]
    fn a_tzif_file_gives_its_zone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("localtime");
        std::fs::write(&path, fixed_tzif()).unwrap();
        let tz = read_tzif(&path).unwrap();
        assert_eq!(tz.iana_name(), Some("Local"));
        let zoned = Timestamp::UNIX_EPOCH.to_zoned_datetime(tz);
        assert_eq!(zoned.date(), jiff::civil::date(1970, 1, 1));
        assert_eq!(zoned.hour(), 14);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_into_zoneinfo_names_the_zone() {
        let dir = tempfile::tempdir().unwrap();
        let zone = dir.path().join("zoneinfo/Pacific/Kiritimati");
        std::fs::create_dir_all(zone.parent().unwrap()).unwrap();
        std::fs::write(&zone, fixed_tzif()).unwrap();
        let link = dir.path().join("localtime");
        std::os::unix::fs::symlink(&zone, &link).unwrap();
        let tz = read_tzif(&link).unwrap();
        assert_eq!(tz.iana_name(), Some("Pacific/Kiritimati"));
    }

    #[test]
    fn missing_or_broken_files_give_nothing() {
        let dir = tempfile::tempdir().unwrap();
        assert!(read_tzif(&dir.path().join("absent")).is_none());
        let junk = dir.path().join("junk");
        std::fs::write(&junk, b"not a time zone").unwrap();
        assert!(read_tzif(&junk).is_none());
    }
}
