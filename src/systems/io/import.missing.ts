import { newId } from "../../platform/ids.ts";
import { foldValue } from "./import.values.ts";

/** What an import may create when a row names it and the organisation has none: on request only. */
export const CREATABLE = ["departments", "owners"] as const;
export type Creatable = (typeof CREATABLE)[number];

/** A department the import will create (its code from the cell when it is one, else a new `DEPT-` number). */
export interface NewDepartment {
  id: string;
  code: string;
  nameJa: string;
  nameEn: string;
}

/** A person the import will register as an owner: a viewer with no password anyone knows, until an administrator says otherwise. */
export interface NewOwner {
  id: string;
  email: string;
  displayName: string;
  /** The first row naming them, for the refusal when the address belongs to another organisation. */
  lines: number[];
}

const DEPARTMENT_CODE = /^[A-Za-z0-9._-]{1,40}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/;

/**
 * Departments and owners an import creates, allocated as rows name them so that every row can
 * point at their ids before anything is written; the same value always gets the same record.
 */
export class MissingRecords {
  readonly departments = new Map<string, NewDepartment>();
  readonly owners = new Map<string, NewOwner>();
  private readonly takenCodes: Set<string>;
  private next = 0;

  constructor(
    private readonly what: ReadonlySet<Creatable>,
    existingDepartmentCodes: Iterable<string>,
  ) {
    this.takenCodes = new Set(existingDepartmentCodes);
  }

  /** The new department's id, or undefined when departments are not to be created. */
  department(text: string, names: { ja?: string | undefined; en?: string | undefined } = {}): string | undefined {
    if (!this.what.has("departments")) return undefined;
    const key = foldValue(text);
    let d = this.departments.get(key);
    if (!d) {
      const own = DEPARTMENT_CODE.test(text) && !this.takenCodes.has(text);
      const code = own ? text : this.freeCode();
      this.takenCodes.add(code);
      d = { id: newId("dep"), code, nameJa: (names.ja ?? names.en ?? text).slice(0, 200), nameEn: (names.en ?? names.ja ?? text).slice(0, 200) };
      this.departments.set(key, d);
    }
    return d.id;
  }

  /** The new owner's id, or undefined when the text is not an e-mail address. */
  owner(text: string, line: number, name?: string): string | undefined {
    if (!this.what.has("owners")) return undefined;
    const email = text.trim().toLowerCase();
    if (!EMAIL.test(email) || email.length > 254) return undefined;
    let o = this.owners.get(email);
    if (!o) {
      o = { id: newId("usr"), email, displayName: (name ?? email.split("@")[0]!).slice(0, 100), lines: [] };
      this.owners.set(email, o);
    }
    if (o.lines.length < 1000) o.lines.push(line);
    return o.id;
  }

  private freeCode(): string {
    let code: string;
    do code = `DEPT-${String(++this.next).padStart(4, "0")}`;
    while (this.takenCodes.has(code));
    return code;
  }
}
