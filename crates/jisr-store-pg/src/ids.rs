//! Ids of new events, objects, attributes and object references taken
//! from their sequences ahead of the INSERT, in transactions that write
//! all or nothing (an import, a pull).
//!
//! An INSERT … RETURNING id makes the writer wait for the server before it
//! can build anything that refers to the new rows (an event's attributes,
//! their correlation keys). With the ids in hand, the INSERT needs no
//! answer: it is sent at once and not waited for ([`PgTx::defer`] and
//! [`crate::conn::Conn::launch`]), and the server inserts while the writer
//! computes the next step. An import of an event went from four waits to
//! one or two.
//!
//! Only there, because a deferred INSERT that fails is reported by a later
//! statement: such a transaction is abandoned on any error anyway, whereas
//! a request that adds one attribute expects its own error back.
//!
//! Ids come from `nextval`, so other writers of the sequence never get
//! them, and a rollback leaves a gap as any failed INSERT does. Blocks
//! grow as a transaction takes more (one id, two, four …, at most
//! [`MOST_AT_ONCE`]), so a large load asks the sequence once per many
//! events; what a committing transaction reserved and did not use goes
//! back to the sequence, so ids stay as dense as plain INSERTs leave them.

use jisr_store::Result;

use crate::PgTx;

/// The largest block of ids asked for at once.
const MOST_AT_ONCE: usize = 16_384;

/// What the ids are for: which table's sequence they come from.
#[derive(Clone, Copy)]
pub(crate) enum IdsOf {
    Events,
    Objects,
    Attributes,
    References,
}

const ALL: [IdsOf; 4] = [
    IdsOf::Events,
    IdsOf::Objects,
    IdsOf::Attributes,
    IdsOf::References,
];

impl IdsOf {
    fn query(self) -> &'static str {
        match self {
            IdsOf::Events => "SELECT nextval('events_id_seq') FROM generate_series(1, $1::bigint)",
            IdsOf::Objects => {
                "SELECT nextval('objects_id_seq') FROM generate_series(1, $1::bigint)"
            }
            IdsOf::Attributes => {
                "SELECT nextval('attributes_id_seq') FROM generate_series(1, $1::bigint)"
            }
            IdsOf::References => {
                "SELECT nextval('object_references_id_seq') FROM generate_series(1, $1::bigint)"
            }
        }
    }

    /// Winds the sequence back to `$1` (its next value) if `$2` is still
    /// the last value it gave.
    fn give_back(self) -> &'static str {
        match self {
            IdsOf::Events => {
                "SELECT setval('events_id_seq', $1, false) FROM events_id_seq WHERE last_value = $2"
            }
            IdsOf::Objects => {
                "SELECT setval('objects_id_seq', $1, false) FROM objects_id_seq WHERE last_value = $2"
            }
            IdsOf::Attributes => {
                "SELECT setval('attributes_id_seq', $1, false) FROM attributes_id_seq WHERE last_value = $2"
            }
            IdsOf::References => {
                "SELECT setval('object_references_id_seq', $1, false) FROM object_references_id_seq WHERE last_value = $2"
            }
        }
    }
}

/// The ids a transaction holds and has not used yet, per table.
#[derive(Default)]
pub(crate) struct ReservedIds {
    events: Block,
    objects: Block,
    attributes: Block,
    references: Block,
}

#[derive(Default)]
struct Block {
    /// Not used yet, last first (`pop` gives the smallest).
    ids: Vec<i64>,
    /// How many were asked for last time.
    asked: usize,
}

impl ReservedIds {
    fn block(&mut self, of: IdsOf) -> &mut Block {
        match of {
            IdsOf::Events => &mut self.events,
            IdsOf::Objects => &mut self.objects,
            IdsOf::References => &mut self.references,
            IdsOf::Attributes => &mut self.attributes,
        }
    }
}

impl PgTx<'_> {
    /// `n` new ids for rows of `of`, in increasing order.
    pub(crate) fn take_ids(&mut self, of: IdsOf, n: usize) -> Result<Vec<i64>> {
        let missing = match self.reserved_ids.as_mut() {
            Some(reserved) => reserved.block(of).missing(n),
            None => {
                return Err(jisr_store::StoreError::Backend(
                    "ids are taken ahead only in transactions that write all or nothing".into(),
                ));
            }
        };
        let more: Vec<i64> = if missing > 0 {
            let count = i64::try_from(missing).unwrap_or(i64::MAX);
            self.many(of.query(), params![count], |r| r.try_get(0))?
        } else {
            vec![]
        };
        match self.reserved_ids.as_mut() {
            Some(reserved) => Ok(reserved.block(of).take(more, n)),
            None => Ok(vec![]),
        }
    }

    /// Before the COMMIT, with it: the ids reserved and not used go back to
    /// their sequence, unless another writer has taken one since (jisr's
    /// writers hold the writer lock, so only a writer outside jisr could).
    pub(crate) fn give_back_unused_ids(&mut self) -> Result<()> {
        let Some(mut reserved) = self.reserved_ids.take() else {
            return Ok(());
        };
        for of in ALL {
            if let Some((first, last)) = reserved.block(of).unused() {
                self.defer(of.give_back(), vec![Box::new(first), Box::new(last)])?;
            }
        }
        Ok(())
    }

    /// Whether this transaction takes ids ahead (see the module's notes).
    pub(crate) fn takes_ids_ahead(&self) -> bool {
        self.reserved_ids.is_some()
    }
}

impl Block {
    /// How many ids to ask the sequence for before `n` can be taken.
    fn missing(&mut self, n: usize) -> usize {
        if self.ids.len() >= n {
            return 0;
        }
        let want = n.max((self.asked * 2).clamp(1, MOST_AT_ONCE));
        self.asked = want;
        want - self.ids.len()
    }

    /// The smallest and the largest of the ids not used, if any.
    fn unused(&self) -> Option<(i64, i64)> {
        Some((*self.ids.last()?, *self.ids.first()?))
    }

    /// Adds `more` (fresh from the sequence, so larger than any held) and
    /// takes the `n` smallest.
    fn take(&mut self, mut more: Vec<i64>, n: usize) -> Vec<i64> {
        more.sort_unstable_by(|a, b| b.cmp(a));
        more.append(&mut self.ids);
        self.ids = more;
        let mut taken = self.ids.split_off(self.ids.len().saturating_sub(n));
        taken.reverse();
        taken
    }
}

#[cfg(test)]
mod tests {
    use super::Block;

    #[test]
    fn blocks_grow_are_bounded_and_give_the_smallest_first() {
        let mut b = Block::default();
        assert_eq!(b.missing(1), 1);
        assert_eq!(b.take(vec![10], 1), vec![10]);
        // Asked for one, then two, then four: more than the one wanted.
        assert_eq!(b.missing(1), 2);
        assert_eq!(b.take(vec![11, 12], 1), vec![11]);
        assert_eq!(b.missing(1), 0);
        assert_eq!(b.missing(3), 4 - 1);
        assert_eq!(b.take(vec![15, 13, 14], 3), vec![12, 13, 14]);
        assert_eq!(b.unused(), Some((15, 15)));
        assert_eq!(b.take(vec![], 1), vec![15]);
        assert_eq!(b.unused(), None);
        // A large write asks for what it needs at once.
        assert_eq!(b.missing(100_000), 100_000);
        b.ids.clear();
        // ... and the blocks after it stay bounded.
        assert_eq!(b.missing(1), super::MOST_AT_ONCE);
    }
}
