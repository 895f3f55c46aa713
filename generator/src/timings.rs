//! How long each phase of a run took, so a maintainer sees where generation time goes (`cargo xtask
//! generate` prints it; the `generation` bench takes medians of it).

use std::fmt;
use std::time::{Duration, Instant};

/// The phases of a run, in pipeline order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Reading the spec files, parsing their YAML and merging them into one document.
    Load,
    /// The `$ref` check, the typed parse of the document, and the operation id and path template checks.
    Validate,
    /// Lowering the document to the IR, and freeing the document once it is lowered.
    Lower,
    /// Building the token streams of the Rust files and rendering the templates.
    Emit,
    /// Parsing the Rust files, printing them with prettyplease and separating their items.
    Format,
    /// Comparing with (and writing) the output directory: `output::sync`, which `xtask` calls.
    Write,
}

impl Phase {
    pub const ALL: [Phase; 6] = [
        Phase::Load,
        Phase::Validate,
        Phase::Lower,
        Phase::Emit,
        Phase::Format,
        Phase::Write,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Phase::Load => "load",
            Phase::Validate => "validate",
            Phase::Lower => "lower",
            Phase::Emit => "emit",
            Phase::Format => "format",
            Phase::Write => "write",
        }
    }
}

/// Wall time per phase. A phase may be measured in several pieces (validation happens partly while
/// loading, partly before lowering); the pieces add up. Where threads emit and format files side by side,
/// the wall time is shared out in proportion to the time they spent in each phase ([`Timings::split`]), so
/// the phases still add up to no more than the run. A phase that did not run is `None`, not zero.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timings {
    phases: [Option<Duration>; Phase::ALL.len()],
}

impl Timings {
    /// The time spent in `phase`, or `None` when it was not run.
    pub fn get(&self, phase: Phase) -> Option<Duration> {
        self.phases[phase as usize]
    }

    /// Adds `elapsed` to `phase`.
    pub fn add(&mut self, phase: Phase, elapsed: Duration) {
        let slot = &mut self.phases[phase as usize];
        *slot = Some(slot.unwrap_or_default() + elapsed);
    }

    /// Runs `work`, adding its wall time to `phase`.
    pub fn time<T>(&mut self, phase: Phase, work: impl FnOnce() -> T) -> T {
        let started = Instant::now();
        let result = work();
        self.add(phase, started.elapsed());
        result
    }

    /// Adds `elapsed`, the wall time of work that threads did side by side, to the phases of `shares` in
    /// proportion to the time the threads spent in each; the shares add up to `elapsed` exactly.
    pub fn split(&mut self, elapsed: Duration, shares: &[(Phase, Duration)]) {
        let whole: f64 = shares.iter().map(|(_, spent)| spent.as_secs_f64()).sum();
        let mut left = elapsed;
        for (index, &(phase, spent)) in shares.iter().enumerate() {
            let share = if index + 1 == shares.len() {
                left
            } else if whole > 0.0 {
                elapsed.mul_f64(spent.as_secs_f64() / whole).min(left)
            } else {
                Duration::ZERO
            };
            left -= share;
            self.add(phase, share);
        }
    }

    /// The sum of the measured phases.
    pub fn total(&self) -> Duration {
        self.phases.iter().flatten().sum()
    }
}

/// `load 120 ms, validate 40 ms, ...`: the measured phases, in pipeline order.
impl fmt::Display for Timings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for phase in Phase::ALL {
            if let Some(elapsed) = self.get(phase) {
                let separator = if first { "" } else { ", " };
                write!(f, "{separator}{} {} ms", phase.name(), elapsed.as_millis())?;
                first = false;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_of_a_phase_add_up_and_unmeasured_phases_are_left_out() {
        let mut timings = Timings::default();
        timings.add(Phase::Validate, Duration::from_millis(3));
        timings.add(Phase::Load, Duration::from_millis(10));
        timings.add(Phase::Validate, Duration::from_millis(4));
        assert_eq!(timings.get(Phase::Validate), Some(Duration::from_millis(7)));
        assert_eq!(timings.get(Phase::Emit), None);
        assert_eq!(timings.total(), Duration::from_millis(17));
        assert_eq!(timings.to_string(), "load 10 ms, validate 7 ms");
    }

    #[test]
    fn parallel_work_is_shared_out_in_proportion() {
        let mut timings = Timings::default();
        let spent = [
            (Phase::Emit, Duration::from_millis(30)),
            (Phase::Format, Duration::from_millis(90)),
        ];
        timings.split(Duration::from_millis(60), &spent);
        assert_eq!(timings.get(Phase::Emit), Some(Duration::from_millis(15)));
        assert_eq!(timings.get(Phase::Format), Some(Duration::from_millis(45)));
        assert_eq!(timings.total(), Duration::from_millis(60));
    }
}
