//! How a transaction's statements reach the server, in as few round trips
//! as their order allows: the BEGIN and each write's savepoint go ahead of
//! the statement they precede, a write transaction's first statement brings
//! the cache's reads (`tx_cache`), and writes whose answer nobody reads wait
//! for the next statement or the COMMIT ([`PgTx::defer`]).

use jisr_store::{Result, StoreError};
use tokio_postgres::Row;
use tokio_postgres::types::ToSql;

use crate::conn::OwnedWrite;
use crate::rows::Params;
use crate::{Answer, Failed, Guard, PgTx, Request, Want, backend_err, tx_cache};

/// An owned parameter of a deferred write.
pub(crate) type Owned = Box<dyn ToSql + Sync + Send>;

pub(crate) type Deferred = OwnedWrite;

/// The requests for `writes`, whose parameters are `params`.
fn write_requests<'a>(
    writes: &'a [Deferred],
    params: &'a [Vec<&'a (dyn ToSql + Sync)>],
) -> Vec<Request<'a>> {
    writes
        .iter()
        .zip(params)
        .map(|(w, p)| Request::Statement {
            sql: w.sql,
            params: p,
            want: Want::Count,
        })
        .collect()
}

impl PgTx<'_> {
    /// Sends a statement, with the transaction's BEGIN ahead of it when
    /// `begin` is the BEGIN not sent yet.
    fn send(
        &mut self,
        begin: Option<&str>,
        sql: &str,
        params: Params,
        want: Want,
    ) -> std::result::Result<Answer, Failed> {
        self.send_first(begin.is_some(), begin, sql, params, want)
    }

    /// Sends a statement with `ahead`, after the deferred writes; the
    /// transaction's `first` one carries the cache's reads too, when it is
    /// a write transaction. One round trip in all.
    fn send_first(
        &mut self,
        first: bool,
        ahead: Option<&str>,
        sql: &str,
        params: Params,
        want: Want,
    ) -> std::result::Result<Answer, Failed> {
        let prefetch = first && self.prefetch;
        if self.deferred_writes.is_empty() && !prefetch {
            return self.conn.run(ahead, sql, params, want);
        }
        let writes = std::mem::take(&mut self.deferred_writes);
        let write_params: Vec<Vec<&(dyn ToSql + Sync)>> =
            writes.iter().map(Deferred::params).collect();
        let mut requests = write_requests(&writes, &write_params);
        requests.extend(ahead.map(Request::Simple));
        if prefetch {
            requests.extend(tx_cache::PREFETCH.map(|sql| Request::Statement {
                sql,
                params: &[],
                want: Want::Rows,
            }));
        }
        requests.push(Request::Statement { sql, params, want });
        let mut answers = self
            .conn
            .pipeline(&requests)
            .map_err(|f| Failed::Ahead(f.cause()))?
            .into_iter();
        // What was sent before the statement: if any failed, the transaction is lost.
        for _ in 0..writes.len() + usize::from(ahead.is_some()) {
            answers.next().transpose().map_err(Failed::Ahead)?;
        }
        if prefetch {
            let mut rows = [vec![], vec![], vec![]];
            for slot in &mut rows {
                if let Some(Answer::Rows(r)) = answers.next().transpose().map_err(Failed::Ahead)? {
                    *slot = r;
                }
            }
            self.cache.fill(rows).map_err(Failed::Ahead)?;
        }
        match answers.next() {
            Some(answer) => answer.map_err(Failed::Statement),
            None => Ok(Answer::Count(0)),
        }
    }

    /// Queues a write whose answer nobody waits for (it touches no row
    /// that decides anything, and cannot fail but with the connection or
    /// the server): it goes with the transaction's next statement or its
    /// COMMIT, in that round trip. Should it fail after all, the
    /// transaction fails with it and commits nothing.
    pub(crate) fn defer(&mut self, sql: &'static str, params: Vec<Owned>) -> Result<()> {
        if self.begin.is_some() {
            // Nothing sent yet: the BEGIN goes with it now.
            let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| p.as_ref() as _).collect();
            self.exec(sql, &refs)?;
            return Ok(());
        }
        self.deferred_writes.push(Deferred { sql, params });
        Ok(())
    }

    /// Sends the queued writes now, without waiting for their answers (see
    /// [`crate::conn::Conn::launch`]): for a writer about to spend a while
    /// on its own work, such as reading and building the next event of an
    /// import, while the server runs them.
    pub(crate) fn launch_deferred(&mut self) -> Result<()> {
        if self.deferred_writes.is_empty() || self.failed {
            return Ok(());
        }
        let writes = std::mem::take(&mut self.deferred_writes);
        self.conn.launch(writes).map_err(|e| {
            self.failed = true;
            backend_err(e)
        })
    }

    /// Runs a read: a failure (say, a NUL character, which PostgreSQL
    /// refuses in text) marks the transaction as failed.
    pub(crate) fn read_rows(&mut self, sql: &str, params: Params, want: Want) -> Result<Vec<Row>> {
        self.refuse_if_failed()?;
        let begin = self.begin.take();
        match self.send(begin, sql, params, want) {
            Ok(Answer::Rows(rows)) => Ok(rows),
            Ok(Answer::Count(_)) => Ok(vec![]),
            Err(f) => {
                self.failed = true;
                Err(f.error())
            }
        }
    }

    /// Runs one write so that its failure undoes only itself, as in SQLite.
    pub(crate) fn guarded(&mut self, sql: &str, params: Params, want: Want) -> Result<Answer> {
        self.refuse_if_failed()?;
        let begin = self.begin.take();
        if self.guard == Guard::None {
            let r = self.send(begin, sql, params, want).map_err(Failed::error);
            self.failed |= r.is_err();
            return r;
        }
        // Releasing and re-creating keeps a single savepoint alive instead of
        // a growing stack of subtransactions; it travels with the write.
        let savepoint = if self.savepoint {
            "RELEASE SAVEPOINT w; SAVEPOINT w"
        } else {
            "SAVEPOINT w"
        };
        let ahead = match begin {
            Some(b) => format!("{b}; {savepoint}"),
            None => savepoint.to_string(),
        };
        let first = begin.is_some();
        match self.send_first(first, Some(&ahead), sql, params, want) {
            Ok(answer) => {
                self.savepoint = true;
                Ok(answer)
            }
            Err(Failed::Ahead(e)) => {
                self.failed = true;
                Err(backend_err(e))
            }
            Err(Failed::Statement(e)) => {
                self.savepoint = true;
                // If even this fails the transaction is lost; the original
                // error is the one worth reporting.
                if self.conn.batch_execute("ROLLBACK TO SAVEPOINT w").is_err() {
                    self.failed = true;
                }
                Err(backend_err(e))
            }
        }
    }

    /// After a failure that aborted the transaction, every statement fails
    /// (PostgreSQL would refuse it too). Said here rather than left to the
    /// server: when the first statement failed before anything was sent (a
    /// statement PostgreSQL could not prepare), the BEGIN never reached the
    /// server, and a later statement would run, and commit, on its own.
    fn refuse_if_failed(&self) -> Result<()> {
        if self.failed {
            return Err(StoreError::Backend(
                "an earlier statement failed and aborted the transaction; start a new one".into(),
            ));
        }
        Ok(())
    }

    /// The COMMIT, with the writes still deferred, after those in flight.
    pub(crate) fn send_commit(&mut self) -> Result<()> {
        let writes = std::mem::take(&mut self.deferred_writes);
        let params: Vec<Vec<&(dyn ToSql + Sync)>> = writes.iter().map(Deferred::params).collect();
        let mut requests = write_requests(&writes, &params);
        requests.push(Request::Simple("COMMIT"));
        // After a failed write PostgreSQL answers the COMMIT with a rollback.
        let nothing = |e| StoreError::Backend(format!("nothing was committed: {}", backend_err(e)));
        let answers = match self.conn.pipeline(&requests) {
            Ok(answers) => answers,
            // A write in flight failed: the COMMIT went too, and rolled back.
            Err(Failed::Ahead(e)) => return Err(nothing(e)),
            Err(Failed::Statement(e)) => {
                // Not sent: the transaction is still open, and Drop rolls it back.
                self.open = true;
                return Err(nothing(e));
            }
        };
        for answer in answers {
            answer.map_err(nothing)?;
        }
        Ok(())
    }
}
