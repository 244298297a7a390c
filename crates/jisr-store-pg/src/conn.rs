//! One connection to PostgreSQL: `tokio-postgres` driven by a current-thread
//! runtime of its own (what the synchronous `postgres` crate does inside),
//! its prepared statements, requests sent together (see [`Conn::run`]), and
//! writes sent ahead without waiting for their answers ([`Conn::launch`]).

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
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
    /// Shared with the writes in flight, which outlive the call that sent them.
    client: Arc<Client>,
    statements: HashMap<String, Statement>,
    /// Writes sent by [`Conn::launch`] whose answers nobody has read yet:
    /// they are read, in order, ahead of the next requests' answers.
    in_flight: Vec<Slot<'static>>,
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
        backend_err(self.cause())
    }

    pub(crate) fn cause(self) -> tokio_postgres::Error {
        match self {
            Failed::Ahead(e) | Failed::Statement(e) => e,
        }
    }
}

/// A write that owns its parameters: it may be sent, or answered, after
/// the call that made it has returned (`PgTx::defer`, [`Conn::launch`]).
pub(crate) struct OwnedWrite {
    pub(crate) sql: &'static str,
    pub(crate) params: Vec<Box<dyn ToSql + Sync + Send>>,
}

impl OwnedWrite {
    pub(crate) fn params(&self) -> Vec<&(dyn ToSql + Sync)> {
        self.params.iter().map(|p| p.as_ref() as _).collect()
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
            client: Arc::new(client),
            statements: HashMap::new(),
            in_flight: vec![],
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
        !self.broken && !self.client.is_closed() && self.in_flight.is_empty()
    }

    /// Simple statements (no parameters), in one round trip. Writes in
    /// flight are answered first; if one of them failed, that is the error.
    pub(crate) fn batch_execute(&mut self, sql: &str) -> PgResult<()> {
        match self.pipeline(&[Request::Simple(sql)]) {
            Ok(mut answers) => answers.pop().map_or(Ok(()), |a| a.map(|_| ())),
            Err(f) => Err(f.cause()),
        }
    }

    /// Waits for the writes in flight and forgets their answers: before a
    /// rollback, which undoes them anyway.
    pub(crate) fn discard_in_flight(&mut self) {
        let slots = std::mem::take(&mut self.in_flight);
        if !slots.is_empty() {
            self.runtime.block_on(in_order(slots));
        }
    }

    /// Sends `writes` now and returns without waiting for their answers:
    /// the server runs them while the caller goes on with its own work.
    /// Their answers are read with the next requests' (see [`Conn::pipeline`]);
    /// a failed one fails those requests as a failure ahead of them.
    pub(crate) fn launch(&mut self, writes: Vec<OwnedWrite>) -> PgResult<()> {
        let mut launched = Vec::with_capacity(writes.len());
        for w in writes {
            let statement = self.statement(w.sql)?;
            let client = Arc::clone(&self.client);
            let future: Pending<'static> = Box::pin(async move {
                client
                    .execute(&statement, &w.params())
                    .await
                    .map(Answer::Count)
            });
            launched.push(Slot::new(future));
        }
        self.runtime.block_on(async {
            // tokio-postgres queues a request when its future is first
            // polled, in the order polled ...
            std::future::poll_fn(|cx| {
                for slot in &mut launched {
                    slot.poll(cx);
                }
                Poll::Ready(())
            })
            .await;
            // ... and the connection's task writes the queue to the socket
            // when it next runs: let it, before this thread leaves the runtime.
            tokio::task::yield_now().await;
        });
        self.in_flight.extend(launched);
        Ok(())
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
        let mut answers = self.pipeline(&requests)?.into_iter();
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
    /// That preparation failing is a failed statement; a write in flight
    /// having failed is a failure ahead of the requests.
    pub(crate) fn pipeline(
        &mut self,
        requests: &[Request],
    ) -> std::result::Result<Vec<PgResult<Answer>>, Failed> {
        let mut prepared = Vec::with_capacity(requests.len());
        for r in requests {
            prepared.push(match r {
                Request::Simple(_) => None,
                Request::Statement { sql, .. } => {
                    Some(self.statement(sql).map_err(Failed::Statement)?)
                }
            });
        }
        let launched = std::mem::take(&mut self.in_flight);
        let earlier = launched.len();
        let client = &*self.client;
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
        let slots = launched
            .into_iter()
            .chain(sent.into_iter().map(Slot::new))
            .collect();
        let mut answers = self.runtime.block_on(in_order(slots));
        let mine = answers.split_off(earlier.min(answers.len()));
        for answer in answers {
            answer.map_err(Failed::Ahead)?;
        }
        Ok(mine)
    }

    /// The prepared statement for `sql`, prepared the first time.
    fn statement(&mut self, sql: &str) -> PgResult<Statement> {
        if let Some(s) = self.statements.get(sql) {
            return Ok(s.clone());
        }
        // The writes in flight are answered first, so they are driven along:
        // the connection holds back later answers while an earlier request
        // leaves more than a few of its own untaken, and waiting on the
        // preparation alone could then wait forever.
        let (client, in_flight) = (&self.client, &mut self.in_flight);
        let prepared = self.runtime.block_on(async {
            let mut preparing = std::pin::pin!(client.prepare(sql));
            std::future::poll_fn(|cx| {
                for slot in in_flight.iter_mut() {
                    slot.poll(cx);
                }
                preparing.as_mut().poll(cx)
            })
            .await
        })?;
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

type Pending<'a> = Pin<Box<dyn Future<Output = PgResult<Answer>> + Send + 'a>>;

/// A request's future and, once it has given it, its answer (a future
/// must not be polled again after that).
struct Slot<'a> {
    future: Pending<'a>,
    answer: Option<PgResult<Answer>>,
}

impl<'a> Slot<'a> {
    fn new(future: Pending<'a>) -> Slot<'a> {
        Slot {
            future,
            answer: None,
        }
    }

    /// Whether it has its answer.
    fn poll(&mut self, cx: &mut std::task::Context<'_>) -> bool {
        if self.answer.is_none()
            && let Poll::Ready(a) = self.future.as_mut().poll(cx)
        {
            self.answer = Some(a);
        }
        self.answer.is_some()
    }
}

/// Awaits every future, polling them in the order given: tokio-postgres
/// sends a request when its future is first polled, so they leave in this
/// order, together.
async fn in_order(mut slots: Vec<Slot<'_>>) -> Vec<PgResult<Answer>> {
    std::future::poll_fn(|cx| {
        let mut all = true;
        for slot in &mut slots {
            all &= slot.poll(cx);
        }
        if all { Poll::Ready(()) } else { Poll::Pending }
    })
    .await;
    slots.into_iter().filter_map(|s| s.answer).collect()
}
