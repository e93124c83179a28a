/** Resolves on the first SIGTERM or SIGINT, after `stop` has run. */
export function untilSignal(stop: () => Promise<void>): Promise<void> {
  return new Promise<void>((resolveStop) => {
    const onSignal = (): void => {
      process.off('SIGTERM', onSignal)
      process.off('SIGINT', onSignal)
      void stop().then(resolveStop)
    }
    process.on('SIGTERM', onSignal)
    process.on('SIGINT', onSignal)
  })
}
