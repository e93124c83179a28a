/**
 * Waiting for SIGTERM or SIGINT, for the commands that run until stopped. The handlers are in
 * place from the call on: a supervisor that stops a command right after its ready line gets a
 * clean stop, not the default death by signal.
 */
export interface SignalWait {
  /** Resolves on the first SIGTERM or SIGINT. */
  signalled: Promise<void>
  /** Stops waiting (the command failed to start): the handlers go, and the process may exit. */
  cancel(): void
}

export function waitForSignal(): SignalWait {
  let cancel = (): void => {}
  const signalled = new Promise<void>((resolve) => {
    // Waiting is the command's whole work, even with no socket open (serve of a config without
    // a server): without a timer Node would find nothing to wait for and exit.
    const keepAlive = setInterval(() => {}, 1 << 30)
    const onSignal = (): void => {
      cancel()
      resolve()
    }
    cancel = () => {
      process.off('SIGTERM', onSignal)
      process.off('SIGINT', onSignal)
      clearInterval(keepAlive)
    }
    process.on('SIGTERM', onSignal)
    process.on('SIGINT', onSignal)
  })
  return { signalled, cancel }
}

/** Resolves on the first SIGTERM or SIGINT, after `stop` has run. */
export async function untilSignal(stop: () => Promise<void>, wait: SignalWait = waitForSignal()): Promise<void> {
  await wait.signalled
  await stop()
}
