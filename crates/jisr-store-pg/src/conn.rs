//! One connection to PostgreSQL: `tokio-postgres` driven by a current-thread
//! runtime of its own (what the synchronous `postgres` crate does inside),
//! its prepared statements, and requests sent together (see [`Conn::run`]).

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::task::Poll;

use jisr_store::{Result, StoreError};
use tokio_postgres::types::{ToSql, Type};
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
    /// Rows, from a plan made for these parameter values (an unnamed
    /// statement): for reads whose best plan depends on the value, such as
    /// a correlation key held by one attribute or by a million. Other
    /// statements keep the plan PostgreSQL caches for their prepared form.
    RowsPlannedForValues,
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
        // Prepared statements keep the plan PostgreSQL caches for them
        // (`plan_cache_mode = auto`, its default: after five executions a
        // generic plan, if it costs no more): planning an insert or a lookup
        // by id for each execution took 0.2 ms of an added attribute's
        // 1.1 ms. Reads whose plan depends on the value (correlation keys,
        // searches, the duplicate check) ask for a plan of their own
        // (`Want::RowsPlannedForValues`): a generic plan made while the
        // correlation index was empty kept scanning it whole as it grew
        // (thousands of scans of 190 million rows in one import).
        conn.batch_execute("SET plan_cache_mode = auto")
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
    /// or a savepoint, is sent first in the same round trip. PostgreSQL runs
    /// requests in the order they arrive, so `ahead` has taken effect before
    /// the statement starts.
    pub(crate) fn run(
        &mut self,
        ahead: Option<&str>,
        sql: &str,
        params: Params,
        want: Want,
    ) -> std::result::Result<Answer, Failed> {
        let mut requests: Vec<Request> = ahead.map(Request::Simple).into_iter().collect();
        requests.push(Request::Statement { sql, params, want });
        let mut answers = self
            .pipeline(&requests)
            .map_err(Failed::Statement)?
            .into_iter();
        if ahead.is_some() {
            answers.next().transpose().map_err(Failed::Ahead)?;
        }
        match answers.next() {
            Some(answer) => answer.map_err(Failed::Statement),
            None => Ok(Answer::Count(0)),
        }
    }

    /// Sends every request in one round trip, in order, and returns each
    /// one's answer. PostgreSQL runs them in order; after a failed one, the
    /// rest of a transaction fails too ("current transaction is aborted").
    /// Statements not prepared yet are prepared first, outside the pipeline:
    /// a BEGIN among the requests must reach the server before what follows.
    pub(crate) fn pipeline(&mut self, requests: &[Request]) -> PgResult<Vec<PgResult<Answer>>> {
        let mut prepared = Vec::with_capacity(requests.len());
        for r in requests {
            prepared.push(match r {
                Request::Simple(_) => None,
                Request::Statement { sql, .. } => Some(self.statement(sql)?),
            });
        }
        let client = &self.client;
        let sent: Vec<Pending<'_>> = requests
            .iter()
            .zip(&prepared)
            .map(|(r, stmt)| -> Pending<'_> {
                match (r, stmt) {
                    (Request::Simple(sql), _) => Box::pin(async move {
                        client.batch_execute(sql).await.map(|_| Answer::Count(0))
                    }),
                    (
                        Request::Statement {
                            params,
                            want: Want::Rows,
                            ..
                        },
                        Some(stmt),
                    ) => {
                        Box::pin(async move { client.query(stmt, params).await.map(Answer::Rows) })
                    }
                    (
                        Request::Statement {
                            sql,
                            params,
                            want: Want::RowsPlannedForValues,
                        },
                        Some(stmt),
                    ) => {
                        let typed = with_types(stmt, params);
                        Box::pin(
                            async move { client.query_typed(sql, &typed).await.map(Answer::Rows) },
                        )
                    }
                    (Request::Statement { params, .. }, Some(stmt)) => {
                        Box::pin(
                            async move { client.execute(stmt, params).await.map(Answer::Count) },
                        )
                    }
                    // Every statement was prepared above.
                    (Request::Statement { .. }, None) => Box::pin(async { Ok(Answer::Count(0)) }),
                }
            })
            .collect();
        Ok(self.runtime.block_on(in_order(sent)))
    }

    /// The prepared statement for `sql`, prepared the first time.
    fn statement(&mut self, sql: &str) -> PgResult<Statement> {
        if let Some(s) = self.statements.get(sql) {
            return Ok(s.clone());
        }
        let prepared = self.runtime.block_on(self.client.prepare(sql))?;
        // Statements are cached per connection up to a bound, then the
        // cache starts over: restSearch builds its SQL per query.
        if self.statements.len() >= STATEMENT_CACHE {
            self.statements.clear();
        }
        self.statements.insert(sql.to_string(), prepared.clone());
        Ok(prepared)
    }
}

/// The parameters with the types PostgreSQL inferred when it prepared
/// `stmt`, for an unnamed statement of the same text (`query_typed`).
fn with_types<'a>(stmt: &Statement, params: Params<'a>) -> Vec<(&'a (dyn ToSql + Sync), Type)> {
    params
        .iter()
        .copied()
        .zip(stmt.params().iter().cloned())
        .collect()
}

/// One request of [`Conn::pipeline`].
pub(crate) enum Request<'a> {
    /// Simple statements without parameters (BEGIN, a savepoint, COMMIT).
    Simple(&'a str),
    Statement {
        sql: &'a str,
        params: Params<'a>,
        want: Want,
    },
}

type Pending<'a> = Pin<Box<dyn Future<Output = PgResult<Answer>> + 'a>>;

/// Awaits every future, polling them in the order given: tokio-postgres
/// sends a request when its future is first polled, so they leave in this
/// order, together.
async fn in_order(mut futures: Vec<Pending<'_>>) -> Vec<PgResult<Answer>> {
    let mut answers: Vec<Option<PgResult<Answer>>> = futures.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut all = true;
        for (future, answer) in futures.iter_mut().zip(answers.iter_mut()) {
            if answer.is_none() {
                match future.as_mut().poll(cx) {
                    Poll::Ready(a) => *answer = Some(a),
                    Poll::Pending => all = false,
                }
            }
        }
        if all { Poll::Ready(()) } else { Poll::Pending }
    })
    .await;
    answers.into_iter().flatten().collect()
}
