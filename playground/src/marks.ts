/** The playground's performance mark: the editor and the lab connection are up (`data-status="ready"`). Benchmarks read it. */
export const PLAYGROUND_READY_MARK = 'upgrade-lab:playground-ready'
