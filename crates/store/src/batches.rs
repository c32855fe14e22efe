//! Writes that share commits. Every job joins a queue; whoever gets the writer's turn takes
//! all jobs queued by then and writes them in one transaction, and each job is answered only
//! after the commit that holds it. On SQLite, where every commit waits for the disk, this is
//! what lets a class save at once: one flush for many writes.

use std::future::Future;
use std::sync::Arc;

/// The jobs waiting to be written, and the writer's turn.
pub(crate) struct Batches<J> {
    queue: std::sync::Mutex<Vec<J>>,
    writer: Arc<tokio::sync::Mutex<()>>,
}

impl<J> Default for Batches<J> {
    fn default() -> Self {
        Batches {
            queue: std::sync::Mutex::new(Vec::new()),
            writer: Arc::default(),
        }
    }
}

impl<J> std::fmt::Debug for Batches<J> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Batches")
    }
}

/// At most this many jobs share one transaction.
const BATCH: usize = 512;

impl<J: Send + 'static> Batches<J> {
    /// Queues `job` (which carries the sender of `answer`) and waits for its answer. While
    /// waiting, takes the writer's turn when it comes and writes what is queued with `write`
    /// (which answers every job it was given): a job someone else's batch has written is
    /// answered without waiting for the writer. `None` when the batch holding the job failed
    /// before it answered.
    pub(crate) async fn submit<T, W, F>(
        &self,
        job: J,
        mut answer: tokio::sync::oneshot::Receiver<T>,
        write: W,
    ) -> Option<T>
    where
        W: Fn(Vec<J>) -> F,
        F: Future<Output = ()> + Send + 'static,
    {
        if let Ok(mut queue) = self.queue.lock() {
            queue.push(job);
        }
        loop {
            tokio::select! {
                biased;
                outcome = &mut answer => return outcome.ok(),
                writer = Arc::clone(&self.writer).lock_owned() => {
                    let jobs = self.take();
                    if !jobs.is_empty() {
                        // Written by a task of its own, holding the writer, so that a person
                        // who goes away (a closed tab drops this request) cannot cut off a
                        // batch that holds other people's jobs.
                        let batch = write(jobs);
                        let done = tokio::spawn(async move {
                            batch.await;
                            drop(writer);
                        });
                        if done.await.is_err() {
                            return answer.try_recv().ok();
                        }
                    }
                }
            }
        }
    }

    fn take(&self) -> Vec<J> {
        match self.queue.lock() {
            Ok(mut queue) => {
                let n = queue.len().min(BATCH);
                queue.drain(..n).collect()
            }
            Err(_) => Vec::new(),
        }
    }
}
