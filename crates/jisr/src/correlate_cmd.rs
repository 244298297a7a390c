//! `jisr correlate`: rebuild the correlation index, list over-correlating
//! values, show the index's size.

use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};
use jisr_core::correlation::{self, Progress, Settings, upgrade};
use jisr_policy::Scope;
use jisr_store::SearchQuery;

use crate::instance::Instance;

/// A rebuild's transaction ends after this many attributes: long enough to
/// amortise commits (each rewrites the index pages it dirtied, nearly one
/// per key at millions of attributes), short enough that writers waiting
/// on the lock are not starved. Events are indexed a few at a time.
const ATTRIBUTES_PER_COMMIT: u64 = 100_000;
const EVENTS_PER_STEP: usize = 50;

struct Bar {
    bar: ProgressBar,
    attributes: u64,
}

impl Progress for Bar {
    fn event_done(&mut self, attributes: u64) {
        self.attributes += attributes;
        self.bar.inc(1);
        self.bar
            .set_message(format!("{} attributes", self.attributes));
    }
}

/// Empties the index and indexes every event again, oldest first. While it
/// runs, readers see the correlations of the events done so far; writes by
/// the server go on between batches and index themselves as always.
pub fn rebuild(instance: &Instance) -> Result<(u64, u64, std::time::Duration)> {
    let started = std::time::Instant::now();
    let ids = {
        let mut tx = instance.store.read()?;
        tx.search_events(&SearchQuery::default(), &Scope::Everything)?
    };
    let bar = ProgressBar::new(ids.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} events, {msg}, eta {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    if ids.len() < 100 {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    let mut progress = Bar { bar, attributes: 0 };
    let settings = {
        let mut tx = instance.store.write()?;
        correlation::clear(tx.as_mut())?;
        let s = Settings::load(tx.as_mut())?;
        tx.commit()?;
        s
    };
    let scoring = correlation::BackgroundScoring::start()?;
    let mut steps = ids.chunks(EVENTS_PER_STEP).peekable();
    while steps.peek().is_some() {
        let mut tx = instance.store.write()?;
        let started_at = progress.attributes;
        while progress.attributes - started_at < ATTRIBUTES_PER_COMMIT
            && let Some(chunk) = steps.next()
        {
            correlation::index_events(tx.as_mut(), &settings, chunk, &mut progress)?;
        }
        scoring.settle(tx.as_mut())?;
        tx.commit()?;
    }
    progress.bar.finish_and_clear();
    Ok((ids.len() as u64, progress.attributes, started.elapsed()))
}

/// When the stored names' blocking keys are of another jisr's derivation
/// (`correlation::upgrade`), rebuilds the index before anything else
/// writes, saying so; otherwise does nothing.
pub fn upgrade_name_keys(instance: &Instance) -> Result<()> {
    {
        let mut tx = instance.store.write()?;
        let current = upgrade::name_keys_current(tx.as_mut())?;
        tx.commit()?;
        if current {
            return Ok(());
        }
    }
    eprintln!(
        "jisr: this version derives other blocking keys for names; rebuilding the correlation index (once) …"
    );
    let (events, attributes, took) = rebuild(instance)?;
    eprintln!(
        "jisr: correlated {attributes} attributes of {events} events again in {:.1} s",
        took.as_secs_f64()
    );
    Ok(())
}

pub fn run(instance: &Instance, rebuild_index: bool, over: bool) -> Result<()> {
    if rebuild_index {
        let (events, attributes, took) = rebuild(instance)?;
        println!(
            "correlated {attributes} attributes of {events} events in {:.1} s",
            took.as_secs_f64()
        );
    }
    let mut tx = instance.store.read()?;
    if over {
        let limit = Settings::load(tx.as_mut())?.limit;
        for (value, holders) in correlation::over_correlating(tx.as_mut(), limit)? {
            println!("{holders}\t{value}");
        }
    }
    let s = tx.correlation_stats()?;
    println!(
        "index: {} keys, {} address ranges, {} name pairs",
        s.keys, s.ranges, s.name_pairs
    );
    Ok(())
}
