/**
 * What a command-line entry (npm run backup, restore, audit:affected, db:migrate, …) tells the
 * operator at the terminal: progress, counts, file paths, tool versions. Never a person's data —
 * the breach listing's names go to its owner-only files, not here — and not the server's log.
 */
export function say(message: string): void {
  console.log(message)
}

/** Runs a command-line entry: known failures print one clear line, never a stack dump. */
export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main()
  } catch (err) {
    console.error(`error: ${(err as Error).message}`)
    process.exit(1)
  }
}
