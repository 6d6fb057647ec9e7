/** Runs a command-line entry: known failures print one clear line, never a stack dump. */
export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main()
  } catch (err) {
    console.error(`error: ${(err as Error).message}`)
    process.exit(1)
  }
}
