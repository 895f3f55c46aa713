//! A client-side token bucket: at most `rate` requests per second on average, with bursts of up to one
//! second's worth. Waiting callers reserve their slot before sleeping, so they are served in order.

use std::time::{Duration, Instant};

pub(crate) struct RateLimiter {
    rate: f64,
    capacity: f64,
    state: std::sync::Mutex<Bucket>,
}

struct Bucket {
    /// May go negative: slots reserved by callers still sleeping.
    tokens: f64,
    updated: Instant,
}

impl RateLimiter {
    pub(crate) fn new(per_second: f64) -> RateLimiter {
        let capacity = per_second.max(1.0);
        RateLimiter {
            rate: per_second,
            capacity,
            state: std::sync::Mutex::new(Bucket {
                tokens: capacity,
                updated: Instant::now(),
            }),
        }
    }

    /// How long the caller must wait before sending; the slot is taken.
    fn reserve(&self, now: Instant) -> Duration {
        let mut bucket = self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let elapsed = now.saturating_duration_since(bucket.updated).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * self.rate).min(self.capacity);
        bucket.updated = now;
        bucket.tokens -= 1.0;
        if bucket.tokens >= 0.0 {
            Duration::ZERO
        } else {
            Duration::from_secs_f64(-bucket.tokens / self.rate)
        }
    }

    pub(crate) async fn acquire(&self) {
        let wait = self.reserve(Instant::now());
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_of_one_seconds_worth_passes_then_callers_are_spaced() {
        let limiter = RateLimiter::new(10.0);
        let start = Instant::now();
        for _ in 0..10 {
            assert_eq!(limiter.reserve(start), Duration::ZERO);
        }
        let waits: Vec<Duration> = (0..3).map(|_| limiter.reserve(start)).collect();
        let expected = [100, 200, 300].map(Duration::from_millis);
        for (wait, expected) in waits.iter().zip(expected) {
            assert!(wait.abs_diff(expected) < Duration::from_micros(10), "{waits:?}");
        }
        // A second later, the reservations are paid back and the bucket refilled by 10 - 3.
        let later = start + Duration::from_secs(1);
        for _ in 0..7 {
            assert_eq!(limiter.reserve(later), Duration::ZERO);
        }
        assert!(limiter.reserve(later) > Duration::ZERO);
    }

    #[test]
    fn a_rate_below_one_still_lets_one_request_through() {
        let limiter = RateLimiter::new(0.5);
        let start = Instant::now();
        assert_eq!(limiter.reserve(start), Duration::ZERO);
        assert_eq!(limiter.reserve(start), Duration::from_secs(2));
    }
}
