//! Calendar dates from day numbers and back, in UTC and the proleptic Gregorian calendar (Howard Hinnant's
//! algorithms), for the token cache's expiry times and the times `dbr` shows; no date crate needed.

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
pub(crate) fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date of a day counted from 1970-01-01 (the inverse of [`days_from_civil`]).
pub(crate) fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Milliseconds since 1970 as `2024-01-15 09:29`, in UTC.
#[cfg(feature = "cli")]
pub fn utc_minute(millis: i64) -> String {
    const MILLIS_PER_DAY: i64 = 86_400_000;
    let (year, month, day) = civil_from_days(millis.div_euclid(MILLIS_PER_DAY));
    let minutes = millis.rem_euclid(MILLIS_PER_DAY) / 60_000;
    format!("{year:04}-{month:02}-{day:02} {:02}:{:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    #[cfg(feature = "cli")]
    use super::utc_minute;
    use super::{civil_from_days, days_from_civil};

    #[test]
    fn days_and_dates_convert_both_ways() {
        for days in [-1, 0, 59, 365, 11_016, 19_782, 2_932_896] {
            let (year, month, day) = civil_from_days(days);
            assert_eq!(days_from_civil(year, month, day), days);
        }
    }

    #[test]
    #[cfg(feature = "cli")]
    fn times_read_as_utc_minutes() {
        assert_eq!(utc_minute(0), "1970-01-01 00:00");
        assert_eq!(utc_minute(1_705_310_961_000), "2024-01-15 09:29");
        assert_eq!(utc_minute(951_782_400_000), "2000-02-29 00:00");
        assert_eq!(utc_minute(1_798_761_599_999), "2026-12-31 23:59");
        assert_eq!(utc_minute(-1), "1969-12-31 23:59");
    }
}
