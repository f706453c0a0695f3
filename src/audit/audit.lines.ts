import fs from "node:fs";

/** One line of a file, as bytes without its `\n`. */
export interface Line {
  bytes: Buffer;
  /** 1-based. */
  number: number;
  /** False for a last line with no `\n` after it: on an append-only file, a write cut short. */
  terminated: boolean;
}

const CHUNK = 1 << 20;

/**
 * The lines of a file, read a megabyte at a time so that a large file (a year of checkpoints, an
 * export of a million entries) is never held in memory. Bytes rather than strings, so that callers
 * can hash exactly what is on disk and skip lines without decoding them.
 */
export function* readLines(file: string): Generator<Line> {
  const fd = fs.openSync(file, "r");
  try {
    let rest = Buffer.alloc(0);
    let number = 0;
    const chunk = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const n = fs.readSync(fd, chunk, 0, CHUNK, null);
      if (n === 0) break;
      const data = rest.length ? Buffer.concat([rest, chunk.subarray(0, n)]) : Buffer.from(chunk.subarray(0, n));
      let start = 0;
      for (let nl = data.indexOf(10, start); nl !== -1; nl = data.indexOf(10, start)) {
        yield { bytes: data.subarray(start, nl), number: ++number, terminated: true };
        start = nl + 1;
      }
      rest = data.subarray(start);
    }
    if (rest.length) yield { bytes: rest, number: ++number, terminated: false };
  } finally {
    fs.closeSync(fd);
  }
}
