//! One connection to PostgreSQL: `tokio-postgres` driven by a current-thread
//! runtime of its own (what the synchronous `postgres` crate does inside),
//! its prepared statements, and requests sent together (see [`Conn::run`]).

use std::collections::HashMap;

use jisr_store::{Result, StoreError};
use tokio_postgres::{Client, Config, NoTls, Row, Statement};

use crate::backend_err;
use crate::rows::{Params, PgResult};

/// Prepared statements are cached per connection up to this many distinct
/// texts, then the cache starts over: restSearch builds its SQL per query
/// and would otherwise grow it without bound.
const STATEMENT_CACHE: usize = 256;

/// One connection with its prepared-statement cache.
pub(crate) struct Conn {
    /// Runs the connection's task whenever a request waits for its answer.
    runtime: tokio::runtime::Runtime,
    client: Client,
    statements: HashMap<String, Statement>,
    /// Set when a rollback failed: the connection may still be inside a
    /// transaction and must not be used again.
    pub(crate) broken: bool,
}

/// What a statement run by [`Conn::run`] answers.
pub(crate) enum Want {
    Rows,
    /// The number of rows it touched.
    Count,
}

pub(crate) enum Answer {
    Rows(Vec<Row>),
    Count(u64),
}

/// Where a request sent after others failed: in those sent ahead (a
/// savepoint then does not exist), or in the statement itself.
pub(crate) enum Failed {
    Ahead(tokio_postgres::Error),
    Statement(tokio_postgres::Error),
}

impl Failed {
    pub(crate) fn error(self) -> StoreError {
        match self {
            Failed::Ahead(e) | Failed::Statement(e) => backend_err(e),
        }
    }
}

impl Conn {
    pub(crate) fn open(config: &Config) -> Result<Conn> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| StoreError::Backend(format!("cannot start the client runtime: {e}")))?;
        let (client, connection) = runtime
            .block_on(config.connect(NoTls))
            .map_err(backend_err)?;
        // A closed or failed connection ends this task; `is_closed` then says so.
        runtime.spawn(connection);
        let mut conn = Conn {
            runtime,
            client,
            statements: HashMap::new(),
            broken: false,
        };
        // Statements are prepared once per connection, and PostgreSQL may
        // then keep one generic plan for all parameters, chosen from the
        // statistics of that moment: planned while the correlation index
        // was empty, a key lookup stayed a sequential scan as the table grew
        // (thousands of scans of 190 million rows in one 200,000-attribute
        // import). Planning for each execution's parameters costs little
        // beside a round trip, and a skewed key or value gets its own plan.
        conn.batch_execute("SET plan_cache_mode = force_custom_plan")
            .map_err(backend_err)?;
        // PostgreSQL compiles a query with its JIT once the plan's estimated
        // cost is high, which a scan of the events table with the visibility
        // conditions reaches: measured on 100,000 events, 120 ms of
        // compilation for an 80 ms query, on every console list and search.
        // jisr's queries are short and many; compiling never pays back.
        // (A server without JIT refuses the setting; nothing to turn off then.)
        let _ = conn.batch_execute("SET jit = off");
        Ok(conn)
    }

    pub(crate) fn usable(&self) -> bool {
        !self.broken && !self.client.is_closed()
    }

    /// Simple statements (no parameters), in one round trip.
    pub(crate) fn batch_execute(&mut self, sql: &str) -> PgResult<()> {
        self.runtime.block_on(self.client.batch_execute(sql))
    }

    /// Runs `sql` with `params`; `ahead`, simple statements such as BEGIN
    /// or a savepoint, is sent first in the same round trip (with the
    /// statement's preparation, the first time this connection sees it).
    /// PostgreSQL runs requests in the order they arrive, so `ahead` has
    /// taken effect before the statement starts.
    pub(crate) fn run(
        &mut self,
        mut ahead: Option<&str>,
        sql: &str,
        params: Params,
        want: Want,
    ) -> std::result::Result<Answer, Failed> {
        let stmt = self.statement(&mut ahead, sql)?;
        let (runtime, client) = (&self.runtime, &self.client);
        match want {
            Want::Rows => {
                pipelined(runtime, client, ahead, client.query(&stmt, params)).map(Answer::Rows)
            }
            Want::Count => {
                pipelined(runtime, client, ahead, client.execute(&stmt, params)).map(Answer::Count)
            }
        }
    }

    /// As [`Conn::run`], with three reads without parameters sent between
    /// `ahead` and the statement, in the same round trip; their rows come
    /// back with the answer.
    pub(crate) fn run_after_reads(
        &mut self,
        ahead: &str,
        reads: [&str; 3],
        sql: &str,
        params: Params,
        want: Want,
    ) -> std::result::Result<([Vec<Row>; 3], Answer), Failed> {
        // Prepared first, outside the transaction: `ahead` must reach the
        // server before the reads (it takes the writer lock they rely on).
        let [r0, r1, r2] = reads.map(|sql| self.statement(&mut None, sql));
        let (r0, r1, r2) = (r0?, r1?, r2?);
        let stmt = self.statement(&mut None, sql)?;
        let client = &self.client;
        self.runtime.block_on(async {
            let request = async {
                match want {
                    Want::Rows => client.query(&stmt, params).await.map(Answer::Rows),
                    Want::Count => client.execute(&stmt, params).await.map(Answer::Count),
                }
            };
            // `join!` polls in order, and a request is sent when first polled.
            let (first, a, b, c, answer) = tokio::join!(
                client.batch_execute(ahead),
                client.query(&r0, &[]),
                client.query(&r1, &[]),
                client.query(&r2, &[]),
                request
            );
            first.map_err(Failed::Ahead)?;
            let reads = [
                a.map_err(Failed::Ahead)?,
                b.map_err(Failed::Ahead)?,
                c.map_err(Failed::Ahead)?,
            ];
            Ok((reads, answer.map_err(Failed::Statement)?))
        })
    }

    /// The prepared statement for `sql`; preparing it sends `ahead` with it.
    fn statement(
        &mut self,
        ahead: &mut Option<&str>,
        sql: &str,
    ) -> std::result::Result<Statement, Failed> {
        if let Some(s) = self.statements.get(sql) {
            return Ok(s.clone());
        }
        let prepared = pipelined(
            &self.runtime,
            &self.client,
            ahead.take(),
            self.client.prepare(sql),
        )?;
        // Statements are cached per connection up to a bound, then the
        // cache starts over: restSearch builds its SQL per query.
        if self.statements.len() >= STATEMENT_CACHE {
            self.statements.clear();
        }
        self.statements.insert(sql.to_string(), prepared.clone());
        Ok(prepared)
    }
}

/// Waits for `request`, with `ahead` sent before it without waiting in between.
fn pipelined<T>(
    runtime: &tokio::runtime::Runtime,
    client: &Client,
    ahead: Option<&str>,
    request: impl std::future::Future<Output = PgResult<T>>,
) -> std::result::Result<T, Failed> {
    runtime.block_on(async {
        let Some(sql) = ahead else {
            return request.await.map_err(Failed::Statement);
        };
        // `join!` polls in order, and a request is sent when first polled.
        let (first, answer) = tokio::join!(client.batch_execute(sql), request);
        first.map_err(Failed::Ahead)?;
        answer.map_err(Failed::Statement)
    })
}
