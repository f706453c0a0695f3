import fs from "node:fs";
import inspector from "node:inspector";
import path from "node:path";

/** Runs `work`, writing a CPU profile of it to `$MUSUBI_BENCH_PROFILE_DIR/<name>.cpuprofile` when that variable is set (for Chrome DevTools or speedscope). */
export async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  const dir = process.env.MUSUBI_BENCH_PROFILE_DIR;
  if (!dir) return work();
  const session = new inspector.Session();
  session.connect();
  const post = (method: string) => new Promise<unknown>((resolve, reject) => session.post(method, (err, result) => (err ? reject(err) : resolve(result))));
  await post("Profiler.enable");
  await post("Profiler.start");
  try {
    return await work();
  } finally {
    const { profile } = (await post("Profiler.stop")) as { profile: unknown };
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

