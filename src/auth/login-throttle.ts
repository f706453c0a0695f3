import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import type { Db } from "../db/connect.ts";

/** Limits per window, as multiples of the configured `loginMaxAttempts` (10 by default). */
const SPREAD = {
  /** One account from one address (or one known browser). */
  accountAtAddress: 1,
  /** One account from anywhere: guessing spread over many addresses. */
  account: 10,
  /** One address over any accounts, for browsers that have never signed in successfully. */
  address: 5,
} as const;

export interface AttemptKeys {
  email: string;
  /** The client's address bucket (see `addressBucket`). */
  address: string;
  /** A known browser's id, from a valid device cookie for this e-mail. */
  device?: string;
}

/**
 * Counts sign-in attempts in the database, so that a count is taken atomically before the password
 * is checked (a burst of simultaneous guesses cannot all slip under the limit) and is shared by
 * every server on the same database.
 *
 * Counted keys: the account at the address, the account anywhere, and either the address — or,
 * when the browser presents a device cookie earned by signing in to this account before, that
 * device instead of the address (OWASP's "device cookie"). So one attacker guessing many accounts
 * from an office's shared address exhausts that address's allowance for unknown browsers only:
 * the people who have signed in from their browsers before keep signing in.
 */
export class LoginThrottle {
  constructor(
    private readonly db: Db,
    private readonly maxAttempts: number,
    private readonly windowMs: number,
  ) {}

  #keys(k: AttemptKeys): [[string, number], [string, number], [string, number]] {
    const max = this.maxAttempts;
    return [
      [`ai:${k.email}|${k.device ? `d:${k.device}` : k.address}`, max * SPREAD.accountAtAddress],
      [`a:${k.email}`, max * SPREAD.account],
      k.device ? [`d:${k.device}`, max * SPREAD.accountAtAddress] : [`i:${k.address}`, max * SPREAD.address],
    ];
  }

  /**
   * Counts one attempt under each key in turn and answers whether it may go ahead. The count is
   * written first and read back in the same statement, so it is exact however many attempts arrive
   * at once. An attempt refused under one key is not counted under the next: only attempts that
   * could reach a password check count, so hammering one account does not use up the address's
   * allowance for other accounts, and a burst at one account gets exactly its limit checked.
   */
  async attempt(k: AttemptKeys, now = Date.now()): Promise<boolean> {
    const cutoff = now - this.windowMs;
    let allowed = true;
    for (const [key, limit] of this.#keys(k)) {
      if (!allowed) break;
      const row = await this.db.kysely
        .insertInto("login_throttle")
        .values({ key, window_start: now, count: 1 })
        .onConflict((oc) =>
          oc.column("key").doUpdateSet({
            count: sql<number>`case when login_throttle.window_start <= ${cutoff} then 1 else login_throttle.count + 1 end`,
            window_start: sql<number>`case when login_throttle.window_start <= ${cutoff} then ${now} else login_throttle.window_start end`,
          }),
        )
        .returning("count")
        .executeTakeFirstOrThrow();
      if (Number(row.count) > limit) allowed = false;
    }
    if (Math.random() < 0.01) await this.db.kysely.deleteFrom("login_throttle").where("window_start", "<=", cutoff).execute();
    return allowed;
  }

  /** A successful sign-in does not count: the account's counts at this address start again. */
  async succeeded(k: AttemptKeys): Promise<void> {
    const [accountAtAddress, account, place] = this.#keys(k);
    await this.db.kysely.deleteFrom("login_throttle").where("key", "=", accountAtAddress[0]).execute();
    await this.db.kysely
      .updateTable("login_throttle")
      .set({ count: sql<number>`case when count > 0 then count - 1 else 0 end` })
      .where("key", "in", [account[0], place[0]])
      .execute();
  }
}

export const DEVICE_COOKIE = "musubi_device";

/**
 * Device cookies: `<id>.<HMAC(id|email)>`, given to a browser after a successful sign-in and valid
 * only for that account. The key is kept in the data folder (0600), so every server sharing the
 * folder accepts the same cookies, and deleting it forgets every known browser.
 */
export class DeviceCookies {
  readonly #key: Buffer;

  constructor(dataDir: string) {
    const file = path.join(dataDir, "secrets", "device-cookie.key");
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      try {
        fs.writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      }
    }
    this.#key = Buffer.from(fs.readFileSync(file, "utf8").trim(), "hex");
  }

  #mac(id: string, email: string): string {
    return createHmac("sha256", this.#key).update(`${id}|${email.toLowerCase()}`).digest("base64url");
  }

  issue(email: string, existing?: string): string {
    const id = existing ?? randomBytes(16).toString("hex");
    return `${id}.${this.#mac(id, email)}`;
  }

  /** The device id when `cookie` was issued for this e-mail; otherwise undefined. */
  verify(cookie: string | undefined, email: string): string | undefined {
    const m = /^([0-9a-f]{32})\.([A-Za-z0-9_-]{43})$/.exec(cookie ?? "");
    if (!m) return undefined;
    const expected = Buffer.from(this.#mac(m[1]!, email));
    const given = Buffer.from(m[2]!);
    return expected.length === given.length && timingSafeEqual(expected, given) ? m[1] : undefined;
  }
}
