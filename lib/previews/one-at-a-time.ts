/**
 * Runs tasks one after the other. Rendering a page or stamping a PDF holds a whole file and a bitmap in memory and
 * keeps a core busy: one at a time per process keeps the memory bounded (≈ the file plus one page) and leaves the
 * other core to the requests.
 */
export function oneAtATime(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** The process's queue for heavy file work: previews and PDF stamps share it. */
export const heavyFileWork = oneAtATime();

/** Past this size a file is neither previewed nor stamped in memory (the upload limit may be higher). */
export const inMemoryFileLimit = 100 * 1024 * 1024;
