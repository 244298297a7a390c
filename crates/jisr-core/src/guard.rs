//! Lockout after repeated failed authentications from one address, so that
//! API keys cannot be guessed at speed. Counts live in memory: a restart
//! forgets them, which only ever favours the legitimate user.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub struct AuthGuard {
    max_failures: u32,
    lockout: Duration,
    failures: Mutex<HashMap<String, (u32, Instant)>>,
}

impl AuthGuard {
    pub fn new(max_failures: u32, lockout: Duration) -> AuthGuard {
        AuthGuard {
            max_failures: max_failures.max(1),
            lockout,
            failures: Mutex::new(HashMap::new()),
        }
    }

    /// Seconds left of a lockout of `addr`, if it is locked out.
    pub fn locked(&self, addr: &str) -> Option<u64> {
        let mut map = self.failures.lock().ok()?;
        let (count, since) = *map.get(addr)?;
        let elapsed = since.elapsed();
        if elapsed >= self.lockout {
            map.remove(addr);
            return None;
        }
        (count >= self.max_failures).then(|| (self.lockout - elapsed).as_secs().max(1))
    }

    pub fn failed(&self, addr: &str) {
        if let Ok(mut map) = self.failures.lock() {
            let entry = map.entry(addr.to_string()).or_insert((0, Instant::now()));
            if entry.1.elapsed() >= self.lockout {
                *entry = (0, Instant::now());
            }
            entry.0 += 1;
            // Bound the table: an attacker rotating addresses must not grow it forever.
            if map.len() > 100_000 {
                let lockout = self.lockout;
                map.retain(|_, (_, since)| since.elapsed() < lockout);
            }
        }
    }

    pub fn succeeded(&self, addr: &str) {
        if let Ok(mut map) = self.failures.lock() {
            map.remove(addr);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_after_the_limit_and_clears_on_success() {
        let g = AuthGuard::new(3, Duration::from_secs(60));
        g.failed("10.0.0.1");
        g.failed("10.0.0.1");
        assert!(g.locked("10.0.0.1").is_none());
        g.failed("10.0.0.1");
        assert!(g.locked("10.0.0.1").is_some());
        assert!(g.locked("10.0.0.2").is_none(), "per address");
        g.succeeded("10.0.0.1");
        assert!(g.locked("10.0.0.1").is_none());
    }

    #[test]
    fn a_lockout_ends() {
        let g = AuthGuard::new(1, Duration::from_millis(0));
        g.failed("a");
        assert!(g.locked("a").is_none());
    }
}
