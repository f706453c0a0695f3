import type { Command } from "commander";
import { MIN_PASSWORD_LENGTH } from "../auth/password-policy.ts";
import { isRole, isWithin, ROLES, type Role } from "../platform/authz.ts";
import { newSecret } from "../platform/ids.ts";
import { out, withDatabase } from "./context.ts";

/** Services load on use, so commands that do not need them (audit verify, backup) start faster. */
const services = async () => ({
  ...(await import("../audit/audited.ts")),
  ...(await import("../auth/tokens.service.ts")),
  ...(await import("../platform/errors.ts")),
  ...(await import("../orgs/orgs.service.ts")),
  ...(await import("../orgs/orgs.store.ts")),
  ...(await import("../users/users.service.ts")),
  ...(await import("../users/users.schema.ts")),
  ...(await import("../users/users.store.ts")),
});


function role(value: string): Role {
  if (!isRole(value)) throw new Error(`unknown role "${value}" (one of: ${ROLES.join(", ")})`);
  return value;
}

function password(given: string | undefined): { value: string; generated: boolean } {
  if (given === undefined) return { value: newSecret(12), generated: true };
  if (given.length < MIN_PASSWORD_LENGTH) throw new Error(`password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  return { value: given, generated: false };
}

export function registerAdminCommands(program: Command): void {
  const org = program.command("org").description("organisations (tenants)");
  org
    .command("create")
    .description("create an organisation and its first administrator")
    .requiredOption("--slug <slug>", "short unique name, e.g. acme")
    .requiredOption("--name-ja <name>", "name in Japanese")
    .requiredOption("--name-en <name>", "name in English")
    .requiredOption("--admin-email <email>", "first administrator's e-mail")
    .option("--admin-name <name>", "first administrator's display name", "Administrator")
    .option("--admin-password <password>", "initial password (generated when omitted)")
    .option("--kind <kind>", "organization or authority (an authority's users may be analysts, supervisors, publishers)", "organization")
    .action(async (o: { slug: string; nameJa: string; nameEn: string; adminEmail: string; adminName: string; adminPassword?: string; kind: string }) => {
      if (o.kind !== "organization" && o.kind !== "authority") throw new Error(`unknown kind "${o.kind}" (one of: organization, authority)`);
      const kind = o.kind;
      const pw = password(o.adminPassword);
      const { createOrganization, SYSTEM_ACTOR } = await services();
      await withDatabase(async (db) => {
        const { org: created, admin } = await createOrganization(db, SYSTEM_ACTOR, {
          slug: o.slug,
          nameJa: o.nameJa,
          nameEn: o.nameEn,
          kind,
          admin: { email: o.adminEmail, displayName: o.adminName, password: pw.value },
        });
        out(`${created.kind === "authority" ? "authority" : "organisation"} ${created.slug} (${created.id}) created; administrator ${admin.email}`);
        if (pw.generated) out(`initial password (shown once): ${pw.value}`);
      });
    });

  const user = program.command("user").description("users");
  user
    .command("create")
    .description("create a user in an organisation")
    .requiredOption("--org <slug>", "organisation slug")
    .requiredOption("--email <email>", "e-mail address (the sign-in name)")
    .requiredOption("--role <role>", `one of: ${ROLES.join(", ")}`)
    .option("--name <name>", "display name (defaults to the e-mail)")
    .option("--password <password>", "initial password (generated when omitted)")
    .option("--locale <locale>", "ja or en", "ja")
    .action(async (o: { org: string; email: string; role: string; name?: string; password?: string; locale: string }) => {
      role(o.role);
      const pw = password(o.password);
      const { createUserBody, createUser, findOrganizationBySlug, AppError, SYSTEM_ACTOR } = await services();
      const parsed = createUserBody.safeParse({ email: o.email, displayName: o.name ?? o.email, role: o.role, locale: o.locale, password: pw.value });
      if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join("; "));
      const input = parsed.data;
      await withDatabase(async (db) => {
        const target = await findOrganizationBySlug(db.kysely, o.org);
        if (!target) throw new Error(`no organisation "${o.org}"`);
        const { user: created } = await createUser(db, { actor: SYSTEM_ACTOR, orgId: target.id }, input).catch((err: unknown) => {
          if (err instanceof AppError && err.code === "email_taken") throw new Error(`a user with e-mail ${input.email} exists`);
          if (err instanceof AppError && err.code === "validation_failed") throw new Error(`--role ${input.role} exists only in an authority (org create --kind authority)`);
          throw err;
        });
        out(`user ${created.email} (${created.id}) created with role ${created.role}`);
        if (pw.generated) out(`initial password (shown once): ${pw.value}`);
      });
    });

  const token = program.command("token").description("API tokens");
  token
    .command("create")
    .description("issue an API token for a user, scoped to their organisation and a role; prints the secret once")
    .requiredOption("--email <email>", "the user the token acts for")
    .option("--role <role>", `one of: ${ROLES.join(", ")}; never above the user's own role (default: the user's role)`)
    .option("--name <name>", "a label to recognise the token by", "cli")
    .option("--expires-days <days>", "days until it stops working (default: never)")
    .action(async (o: { email: string; role?: string; name: string; expiresDays?: string }) => {
      const asked = o.role === undefined ? undefined : role(o.role);
      const expiresInDays = o.expiresDays === undefined ? undefined : Number(o.expiresDays);
      if (expiresInDays !== undefined && (!Number.isInteger(expiresInDays) || expiresInDays < 1)) {
        throw new Error("--expires-days must be a positive whole number");
      }
      const { findUserByEmailForSignIn, issueToken, SYSTEM_ACTOR } = await services();
      await withDatabase(async (db) => {
        const owner = await findUserByEmailForSignIn(db.kysely, o.email);
        if (!owner || owner.status !== "active") throw new Error(`no active user ${o.email}`);
        const r = asked ?? role(owner.role);
        if (!isWithin(r, role(owner.role))) {
          throw new Error(`${owner.email} is ${owner.role}: a token cannot have more rights than its user (choose ${owner.role} or a lower role)`);
        }
        const { token: t, secret } = await issueToken(
          db,
          { actor: SYSTEM_ACTOR, orgId: owner.org_id, userId: owner.id },
          { name: o.name, role: r, expiresInDays },
        );
        out(`token ${t.id} (${t.role}) created for ${owner.email}; use it as: Authorization: Bearer <secret>`);
        out(secret);
      });
    });
}
