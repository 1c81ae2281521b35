/** Serialises async runs of `task`: a call made while one is running waits for it, then runs again. */
export function serialised(task: () => Promise<void>): () => Promise<void> {
  let last = Promise.resolve();
  return () => {
    last = last.then(task, task);
    return last;
  };
}
