import fs from "node:fs";

/**
 * How much CPU other processes (not this benchmark and its children) took while a benchmark ran,
 * from /proc (Linux only). On a 2-core machine shared with test runs this explains a lot of noise.
 */
const HZ = 100; // USER_HZ: /proc times are in clock ticks of 1/100 s on Linux

interface Snapshot {
  at: number;
  busy: number;
  ours: number;
  steal: number;
}

function statFields(pid: string): string[] | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may contain spaces.
    return text.slice(text.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined;
  }
}

/** CPU ticks of this process and its live descendants, including what they have reaped. */
function oursTicks(): number {
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const f = statFields(name);
    if (!f) continue;
    // After the name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14)
    parent.set(Number(name), Number(f[1]));
    ticks.set(Number(name), Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]));
  }
  let sum = 0;
  for (const [pid, t] of ticks) {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parent.get(p)) {
      if (p === process.pid) {
        sum += t;
        break;
      }
    }
  }
  return sum;
}

function snapshot(): Snapshot | undefined {
  try {
    const cpu = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = cpu;
    return { at: performance.now(), busy: user + nice + system + irq + softirq, ours: oursTicks(), steal };
  } catch {
    return undefined;
  }
}

export interface Noise {
  /** Average number of cores busy with other processes. */
  otherCores: number;
  /** Average number of cores the hypervisor took away (steal time). */
  stealCores: number;
}

/** Starts measuring; call the returned function at the end. */
export function measureNoise(): () => Noise | undefined {
  const start = snapshot();
  return () => {
    const end = snapshot();
    if (!start || !end) return undefined;
    const seconds = (end.at - start.at) / 1000;
    const other = Math.max(0, end.busy - start.busy - (end.ours - start.ours));
    return { otherCores: other / HZ / seconds, stealCores: (end.steal - start.steal) / HZ / seconds };
  };
}
