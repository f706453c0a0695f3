import { Command, Option } from "commander";
import { ROLES } from "../platform/authz.ts";
import { VERSION } from "../platform/version.ts";
import { registerAdminCommands } from "./admin.commands.ts";
import { registerAuditCommands } from "./audit.commands.ts";
import { registerBackupCommands } from "./backup.commands.ts";
import { registerMcpCommand } from "./mcp.command.ts";
import { registerDisclosuresCommands } from "./disclosures.commands.ts";
import { registerFieldsCommands } from "./fields.commands.ts";
import { registerHaipCommands } from "./haip.commands.ts";
import { registerOwnLibraryCommands } from "./library-own.commands.ts";
import { registerGovernanceCommands } from "./governance.commands.ts";
import { registerIncidentsCommands } from "./incidents.commands.ts";
import { registerJobsCommands } from "./jobs.commands.ts";
import { registerLibraryCommands } from "./library.commands.ts";
import { registerOscalCommands } from "./oscal.commands.ts";
import { registerModelCardCommand } from "./model-card.command.ts";
import { registerExchangeCommands } from "./exchange.commands.ts";
import { registerOversightCommands } from "./oversight.commands.ts";
import { registerReportsCommands } from "./reports.commands.ts";
import { registerServeCommand } from "./serve.command.ts";
import { registerSystemsCommands } from "./systems.commands.ts";

export const roleOption = () => new Option("--role <role>", "role").choices(ROLES as unknown as string[]).makeOptionMandatory();

/** Builds the `musubi` command tree; exported for tests that drive the CLI in-process. */
export function buildCli(): Command {
  const program = new Command("musubi")
    .description("Musubi — AI governance platform (結び)")
    .version(VERSION)
    .showHelpAfterError();
  registerServeCommand(program);
  registerAdminCommands(program);
  registerAuditCommands(program);
  registerBackupCommands(program);
  registerMcpCommand(program);
  registerIncidentsCommands(program);
  registerGovernanceCommands(program);
  registerJobsCommands(program);
  registerLibraryCommands(program);
  registerOwnLibraryCommands(program);
  registerOscalCommands(program);
  registerSystemsCommands(program);
  registerFieldsCommands(program);
  // After the systems group: `systems card` joins it.
  registerDisclosuresCommands(program);
  registerHaipCommands(program);
  registerModelCardCommand(program);
  registerReportsCommands(program);
  registerExchangeCommands(program);
  registerOversightCommands(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (err) {
    process.stderr.write(`musubi: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
